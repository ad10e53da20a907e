import KrapteCore

/// Survey estimates and comparisons as CSV, with exactly the columns `krapte survey` promises; numbers with every
/// digit (Swift's shortest round-trip form), and a suppressed cell with no share, margins or weighted counts.
public enum SurveyDocument {
    /// The columns of `estimates`.
    public static let estimateColumns = [
        "wave", "question", "domain_type", "domain", "category", "share", "se", "ci_low", "ci_high", "se_nofpc", "ci_low_nofpc",
        "ci_high_nofpc", "n_domain", "n_category", "weighted_n_domain", "weighted_n_category", "se_weighted_n_category",
    ]

    /// The estimates as CSV.
    public static func estimates(_ rows: [SurveyRow]) -> String {
        var out = estimateColumns.joined(separator: ",") + "\n"
        for r in rows {
            var fields = [r.wave, r.question, r.domainType, r.domain, r.category]
            if let e = r.estimate, let share = e.share {
                let (low, high) = share.interval()
                let (lowN, highN) = share.interval(fpc: false)
                fields += [share.estimate, share.se, low, high, share.seNoFPC, lowN, highN].map(number)
                fields += ["\(e.respondents)", "\(e.categoryRespondents)"]
                fields += [e.weightedRespondents, e.weightedCategory.estimate, e.weightedCategory.se].map(number)
            } else {
                fields += Array(repeating: "", count: 7) + ["\(r.respondents)", "", "", "", ""]
            }
            out += fields.map { QueryResultDocument.csvField($0) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The comparisons of waves `first` and `second` as CSV.
    public static func comparisons(_ pairs: [SurveyComparison], first: String, second: String) -> String {
        let columns = [
            "question", "domain_type", "domain", "category", "share_\(first)", "share_\(second)", "change", "se_change", "ci_low", "ci_high", "z",
            "p_value", "se_change_nofpc", "z_nofpc", "p_value_nofpc", "n_\(first)", "n_\(second)",
        ]
        var out = columns.map { QueryResultDocument.csvField($0) }.joined(separator: ",") + "\n"
        for p in pairs {
            var fields = [p.question, p.domainType, p.domain, p.category]
            if let c = p.change {
                let (low, high) = c.interval()
                fields += [c.first.estimate, c.second.estimate, c.change, c.se(), low, high].map(number)
                fields += [c.z(), c.pValue(), c.se(fpc: false), c.z(fpc: false), c.pValue(fpc: false)].map { $0.map(number) ?? "" }
            } else {
                fields += Array(repeating: "", count: 11)
            }
            fields += [p.first.map { "\($0.respondents)" } ?? "", p.second.map { "\($0.respondents)" } ?? ""]
            out += fields.map { QueryResultDocument.csvField($0) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A number with every digit.
    static func number(_ x: Double) -> String { "\(x)" }
}
