import KrapteCore

/// The sentences of one target's series, the same in `krapte targets` and on `/monitor`: its figures against the
/// baseline and the target, its progress against the path, the change needed, and the projection with its status
/// "prognose", its intervals and its chance.
public struct TargetLines: Sendable {
    /// The target's title, with the series' members after a dash when the target has several series.
    public var heading: String
    /// What it is measured as: `Gemeten als: ICT-specialisten (x 1 000)`.
    public var measured: String
    /// The baseline, the latest value and the goal; or what is missing.
    public var figures: String
    /// The share of the way covered and the gap to the path; nil without both values.
    public var progress: String?
    /// The change per year needed from now, and the recent change.
    public var needed: String?
    /// The projection to the target period (a forecast, so said), or why there is none.
    public var projection: String?
    /// What the forecast of a year before said about the latest value: the track record of the projection's method.
    public var yearAgo: String?
    /// The proxy, when the measure is one.
    public var proxy: String?
    /// Where the target comes from.
    public var origin: String
    /// What is measured and why.
    public var explanation: String
    /// The source line of the figures.
    public var source: String

    /// The sentences of `progress`, a series of `target` as `assessment` read it, in `language`.
    public init(_ target: Target, _ assessment: TargetEngine.Assessment, _ progress: TargetProgress, in language: Language) {
        let t = { (m: Message) in m.text(in: language) }
        let p = progress
        let decimals = target.decimals ?? assessment.measure.decimals
        let unit = target.unit ?? assessment.measure.unit
        let number = { (x: Double) in DutchNumberFormat.format(x, decimals: decimals) }
        let signed = { (x: Double) in (x > 0 ? "+" : "") + DutchNumberFormat.format(x, decimals: decimals) }
        heading = p.members.isEmpty ? target.title : target.title + " — " + p.members.map(\.label).joined(separator: ", ")
        measured = t(Message("Targets.measured", assessment.measure.title, unit))
        let goal = Message("Targets.goal", target.period, number(target.value), target.path.name(in: language))
        if let base = p.baseline, let latest = p.latest {
            figures = t(Message("Targets.figures", base.period, number(base.value), latest.period, number(latest.value), goal))
        } else {
            figures = t(Message("Targets.missing", target.baseline, goal))
        }
        if let share = p.progress, let path = p.pathValue, let gap = p.gap, let latest = p.latest {
            let side = Message(gap >= 0 ? "Targets.ahead" : "Targets.behind", number(abs(gap)))
            self.progress = t(Message("Targets.progress", DutchNumberFormat.format(share * 100, decimals: 0), latest.period, number(path), side))
        }
        if let change = p.requiredYearlyChange {
            let compound = target.path == .compound
            let show = { (x: Double) in compound ? (x > 0 ? "+" : "") + DutchNumberFormat.format(x, decimals: 1) + "%" : signed(x) }
            let recent = p.recentYearlyChange.map { r in Message("Targets.recent", DutchNumberFormat.format(p.recentYears ?? 0, decimals: 0), show(r))
            }
            needed = t(Message("Targets.needed", show(change), recent ?? Message("Krapte.as", "")))
        }
        if let j = p.projection {
            projection = t(
                Message(
                    "Targets.projection",
                    j.period,
                    j.model,
                    number(j.mean),
                    "\(number(j.lower80)) – \(number(j.upper80))",
                    "\(number(j.lower95)) – \(number(j.upper95))",
                    DutchNumberFormat.format(j.chance * 100, decimals: 0)
                )
            )
        } else if let refusal = p.projectionRefusal {
            projection = t(Message("Targets.noProjection", refusal))
        }
        yearAgo = p.yearAgo.map { BacktestLines.yearAgo($0, decimals: decimals, in: language) }
        proxy = target.proxy.map { t(Message("Targets.proxy", $0)) }
        origin = t(Message("Targets.origin", target.origin))
        explanation = t(Message("Targets.explanation", target.explanation))
        source = t(
            Message("Targets.source", assessment.source.line(dataset: assessment.input.dataset, vintage: assessment.input.vintage, in: language))
        )
    }
}
