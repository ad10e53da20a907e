import KrapteCore
import Testing

@Suite struct SpanningsindicatorTests {
    static let boundaryCases: [(Double, Spanningsindicator.Typering)] = [
        (0, .zeerRuim), (0.2499, .zeerRuim), (0.25, .ruim), (0.6699, .ruim), (0.67, .gemiddeld), (1.4999, .gemiddeld),
        (1.5, .krap), (3.9999, .krap), (4.0, .zeerKrap), (7.7, .zeerKrap),
    ]

    @Test(arguments: boundaryCases)
    func typesAtTheBoundaries(value: Double, expected: Spanningsindicator.Typering) {
        #expect(Spanningsindicator.uwv.typering(value) == expected)
    }

    @Test func computesTheWorkedExample() {
        let q = Period.quarter(2024, 4)!
        let s = Spanningsindicator.compute(vacancies: TimeSeries([(q, 432_900)]), wwShort: TimeSeries([(q, 100_314)]))
        let value = s.value(at: q)!
        #expect((value * 100).rounded() / 100 == 4.32)
        #expect(Spanningsindicator.typering(value, in: q) == .zeerKrap)
    }

    @Test func noWWBenefitsIsNotInfinitelyTight() {
        let q = Period.quarter(2024, 4)!
        let s = Spanningsindicator.compute(vacancies: TimeSeries([(q, 12)]), wwShort: TimeSeries([(q, 0)]))
        #expect(s[q]?.value == nil)
        #expect(s[q]?.attribute == .impossible)
    }

    @Test func boundariesAreTakenFromTheSetValidInThePeriod() {
        let old = Spanningsindicator.Boundaries(version: "oud", validFrom: Period.quarter(2010, 1)!, limits: [0.2, 0.6, 1.4, 3.5])
        let new = Spanningsindicator.Boundaries(version: "nieuw", validFrom: Period.quarter(2020, 1)!, limits: [0.25, 0.67, 1.5, 4.0])
        #expect(Spanningsindicator.typering(3.7, in: Period.quarter(2019, 4)!, sets: [new, old]) == .zeerKrap)
        #expect(Spanningsindicator.typering(3.7, in: Period.quarter(2020, 1)!, sets: [new, old]) == .krap)
        #expect(Spanningsindicator.typering(3.7, in: Period.quarter(2009, 4)!, sets: [new, old]) == nil)
    }
}
