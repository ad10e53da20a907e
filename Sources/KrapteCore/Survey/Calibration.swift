/// Calibration of a design's weights to known population totals, as R's `calibrate()` does: post-stratification
/// (linear calibration to the counts of one classification) or raking (to the counts of several margins, by
/// iterative proportional fitting to convergence). See Guides/SurveyCalibration.md.
public enum Calibration: Sendable, Hashable {
    /// Post-stratification: per unit its cell `0..<totals.count`, and the population count of every cell.
    case postStratify(cells: [Int], totals: [Double])
    /// Raking: per margin, per unit its level `0..<totals.count`, and the population count of every level.
    case rake(margins: [Margin])

    /// One margin of a raking.
    public struct Margin: Sendable, Hashable {
        /// Per unit, its level.
        public var levels: [Int]
        /// The population count of every level.
        public var totals: [Double]

        /// Makes a margin.
        public init(levels: [Int], totals: [Double]) {
            self.levels = levels
            self.totals = totals
        }
    }

    /// The margins: one for post-stratification.
    var margins: [Margin] {
        switch self {
        case .postStratify(let cells, let totals): [Margin(levels: cells, totals: totals)]
        case .rake(let margins): margins
        }
    }
}
