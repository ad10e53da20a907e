import Foundation
import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the key-figure sheet of a region (`?regio=CODE`): the sheet's figures from datasets with a geography
/// dimension for that region, and the national figures beside them. A figure whose dataset is not loaded, or
/// has no figures for the region, is listed with the reason instead of left out silently.
struct KeyFiguresView: Sendable {
    let store: any Store
    let sheet: KeyFigureSheet
    /// The texts of the page's language.
    let t: Texts

    /// A figure's dataset, read once.
    private struct Source {
        var figure: KeyFigure
        var dataset: Dataset
        var measure: Measure
        var geography: Int?
    }

    /// The levels of region a reader chooses from, in this order: Nederland, the provinces, the arbeidsmarktregio's.
    static let levels: [RegionLevel] = [.land, .provincie, .arbeidsmarktregio]

    func page(_ parameters: Parameters) async throws -> KeyFiguresPage {
        var missing: [String] = []
        var notLoaded: [String] = []
        var sources: [Source] = []
        let present = Set(try await store.datasets().map(\.id))
        var asOf: Period?
        if let asked = parameters.get("periode"), !asked.isEmpty {
            guard let p = Period.parseLabel(asked)?.period else {
                throw APIError(.badRequest, Message("KeyFiguresView.periodeNeemtEenPeriode", asked.excerpt))
            }
            asOf = p
        }
        for figure in sheet.figures {
            if let better = figure.replacedBy, present.contains(better) { continue }
            guard present.contains(figure.dataset) else {
                if !notLoaded.contains(figure.dataset) { notLoaded.append(figure.dataset) }
                continue
            }
            let dataset = try await store.latest(figure.dataset).metadata
            // A card shows one figure; a forecast is shown only with its status and intervals (`/prognose`).
            if dataset.derivation?.isForecast == true {
                missing.append(t(Message("KeyFiguresView.forecast", figure.title, figure.dataset)))
                continue
            }
            guard let measure = dataset.measure(named: figure.measure) else {
                missing.append(t(Message("KeyFiguresView.noMeasure", figure.title, figure.dataset, figure.measure)))
                continue
            }
            sources.append(
                Source(figure: figure, dataset: dataset, measure: measure, geography: dataset.dimensions.firstIndex { $0.kind == .geography })
            )
        }
        var regions: [Member] = []
        for s in sources {
            guard let g = s.geography else { continue }
            for m in s.dataset.dimensions[g].members where !regions.contains(where: { $0.code == m.code }) && !m.code.hasSuffix("99") {
                // Regions of a level CBS marks are offered at the levels a sheet is for; a region of the reader's own
                // coding is offered as it is.
                if RegionLevel(code: m.code).map({ Self.levels.contains($0) }) ?? true { regions.append(m) }
            }
        }
        regions = regions.enumerated().sorted { a, b in
            let (x, y) = (
                Self.levels.firstIndex { $0 == RegionLevel(code: a.element.code) } ?? 0,
                Self.levels.firstIndex { $0 == RegionLevel(code: b.element.code) } ?? 0
            )
            return (x, a.offset) < (y, b.offset)
        }.map(\.element)
        let region: Member?
        if let asked = parameters.get("regio"), !asked.isEmpty {
            guard let m = regions.first(where: { $0.code == asked || $0.label == asked }) else {
                throw APIError(
                    .notFound,
                    Message("KeyFiguresView.erZijnGeenKerncijfers", asked.excerpt, Suggestions.sentence(asked, members: regions))
                )
            }
            region = m
        } else {
            let defaults = sheet.defaultRegion.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            region = defaults.lazy.compactMap { code in regions.first { $0.code == code } }.first ?? regions.first
        }
        var regional: [KeyFiguresPage.Card] = []
        var national: [KeyFiguresPage.Card] = []
        for s in sources {
            do {
                if let g = s.geography {
                    guard let region else { continue }
                    if let levels = s.figure.regionLevels, let level = RegionLevel(code: region.code), !levels.contains(level) { continue }
                    guard s.dataset.dimensions[g].members.contains(where: { $0.code == region.code }) else {
                        let held = RegionLevel.allCases.filter { level in
                            s.dataset.dimensions[g].members.contains { RegionLevel(code: $0.code) == level }
                        }
                        let names = held.map { $0.pluralName(in: t.language) }
                        missing.append(
                            t(
                                names.isEmpty
                                    ? Message("KeyFiguresView.noFigures", s.figure.title, s.dataset.id, region.label)
                                    : Message("KeyFiguresView.noFiguresButFor", s.figure.title, s.dataset.id, region.label, Message.all(names))
                            )
                        )
                        continue
                    }
                    regional.append(try await card(s, region: (s.dataset.dimensions[g].code, region.code), asOf: asOf))
                } else {
                    national.append(try await card(s, region: nil, asOf: asOf))
                }
            } catch let problem as Problem {
                missing.append("\(s.figure.title): \(t(problem.text))")
            }
        }
        if !notLoaded.isEmpty {
            missing.append(t(Message("KeyFiguresView.notLoaded", notLoaded.joined(separator: ", "))))
        }
        var sections: [KeyFiguresPage.Section] = []
        if let region, !regional.isEmpty { sections.append(.init(title: region.label, cards: regional)) }
        if !national.isEmpty { sections.append(.init(title: t(Message("KeyFiguresView.netherlands")), cards: national)) }
        var page = KeyFiguresPage(
            pageTitle: "\(sheet.title)\(region.map { ": \($0.label)" } ?? "")",
            regions: regions.map { FormChoice(value: $0.code, label: $0.label, selected: $0.code == region?.code) },
            sections: sections,
            missing: missing
        )
        page.illustrative = sources.contains { $0.dataset.source.illustrative }
        page.asOf = asOf?.label(in: t.language)
        return page
    }

    /// Why a figure cannot be shown.
    private struct Problem: Error {
        var text: Message
    }

    private func card(_ s: Source, region: (String, String)?, asOf: Period?) async throws -> KeyFiguresPage.Card {
        var filters: [ObservationQuery.Filter] = s.figure.where.sorted { $0.key < $1.key }.map { .init(dimension: $0.key, members: $0.value) }
        if let region { filters.append(.init(dimension: region.0, members: [region.1])) }
        let result: QueryResult
        do {
            result = try await store.query(ObservationQuery(dataset: s.dataset.id, measure: s.measure.code, filters: filters))
        } catch let error as StoreError where error.code == .notFound || error.code == .invalid {
            throw Problem(text: error.message)
        }
        guard let series = result.singleSeries else {
            throw Problem(text: Message("KeyFiguresView.severalSeries", result.timeSeries().count, s.dataset.id))
        }
        let decimals = s.figure.decimals ?? s.measure.decimals
        let rise = s.figure.rise ?? s.dataset.derivation?.rise ?? .neutral
        guard let reading = s.figure.read(series, rise: rise, decimals: decimals, asOf: asOf), let value = reading.latest.value else {
            throw Problem(text: Message("KeyFiguresView.noValue", s.dataset.id))
        }
        let percent = s.measure.unit == "%"
        var direction = t(Message(s.figure.compare == .previousPeriod ? "KeyFiguresView.noPrevious" : "KeyFiguresView.noYearBefore"))
        if let base = reading.base, let b = base.value, let d = reading.direction {
            // A percentage changes by percentage points, a balance (saldo) or a value below zero by points; a
            // percent change of those says nothing.
            let difference = DutchNumberFormat.format(value - b, decimals: decimals).signed
            let change =
                percent
                ? t(Message("KeyFiguresView.percentagePoints", difference))
                : s.measure.unit == "saldo" || value < 0 || b <= 0
                    ? t(Message(abs(value - b) == 1 ? "KeyFiguresView.point" : "KeyFiguresView.points", difference))
                    : reading.percentChange.map { DutchNumberFormat.percent($0, decimals: abs($0) < 1 ? 1 : 0, signed: true) } ?? ""
            let since = base.period.label(in: t.language)
            direction =
                change.isEmpty || d == .flat
                ? t(Message("KeyFiguresView.direction.\(d)", since)) : t(Message("KeyFiguresView.directionBy.\(d)", since, change))
        }
        let news: String? =
            switch reading.news {
            case .good?: t(Message("KeyFiguresView.goodNews"))
            case .bad?: t(Message("KeyFiguresView.badNews"))
            default: nil
            }
        // Thousands as people write them: 383,8 x 1 000 is 383.800.
        let thousands = s.measure.unit == "x 1 000"
        let shown = thousands ? value * 1_000 : value
        let shownDecimals = thousands ? max(0, decimals - 3) : decimals
        let typering =
            s.dataset.derivation?.operation == IndicatorOperation.spanningsindicator.rawValue
            ? Spanningsindicator.typering(value, in: reading.latest.period)?.rawValue : nil
        var state = [("measure", s.measure.code)] + filters.map { ($0.dimension, $0.members.joined(separator: ",")) }
        if let from = series.periods.first(where: { $0.frequency == reading.latest.period.frequency }) {
            state += [("van", from.code), ("tot", reading.latest.period.code)]
        }
        return KeyFiguresPage.Card(
            title: s.figure.title,
            value: DutchNumberFormat.format(shown, decimals: shownDecimals) + (percent ? "%" : ""),
            unit: ["aantal", "%", "", "x 1 000"].contains(s.measure.unit) ? "" : s.measure.unit,
            period: reading.latest.period.label(in: t.language),
            arrow: reading.direction.map { $0 == .up ? "↑" : $0 == .down ? "↓" : "→" },
            direction: direction,
            newsClass: "news-\((reading.news ?? .neutral).rawValue)",
            news: news,
            typering: typering,
            status: reading.latest.status == .definitief ? nil : reading.latest.status.label(in: t.language),
            source: s.dataset.source.line(dataset: s.dataset.id, vintage: result.vintage.id, in: t.language),
            explanation: s.figure.explanation,
            explorerURL: "/verkenner/\(s.dataset.id.pathEncoded)?" + state.queryString
        )
    }
}

extension String {
    /// A formatted number with a plus sign when it is above zero.
    var signed: String { hasPrefix("-") || self.allSatisfy({ $0 == "0" || $0 == "," }) ? self : "+" + self }
}
