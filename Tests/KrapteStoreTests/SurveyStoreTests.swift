import Foundation
import KrapteCore
import KrapteTesting
import Testing

/// Survey estimates stored as a dataset, on SQLite and PostgreSQL alike: the shares as the estimator gives them, a
/// total member for "all", and a suppressed cell that reaches the store only as confidential, without a value.
@Suite struct SurveyStoreTests {
    static let design = try! SurveySpecification(
        decoding: Data(
            """
            {"dataset": "enquete", "title": "Enquête", "strata": ["sector", "size"], "minimumRespondents": 3,
             "questions": [{"name": "q", "title": "Moeilijk vervulbare vacatures", "categories": ["Ja", "Nee"]}],
             "domains": [[], ["sector"], ["sector", "size"]],
             "levels": {"sector": [{"code": "J", "label": "Informatie en communicatie"}, {"code": "C", "label": "Industrie"}]},
             "source": {"publisher": "UWV", "location": "werkgeversenquête 2025"}}
            """.utf8
        ),
        file: "design.json"
    )

    /// Two waves; in 2025 stratum C/groot has two respondents, too few to show.
    static func microdata() -> SurveyMicrodata {
        let strata = [("C", "klein", 4), ("C", "groot", 2), ("J", "klein", 5)]
        var wave: [String] = []
        var sector: [String] = []
        var size: [String] = []
        var answer: [String] = []
        for w in ["2024", "2025"] {
            for (s, g, n) in strata {
                for i in 0..<n {
                    wave.append(w)
                    sector.append(s)
                    size.append(g)
                    answer.append((i + (w == "2025" ? 1 : 0)) % 3 == 0 ? "Nee" : "Ja")
                }
            }
        }
        let counts = ["C|klein": 100.0, "C|groot": 20, "J|klein": 50]
        let population = Dictionary(uniqueKeysWithValues: ["2024", "2025"].map { w in (w, counts.mapValues { ($0, 2) }) })
        return SurveyMicrodata(
            file: "responses.csv",
            rows: Array(2..<(2 + wave.count)),
            columns: ["wave": SurveyColumn(wave), "sector": SurveyColumn(sector), "size": SurveyColumn(size), "q": SurveyColumn(answer)],
            populationFile: "population.csv",
            population: population
        )
    }

    @Test(arguments: StoreKind.available)
    func estimatesAreStoredAsADataset(kind: StoreKind) async throws {
        let rows = try SurveyEstimator(Self.design).estimate(Self.microdata())
        let release = try SurveyDataset.release(rows, design: Self.design, source: Self.design.source!)
        #expect(release.dataset.dimensions.map(\.code) == ["Vraag", "sector", "size", "Antwoord"])
        #expect(release.dataset.dimensions[1].members.map(\.code) == ["totaal", "J", "C"])
        let store = try await TestStores.make(kind)
        #expect(try await !store.load(release, loadedAt: Date()).unchanged)
        #expect(try await store.load(release, loadedAt: Date()).unchanged)

        let share = try await store.query(
            ObservationQuery(
                dataset: "enquete",
                measure: "Aandeel",
                filters: [
                    .init(dimension: "Vraag", members: ["q"]), .init(dimension: "sector", members: ["C"]),
                    .init(dimension: "size", members: ["totaal"]), .init(dimension: "Antwoord", members: ["Ja"]),
                ]
            )
        )
        let estimated = rows.filter { $0.domainType == "sector" && $0.domain == "C" && $0.category == "Ja" }.map {
            $0.estimate!.share!.estimate * 100
        }
        #expect(share.rows.map(\.period) == [Period.year(2024)!, Period.year(2025)!])
        #expect(share.rows.map(\.value) == estimated)
        #expect(share.rows[0].members.map(\.label) == ["Moeilijk vervulbare vacatures", "Industrie", "Totaal", "Ja"])
        #expect(share.dataset.source.citation == "Bron: UWV" && share.measure.unit == "%")

        // C/groot of 2025 is suppressed: confidential, without a value, in every measure but the respondents.
        let cell: [ObservationQuery.Filter] = [
            .init(dimension: "sector", members: ["C"]), .init(dimension: "size", members: ["groot"]), .init(dimension: "Antwoord", members: ["Ja"]),
        ]
        for measure in SurveyDataset.measures.map(\.code) {
            let read = try await store.query(
                ObservationQuery(dataset: "enquete", measure: measure, filters: cell, periods: PeriodRange(parsing: "2025"))
            )
            let row = try #require(read.rows.first)
            if measure == "RespondentenDomein" {
                #expect(row.value == 2 && row.attribute == .present)
            } else {
                #expect(row.value == nil && row.attribute == .confidential, "\(measure)")
            }
        }
    }

    @Test func aDomainValueThatReadsAsTheTotalIsRefused() throws {
        var data = Self.microdata()
        data.columns["sector"] = SurveyColumn(codes: data.columns["sector"]!.codes, levels: ["totaal", "J"])
        let design = try SurveySpecification(
            decoding: Data(#"{"dataset": "e", "strata": ["sector", "size"], "questions": [{"name": "q", "categories": ["Ja", "Nee"]}]}"#.utf8),
            file: "design.json"
        )
        data.population = data.population.mapValues { counts in
            Dictionary(uniqueKeysWithValues: counts.map { ($0.key.replacingOccurrences(of: "C|", with: "totaal|"), $0.value) })
        }
        let rows = try SurveyEstimator(design).estimate(data)
        #expect(throws: SurveyError.self) { try SurveyDataset.release(rows, design: design, source: Source(publisher: "", location: "")) }
    }
}
