import KrapteCore

/// The decimals of the measures whose source does not give them, taken from the values as they are read: the most
/// digits after the decimal separator that any value of the measure has, without trailing zeros, at most 15. CBS's
/// CSV dumps write every value with a decimal (`9162.0` for a figure published as 9 162, `3.6` for 3,6), so the
/// trailing zeros say nothing; no value has more decimals than those counted.
struct InferredDecimals: Sendable {
    /// Per measure index: the most decimals seen so far, or nil when the source gives the measure's decimals.
    private var most: [Int?]
    /// The decimal separator of the values.
    private let decimal: UInt8

    /// For measures of which `unknown` says whether their decimals are to be inferred, in the order of their index.
    init(unknown: [Bool], decimal: UInt8) {
        most = unknown.map { $0 ? 0 : nil }
        self.decimal = decimal
    }

    /// Counts the decimals of `field`, a number of measure `measure`.
    mutating func see(_ field: UnsafeBufferPointer<UInt8>, measure: Int) {
        guard measure >= 0, measure < most.count, let seen = most[measure], seen < DatasetRules.decimals.upperBound else { return }
        guard let point = field.firstIndex(of: decimal) else { return }
        var digits = 0
        var i = point + 1
        while i < field.count, field[i] >= UInt8(ascii: "0"), field[i] <= UInt8(ascii: "9") {
            i += 1
            if field[i - 1] != UInt8(ascii: "0") { digits = i - point - 1 }
        }
        if digits > seen { most[measure] = min(digits, DatasetRules.decimals.upperBound) }
    }

    /// Sets the decimals of every measure whose source does not give them, marked as inferred.
    func apply(to release: inout Release) {
        for (m, seen) in most.enumerated() {
            guard let seen, m < release.dataset.measures.count else { continue }
            var measure = release.dataset.measures[m]
            measure.decimals = seen
            measure.decimalsInferred = true
            release.updateMeasure(measure)
        }
    }
}
