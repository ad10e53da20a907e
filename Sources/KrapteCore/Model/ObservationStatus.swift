/// How final a figure is, as CBS marks periods.
public enum ObservationStatus: UInt8, Sendable, Codable, CaseIterable, Comparable {
    /// Final figures.
    case definitief = 0
    /// Revised provisional figures.
    case naderVoorlopig = 1
    /// First provisional figures.
    case voorlopig = 2
    /// A forecast: not an observation, and never shown without this status and its interval.
    case prognose = 3

    /// The Dutch word as analysts print it: "definitief", "nader voorlopig", "voorlopig".
    public var dutchLabel: String {
        switch self {
        case .definitief: "definitief"
        case .naderVoorlopig: "nader voorlopig"
        case .voorlopig: "voorlopig"
        case .prognose: "prognose"
        }
    }

    /// Reads a CBS status as OData v4 spells it (`Definitief`, `Voorlopig`, `NaderVoorlopig`),
    /// the Dutch label, or an empty text (which CBS uses for final figures).
    public init?(cbs text: String) {
        switch text.lowercased().filter({ $0 != " " && $0 != "_" && $0 != "-" }) {
        case "", "definitief", "definitive", "final": self = .definitief
        case "voorlopig", "provisional": self = .voorlopig
        case "nadervoorlopig", "revisedprovisional": self = .naderVoorlopig
        case "prognose", "forecast": self = .prognose
        default: return nil
        }
    }

    public static func < (lhs: ObservationStatus, rhs: ObservationStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word in `language`: "nader voorlopig"; "revised provisional".
    public func label(in language: Language) -> String {
        let key =
            switch self {
            case .definitief: "status.definitief"
            case .naderVoorlopig: "status.naderVoorlopig"
            case .voorlopig: "status.voorlopig"
            case .prognose: "status.prognose"
            }
        return Catalogue.shipped(language)[key]
    }

    /// The least final of two statuses: a figure computed from a provisional input is provisional.
    public static func combined(_ a: ObservationStatus, _ b: ObservationStatus) -> ObservationStatus { max(a, b) }
}

/// Why an observation has no value, as CBS distinguishes it.
public enum ValueAttribute: UInt8, Sendable, Codable, CaseIterable {
    /// The observation has a value (CBS `None`).
    case present = 0
    /// The figure cannot occur (CBS `Impossible`, printed as `.`).
    case impossible = 1
    /// The figure is kept back to protect respondents (CBS `Confidential`, printed as `x`).
    case confidential = 2
    /// The figure is not (yet) available (CBS `NotAvailable`, printed as `.` or empty).
    case notAvailable = 3

    /// Reads a CBS OData v4 `ValueAttribute`.
    public init?(cbs text: String) {
        switch text.lowercased() {
        case "none", "": self = .present
        case "impossible": self = .impossible
        case "confidential": self = .confidential
        case "notavailable", "not available", "missing": self = .notAvailable
        default: return nil
        }
    }

    /// The symbol CBS prints in tables for a missing value.
    public var symbol: String {
        switch self {
        case .present: ""
        case .impossible: "."
        case .confidential: "x"
        case .notAvailable: "."
        }
    }

    /// A short explanation in `language`: "geheim"; "confidential".
    public func label(in language: Language) -> String {
        self == .present ? "" : Catalogue.shipped(language)["attribute.\(self)"]
    }

    /// A short Dutch explanation.
    public var dutchLabel: String {
        switch self {
        case .present: ""
        case .impossible: "kan niet voorkomen"
        case .confidential: "geheim"
        case .notAvailable: "niet beschikbaar"
        }
    }
}

extension ObservationStatus {
    /// The mark a table puts after a value that is not final: `*` voorlopig, `**` nader voorlopig, `p` prognose;
    /// nil when definitief.
    public var mark: String? {
        switch self {
        case .definitief: nil
        case .naderVoorlopig: "**"
        case .voorlopig: "*"
        case .prognose: "p"
        }
    }
}
