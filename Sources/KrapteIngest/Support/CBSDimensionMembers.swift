import Foundation
import KrapteCore

/// The members of one dimension of a CBS OData table, read from its code collection, and their places in a release.
///
/// Where Krapte knows the dimension's code list, a CBS key becomes that list's code (`T001081` becomes `A-U`) and
/// keeps CBS's title; other keys stay as they are. Used by both OData readers.
struct CBSDimensionMembers {
    /// The dimension's code, for messages.
    let dimension: String
    /// The collection the codes came from (`BedrijfstakkenCodes`, `Bedrijfskenmerken`), for messages.
    let collection: String
    let allowNew: Bool
    private let members: [String: Member]
    private var places: [String: Int] = [:]

    /// Reads the members from the rows of a code collection, whose key field is `keyField` (`Identifier` in v4,
    /// `Key` in v3); keys are trimmed of CBS's padding.
    init(dimension: String, collection: String, rows: [[String: Any]], keyField: String, lists: [CodeList], allowNew: Bool) {
        self.dimension = dimension
        self.collection = collection
        self.allowNew = allowNew
        var members: [String: Member] = [:]
        for row in rows {
            guard let key = (row[keyField] as? String)?.trimmingCharacters(in: .whitespaces) else { continue }
            let title = (row["Title"] as? String)?.trimmingCharacters(in: .whitespaces) ?? key
            var member = Member(code: key, label: title)
            for list in lists {
                if case .found(let known) = list.resolve(key) {
                    member = Member(code: known.code, label: title, parent: known.parent)
                    break
                }
            }
            members[key] = member
        }
        self.members = members
    }

    /// The index in `release` of the member that `key` names, adding it to the release the first time.
    /// - Throws: `IngestError` naming file, record and dimension for a key the collection does not list, unless new
    ///   members are allowed.
    mutating func place(of rawKey: String, dimension d: Int, in release: inout Release, file: String, row: Int) throws -> Int {
        if let i = places[rawKey] { return i }
        let key = rawKey.trimmingCharacters(in: .whitespaces)
        let member: Member
        if let known = members[key] {
            member = known
        } else if allowNew {
            member = Member(code: key, label: key)
        } else {
            throw IngestError(
                file: file,
                row: row,
                column: dimension,
                code: .unknownMember,
                message: Message("CBSDimensionMembers.codeAmongTableS", key.excerpt, collection),
                fix: Message("CBSDimensionMembers.codeAmongTableS.fix")
            )
        }
        let i = release.memberIndex(member, dimension: d)
        places[rawKey] = i
        return i
    }
}
