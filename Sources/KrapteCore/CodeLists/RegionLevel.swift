/// The level of a Dutch region, as CBS marks it in its codes (`PV26`) and labels (`Utrecht (PV)`).
///
/// CBS tables that mix levels write a suffix after every name that could be read as another level: `(LD)` for a
/// landsdeel, `(PV)` for a provincie, `(CR)` for a COROP region, `(AM)` for an arbeidsmarktregio and `(gemeente)` for
/// a gemeente whose name is also that of a provincie or COROP region. Any other name, apart from Nederland, is a
/// gemeente: `Amersfoort` is the gemeente, `Amersfoort (AM)` the arbeidsmarktregio.
public enum RegionLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case land
    case landsdeel
    case provincie
    case corop
    case arbeidsmarktregio
    case gemeente

    /// The first two letters of the level's CBS codes (`NL01`, `LD01`, `PV20`, `CR01`, `AM01`, `GM0307`).
    public var codePrefix: String {
        switch self {
        case .land: "NL"
        case .landsdeel: "LD"
        case .provincie: "PV"
        case .corop: "CR"
        case .arbeidsmarktregio: "AM"
        case .gemeente: "GM"
        }
    }

    /// The Dutch name of the level, for readers.
    public var name: String {
        switch self {
        case .land: "land"
        case .landsdeel: "landsdeel"
        case .provincie: "provincie"
        case .corop: "COROP-gebied"
        case .arbeidsmarktregio: "arbeidsmarktregio"
        case .gemeente: "gemeente"
        }
    }

    /// The name of the level's regions together in `language` (`provincies`; `provinces`).
    public func pluralName(in language: Language = .nl) -> String {
        Catalogue.shipped(language)["RegionLevel.plural.\(rawValue)"]
    }

    /// The level of a region code, by its prefix (a gemeente Krapte keeps by its name is `gemeente-<name>`); nil for
    /// a code of no level Krapte knows.
    public init?(code: String) {
        if code.hasPrefix("gemeente-") {
            self = .gemeente
            return
        }
        guard let level = Self.allCases.first(where: { code.hasPrefix($0.codePrefix) }) else { return nil }
        self = level
    }

    /// The level a CBS label names by its suffix, and the name without it: `Utrecht (PV)` gives `Utrecht` and
    /// `.provincie`, `Utrecht (gemeente)` gives `Utrecht` and `.gemeente`; a label without a suffix gives no level.
    public static func split(_ label: String) -> (name: String, level: RegionLevel?) {
        let suffixes: [(String, RegionLevel)] = [
            (" (LD)", .landsdeel), (" (PV)", .provincie), (" (CR)", .corop), (" (AM)", .arbeidsmarktregio), (" (gemeente)", .gemeente),
        ]
        for (suffix, level) in suffixes where label.hasSuffix(suffix) {
            return (String(label.dropLast(suffix.count)), level)
        }
        return (label, nil)
    }
}
