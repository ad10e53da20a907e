import Foundation
import KrapteCore

/// Turns the texts of one dimension column into members, through the code lists Krapte knows for that dimension.
///
/// Each distinct text is resolved once. A dimension without a code list keeps its texts as members, with a code
/// made from the text; a text that the dimension's lists do not know is an error, or a new member when allowed.
///
/// Region names in a CBS table are read by their level (see `RegionLevel`): a name with a suffix such as `(AM)` must
/// name a region of that level, and a name without one, other than a listed label such as Nederland, is a gemeente.
struct MemberResolver {
    let dimension: String
    let lists: [CodeList]
    let allowNew: Bool
    /// Whether the texts are region labels as CBS writes them, read by their level.
    let cbsRegionLabels: Bool
    private var cache: [String: Member] = [:]

    init(dimension: String, lists: [CodeList], allowNew: Bool, cbsRegionLabels: Bool = false) {
        self.dimension = dimension
        self.lists = lists
        self.allowNew = allowNew
        self.cbsRegionLabels = cbsRegionLabels && lists.contains { $0.id == BuiltInCodeLists.regions.id }
    }

    /// The member a text names; `label`, when the file gives one beside a code, labels a member of a dimension
    /// without a code list (the label of the first row that names the code is kept).
    /// - Throws: `IngestError` for an unknown or ambiguous text, naming file, row and column.
    mutating func resolve(_ text: String, label: String? = nil, file: String, row: Int) throws -> Member {
        if let m = cache[text] { return m }
        var member = try lookUp(text, file: file, row: row)
        if let label = label?.trimmingCharacters(in: .whitespaces), !label.isEmpty, lists.isEmpty {
            if let problem = DatasetRules.labelProblem(label) {
                throw IngestError(
                    file: file,
                    row: row,
                    column: dimension,
                    code: .invalid,
                    message: Message("MemberResolver.labelCannotLabel", label.excerpt, text.excerpt, problem),
                    fix: Message("MemberResolver.labelCannotLabel.fix", DatasetRules.maximumLabelLength)
                )
            }
            member.label = label
        }
        cache[text] = member
        return member
    }

    private func lookUp(_ raw: String, file: String, row: Int) throws -> Member {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw IngestError(
                file: file,
                row: row,
                column: dimension,
                code: .unknownMember,
                message: Message("MemberResolver.memberEmpty"),
                fix: Message("MemberResolver.memberEmpty.fix", dimension)
            )
        }
        if lists.isEmpty { return try newMember(text, file: file, row: row) }
        if cbsRegionLabels { return try region(text, file: file, row: row) }
        for list in lists {
            switch list.resolve(text) {
            case .found(let m): return Member(code: m.code, label: m.label, parent: m.parent)
            case .ambiguous(let codes):
                throw IngestError(
                    file: file,
                    row: row,
                    column: dimension,
                    code: .unknownMember,
                    message: Message("MemberResolver.namesSeveralMembers", text.excerpt, list.title, codes.joined(separator: ", ")),
                    fix: Message("MemberResolver.namesSeveralMembers.fix")
                )
            case .notFound: continue
            }
        }
        if allowNew { return try newMember(text, file: file, row: row) }
        throw IngestError(
            file: file,
            row: row,
            column: dimension,
            code: .unknownMember,
            message: Message("MemberResolver.codeList", text.excerpt, Message.either(lists.map(\.title))),
            fix: Message("MemberResolver.codeList.fix")
        )
    }

    /// The region a CBS label names, by its level: a listed region of the level its suffix names, a listed region
    /// whose code or label the text is, or else a gemeente.
    private func region(_ text: String, file: String, row: Int) throws -> Member {
        let (name, level) = RegionLevel.split(text)
        for list in lists {
            guard case .found(let m) = list.resolve(text) else { continue }
            if let level {
                if RegionLevel(code: m.code) == level { return Member(code: m.code, label: m.label, parent: m.parent) }
            } else if m.code == text || m.label == text {
                return Member(code: m.code, label: m.label, parent: m.parent)
            }
        }
        guard level == nil || level == .gemeente else {
            let levelName = level?.name ?? ""
            throw IngestError(
                file: file,
                row: row,
                column: dimension,
                code: .unknownMember,
                message: Message("MemberResolver.namesCodeList", text.excerpt, levelName, Message.either(lists.map(\.title))),
                fix: Message("MemberResolver.namesCodeList.fix", levelName)
            )
        }
        let slug = Self.slug(name)
        if let problem = DatasetRules.labelProblem(text) ?? (slug.isEmpty ? Message("MemberResolver.noLetterOrDigit") : nil) {
            throw IngestError(
                file: file,
                row: row,
                column: dimension,
                code: .invalid,
                message: Message("MemberResolver.gemeenteCannotMember", text.excerpt, problem),
                fix: Message("MemberResolver.gemeenteCannotMember.fix")
            )
        }
        let code = "gemeente-" + slug
        return Member(code: code, label: text)
    }

    /// A member of its own for a text that no code list gives.
    /// - Throws: `IngestError` when the text cannot be a label (too long, a control character) or holds nothing to
    ///   make a code from.
    private func newMember(_ text: String, file: String, row: Int) throws -> Member {
        let code = Self.code(for: text)
        if let problem = DatasetRules.labelProblem(text) ?? (code.isEmpty ? Message("MemberResolver.noLetterOrDigit") : nil) {
            throw IngestError(
                file: file,
                row: row,
                column: dimension,
                code: .invalid,
                message: Message("MemberResolver.labelCannotMember", text.excerpt, problem),
                fix: Message("MemberResolver.labelCannotMember.fix", DatasetRules.maximumLabelLength)
            )
        }
        return Member(code: code, label: text)
    }

    /// A stable code for a text without a code list: the text itself when it is a short code
    /// (`52052`, `T001038`), otherwise a slug (`volume-t-o-v-zelfde-periode-vorig-jaar`).
    static func code(for text: String) -> String {
        if text.count <= 12, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !text.contains(" ") {
            return text
        }
        return slug(text)
    }

    /// A text as a code of lower-case ASCII letters, digits and dashes (`'s-Gravenhage` gives `s-gravenhage`), at most
    /// 60 characters.
    static func slug(_ text: String) -> String {
        var slug = ""
        var dash = false
        for c in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased() {
            if c.isASCII, c.isLetter || c.isNumber {
                slug.append(c)
                dash = false
            } else if c == "+" {
                slug.append("plus")
                dash = false
            } else if !dash, !slug.isEmpty {
                slug.append("-")
                dash = true
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(60))
    }
}
