import Foundation
import KrapteCore
import Testing

/// Every operation against a plain reference implementation over generated series: quarters and years mixed, with
/// gaps, missing values and mixed statuses.
@Suite struct TimeSeriesTests {
    /// A reference point: (year, frequency, number) as plain integers.
    struct Ref: Hashable {
        var year: Int
        var perYear: Int
        var number: Int
        var index: Int { year * perYear + max(number, 1) - 1 }
        func shifted(_ k: Int) -> Ref {
            let i = index + k
            return perYear == 1 ? Ref(year: i, perYear: 1, number: 0) : Ref(year: i / perYear, perYear: perYear, number: i % perYear + 1)
        }
        var period: Period { perYear == 1 ? Period.year(year)! : Period(year: year, frequency: perYear == 4 ? .quarter : .month, number: number)! }
    }

    /// A seeded series of quarters and years between 2015 and 2024, about one in eight periods absent and one in ten
    /// without a value.
    static func generated(_ seed: UInt64) -> (TimeSeries, [Ref: (Double?, ObservationStatus)]) {
        var rng = SplitMix64(seed: seed)
        var points: [TimeSeries.Point] = []
        var reference: [Ref: (Double?, ObservationStatus)] = [:]
        var refs: [Ref] = []
        for year in 2015...2024 {
            refs.append(Ref(year: year, perYear: 1, number: 0))
            for q in 1...4 { refs.append(Ref(year: year, perYear: 4, number: q)) }
        }
        for r in refs {
            if rng.next() % 8 == 0 { continue }
            let value: Double? =
                rng.next() % 10 == 0 ? nil : Double(rng.next() % 50) - (rng.next() % 7 == 0 ? 0 : 5) + (rng.next() % 5 == 0 ? 0 : 0.5)
            let status: ObservationStatus = [.definitief, .definitief, .naderVoorlopig, .voorlopig][Int(rng.next() % 4)]
            points.append(TimeSeries.Point(period: r.period, value: value, status: status))
            reference[r] = (value, status)
        }
        return (TimeSeries(points), reference)
    }

    static let seeds: [UInt64] = Array(1...60)

    func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let x?, let y?): abs(x - y) <= 1e-9 * max(1, abs(y))
        default: false
        }
    }

    @Test(arguments: seeds)
    func changesMatchTheReference(seed: UInt64) {
        let (series, reference) = Self.generated(seed)
        let cases: [(ChangeBase, (Ref) -> Ref?)] = [
            (.previousPeriod, { $0.shifted(-1) }),
            (.samePeriodLastYear, { Ref(year: $0.year - 1, perYear: $0.perYear, number: $0.number) }),
            (.periodsBack(3), { $0.shifted(-3) }),
            (.reference(Period.quarter(2017, 2)!), { $0.perYear == 4 ? Ref(year: 2017, perYear: 4, number: 2) : nil }),
        ]
        for (base, baseOf) in cases {
            for form in [ChangeForm.percent, .absolute] {
                let change = series.change(against: base, as: form)
                var expected: [Ref: (Double?, ObservationStatus)] = [:]
                for (r, (v, s)) in reference {
                    guard let b = baseOf(r), b != r, let (bv, bs) = reference[b] else { continue }
                    var value: Double?
                    if let v, let bv {
                        value = form == .absolute ? v - bv : (bv == 0 ? nil : (v / bv - 1) * 100)
                    }
                    expected[r] = (value, max(s, bs))
                }
                #expect(change.points.count == expected.count, "\(base) \(form)")
                for p in change.points {
                    let r = reference.keys.first { $0.period == p.period }!
                    #expect(close(p.value, expected[r]?.0), "\(base) \(form) \(p.period)")
                    #expect(p.status == expected[r]?.1)
                }
            }
        }
    }

    @Test(arguments: seeds)
    func windowsMatchTheReference(seed: UInt64) {
        let (series, reference) = Self.generated(seed)
        let quarters = reference.keys.filter { $0.perYear == 4 }
        for n in [1, 2, 4] {
            let average = series.movingAverage(n)
            let compound = series.compounded(over: n)
            var expectedCount = 0
            for r in quarters {
                let window = (0..<n).map { r.shifted(-$0) }
                guard window.allSatisfy({ reference[$0] != nil }) else { continue }
                expectedCount += 1
                let values = window.compactMap { reference[$0]!.0 }
                let mean: Double? = values.count == n ? values.reduce(0, +) / Double(n) : nil
                let product: Double? = values.count == n ? (values.reduce(1) { $0 * (1 + $1 / 100) } - 1) * 100 : nil
                #expect(close(average.value(at: r.period), mean))
                #expect(close(compound.value(at: r.period), product))
                #expect(average[r.period]?.status == window.map { reference[$0]!.1 }.max())
            }
            #expect(average.only(.quarter).points.count == expectedCount)
        }
    }

    @Test(arguments: seeds)
    func yearsFromQuartersMatchTheReference(seed: UInt64) {
        let (series, reference) = Self.generated(seed)
        for kind in [MeasureKind.flow, .stock] {
            let years = series.aggregated(from: .quarter, to: .year, kind: kind)
            var expectedCount = 0
            for year in 2015...2024 {
                let parts = (1...4).compactMap { reference[Ref(year: year, perYear: 4, number: $0)] }
                guard parts.count == 4 else {
                    #expect(years[Period.year(year)!] == nil)
                    continue
                }
                expectedCount += 1
                let values = parts.compactMap(\.0)
                let total = values.reduce(0, +)
                let expected: Double? = values.count == 4 ? (kind == .flow ? total : total / 4) : nil
                #expect(close(years.value(at: Period.year(year)!), expected))
                #expect(years[Period.year(year)!]?.status == parts.map(\.1).max())
            }
            #expect(years.points.count == expectedCount)
        }
    }

    @Test(arguments: seeds)
    func peaksAndRunsMatchTheReference(seed: UInt64) {
        let (series, reference) = Self.generated(seed)
        let quarters = reference.filter { $0.key.perYear == 4 }.sorted { $0.key.index < $1.key.index }
        let valued = quarters.filter { $0.value.0 != nil }
        if let peak = series.sincePeak(.quarter) {
            let top = valued.map { $0.value.0! }.max()!
            let first = valued.first { $0.value.0! == top }!
            #expect(peak.peak.period == first.key.period)
            #expect(peak.latest.period == valued.last!.key.period)
            #expect(close(peak.absolute, valued.last!.value.0! - top))
        } else {
            #expect(valued.isEmpty)
        }
        // The change since the peak per quarter: against the highest value so far, with the status of both.
        let since = series.changeSincePeak(.quarter, as: .absolute)
        var top: (Ref, Double, ObservationStatus)?
        for (ref, (value, status)) in quarters {
            guard let value else {
                #expect(since[ref.period]?.value == nil && (top == nil) == (since[ref.period] == nil))
                continue
            }
            if top == nil || value > top!.1 { top = (ref, value, status) }
            let point = since[ref.period]
            #expect(close(point?.value, value - top!.1))
            #expect(point?.status == max(status, top!.2))
            #expect(point?.inputs == (top!.0 == ref ? [ref.period] : [top!.0.period, ref.period]))
        }
        if let peak = series.sincePeak(.quarter), let last = since.points.last(where: { $0.value != nil }) {
            #expect(close(last.value, peak.absolute))
        }
        for direction in [TimeSeries.Direction.decline, .rise] {
            // Reference: walk the quarters, counting steps to an adjacent quarter with a lower (higher) value.
            var expected: [(Period, Period, Int)] = []
            var start: Int?
            for i in quarters.indices {
                var continues = false
                if i > 0, quarters[i - 1].key.shifted(1) == quarters[i].key, let a = quarters[i - 1].value.0, let b = quarters[i].value.0 {
                    continues = direction == .decline ? b < a : b > a
                }
                if continues {
                    if start == nil { start = i - 1 }
                } else if let s = start {
                    expected.append((quarters[s].key.period, quarters[i - 1].key.period, i - 1 - s))
                    start = nil
                }
            }
            if let s = start { expected.append((quarters[s].key.period, quarters.last!.key.period, quarters.count - 1 - s)) }
            let runs = series.runs(direction, .quarter, minimumLength: 2)
            let long = expected.filter { $0.2 >= 2 }
            #expect(runs.map(\.from) == long.map(\.0))
            #expect(runs.map(\.to) == long.map(\.1))
            #expect(runs.map(\.length) == long.map(\.2))
        }
    }

    @Test(arguments: seeds)
    func ratiosSumsAndIndexesMatchTheReference(seed: UInt64) {
        let (a, ra) = Self.generated(seed)
        let (b, rb) = Self.generated(seed + 1000)
        let ratio = TimeSeries.ratio(a, b)
        let sum = TimeSeries.sum([a, b])
        for (r, (x, s)) in ra {
            guard let (y, t) = rb[r] else {
                #expect(ratio[r.period] == nil && sum[r.period] == nil)
                continue
            }
            #expect(close(ratio.value(at: r.period), x.flatMap { x in y.flatMap { $0 == 0 ? nil : x / $0 } }))
            #expect(close(sum.value(at: r.period), x.flatMap { x in y.map { x + $0 } }))
            #expect(ratio[r.period]?.status == max(s, t))
        }
        let base = Period.quarter(2018, 1)!
        let index = a.indexed(base: base)
        if let bv = a.value(at: base), bv != 0 {
            for p in a.points { #expect(close(index.value(at: p.period), p.value.map { $0 / bv * 100 })) }
        } else {
            #expect(index.isEmpty)
        }
    }

    // MARK: Edge cases

    let q = { (y: Int, n: Int) in Period.quarter(y, n)! }

    @Test func aZeroOrMissingDenominatorGivesNoValue() {
        let a = TimeSeries([(q(2024, 1), 5), (q(2024, 2), 5), (q(2024, 3), 5)])
        let b = TimeSeries([(q(2024, 1), 0), (q(2024, 2), nil), (q(2024, 4), 2)])
        let r = TimeSeries.ratio(a, b)
        #expect(r.periods == [q(2024, 1), q(2024, 2)])
        #expect(r[q(2024, 1)]?.value == nil && r[q(2024, 1)]?.attribute == .impossible)
        #expect(r[q(2024, 2)]?.value == nil && r[q(2024, 2)]?.attribute == .notAvailable)
    }

    @Test func aGapBreaksChangesWindowsAndRuns() {
        let s = TimeSeries([(q(2023, 1), 10), (q(2023, 2), 9), (q(2023, 4), 8), (q(2024, 1), 7), (q(2024, 2), 6)])
        #expect(s.change(against: .previousPeriod).periods == [q(2023, 2), q(2024, 1), q(2024, 2)])
        #expect(s.movingAverage(2).periods == [q(2023, 2), q(2024, 1), q(2024, 2)])
        let runs = s.runs(.decline, .quarter)
        #expect(runs.map(\.from) == [q(2023, 1), q(2023, 4)])
        #expect(runs.map(\.length) == [1, 2])
    }

    @Test func aProvisionalInputMakesAProvisionalResult() {
        let s = TimeSeries([
            TimeSeries.Point(period: q(2023, 4), value: 100, status: .definitief),
            TimeSeries.Point(period: q(2024, 4), value: 110, status: .voorlopig),
        ])
        let yoy = s.change(against: .samePeriodLastYear)
        #expect(yoy[q(2024, 4)]?.status == .voorlopig)
        #expect(abs(yoy.value(at: q(2024, 4))! - 10) < 1e-12)
        #expect(yoy[q(2024, 4)]?.inputs == [q(2023, 4), q(2024, 4)])
    }

    @Test func aSeriesShorterThanTheWindowGivesNothing() {
        let s = TimeSeries([(q(2024, 1), 1), (q(2024, 2), 2)])
        #expect(s.movingAverage(4).isEmpty)
        #expect(s.compounded(over: 3).isEmpty)
        #expect(s.aggregated(from: .quarter, to: .year, kind: .flow).isEmpty)
        #expect(TimeSeries([TimeSeries.Point]()).sincePeak(.quarter) == nil)
    }

    @Test func averageYearlyGrowth() {
        let s = TimeSeries([(Period.year(2020)!, 100), (Period.year(2024)!, 121)])
        let g = s.averageYearlyGrowth(from: Period.year(2020)!, to: Period.year(2024)!)
        #expect(abs(g!.value! - (pow(1.21, 0.25) - 1) * 100) < 1e-12)
        let quarters = TimeSeries([(q(2020, 1), 394), (q(2024, 4), 555)])
        let h = quarters.averageYearlyGrowth(from: q(2020, 1), to: q(2024, 4))!.value!
        #expect(abs(h - (pow(555.0 / 394, 1 / 4.75) - 1) * 100) < 1e-12)
    }

    @Test func ranksShareAPlaceAndKeepTheirOrder() {
        let items: [(String, Double?)] = [("a", 3), ("b", 5), ("c", 3), ("d", nil), ("e", 1), ("f", 5)]
        let ranked = Ranking.ranked(items)
        #expect(ranked.map(\.key) == ["b", "f", "a", "c", "e"])
        #expect(ranked.map(\.rank) == [1, 1, 3, 3, 5])
        #expect(Ranking.top(3, of: items).map(\.key) == ["b", "f", "a"])
        #expect(Ranking.top(2, of: items, ascending: true).map(\.key) == ["e", "a"])
    }
}
