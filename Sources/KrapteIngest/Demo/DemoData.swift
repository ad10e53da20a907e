import Foundation
import KrapteCore

/// The demo set that `krapte demo` loads into an empty store: published figures from the seeds, a small sample of
/// real CBS series, and the illustrative occupation x region x quarter cube.
public enum DemoData {
    /// Every demo release, checked and ready for a store.
    public static func releases() throws -> [Release.Finished] {
        let ictArticle = "UWV, Sectorbeschrijving ICT (2025)"
        let published = [
            (
                DemoFigures.faillissementen,
                TidyMapping(
                    dataset: "demo-faillissementen",
                    title: "Faillissementen naar groep sectoren (gepubliceerd)",
                    publisher: "UWV",
                    licence: "",
                    location: ictArticle,
                    separator: ",",
                    decimal: ".",
                    thousands: nil,
                    encoding: "utf-8",
                    period: "periode",
                    status: nil,
                    dimensions: [.init(column: "groep", code: "Groep", title: "Groep sectoren", codeList: "none")],
                    measureColumn: nil,
                    valueColumn: nil,
                    measures: [
                        .init(
                            code: "Faillissementen",
                            column: "faillissementen",
                            title: "Uitgesproken faillissementen",
                            unit: "aantal",
                            decimals: 0,
                            kind: .flow
                        )
                    ]
                )
            ),
            (
                DemoFigures.arbeidsproductiviteit,
                TidyMapping(
                    dataset: "demo-arbeidsproductiviteit",
                    title: "Groei arbeidsproductiviteit (gepubliceerd)",
                    publisher: "UWV",
                    licence: "",
                    location: ictArticle,
                    separator: ",",
                    decimal: ".",
                    thousands: nil,
                    encoding: "utf-8",
                    period: "periode",
                    status: nil,
                    dimensions: [.init(column: "sector", code: "Sector", title: "Sector", codeList: "none")],
                    measureColumn: nil,
                    valueColumn: nil,
                    measures: [
                        .init(
                            code: "GroeiArbeidsproductiviteit",
                            column: "groei_pct_tov_vorig_jaar",
                            title: "Groei arbeidsproductiviteit t.o.v. vorig jaar",
                            unit: "%",
                            decimals: 1,
                            kind: .rate
                        )
                    ]
                )
            ),
            (
                DemoFigures.vacatures,
                TidyMapping(
                    dataset: "demo-vacatures",
                    title: "Openstaande vacatures per sector (CBS 80472ned, selectie)",
                    publisher: "CBS",
                    licence: "CC BY 4.0",
                    location: "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/80472ned",
                    separator: ",",
                    decimal: ".",
                    thousands: nil,
                    encoding: "utf-8",
                    period: "periode",
                    status: nil,
                    dimensions: [.init(column: "sector", code: "Bedrijfskenmerken", title: "Bedrijfskenmerken", codeList: "sbi2008")],
                    measureColumn: nil,
                    valueColumn: nil,
                    measures: [
                        .init(
                            code: "OpenstaandeVacatures",
                            column: "openstaande_vacatures",
                            title: "Openstaande vacatures",
                            unit: "x 1 000",
                            decimals: 1,
                            kind: .stock
                        )
                    ]
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
        out.append(try SyntheticCube.demo.release().finish(file: "demo-spanning"))
        return out
    }
}
