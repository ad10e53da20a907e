import KrapteCore
import Testing

@Suite struct PeriodTests {
    @Test(arguments: [
        ("2024JJ00", 2024, Period.Frequency.year, 0), ("2024KW04", 2024, .quarter, 4), ("2024MM04", 2024, .month, 4),
        ("2024HJ02", 2024, .halfYear, 2), (" 1998MM12 ", 1998, .month, 12),
    ])
    func parsesCodes(code: String, year: Int, frequency: Period.Frequency, number: Int) throws {
        let p = try #require(Period(code: code))
        #expect(p.year == year && p.frequency == frequency && p.number == number)
        #expect(Period(code: p.code) == p)
    }

    @Test(arguments: ["2024KW05", "2024MM13", "2024JJ01", "2024XX01", "24KW01", "", "2024KW4", "2024kw0"])
    func rejectsBadCodes(code: String) {
        #expect(Period(code: code) == nil)
    }

    @Test(arguments: [
        ("2024 4e kwartaal", "2024KW04", false), ("2024 april", "2024MM04", false), ("2024 jaargem. /jaartotaal", "2024JJ00", false),
        ("2024", "2024JJ00", false), ("2025 januari*", "2025MM01", true), ("2024*", "2024JJ00", true), ("2024 1e halfjaar", "2024HJ01", false),
        ("2022KW02", "2022KW02", false),
    ])
    func parsesLabels(label: String, code: String, provisional: Bool) throws {
        let parsed = try #require(Period.parseLabel(label))
        #expect(parsed.period.code == code)
        #expect(parsed.provisional == provisional)
    }

    @Test(arguments: ["2024 5e kwartaal", "2024 mars", "april 2024", "jaar", "2024 0e kwartaal"])
    func rejectsBadLabels(label: String) {
        #expect(Period.parseLabel(label) == nil)
    }

    @Test func dutchLabels() {
        #expect(Period.quarter(2024, 4)!.dutchLabel == "2024 4e kwartaal")
        #expect(Period.month(2024, 4)!.dutchLabel == "2024 april")
        #expect(Period.year(2024)!.dutchLabel == "2024")
    }

    @Test func shifting() {
        #expect(Period.quarter(2024, 1)!.previous == Period.quarter(2023, 4))
        #expect(Period.month(2024, 12)!.next == Period.month(2025, 1))
        #expect(Period.quarter(2024, 3)!.samePeriodLastYear == Period.quarter(2023, 3))
        #expect(Period.month(2024, 5)!.enclosingQuarter == Period.quarter(2024, 2))
        #expect(Period.year(2024)!.contains(Period.month(2024, 7)!))
        #expect(!Period.quarter(2024, 1)!.contains(Period.month(2024, 4)!))
    }

    /// A simple reference: a period as (first month counted from year 0, length in months).
    private func reference(_ p: Period) -> (start: Int, length: Int) {
        (p.year * 12 + p.firstMonth - 1, p.lengthInMonths)
    }

    private func randomPeriod(_ rng: inout SplitMix64) -> Period {
        let f = Period.Frequency.allCases[Int(rng.next() % 4)]
        let year = 1990 + Int(rng.next() % 60)
        let number = f == .year ? 0 : 1 + Int(rng.next() % UInt64(f.perYear))
        return Period(year: year, frequency: f, number: number)!
    }

    @Test func shiftingAgreesWithMonthArithmetic() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<5_000 {
            let p = randomPeriod(&rng)
            let offset = Int(rng.next() % 200) - 100
            let shifted = p.advanced(by: offset)!
            let (start, length) = reference(p)
            #expect(reference(shifted) == (start + offset * length, length), "\(p) + \(offset)")
            #expect(shifted.advanced(by: -offset) == p)
            #expect(Period(code: shifted.code) == shifted)
            #expect(Period(storageKey: shifted.storageKey) == shifted)
        }
    }

    @Test func orderAgreesWithReference() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            let a = randomPeriod(&rng)
            let b = randomPeriod(&rng)
            let (ra, rb) = (reference(a), reference(b))
            let expected = ra.start != rb.start ? ra.start < rb.start : ra.length > rb.length
            #expect((a < b) == expected, "\(a) < \(b)")
            #expect(
                (Period.chronologicalKey(storageKey: a.storageKey) < Period.chronologicalKey(storageKey: b.storageKey)) == expected,
                "\(a) key < \(b) key"
            )
        }
    }

    @Test func ranges() throws {
        let r = try #require(PeriodRange(parsing: "2020KW01..2024KW04"))
        #expect(r.contains(Period.quarter(2022, 2)!))
        #expect(!r.contains(Period.year(2022)!))
        #expect(!r.contains(Period.quarter(2025, 1)!))
        #expect(PeriodRange(parsing: "2020KW01..nope") == nil)
        let open = try #require(PeriodRange(parsing: "2019KW01.."))
        #expect(open.contains(Period.quarter(2030, 4)!) && !open.contains(Period.quarter(2018, 4)!) && !open.contains(Period.year(2020)!))
        let openStart = try #require(PeriodRange(parsing: "..2020"))
        #expect(openStart.contains(Period.year(1996)!) && !openStart.contains(Period.year(2021)!))
        #expect(PeriodRange(parsing: "..") == nil)
        #expect(PeriodRange(parsing: "nope..") == nil)
    }
}
