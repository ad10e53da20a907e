import Foundation

/// A number as a publication writes it in a sentence: with the measure's decimals and unit, thousands written out
/// (`22,6` in `x 1 000` is `22.600`), and where asked a round figure with the word that says which way the rounding
/// went: "ruim 22.600" for 22.634, "bijna 37.800" for 37.762, "bijna de helft" for 48%. See Guides/GeneratedText.md.
public enum PublishedNumber {
    /// How far a number is rounded.
    public enum Rounding: Sendable, Hashable {
        /// As published: the measure's decimals, no hedging word.
        case exact
        /// To three significant digits from a thousand up ("ruim 22.600"); smaller numbers as published.
        case round
        /// To a multiple of `step` in the written unit ("ruim 40%" with step 10).
        case step(Double)
        /// A percentage as a part of the whole ("bijna de helft", "ruim een kwart") when it lies within 4 points of a
        /// quarter, a third, a half, two thirds or three quarters; otherwise a whole percentage.
        case share
    }

    /// What was written and the value it stands for.
    public struct Written: Sendable, Hashable {
        /// The text (`ruim 22.600`, `-13%`).
        public var text: String
        /// The hedging word: `ruim`, `bijna` or empty.
        public var hedge: String
        /// The value the digits stand for, in the written unit (22600 for "ruim 22.600").
        public var shown: Double
        /// The value in the written unit before rounding (22634).
        public var value: Double
    }

    /// The parts that make up a whole, as Dutch texts name them.
    static let fractions: [(percent: Double, words: String)] = [
        (25, "een kwart"), (100.0 / 3, "een derde"), (50, "de helft"), (200.0 / 3, "twee derde"), (75, "driekwart"),
    ]

    /// Writes `value`, stored in `unit` with `decimals` decimals, rounded as `rounding` asks.
    public static func write(_ value: Double, unit: String, decimals: Int, rounding: Rounding = .exact) -> Written {
        let (scaled, shownDecimals) = inWrittenUnit(value, unit: unit, decimals: decimals)
        let percent = unit.trimmingCharacters(in: .whitespaces) == "%"
        let suffix = percent ? "%" : ""
        switch rounding {
        case .exact:
            let shown = rounded(scaled, toDecimals: shownDecimals)
            return Written(text: DutchNumberFormat.format(scaled, decimals: shownDecimals) + suffix, hedge: "", shown: shown, value: scaled)
        case .round:
            guard abs(scaled) >= 1000 else { return write(value, unit: unit, decimals: decimals) }
            let step = pow(10, floor(log10(abs(scaled))) - 2)
            return hedged(scaled, step: step, suffix: suffix)
        case .step(let step):
            guard step > 0, step.isFinite else { return write(value, unit: unit, decimals: decimals) }
            return hedged(scaled, step: step, suffix: suffix)
        case .share:
            guard let nearest = fractions.min(by: { abs($0.percent - scaled) < abs($1.percent - scaled) }),
                abs(nearest.percent - scaled) <= 4
            else { return hedged(scaled, step: 1, suffix: suffix) }
            let hedge = scaled > nearest.percent + 0.5 ? "ruim" : scaled < nearest.percent - 0.5 ? "bijna" : ""
            return Written(text: hedge.isEmpty ? nearest.words : "\(hedge) \(nearest.words)", hedge: hedge, shown: nearest.percent, value: scaled)
        }
    }

    /// The value in the unit readers read (thousands written out) and its decimals there.
    static func inWrittenUnit(_ value: Double, unit: String, decimals: Int) -> (Double, Int) {
        let compact = unit.lowercased().filter { !$0.isWhitespace }
        if compact == "x1000" || compact == "×1000" { return (value * 1000, max(0, decimals - 3)) }
        return (value, max(0, decimals))
    }

    /// `value` rounded to a multiple of `step`, with "ruim" when the rounding went down and "bijna" when it went up.
    static func hedged(_ value: Double, step: Double, suffix: String) -> Written {
        let shown = (value / step).rounded(.toNearestOrAwayFromZero) * step
        let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
        let tolerance = step * 1e-9
        let magnitude = abs(value)
        let shownMagnitude = abs(shown)
        // "ruim" and "bijna" speak of the size: -22.634 is "ruim -22.600" read as "more than 22.600 down".
        let hedge = magnitude > shownMagnitude + tolerance ? "ruim" : magnitude < shownMagnitude - tolerance ? "bijna" : ""
        let number = DutchNumberFormat.format(shown, decimals: decimals) + suffix
        return Written(text: hedge.isEmpty ? number : "\(hedge) \(number)", hedge: hedge, shown: shown, value: value)
    }

    /// `value` rounded half away from zero to `decimals` decimals.
    static func rounded(_ value: Double, toDecimals decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
