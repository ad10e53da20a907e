/// Where a target stands: ahead of its path, on course, behind, or not to be said from the data.
public enum TargetStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Ahead of the path by more than the margin, or the target already reached.
    case voor
    /// Within the margin of the path.
    case opKoers
    /// Behind the path by more than the margin.
    case achter
    /// No baseline value, or no observation after the baseline.
    case onvoldoendeGegevens

    /// The words in `language`: "op koers"; "on course".
    public func label(in language: Language) -> String { Catalogue.shipped(language)["TargetStatus.\(rawValue)"] }

    /// The words as a monitor prints them: "voor", "op koers", "achter", "onvoldoende gegevens".
    public var dutchLabel: String {
        switch self {
        case .voor: "voor"
        case .opKoers: "op koers"
        case .achter: "achter"
        case .onvoldoendeGegevens: "onvoldoende gegevens"
        }
    }

    /// The margin around the path within which a target is on course: 5% of the way from baseline to target.
    public static let margin = 0.05
}
