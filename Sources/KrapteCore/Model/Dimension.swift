/// The role a dimension plays.
public enum DimensionKind: String, Sendable, Codable, CaseIterable {
    /// Periods.
    case time
    /// Regions.
    case geography
    /// Any other classification: sectors, occupations, sex, age.
    case classification
}

/// A member of a dimension as a dataset uses it.
public struct Member: Sendable, Hashable, Codable {
    /// The code (`NL01`, `J`, `T001038`).
    public var code: String
    /// The label (`Nederland`, `J Informatie en communicatie`).
    public var label: String
    /// The code of the parent member in the code list's hierarchy, if any.
    public var parent: String?

    /// Makes a member.
    public init(code: String, label: String, parent: String? = nil) {
        self.code = code
        self.label = label
        self.parent = parent
    }
}

/// A dimension of a dataset other than time: its code, kind, code list and the members the dataset uses.
public struct Dimension: Sendable, Hashable, Codable {
    /// The dimension's code, as CBS names it (`RegioS`, `BedrijfstakkenBranchesSBI2008`).
    public var code: String
    /// The title.
    public var title: String
    /// The kind.
    public var kind: DimensionKind
    /// The id of the code list its members come from, or nil when the dataset brings its own.
    public var codeList: String?
    /// The members that occur in the dataset, in the order of the source.
    public var members: [Member]

    /// Makes a dimension.
    public init(code: String, title: String, kind: DimensionKind = .classification, codeList: String? = nil, members: [Member] = []) {
        self.code = code
        self.title = title
        self.kind = kind
        self.codeList = codeList
        self.members = members
    }

    /// The member with this code, or else the one with exactly this label, or else the only one whose label,
    /// without its leading code (`C Industrie`) or region level (`Utrecht (PV)`), is the name in any case.
    public func member(named name: String) -> Member? {
        if let m = members.first(where: { $0.code == name }) ?? members.first(where: { $0.label == name }) { return m }
        let wanted = name.lowercased()
        let found = members.filter { m in
            let label = m.label.lowercased()
            let withoutCode = label.hasPrefix(m.code.lowercased() + " ") ? String(label.dropFirst(m.code.count + 1)) : label
            return label == wanted || withoutCode == wanted || RegionLevel.split(m.label).name.lowercased() == wanted
        }
        return found.count == 1 ? found[0] : nil
    }

    /// What to add to "has no member NAME": the members whose code or label come closest, by their label.
    public func suggestion(for name: String) -> Message {
        Suggestions.sentence(name, members: members)
    }
}
