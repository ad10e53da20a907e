import Foundation
import KrapteCore
import KrapteRender

/// Builds the monitor of policy targets (`/monitor`) from a targets file over the store: per target and series a
/// card with its status, progress, path and projection, and a chart; a target whose data are not loaded is listed
/// with the reason, and the targets no data measure with "geen gegevens".
struct MonitorView: Sendable {
    let store: any Store
    let targets: TargetsFile
    /// The texts of the page's language.
    let t: Texts

    func page() async throws -> MonitorPage {
        let assessed = try await TargetEngine(store: store, targets: targets).assessAll()
        let present = Set(try await store.datasets().map(\.id))
        var cards: [MonitorPage.Card] = []
        var notMeasured: [MonitorPage.Missing] = []
        var illustrative = false
        for (target, outcome) in assessed {
            switch outcome {
            case .failure(let error):
                // A reader needs the table to load, not the place in the targets file.
                let reason =
                    target.indicator.dataset.flatMap { present.contains($0) ? nil : t(Message("MonitorView.notLoaded", $0)) } ?? t(error.message)
                notMeasured.append(.init(title: target.title, origin: target.origin, reason: reason))
            case .success(let a):
                illustrative = illustrative || a.source.illustrative
                for (i, p) in a.progress.enumerated() {
                    cards.append(card(target, a, p, id: a.progress.count > 1 ? "\(target.id)-\(i + 1)" : target.id))
                }
            }
        }
        var page = MonitorPage(
            pageTitle: t(Message("MonitorView.title")),
            cards: cards,
            notMeasured: notMeasured,
            withoutData: targets.withoutData.map { .init(title: $0.title, origin: $0.origin, reason: $0.explanation) },
            foot: t(Message("Targets.foot"))
        )
        page.illustrative = illustrative
        return page
    }

    private func card(_ target: Target, _ a: TargetEngine.Assessment, _ p: TargetProgress, id: String) -> MonitorPage.Card {
        let language = t.language
        let decimals = target.decimals ?? a.measure.decimals
        let unit = target.unit ?? a.measure.unit
        let lines = TargetLines(target, a, p, in: language)
        let latestPeriod = p.latest.map { latest in
            latest.status == .definitief
                ? latest.period.label(in: language) : "\(latest.period.label(in: language)), \(latest.status.label(in: language))"
        }
        return MonitorPage.Card(
            id: id,
            lines: lines,
            status: p.status.label(in: language),
            statusClass: "doel-" + p.status.dutchLabel.replacingOccurrences(of: " ", with: "-"),
            progressBar: p.progress.map { Int((min(1, max(0, $0)) * 100).rounded()) },
            progressText: p.progress.map { t(Message("MonitorView.progress", DutchNumberFormat.percent($0 * 100, decimals: 0))) },
            latestValue: p.latest.map { DutchNumberFormat.format($0.value, decimals: decimals) },
            unit: unit == "aantal" ? "" : unit,
            latestPeriod: latestPeriod,
            chart: chart(target, p, id: id, title: lines.heading, decimals: decimals)
        )
    }

    /// The observed series (from up to two years before the baseline), the path from the baseline to the target, and
    /// the projection from the latest value with its 80% and 95% fans.
    private func chart(_ target: Target, _ p: TargetProgress, id: String, title: String, decimals: Int) -> String? {
        guard let base = p.baseline, let latest = p.latest else { return nil }
        let language = t.language
        let frequency = latest.period.frequency
        let first = p.observed.points.first { TargetPath.time($0.period) >= TargetPath.time(base.period) - 2 }?.period ?? base.period
        let end = max(TargetProgress.lastPeriod(of: target.period, in: frequency), latest.period)
        var periods: [Period] = []
        var next: Period? = first
        while let q = next, q <= end, periods.count < 2_000 {
            periods.append(q)
            next = q.next
        }
        let observed = periods.map { q in q <= latest.period ? p.observed.value(at: q) : nil }
        let (t0, t1) = (TargetPath.time(base.period), TargetPath.time(target.period))
        let path = periods.map { q -> Double? in
            q < base.period ? nil : target.path.value(at: TargetPath.time(q), from: (t0, base.value), to: (t1, target.value))
        }
        let steps = Dictionary((p.projection?.steps ?? []).map { ($0.period, $0) }, uniquingKeysWith: { a, _ in a })
        // The projection starts at the latest value, so that its line and fans join the observed line.
        func projected(_ value: (SeriesForecast.Step) -> Double) -> [Double?] {
            periods.map { q in q == latest.period && !steps.isEmpty ? latest.value : steps[q].map(value) }
        }
        let green = ChartPalette.colour(2)
        var series = [
            LineChart.Series(name: t(Message("MonitorView.observed")), values: observed, dashed: false),
            LineChart.Series(name: t(Message("MonitorView.path")), values: path, dashed: true),
        ]
        if !steps.isEmpty { series.append(LineChart.Series(name: t(Message("MonitorView.forecast")), values: projected(\.mean), dashed: false)) }
        var chart = LineChart(
            id: "doel-\(id)",
            title: title,
            summary: t(
                Message(
                    "MonitorView.chartSummary",
                    title,
                    first,
                    latest.period,
                    target.period,
                    p.projection == nil ? "" : t(Message("MonitorView.withForecast"))
                )
            ),
            xLabels: periods.map { $0.label(in: language) },
            xTicks: PeriodAxis.ticks(periods, in: language),
            series: series,
            decimals: decimals
        )
        if !steps.isEmpty {
            chart.fans = LineChart.Fan.forecast(projected, colour: green, in: language)
        }
        return chart.svg()
    }
}
