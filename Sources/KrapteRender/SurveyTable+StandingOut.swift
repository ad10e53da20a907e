import KrapteCore

extension SurveyTable {
    /// Figure 5's rows: per question (`lines`) and wave, the total's share, then per domain type the domains more
    /// than `points` above it as `Onderwijs (83%), Openbaar bestuur (78%)`, highest first, and with `below` those
    /// as far below it, lowest first (`StandingOut`). Shares are compared unrounded; a suppressed domain is never
    /// named.
    func standingOutRows(
        _ standingOut: (points: Double, below: Bool, types: [String]),
        _ lines: [Line],
        _ index: [Selection: SurveyRow],
        _ estimates: [SurveyRow]
    ) -> [Row] {
        let domains = standingOut.types.map { ($0, Self.domains(of: $0, in: estimates)) }
        func share(_ selection: Selection) -> Double? { index[selection]?.estimate?.share.map { $0.estimate * 100 } }
        func named(_ domains: [(String, Double)]) -> String {
            domains.map { "\($0.0) (\(DutchNumberFormat.percent($0.1)))" }.joined(separator: ", ")
        }
        return lines.map { line in
            let cells = columns.flatMap { total -> [String] in
                let selection = line.selection.filled(from: total.selection)
                guard index[selection] != nil else { return [""] + domains.flatMap { _ in standingOut.below ? ["", ""] : [""] } }
                guard let totalShare = share(selection) else {
                    return [Self.suppressed] + domains.flatMap { _ in standingOut.below ? ["", ""] : [""] }
                }
                return [DutchNumberFormat.percent(totalShare)]
                    + domains.flatMap { type, codes -> [String] in
                        let shares = codes.compactMap { code -> (String, Double)? in
                            var domain = selection
                            domain.domainType = type
                            domain.domain = code
                            return share(domain).map { (label(type, code), $0) }
                        }
                        let (above, below) = StandingOut.split(shares, total: totalShare, points: standingOut.points)
                        return [named(above)] + (standingOut.below ? [named(below)] : [])
                    }
            }
            return Row(kind: "question", label: line.label, cells: cells)
        }
    }
}
