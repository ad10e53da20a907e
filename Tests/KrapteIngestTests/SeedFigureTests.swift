import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting
import Testing

/// The figures printed in the seeds, computed from the real CBS tables and the published figures in
/// `../shared/data/` with the indicator engine.
@Suite struct SeedFigureTests {
    /// A store holding the given real CBS CSV files.
    func store(_ files: [String]) async throws -> SQLiteStore {
        let store = try SQLiteStore()
        for file in files {
            let url = TestData.real(file)
            _ = try await store.load(try CBSCSVReader().read(url, metadata: nil).finish(file: url.path), loadedAt: Date())
        }
        return store
    }

    func series(_ store: SQLiteStore, _ dataset: String, _ measure: String, _ filters: [String: String]) async throws -> TimeSeries {
        let result = try await store.query(
            ObservationQuery(dataset: dataset, measure: measure, filters: filters.map { .init(dimension: $0.key, members: [$0.value]) })
        )
        return try #require(result.singleSeries, "\(dataset) \(measure) \(filters) selects one series")
    }

    /// Reads a publications CSV (plain `,` CSV with a header) as rows of fields.
    func publication(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: TestData.real.deletingLastPathComponent().appendingPathComponent("publications/\(name)"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        return lines.map { Dictionary(uniqueKeysWithValues: zip(header, TestData.csvFields($0))) }
    }

    @Test func labourProductivityMatchesSeed000() async throws {
        let store = try await store(["cbs-productiviteit/85880NED.csv", "cbs-productiviteit/85920NED.csv"])
        func hours(_ sector: String) async throws -> TimeSeries {
            try await series(store, "85920NED", "GewerkteUren_5", ["TypeWerkenden": "Totaal", "BedrijfstakkenBranchesSBI2008": sector])
        }
        func volume(_ measure: String) async throws -> TimeSeries {
            try await series(store, "85880NED", measure, ["SoortMutaties": "A045299"]).only(.year)
        }
        // Commerciële dienstverlening (G-N) has no row in 85920NED: its hours are the sum of its sectors.
        var commercial: [TimeSeries] = []
        for sector in ["G-I", "J", "K", "L", "M-N"] { commercial.append(try await hours(sector)) }
        let sectors: [(String, TimeSeries, TimeSeries)] = [
            ("Totaal", try await volume("Totaal_19"), try await hours("A-U").only(.year)),
            ("Informatie en communicatie", try await volume("JInformatieEnCommunicatie_44"), try await hours("J").only(.year)),
            ("Commerciële dienstverlening", try await volume("Totaal_39"), TimeSeries.sum(commercial).only(.year)),
        ]
        // Compared as published: rounded to one decimal, then within 0.1 percentage point.
        func matches(_ computed: Double, _ published: String) -> Bool {
            abs((computed * 10).rounded() / 10 - Double(published)!) <= 0.1 + 1e-9
        }
        let published = try publication("arbeidsproductiviteit-groei.csv")
        let developments = try publication("arbeidsproductiviteit-ontwikkeling-gepubliceerd.csv")
        for (name, volume, hours) in sectors {
            let growth = LabourProductivity.growth(valueAddedVolumeGrowth: volume, hoursWorked: hours)
            for row in published where row["sector"] == name {
                let year = Period.year(Int(row["periode"]!)!)!
                let expected = Double(row["groei_pct_tov_vorig_jaar"]!)!
                let computed = try #require(growth.value(at: year))
                #expect(matches(computed, row["groei_pct_tov_vorig_jaar"]!), "\(name) \(year): \(computed) against \(expected)")
            }
            let row = try #require(developments.first { $0["sector"] == name })
            let last2 = try #require(growth.compounded(over: 2).value(at: Period.year(2024)!))
            let last3 = try #require(growth.compounded(over: 3).value(at: Period.year(2024)!))
            #expect(matches(last2, row["ontwikkeling_laatste_2_jaar_pct"]!), "\(name) last 2 years: \(last2)")
            #expect(matches(last3, row["ontwikkeling_laatste_3_jaar_pct"]!), "\(name) last 3 years: \(last3)")
        }
    }

    @Test func bankruptcyChangesMatchSeed000ToTheDigit() throws {
        var byGroup: [String: [(Period, Double?)]] = [:]
        for row in try publication("faillissementen.csv") {
            let period = try #require(Period.parseLabel(row["periode"]!)?.period ?? Period.year(Int(row["periode"]!) ?? 0))
            byGroup[row["groep"]!, default: []].append((period, Double(row["faillissementen"]!)))
        }
        let published = try publication("faillissementen-ontwikkeling-gepubliceerd.csv")
        #expect(published.count == 9)
        for row in published {
            let changes = TimeSeries(byGroup[row["groep"]!]!).change(against: .samePeriodLastYear)
            guard !row["vergelijking"]!.hasPrefix("1e kw.") else {
                // The seed prints 2025KW01 against 2024KW01 but not the 2024KW01 counts: with no base there is no
                // figure, rather than a wrong one.
                #expect(changes[Period.quarter(2025, 1)!] == nil)
                continue
            }
            let period = Period.year(Int(row["vergelijking"]!.prefix(4))!)!
            let computed = try #require(changes.value(at: period))
            #expect(Int(computed.rounded()) == Int(row["ontwikkeling_pct"]!)!, "\(row["groep"]!) \(period): \(computed)")
        }
    }

    @Test func ictOccupationsGrewFrom2020To2024() async throws {
        let store = try await store(["cbs-arbeidsmarkt/85276NED.csv"])
        let result = try await store.query(ObservationQuery(dataset: "85276NED", measure: "WerkzameBeroepsbevolking_1"))
        let ict = try #require(result.timeSeries().first { $0.members.contains { $0.code == "08" } }?.series)
        let (from, to) = (Period.quarter(2020, 1)!, Period.quarter(2024, 4)!)
        let growth = ict.change(against: .reference(from), as: .absolute)
        let percent = ict.change(against: .reference(from), as: .percent)
        #expect(growth.value(at: to) == 161)  // 555 - 394 thousand persons
        #expect(abs(percent.value(at: to)! - (555.0 / 394 - 1) * 100) < 1e-9)
        #expect(growth[to]?.inputs == [from, to])
    }

    @Test func vacancyPeaksAndDeclinesSince2019() async throws {
        let store = try await store(["cbs-vacatures/80472ned.csv"])
        let total = try await series(store, "80472ned", "OpenstaandeVacatures_1", ["Bedrijfskenmerken": "A-U"])
        let window = try #require(PeriodRange(parsing: "2019KW01..2024KW04"))
        let peak = try #require(total.sincePeak(.quarter, in: window))
        #expect(peak.peak.period == Period.quarter(2022, 2)!)
        #expect(peak.latest.period == Period.quarter(2024, 4)!)
        #expect(peak.absolute < 0)
        let declines = total.restricted(to: window).runs(.decline, .quarter, minimumLength: 2)
        #expect(declines.contains { $0.from == Period.quarter(2022, 2)! })
    }

    @Test func theIndustryMismatchTablesOfSeed002() throws {
        let rows = try publication("industrie-vraag-aanbod.csv")
        let demand = rows.filter { $0["kant"]!.hasPrefix("vraag") }
        let supply = rows.filter { $0["kant"]!.hasPrefix("aanbod") }
        // The lists are given shuffled: the ranking must come from the values, not the file's order.
        var rng = SplitMix64(seed: 2)
        let shuffledDemand = demand.shuffled(using: &rng).map { ($0["beroep"]!, Double($0["aantal"]!)) }
        let mismatch = Mismatch(demand: shuffledDemand, supply: supply.map { ($0["beroep"]!, Double($0["aantal"]!)) }, top: 10)
        #expect(mismatch.topDemand.map(\.value) == demand.map { Double($0["aantal"]!)! })
        #expect(Set(mismatch.topDemand.map(\.key)) == Set(demand.map { $0["beroep"]! }))
        for item in mismatch.topDemand {
            let published = Int(demand.first { $0["beroep"] == item.key }!["rang"]!)!
            // Equal values share the first of their places (6 and 7 both have 500 vacancies: both rank 6).
            #expect(item.rank <= published)
        }
        let surplus = mismatch.supplyExceedsDemand()
        #expect(surplus.first?.key == "Productiemedewerkers")
        #expect(surplus.first?.ratio.map { ($0 * 100).rounded() / 100 } == 0.28)  // 900 / 3,200
        #expect(surplus.allSatisfy { $0.supply! > $0.demand! })
        #expect(!surplus.contains { $0.key == "Monteurs industriële machines en installaties" })
        let onlySupply = mismatch.supplyExceedsDemand(missingDemandIsZero: true)
        #expect(onlySupply.contains { $0.key == "(Hoofd)operators procesindustrie" && $0.demand == nil })
    }
}
