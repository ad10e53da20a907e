import Foundation
import KrapteCore

/// The demo set that `krapte demo` loads into an empty store: published figures from the seeds, a small sample of
/// real CBS series, the illustrative occupation x region x quarter cube, and a generated employer survey's estimates.
public enum DemoData {
    /// Every demo release, checked and ready for a store, with `cube` as the occupation x region x quarter cube.
    public static func releases(cube: SyntheticCube = .demo) throws -> [Release.Finished] {
        // Both tables of UWV's article cite CBS ("Bron: CBS"): its bankruptcies (82244NED) and labour productivity.
        let bankruptcies = Source(
            publisher: "CBS",
            location:
                "CBS, Faillissementen; bedrijven en instellingen, SBI 2008 (82244NED), zoals gepubliceerd in UWV, Sectorbeschrijving ICT (2025)",
            licence: "CC BY 4.0"
        )
        let productivity = Source(
            publisher: "CBS",
            location: "CBS, arbeidsproductiviteit (toegevoegde waarde per arbeidsuur), zoals gepubliceerd in UWV, Sectorbeschrijving ICT (2025)",
            licence: "CC BY 4.0"
        )
        let cbs = Source(publisher: "CBS", location: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/80472ned", licence: "CC BY 4.0")
        let published = [
            (
                DemoFigures.faillissementen,
                mapping(
                    dataset: "demo-faillissementen",
                    title: "Faillissementen naar groep sectoren (gepubliceerd)",
                    source: bankruptcies,
                    dimension: .init(column: "groep", code: "Groep", title: "Groep sectoren", codeList: "none"),
                    measure: .init(
                        code: "Faillissementen",
                        column: "faillissementen",
                        title: "Uitgesproken faillissementen",
                        unit: "aantal",
                        decimals: 0,
                        kind: .flow
                    )
                )
            ),
            (
                DemoFigures.arbeidsproductiviteit,
                mapping(
                    dataset: "demo-arbeidsproductiviteit",
                    title: "Groei arbeidsproductiviteit (gepubliceerd)",
                    source: productivity,
                    dimension: .init(column: "sector", code: "Sector", title: "Sector", codeList: "none"),
                    measure: .init(
                        code: "GroeiArbeidsproductiviteit",
                        column: "groei_pct_tov_vorig_jaar",
                        title: "Groei arbeidsproductiviteit t.o.v. vorig jaar",
                        unit: "%",
                        decimals: 1,
                        kind: .rate
                    )
                )
            ),
            (
                DemoFigures.vacatures,
                mapping(
                    dataset: "demo-vacatures",
                    title: "Openstaande vacatures per sector (CBS 80472ned, selectie)",
                    source: cbs,
                    dimension: .init(column: "sector", code: "Bedrijfskenmerken", title: "Bedrijfskenmerken", codeList: "sbi2008"),
                    measure: .init(
                        code: "OpenstaandeVacatures",
                        column: "openstaande_vacatures",
                        title: "Openstaande vacatures",
                        unit: "x 1 000",
                        decimals: 1,
                        kind: .stock
                    )
                )
            ),
        ]
        var out: [Release.Finished] = []
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("krapte-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (text, mapping) in published {
            let url = folder.appendingPathComponent("\(mapping.dataset).csv")
            try Data(text.utf8).write(to: url)
            var release = try TidyCSVReader(mapping: mapping).read(url)
            release.describe(source: Source(publisher: mapping.publisher ?? "", location: mapping.location ?? "", licence: mapping.licence ?? ""))
            out.append(try release.finish(file: mapping.dataset))
        }
        out.append(try cube.release().finish(file: "demo-spanning"))
        out.append(try survey(in: folder))
        return out
    }

    /// The estimates of a generated employer survey (`werkgeversenquete-synthetisch`), read from its files and
    /// estimated as `krapte survey estimate --store` does.
    static func survey(in folder: URL) throws -> Release.Finished {
        try SyntheticSurvey(respondentsPerWave: 1_500).write(to: folder)
        let design = try SurveySpecification(decoding: Data(contentsOf: folder.appendingPathComponent("design.json")), file: "design.json")
        let data = try SurveyFileReader(design).read(
            responses: folder.appendingPathComponent("responses.csv"),
            population: folder.appendingPathComponent("population.csv")
        )
        return try SurveyDataset.release(SurveyEstimator(design).estimate(data), design: design, source: design.source!, file: "responses.csv")
    }

    /// The mapping of a published-figures table: a UTF-8 CSV with `,`, a `periode` column, one dimension and one
    /// measure.
    private static func mapping(
        dataset: String,
        title: String,
        source: Source,
        dimension: TidyMapping.DimensionColumn,
        measure: TidyMapping.MeasureColumn
    ) -> TidyMapping {
        TidyMapping(
            dataset: dataset,
            title: title,
            publisher: source.publisher,
            licence: source.licence,
            location: source.location,
            separator: ",",
            decimal: ".",
            thousands: nil,
            encoding: "utf-8",
            period: "periode",
            status: nil,
            dimensions: [dimension],
            measureColumn: nil,
            valueColumn: nil,
            measures: [measure]
        )
    }
}
