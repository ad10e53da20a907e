/// Figure 5's rule of seed 003: the domains whose share differs more than a set number of percentage points from
/// the total's ("opvallende verschillen"), those above it highest first and those below it lowest first. The
/// survey page names both; a design's table (`SurveyTableSpecification.standsOutBy`) those above, as figure 5
/// does, and those below when asked. See Guides/SurveyTables.md.
public enum StandingOut {
    /// The shares of `domains` more than `points` above `total`, highest first (ties keep their order), and those
    /// more than `points` below it, lowest first. Shares and points in the same unit.
    public static func split<Domain>(
        _ domains: [(Domain, Double)],
        total: Double,
        points: Double
    ) -> (above: [(Domain, Double)], below: [(Domain, Double)]) {
        let ranked = domains.enumerated()
        let above = ranked.filter { $0.element.1 - total > points }.sorted { ($1.element.1, $0.offset) < ($0.element.1, $1.offset) }
        let below = ranked.filter { total - $0.element.1 > points }.sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
        return (above.map(\.element), below.map(\.element))
    }
}
