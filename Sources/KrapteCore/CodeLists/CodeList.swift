/// A member of a code list: a code, a label, its place in the hierarchy and when it is valid.
public struct CodeListMember: Sendable, Hashable, Codable {
    /// The code (`PV26`, `J`, `0811`).
    public var code: String
    /// The label as the publisher writes it.
    public var label: String
    /// The parent's code, nil for a root.
    public var parent: String?
    /// The first year the code is valid, nil when always.
    public var validFrom: Int?
    /// The last year the code is valid, nil when still valid.
    public var validTo: Int?
    /// Other texts that name the member: CBS keys, labels truncated differently in other tables, plain names.
    public var aliases: [String]

    /// Makes a member.
    public init(code: String, label: String, parent: String? = nil, validFrom: Int? = nil, validTo: Int? = nil, aliases: [String] = []) {
        self.code = code
        self.label = label
        self.parent = parent
        self.validFrom = validFrom
        self.validTo = validTo
        self.aliases = aliases
    }

    /// Whether the code is valid in `year`.
    public func isValid(in year: Int) -> Bool {
        (validFrom.map { year >= $0 } ?? true) && (validTo.map { year <= $0 } ?? true)
    }
}

/// A versioned list of codes with labels and a hierarchy, such as the CBS regions or SBI 2008.
///
/// A text names a member when it is the member's code, its label, one of its aliases, or a label that the
/// publisher truncated (`Leidsters kinderopvang en onderw...`, `Bedrijfsgrootte: 0 tot 10 werkzame pe...`).
public struct CodeList: Sendable, Identifiable {
    /// The list's id (`regio`, `sbi2008`).
    public let id: String
    /// The title.
    public let title: String
    /// The version, such as the year of the classification.
    public let version: String
    /// Where the codes come from.
    public let source: String
    /// The members, in the publisher's order.
    public let members: [CodeListMember]

    private let exact: [String: Int]
    private let ambiguous: Set<String>

    /// Makes a code list and indexes its codes, labels and aliases. A text that names two members is
    /// dropped from the index, so that it cannot silently resolve to the wrong one.
    public init(id: String, title: String, version: String, source: String, members: [CodeListMember]) {
        self.id = id
        self.title = title
        self.version = version
        self.source = source
        self.members = members
        var exact: [String: Int] = [:]
        var ambiguous: Set<String> = []
        for (i, m) in members.enumerated() {
            exact[m.code] = i
        }
        for (i, m) in members.enumerated() {
            for text in [m.label] + m.aliases where exact[text] != i {
                if exact[text] == nil, !ambiguous.contains(text) {
                    exact[text] = i
                } else if members[exact[text] ?? i].code != text {
                    exact[text] = nil
                    ambiguous.insert(text)
                }
            }
        }
        self.exact = exact
        self.ambiguous = ambiguous
    }

    /// The member with this code.
    public func member(code: String) -> CodeListMember? {
        exact[code].map { members[$0] }.flatMap { $0.code == code ? $0 : nil }
    }

    /// What resolving a text found.
    public enum Resolution: Sendable, Hashable {
        /// The text names this member.
        case found(CodeListMember)
        /// The text names several members; the codes are given so that the user can pick one.
        case ambiguous([String])
        /// The text names no member.
        case notFound
    }

    /// Finds the member a text names: a code, a label, an alias, or a truncated label.
    ///
    /// - Complexity: O(1) for an exact code, label or alias; O(*n*) for a truncated label.
    public func resolve(_ text: String) -> Resolution {
        let t = text.trimmingSpaces()
        if let i = exact[t] { return .found(members[i]) }
        if ambiguous.contains(t) {
            return .ambiguous(members.filter { $0.label == t || $0.aliases.contains(t) }.map(\.code))
        }
        let stem = Self.stem(t)
        guard !stem.isEmpty, stem.count < t.count || t.hasSuffix(".") else { return .notFound }
        // A truncated label: its stem must agree with a member's label (or alias) as far as both go,
        // and a leading code, when there is one, must be that member's code.
        let leading = t.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let byCode = member(code: leading)
        var found: [CodeListMember] = []
        for m in byCode.map({ [$0] }) ?? members {
            for candidate in [m.label] + m.aliases {
                let other = Self.stem(candidate)
                if other.hasPrefix(stem) || (byCode != nil && stem.hasPrefix(other)) {
                    found.append(m)
                    break
                }
            }
        }
        switch found.count {
        case 0: return .notFound
        case 1: return .found(found[0])
        default: return .ambiguous(found.map(\.code))
        }
    }

    /// The children of a member, in list order.
    public func children(of code: String) -> [CodeListMember] { members.filter { $0.parent == code } }

    /// A text without the marks of truncation: trailing dots and spaces.
    static func stem(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.last, c == "." || c == " " || c == "\u{2026}" { s.removeLast() }
        return String(s)
    }
}
