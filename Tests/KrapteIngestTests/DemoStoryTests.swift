import Foundation
import KrapteCore
import KrapteIngest
import Testing

/// The illustrative cube tells the story UWV published (seeds 000, 001 and 002), so that what the demo shows agrees
/// with the publications it imitates: its peaks, falls, tight and ample occupations.
@Suite struct DemoStoryTests {
    /// National figures of the demo cube: per occupation, per quarter, vacancies and benefits summed over regions.
    struct National {
        var quarters: [Period]
        var vacancies: [String: [Double]] = [:]
        var benefits: [String: [Double]] = [:]

        init(_ cube: SyntheticCube) {
            quarters = cube.quarters
            for (q, byOccupation) in cube.generate().enumerated() {
                for (o, byRegion) in byOccupation.enumerated() {
                    let code = cube.occupations[o].code
                    vacancies[code, default: Array(repeating: 0, count: cube.quarters.count)][q] += Double(byRegion.reduce(0) { $0 + $1.0 })
                    benefits[code, default: Array(repeating: 0, count: cube.quarters.count)][q] += Double(byRegion.reduce(0) { $0 + $1.1 })
                }
            }
        }

        /// The sum over the occupations `codes` selects, per quarter.
        func total(_ values: [String: [Double]], _ select: (String) -> Bool) -> [Double] {
            values.filter { select($0.key) }.values.reduce(Array(repeating: 0, count: quarters.count)) { zip($0, $1).map(+) }
        }

        func index(_ code: String) -> Int { quarters.firstIndex { $0.code == code } ?? -1 }
    }

    let national = National(.demo)
    let ict: (String) -> Bool = { $0.hasPrefix("08") }
    let other: (String) -> Bool = { !$0.hasPrefix("08") }

    func tension(_ select: (String) -> Bool) -> [Double] {
        zip(national.total(national.vacancies, select), national.total(national.benefits, select)).map { $0 / $1 }
    }

    func percent(_ new: Double, _ old: Double) -> Int { Int(((new / old - 1) * 100).rounded()) }

    @Test func ictVacanciesPeakIn2022AndFallEightQuartersInARowTo22600() {
        let v = national.total(national.vacancies, ict)
        let (peak, end) = (national.index("2022KW02"), national.index("2024KW04"))
        #expect(v.firstIndex(of: v.max() ?? 0) == peak && v[peak] > 37_700 && v[peak] < 37_800)
        #expect(v[end] == 22_600)
        var run = 0
        var i = end
        while i > 0, v[i] < v[i - 1] {
            run += 1
            i -= 1
        }
        #expect(run == 8)
        // 2024 against 2023: 13% fewer ICT vacancies, 3% fewer for all other occupations.
        let year = { (values: [Double], y: Int) in values.enumerated().filter { national.quarters[$0.offset].year == y }.reduce(0) { $0 + $1.element }
        }
        #expect(percent(year(v, 2024), year(v, 2023)) == -13)
        let o = national.total(national.vacancies, other)
        #expect(percent(year(o, 2024), year(o, 2023)) == -3)
    }

    @Test func tensionFalls52PercentForICTAnd31ForTheRest() {
        let (peak, end) = (national.index("2022KW02"), national.index("2024KW04"))
        let t = tension(ict)
        #expect(t.firstIndex(of: t.max() ?? 0) == peak)
        #expect((t[end] * 10).rounded() / 10 == 7.7)
        #expect(percent(t[end], t[peak]) == -52)
        let rest = tension(other)
        #expect(rest.firstIndex(of: rest.max() ?? 0) == peak)
        #expect(percent(rest[end], rest[peak]) == -31)
    }

    @Test func theOccupationsTheSeedsNameAreWhereTheySayTheyAre() throws {
        let (peak, end) = (national.index("2022KW02"), national.index("2024KW04"))
        let last = try #require(Period(code: "2024KW04"))
        func t(_ code: String) -> [Double] { tension { $0 == code } }
        func typering(_ code: String) -> Spanningsindicator.Typering? { Spanningsindicator.typering(t(code)[end], in: last) }
        // Databank- en netwerkspecialisten tighter since 2022; software developers fall most; all ICT zeer krap.
        #expect(t("0812")[end] > t("0812")[peak])
        let falls = ["0811", "0812", "0821", "0822"].map { ($0, t($0)[end] / t($0)[peak]) }
        #expect(falls.min { $0.1 < $1.1 }?.0 == "0811")
        #expect(["0811", "0812", "0821", "0822"].allSatisfy { typering($0) == .zeerKrap })
        // Technical occupations among the tightest, around 3,5 together; secretaresses ample.
        let technical = tension { $0.hasPrefix("07") }[end]
        #expect(technical > 3.3 && technical < 3.7, "\(technical)")
        #expect(typering("0743") == .zeerKrap && typering("0713") == .zeerKrap)
        #expect(typering("0432") == .ruim || typering("0432") == .zeerRuim)
        // No occupation's tension jumps: at most a quarter up or down from one quarter to the next, apart from the
        // first lockdown of 2020.
        for code in national.vacancies.keys {
            let series = t(code)
            for q in 1..<series.count where national.quarters[q].year != 2020 && national.quarters[q - 1].year != 2020 {
                #expect(abs(series[q] / series[q - 1] - 1) < 0.25, "\(code) \(national.quarters[q].code)")
            }
        }
    }
}
