/// The spanningsindicator: open vacancies divided by WW benefits that have run less than six months, per
/// occupation, region and quarter, typed with class boundaries. See Guides/Spanningsindicator.md.
public enum Spanningsindicator {
    /// The types, from a slack to a tight market.
    public enum Typering: String, Sendable, CaseIterable, Codable {
        case zeerRuim = "zeer ruim"
        case ruim
        case gemiddeld
        case krap
        case zeerKrap = "zeer krap"
    }

    /// A set of class boundaries and the first period it applies to. Boundaries change now and then, so a figure
    /// is typed by the set valid in its period.
    public struct Boundaries: Sendable, Hashable, Codable {
        /// A name for the set, shown with the figure.
        public var version: String
        /// The first period the set applies to.
        public var validFrom: Period
        /// The four lower limits of ruim, gemiddeld, krap and zeer krap; each class includes its lower limit.
        public var limits: [Double]

        /// Makes a set; the four limits must rise.
        public init(version: String, validFrom: Period, limits: [Double]) {
            precondition(limits.count == 4 && zip(limits, limits.dropFirst()).allSatisfy { $0 < $1 }, "four rising limits")
            self.version = version
            self.validFrom = validFrom
            self.limits = limits
        }

        /// The type of a value: [0, 0.25) zeer ruim, [0.25, 0.67) ruim, [0.67, 1.5) gemiddeld, [1.5, 4.0) krap,
        /// 4.0 and up zeer krap, with the default limits.
        public func typering(_ value: Double) -> Typering {
            let index = limits.firstIndex { value < $0 } ?? limits.count
            return Typering.allCases[index]
        }
    }

    /// The boundaries UWV publishes: 0,25; 0,67; 1,5; 4,0.
    public static let uwv = Boundaries(version: "UWV", validFrom: Period.quarter(2000, 1)!, limits: [0.25, 0.67, 1.5, 4.0])

    /// The set of `sets` valid in `period`: the latest that started on or before it.
    public static func boundaries(for period: Period, in sets: [Boundaries] = [uwv]) -> Boundaries? {
        sets.filter { !(period < $0.validFrom) }.max { $0.validFrom < $1.validFrom }
    }

    /// The indicator per period: vacancies / WW benefits under six months. No value where there are no WW
    /// benefits (the ratio is impossible, not infinite).
    public static func compute(vacancies: TimeSeries, wwShort: TimeSeries) -> TimeSeries {
        TimeSeries.ratio(vacancies, wwShort)
    }

    /// The type of a value in a period, by the boundaries valid then.
    public static func typering(_ value: Double, in period: Period, sets: [Boundaries] = [uwv]) -> Typering? {
        boundaries(for: period, in: sets)?.typering(value)
    }
}
