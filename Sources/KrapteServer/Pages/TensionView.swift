import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the spanningsindicator dashboard (`?regio=AM13&beroep=08&periode=2024KW04&niveau=segment&sorteer=vacatures`)
/// from the indicators computed at every level of the BRC 2014 and for Nederland: `spanningsindicator-beroepen`, with
/// the counts behind it from `vacatures-beroepen` and `ww-kort-beroepen`. Every aggregate is summed from the inputs
/// before it is divided (`rollUp` in the definitions), never an average of ratios.
struct TensionView: Sendable {
    let store: any Store
    /// The texts of the page's language.
    let t: Texts

    /// The spanningsindicator per occupation at every level and per region including Nederland.
    static let tension = "spanningsindicator-beroepen"
    /// The open vacancies behind it.
    static let vacancies = "vacatures-beroepen"
    /// The WW benefits shorter than six months behind it.
    static let benefits = "ww-kort-beroepen"
    /// The region shown when none is asked for.
    static let nederland = "NL01"
    /// How many occupations the top lists show.
    static let top = 5

    /// What the page shows, read from its parameters against the indicator's dimensions.
    struct Choice: Sendable {
        var dataset: Dataset
        var vintage: Int64
        /// The region and occupation dimensions' places in the dataset.
        var g: Int
        var o: Int
        /// Each occupation's depth in the BRC: 0 all occupations, 1 klasse, 2 segment, 3 groep.
        var depths: [String: Int]
        var region: Member
        var occupation: Member
        var level: Level
        var order: Order
        var period: Period
        /// The quarters the chosen series has, oldest first.
        var quarters: [Period]
        /// The ids of the datasets in the store, read once per page.
        var present: Set<String>

        var regions: KrapteCore.Dimension { dataset.dimensions[g] }
        var occupations: KrapteCore.Dimension { dataset.dimensions[o] }

        /// The page's address for another region, occupation, level or order, the rest kept.
        func link(region: String? = nil, occupation: String? = nil, level: Level? = nil, order: Order? = nil) -> String {
            let order = order ?? self.order
            var pairs = [
                ("regio", region ?? self.region.code), ("beroep", occupation ?? self.occupation.code), ("periode", period.code),
                ("niveau", (level ?? self.level).rawValue),
            ]
            if order != .standard { pairs += [("sorteer", order.column.rawValue), ("volgorde", order.ascending ? "op" : "af")] }
            return "/spanningsindicator?" + pairs.queryString
        }
    }

    func page(_ parameters: Parameters) async throws -> TensionPage {
        let choice = try await choose(parameters)
        let period = choice.period
        let (rows, chosen) = try await occupations(choice)
        let ordered = choice.order.sorted(rows)
        let ranked: [Row] = rows.filter { $0.value != nil }.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }
        let tops = ranked.count >= 2 * Self.top
        let name = Self.name(choice.occupation, t)
        var page = TensionPage(
            pageTitle: t(Message("TensionView.title", choice.region.label, name)),
            regions: choice.regions.members.filter { $0.code == Self.nederland || RegionLevel(code: $0.code) == .arbeidsmarktregio }
                .map { FormChoice(value: $0.code, label: $0.label, selected: $0 == choice.region) },
            occupationChoices: choice.occupations.members.map { m in
                FormChoice(
                    value: m.code,
                    label: String(repeating: "\u{00A0}\u{00A0}\u{00A0}", count: choice.depths[m.code] ?? 0) + Self.name(m, t).capitalisedFirst,
                    selected: m == choice.occupation
                )
            },
            periods: choice.quarters.reversed().map { FormChoice(value: $0.code, label: $0.label(in: t.language), selected: $0 == period) },
            headline: nil,
            chart: nil,
            tightest: tops ? ranked.prefix(Self.top).map { occupationRow($0, choice) } : [],
            loosest: tops ? ranked.suffix(Self.top).reversed().map { occupationRow($0, choice) } : [],
            occupations: ordered.map { occupationRow($0, choice) },
            sourceLine: t(
                Message("TensionView.sourceLine", choice.dataset.source.line(dataset: choice.dataset.id, vintage: choice.vintage, in: t.language))
            ),
            csvURL: csvURL(choice, format: "csv")
        )
        page.excelURL = csvURL(choice, format: "csv-nl")
        page.illustrative = choice.dataset.source.illustrative
        (page.headline, page.chart) = try await history(choice, selected: chosen)
        page.trail = trail(choice)
        page.levels = Level.allCases.map { level in
            TensionPage.Choice(
                label: t(Message("TensionView.level.\(level.rawValue)")),
                link: choice.link(level: level),
                current: level == choice.level
            )
        }
        page.tableCaption = tableCaption(choice)
        page.columns = columns(choice)
        page.map = try await regionsMap(choice)
        let state = [("regio", choice.region.code), ("beroep", choice.occupation.code), ("periode", period.code)].queryString
        page.chartURL = "/spanningsindicator/lijn.svg?" + state
        page.mapURL = "/spanningsindicator/kaart.svg?" + state
        return page
    }

    /// Reads the region, occupation, quarter, level and order asked for.
    /// - Throws: `APIError` 404 when the indicator is not computed or has no such region, occupation or quarter;
    ///   400 when a parameter is not one of its kind.
    private func choose(_ parameters: Parameters) async throws -> Choice {
        let present = Set(try await store.datasets().map(\.id))
        guard present.contains(Self.tension) else { throw APIError(.notFound, Message("TensionView.deSpanningsindicatorNogNiet")) }
        let (dataset, vintages) = try await store.latest(Self.tension)
        guard let g = dataset.dimensions.firstIndex(where: { $0.kind == .geography }),
            let o = dataset.dimensions.firstIndex(where: { $0.kind == .classification }),
            let vintage = vintages.last
        else {
            throw APIError(.notFound, Message("TensionView.deSpanningsindicatorDeDatabase"))
        }
        let depths = ExplorerView.depths(dataset.dimensions[o].members)
        let region = try Self.member(
            of: dataset.dimensions[g],
            asked: parameters.get("regio"),
            preferred: Self.nederland,
            unknown: "TensionView.deSpanningsindicatorHeeftGeen"
        )
        let occupation = try Self.member(
            of: dataset.dimensions[o],
            asked: parameters.get("beroep"),
            preferred: dataset.dimensions[o].members.first { depths[$0.code] == 0 }?.code ?? "",
            unknown: "TensionView.occupationMissing"
        )
        let level = try Level(parameters.get("niveau"), under: depths[occupation.code] ?? 0)
        let order = try Order(column: parameters.get("sorteer"), direction: parameters.get("volgorde"))
        let chosen = try await store.query(
            ObservationQuery(
                dataset: Self.tension,
                measure: Self.tension,
                filters: [
                    .init(dimension: dataset.dimensions[g].code, members: [region.code]),
                    .init(dimension: dataset.dimensions[o].code, members: [occupation.code]),
                ]
            )
        )
        let quarters = (chosen.singleSeries?.periods ?? []).filter { $0.frequency == .quarter }
        guard let latest = quarters.last else {
            throw APIError(.notFound, Message("TensionView.deSpanningsindicatorHeeftGeen2", region.label))
        }
        var period = latest
        if let asked = parameters.get("periode"), !asked.isEmpty {
            guard let p = Period.parseLabel(asked)?.period else {
                throw APIError(.badRequest, Message("TensionView.periodeNeemtEenKwartaal", asked.excerpt))
            }
            guard quarters.contains(p) else {
                throw APIError(
                    .notFound,
                    Message(
                        "TensionView.deSpanningsindicatorHeeftGeen3",
                        p.phrase(in: t.language),
                        quarters[0].label(in: t.language),
                        latest.label(in: t.language)
                    )
                )
            }
            period = p
        }
        return Choice(
            dataset: dataset,
            vintage: vintage.id,
            g: g,
            o: o,
            depths: depths,
            region: region,
            occupation: occupation,
            level: level,
            order: order,
            period: period,
            quarters: quarters,
            present: present
        )
    }

    /// The member a parameter names by code or label, else the preferred one, else the first.
    private static func member(of dimension: KrapteCore.Dimension, asked: String?, preferred: String, unknown: String) throws -> Member {
        if let asked, !asked.isEmpty {
            guard let m = dimension.members.first(where: { $0.code == asked || $0.label == asked }) else {
                throw APIError(.notFound, Message(unknown, asked.excerpt, dimension.suggestion(for: asked)))
            }
            return m
        }
        guard let m = dimension.members.first(where: { $0.code == preferred }) ?? dimension.members.first else {
            throw APIError(.notFound, Message("TensionView.deSpanningsindicatorDeDatabase2"))
        }
        return m
    }

    /// An occupation's name for a reader: BRC labels start with their code (`08 ICT beroepen`), which readers do not
    /// need; the total reads "alle beroepen".
    static func name(_ m: Member, _ t: Texts) -> String {
        if m.parent == nil && (m.code == "totaal" || m.label.lowercased().hasPrefix("totaal")) { return t(Message("TensionView.allOccupations")) }
        let label = ExplorerView.label(m)
        guard label.hasPrefix(m.code + " "), label.count > m.code.count + 1 else { return label }
        return String(label.dropFirst(m.code.count + 1))
    }

    /// The figures of the page as CSV: every occupation at every level in the region and quarter.
    private func csvURL(_ choice: Choice, format: String) -> String {
        "/api/v1/datasets/\(Self.tension)/observations?"
            + [
                ("measure", Self.tension), (choice.regions.code, choice.region.code), ("period", choice.period.code), ("format", format),
            ]
            .queryString
    }
}
