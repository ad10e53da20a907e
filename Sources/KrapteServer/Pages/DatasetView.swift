import Foundation
import KrapteCore
import KrapteRender

/// Builds the page of a dataset's metadata from its latest vintage.
struct DatasetView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    /// The most members a dimension lists on the page.
    static let maxMembers = 200

    func page(_ id: String) async throws -> DatasetPage {
        let (dataset, vintages) = try await store.latest(id)
        var statuses: [Period: ObservationStatus] = [:]
        if let first = dataset.measures.first {
            statuses = try await store.periodStatuses(of: id, vintage: vintages[vintages.count - 1].id, measure: first.code)
        }
        let periods = statuses.keys.sorted()
        let language = t.language
        let day = DateFormatter.day(in: language)
        let unknown = t(Message("DatasetView.unknown"))
        var page = DatasetPage(
            pageTitle: dataset.title,
            id: id,
            summary: dataset.summary,
            publisher: dataset.source.publisher.isEmpty ? unknown : dataset.source.publisher,
            location: dataset.source.location,
            licence: dataset.source.licence.isEmpty ? t(Message("DatasetView.noLicence")) : dataset.source.licence,
            citation: dataset.source.line(dataset: id, vintage: vintages.last?.id, in: language),
            dimensions: dataset.dimensions.map { d in
                DatasetPage.DimensionInfo(
                    code: d.code,
                    title: d.title,
                    kind: ReaderNames.kind(d.kind, in: language),
                    codeList: d.codeList ?? "",
                    count: DutchNumberFormat.integer(d.members.count),
                    members: d.members.prefix(Self.maxMembers).map { ExplorerView.label($0) }
                        + (d.members.count > Self.maxMembers ? [t(Message("DatasetView.more", d.members.count - Self.maxMembers))] : [])
                )
            },
            measures: DataTable(
                caption: t(Message(dataset.measures.contains(where: \.decimalsInferred) ? "DatasetView.measuresInferred" : "DatasetView.measures")),
                headings: [
                    .init(t(Message("DatasetView.code"))), .init(t(Message("DatasetView.title"))), .init(t(Message("DatasetView.unit"))),
                    .init(t(Message("DatasetView.decimals")), numeric: true), .init(t(Message("DatasetView.kind"))),
                ],
                rows: dataset.measures.map { m in
                    DataTable.Row([
                        .init(m.code, rowHeader: true), .init(m.title), .init(m.unit.isEmpty ? unknown : m.unit),
                        .init("\(m.decimals)", numeric: true, mark: m.decimalsInferred ? "a" : nil, markTitle: t(Message("DatasetView.inferred"))),
                        .init(ReaderNames.kind(m.kind, in: language)),
                    ])
                }
            ),
            statuses: [ObservationStatus.naderVoorlopig, .voorlopig].compactMap { status in
                let these = periods.filter { statuses[$0] == status }
                return these.isEmpty ? nil : "\(status.label(in: language)): \(these.map { $0.label(in: language) }.joined(separator: ", "))"
            },
            periods: periods.first.flatMap { first in
                periods.last.map { last in
                    t(Message("DatasetView.periods", DutchNumberFormat.integer(periods.count), first.label(in: language), last.label(in: language)))
                }
            } ?? t(Message("DatasetView.noPeriods")),
            vintages: DataTable(
                caption: t(Message("DatasetView.versions")),
                headings: [
                    .init(t(Message("DatasetView.version")), numeric: true), .init(t(Message("DatasetView.published"))),
                    .init(t(Message("DatasetView.loaded"))), .init(t(Message("DatasetView.format"))),
                    .init(t(Message("DatasetView.observations")), numeric: true),
                ],
                rows: vintages.reversed().map { v in
                    DataTable.Row([
                        .init("\(v.id)", numeric: true), .init(v.publishedAt.map { day.string(from: $0) } ?? unknown),
                        .init(DateFormatter.dayTime(in: language).string(from: v.loadedAt)), .init(ReaderNames.format(v.format, in: language)),
                        .init(DutchNumberFormat.integer(v.observationCount), numeric: true),
                    ])
                }
            ),
            derivation: dataset.derivation.map { d in
                DataTable(
                    caption: t(Message("DatasetView.inputs")),
                    headings: [
                        .init(t(Message("DatasetView.role"))), .init(t(Message("DatasetView.series"))), .init(t(Message("DatasetView.dataset"))),
                        .init(t(Message("DatasetView.measure"))), .init(t(Message("DatasetView.version")), numeric: true),
                        .init(t(Message("DatasetView.members"))),
                    ],
                    rows: d.inputs.map { i in
                        DataTable.Row([
                            .init(ReaderNames.role(i.role, in: language)), .init(i.series ?? ""), .init(i.dataset), .init(i.measure),
                            .init("\(i.vintage)", numeric: true),
                            .init(
                                i.members.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: ", "))" }
                                    .joined(separator: "; ")
                                    + (i.sumOver.isEmpty ? "" : t(Message("DatasetView.summed", i.sumOver.joined(separator: ", "))))
                                    + (i.rollUp.isEmpty ? "" : t(Message("DatasetView.rolledUp", i.rollUp.joined(separator: ", "))))
                            ),
                        ])
                    }
                )
            },
            formula: dataset.derivation.map { "\($0.indicator): \($0.formula)" },
            explorerURL: dataset.derivation?.isForecast == true ? "/prognose?" + [("prognose", id)].queryString : "/verkenner/\(id.pathEncoded)",
            apiURL: "/api/v1/datasets/\(id.pathEncoded)",
            surveyURL: SurveyDataset.holds(dataset) ? "/enquete/\(id.pathEncoded)" : nil
        )
        page.illustrative = dataset.source.illustrative
        return page
    }
}
