import Hummingbird
import KrapteCore
import KrapteRender

/// Builds the key-figure sheet of a region (`?regio=CODE`): the sheet's figures from datasets with a geography
/// dimension for that region, and the national figures beside them. A figure whose dataset is not loaded, or
/// has no figures for the region, is listed with the reason instead of left out silently.
struct KeyFiguresView: Sendable {
    let store: any Store
    let sheet: KeyFigureSheet

    /// A figure's dataset, read once.
    private struct Source {
        var figure: KeyFigure
        var dataset: Dataset
        var measure: Measure
        var geography: Int?
    }

    func page(_ parameters: Parameters) async throws -> KeyFiguresPage {
        var missing: [String] = []
        var sources: [Source] = []
        let present = Set(try await store.datasets().map(\.id))
        for figure in sheet.figures {
            guard present.contains(figure.dataset) else {
                missing.append("\(figure.title): dataset \(figure.dataset) staat niet in de database.")
                continue
            }
            let dataset = try await store.latest(figure.dataset).metadata
            guard let measure = dataset.measure(named: figure.measure) else {
                missing.append("\(figure.title): dataset \(figure.dataset) heeft geen onderwerp \(figure.measure).")
                continue
            }
            sources.append(
                Source(figure: figure, dataset: dataset, measure: measure, geography: dataset.dimensions.firstIndex { $0.kind == .geography })
            )
        }
        var regions: [Member] = []
        for s in sources {
            guard let g = s.geography else { continue }
            for m in s.dataset.dimensions[g].members where !regions.contains(where: { $0.code == m.code }) { regions.append(m) }
        }
        let region: Member?
        if let asked = parameters.get("regio"), !asked.isEmpty {
            guard let m = regions.first(where: { $0.code == asked || $0.label == asked }) else {
                throw APIError(.notFound, "There are no key figures for region \(asked.excerpt); choose a region in the form.")
            }
            region = m
        } else {
            region = regions.first { $0.code == sheet.defaultRegion } ?? regions.first
        }
        var regional: [KeyFiguresPage.Card] = []
        var national: [KeyFiguresPage.Card] = []
        for s in sources {
            do {
                if let g = s.geography {
                    guard let region else { continue }
                    guard s.dataset.dimensions[g].members.contains(where: { $0.code == region.code }) else {
                        missing.append("\(s.figure.title): geen cijfers voor \(region.label) in \(s.dataset.id).")
                        continue
                    }
                    regional.append(try await card(s, region: (s.dataset.dimensions[g].code, region.code)))
                } else {
                    national.append(try await card(s, region: nil))
                }
            } catch let problem as Problem {
                missing.append("\(s.figure.title): \(problem.text)")
            }
        }
        var sections: [KeyFiguresPage.Section] = []
        if let region, !regional.isEmpty { sections.append(.init(title: region.label, cards: regional)) }
        if !national.isEmpty { sections.append(.init(title: "Nederland", cards: national)) }
        var page = KeyFiguresPage(
            pageTitle: "\(sheet.title)\(region.map { ": \($0.label)" } ?? "")",
            regions: regions.map { FormChoice(value: $0.code, label: $0.label, selected: $0.code == region?.code) },
            sections: sections,
            missing: missing
        )
        page.illustrative = sources.contains { $0.dataset.source.illustrative }
        return page
    }

    /// Why a figure cannot be shown.
    private struct Problem: Error {
        var text: String
    }

    private func card(_ s: Source, region: (String, String)?) async throws -> KeyFiguresPage.Card {
        var filters: [ObservationQuery.Filter] = s.figure.where.sorted { $0.key < $1.key }.map { .init(dimension: $0.key, members: $0.value) }
        if let region { filters.append(.init(dimension: region.0, members: [region.1])) }
        let result: QueryResult
        do {
            result = try await store.query(ObservationQuery(dataset: s.dataset.id, measure: s.measure.code, filters: filters))
        } catch let error as StoreError where error.code == .notFound || error.code == .invalid {
            throw Problem(text: error.message)
        }
        guard let series = result.singleSeries else {
            throw Problem(
                text: "de keuze in de kerncijfers geeft \(result.timeSeries().count) reeksen in \(s.dataset.id); kies één lid per dimensie."
            )
        }
        let decimals = s.figure.decimals ?? s.measure.decimals
        let rise = s.figure.rise ?? s.dataset.derivation?.rise ?? .neutral
        guard let reading = s.figure.read(series, rise: rise, decimals: decimals), let value = reading.latest.value else {
            throw Problem(text: "\(s.dataset.id) heeft voor deze keuze geen waarde.")
        }
        let percent = s.measure.unit == "%"
        var direction =
            "geen vergelijking: \(s.figure.compare == .previousPeriod ? "de periode ervoor" : "dezelfde periode een jaar eerder") ontbreekt"
        if let base = reading.base, let b = base.value, let d = reading.direction {
            let verb = d == .up ? "gestegen" : d == .down ? "gedaald" : "gelijk gebleven"
            let change =
                percent
                ? DutchNumberFormat.format(value - b, decimals: decimals).signed + " procentpunt"
                : reading.percentChange.map { DutchNumberFormat.percent($0, decimals: 0, signed: true) } ?? ""
            direction = "\(verb) t.o.v. \(base.period.dutchLabel)\(change.isEmpty || d == .flat ? "" : " (\(change))")"
        }
        let news =
            switch reading.news {
            case .good?: "goed nieuws"
            case .bad?: "slecht nieuws"
            default: reading.direction == .flat ? "geen verandering" : "niet goed of slecht"
            }
        var state = [("measure", s.measure.code)] + filters.map { ($0.dimension, $0.members.joined(separator: ",")) }
        if let from = series.periods.first(where: { $0.frequency == reading.latest.period.frequency }) {
            state += [("van", from.code), ("tot", reading.latest.period.code)]
        }
        return KeyFiguresPage.Card(
            title: s.figure.title,
            value: DutchNumberFormat.format(value, decimals: decimals) + (percent ? "%" : ""),
            unit: ["aantal", "%", ""].contains(s.measure.unit) ? "" : s.measure.unit,
            period: reading.latest.period.dutchLabel,
            arrow: reading.direction.map { $0 == .up ? "↑" : $0 == .down ? "↓" : "→" },
            direction: direction,
            newsClass: "news-\((reading.news ?? .neutral).rawValue)",
            news: news,
            status: reading.latest.status == .definitief ? nil : reading.latest.status.dutchLabel,
            source: s.dataset.source.line(dataset: s.dataset.id, vintage: result.vintage.id),
            explanation: s.figure.explanation,
            explorerURL: "/verkenner/\(s.dataset.id.pathEncoded)?" + state.queryString
        )
    }
}

extension String {
    /// A formatted number with a plus sign when it is above zero.
    var signed: String { hasPrefix("-") || self.allSatisfy({ $0 == "0" || $0 == "," }) ? self : "+" + self }
}
