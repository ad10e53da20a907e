import Foundation
import KrapteCore
import KrapteRender

/// Builds the page of a dataset's metadata from its latest vintage.
struct DatasetView: Sendable {
    let store: any Store

    /// The most members a dimension lists on the page.
    static let maxMembers = 200

    func page(_ id: String) async throws -> DatasetPage {
        let (dataset, vintages) = try await store.latest(id)
        var statuses: [Period: ObservationStatus] = [:]
        if let first = dataset.measures.first {
            statuses = try await store.periodStatuses(of: id, vintage: vintages[vintages.count - 1].id, measure: first.code)
        }
        let periods = statuses.keys.sorted()
        let day = DateFormatter.dutchDay
        var page = DatasetPage(
            pageTitle: dataset.title,
            id: id,
            summary: dataset.summary,
            publisher: dataset.source.publisher.isEmpty ? "onbekend" : dataset.source.publisher,
            location: dataset.source.location,
            licence: dataset.source.licence.isEmpty ? "niet opgegeven" : dataset.source.licence,
            citation: dataset.source.line(dataset: id, vintage: vintages.last?.id),
            dimensions: dataset.dimensions.map { d in
                DatasetPage.DimensionInfo(
                    code: d.code,
                    title: d.title,
                    kind: DutchNames.kind(d.kind),
                    codeList: d.codeList ?? "",
                    count: DutchNumberFormat.integer(d.members.count),
                    members: d.members.prefix(Self.maxMembers).map { ExplorerView.label($0) }
                        + (d.members.count > Self.maxMembers ? ["... en \(d.members.count - Self.maxMembers) meer"] : [])
                )
            },
            measures: DataTable(
                caption: dataset.measures.contains(where: \.decimalsInferred)
                    ? "Onderwerpen met eenheid (a: de bron geeft geen decimalen; ze zijn afgeleid uit de waarden)"
                    : "Onderwerpen met eenheid",
                headings: [.init("Code"), .init("Titel"), .init("Eenheid"), .init("Decimalen", numeric: true), .init("Soort")],
                rows: dataset.measures.map { m in
                    DataTable.Row([
                        .init(m.code, rowHeader: true), .init(m.title), .init(m.unit.isEmpty ? "onbekend" : m.unit),
                        .init("\(m.decimals)", numeric: true, mark: m.decimalsInferred ? "a" : nil, markTitle: "afgeleid uit de waarden"),
                        .init(DutchNames.kind(m.kind)),
                    ])
                }
            ),
            statuses: [ObservationStatus.naderVoorlopig, .voorlopig].compactMap { status in
                let these = periods.filter { statuses[$0] == status }
                return these.isEmpty ? nil : "\(status.dutchLabel): \(these.map(\.dutchLabel).joined(separator: ", "))"
            },
            periods: periods.isEmpty
                ? "geen"
                : "\(DutchNumberFormat.integer(periods.count)), van \(periods[0].dutchLabel) tot en met \(periods[periods.count - 1].dutchLabel)",
            vintages: DataTable(
                caption: "Versies: elke geladen uitgave blijft bewaard",
                headings: [
                    .init("Versie", numeric: true), .init("Gepubliceerd"), .init("Geladen"), .init("Formaat"), .init("Observaties", numeric: true),
                ],
                rows: vintages.reversed().map { v in
                    DataTable.Row([
                        .init("\(v.id)", numeric: true), .init(v.publishedAt.map { day.string(from: $0) } ?? "onbekend"),
                        .init(DateFormatter.dutchDayTime.string(from: v.loadedAt)), .init(DutchNames.format(v.format)),
                        .init(DutchNumberFormat.integer(v.observationCount), numeric: true),
                    ])
                }
            ),
            derivation: dataset.derivation.map { d in
                DataTable(
                    caption: "Invoer van de berekening",
                    headings: [.init("Rol"), .init("Reeks"), .init("Dataset"), .init("Onderwerp"), .init("Versie", numeric: true), .init("Leden")],
                    rows: d.inputs.map { i in
                        DataTable.Row([
                            .init(DutchNames.role(i.role)), .init(i.series ?? ""), .init(i.dataset), .init(i.measure),
                            .init("\(i.vintage)", numeric: true),
                            .init(
                                i.members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: ", "))" }
                                    .joined(separator: "; ") + (i.sumOver.isEmpty ? "" : " (opgeteld over \(i.sumOver.joined(separator: ", ")))")
                            ),
                        ])
                    }
                )
            },
            formula: dataset.derivation.map { "\($0.indicator): \($0.formula)" },
            explorerURL: "/verkenner/\(id.pathEncoded)",
            apiURL: "/api/v1/datasets/\(id.pathEncoded)",
            surveyURL: SurveyDataset.holds(dataset) ? "/enquete/\(id.pathEncoded)" : nil
        )
        page.illustrative = dataset.source.illustrative
        return page
    }
}
