import Foundation

/// Writes Dutch sentences about one series by rules, as the seeds' "In het kort" does by hand: its level, its change
/// on the period before or on a year (in percent, or in procentpunt for a percentage), the direction word that goes
/// with the sign and a "vrijwel gelijk" band, a run ("voor het achtste kwartaal op rij"), the distance from its peak
/// and the highest or lowest level since a period. Every number in a sentence keeps its trace. The rules and their
/// examples are in Guides/GeneratedText.md.
public struct SentenceWriter: Sendable {
    /// A series as sentences name it.
    public struct Subject: Sendable {
        /// The series' name in a sentence, lower case: `het aantal openstaande vacatures`.
        public var name: String
        /// The series.
        public var series: TimeSeries
        /// The measure's unit (`x 1 000`, `%`).
        public var unit: String
        /// The measure's decimals.
        public var decimals: Int
        /// Whether the measure is a percentage or ratio: its changes are differences (procentpunt for `%`), not
        /// percentages of percentages.
        public var isRate: Bool
        /// Where the series came from; the periods are filled in per number.
        public var trace: Trace

        /// Makes a subject.
        public init(name: String, series: TimeSeries, unit: String, decimals: Int, isRate: Bool, trace: Trace) {
            self.name = name
            self.series = series
            self.unit = unit
            self.decimals = decimals
            self.isRate = isRate
            self.trace = trace
        }
    }

    /// What the sentences are about.
    public var subject: Subject
    /// A change smaller than this in size (percent, or the unit's points for a rate) is "vrijwel gelijk"; a change
    /// that rounds to zero always is. By default half a percent for a count, and for a rate half its last decimal
    /// (0,05 point for a percentage with one decimal), so that only a difference that does not show is "gelijk".
    public var steadyBand: Double
    /// How levels are rounded.
    public var rounding: PublishedNumber.Rounding
    /// The decimals of a change in percent (`-13%` with 0, `+40,9%` with 1).
    public var percentDecimals = 0

    /// A writer about `subject`.
    public init(_ subject: Subject, steadyBand: Double? = nil, rounding: PublishedNumber.Rounding = .exact) {
        self.subject = subject
        self.steadyBand = steadyBand ?? (subject.isRate ? 0.5 * pow(10, -Double(max(0, subject.decimals))) : 0.5)
        self.rounding = rounding
    }

    /// "In het 4e kwartaal van 2024 was het aantal openstaande vacatures ruim 22.600."
    /// - Throws: `SentenceError` when the period has no value.
    public func level(at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        return sentence("Sentence.level", [.text(point.period.phrase(in: .nl)), .text(subject.name), number(point)])
    }

    /// "Het aantal openstaande vacatures daalde in het 4e kwartaal van 2024 met 13% ten opzichte van een jaar
    /// eerder." A percentage changes in procentpunt.
    /// - Throws: `SentenceError` when either period has no value.
    public func change(_ base: ChangeBase, at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        guard let basePeriod = base.base(for: point.period), let before = subject.series[basePeriod], before.value != nil else {
            throw SentenceError(Message("SentenceWriter.noBase", subject.name, point.period.label(in: .nl)))
        }
        let (written, direction) = try change(from: before, to: point)
        let against: String =
            switch base {
            case .previousPeriod: Catalogue.dutch["Sentence.previous." + point.period.frequency.rawCase]
            case .samePeriodLastYear: Catalogue.dutch["Sentence.yearBefore"]
            default: basePeriod.phrase(in: .nl)
            }
        return sentence("Sentence.change.\(direction)", [.text(subject.name), .text(point.period.phrase(in: .nl)), written, .text(against)])
    }

    /// "Het aantal openstaande vacatures daalde in het 4e kwartaal van 2024 voor het achtste kwartaal op rij." A run of
    /// one is the change on the period before; no change is said as such.
    /// - Throws: `SentenceError` when the period or the one before has no value.
    public func run(at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        let frequency = point.period.frequency
        let upTo = TimeSeries(subject.series.points.filter { $0.period <= point.period })
        for direction in [TimeSeries.Direction.decline, .rise] {
            guard let run = upTo.runs(direction, frequency, minimumLength: 2).last, run.to == point.period,
                let start = subject.series[run.from]
            else { continue }
            let count = TracedText.Part.number(
                Self.ordinal(run.length),
                subject.trace.computed(Catalogue.dutch["Sentence.runFormula." + direction.rawValue], from: [start, point])
            )
            return sentence(
                "Sentence.run.\(direction.rawValue)",
                [
                    .text(subject.name), .text(point.period.phrase(in: .nl)), count, .text(frequency.name(in: .nl)),
                    .text(Catalogue.dutch["Sentence.runArticle." + frequency.rawCase]),
                ]
            )
        }
        return try change(.previousPeriod, at: point.period)
    }

    /// "Het aantal openstaande vacatures lag in het 4e kwartaal van 2024 40% onder de piek in het 2e kwartaal van
    /// 2022." At the peak itself: "bereikte ... het hoogste niveau sinds het begin van de reeks".
    /// - Throws: `SentenceError` when the period has no value.
    public func peak(at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        let upTo = TimeSeries(subject.series.points.filter { $0.period <= point.period })
        guard let peak = upTo.sincePeak(point.period.frequency),
            let first = upTo.points.first(where: { $0.period.frequency == point.period.frequency })
        else { throw SentenceError(Message("SentenceWriter.noValue", subject.name, point.period.label(in: .nl))) }
        if peak.peak.period == point.period {
            return sentence(
                "Sentence.atPeak",
                [.text(subject.name), .text(point.period.phrase(in: .nl)), number(point), .text(first.period.phrase(in: .nl))]
            )
        }
        let (written, _) = try change(from: peak.peak, to: point, signed: false)
        return sentence(
            "Sentence.belowPeak",
            [.text(subject.name), .text(point.period.phrase(in: .nl)), written, .text(peak.peak.period.phrase(in: .nl)), number(peak.peak)]
        )
    }

    /// "Het aantal openstaande vacatures was in het 4e kwartaal van 2024 met 22.600 het laagst sinds het 1e kwartaal
    /// van 2021 (21.900)." Highest when the value rose on the period before, lowest when it fell; "sinds" the last
    /// period that was higher (or lower), else since the series began.
    /// - Throws: `SentenceError` when the period or the one before has no value.
    public func record(at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        guard let value = point.value, let before = point.period.previous.flatMap({ subject.series.value(at: $0) }) else {
            throw SentenceError(Message("SentenceWriter.noBase", subject.name, point.period.label(in: .nl)))
        }
        let highest = value > before
        let earlier = subject.series.points.filter { $0.period.frequency == point.period.frequency && $0.period < point.period }
        let beyond = earlier.last { p in p.value.map { highest ? $0 > value : $0 < value } ?? false }
        let key = highest ? "highest" : "lowest"
        guard let beyond else {
            let first = earlier.first?.period ?? point.period
            return sentence(
                "Sentence.record.\(key).series",
                [.text(subject.name), .text(point.period.phrase(in: .nl)), number(point), .text(first.phrase(in: .nl))]
            )
        }
        return sentence(
            "Sentence.record.\(key)",
            [.text(subject.name), .text(point.period.phrase(in: .nl)), number(point), .text(beyond.period.phrase(in: .nl)), number(beyond)]
        )
    }

    /// "De groei van de arbeidsproductiviteit was in 2024 bij informatie en communicatie hoger dan bij het totaal: 2,4%
    /// tegen -0,2%." Two groups at one period; within the band (in the unit's points for a rate, in percent of the
    /// second otherwise) "vrijwel gelijk".
    /// - Throws: `SentenceError` when a group has no value at the period.
    public static func compare(
        _ name: String,
        _ a: (label: String, writer: SentenceWriter),
        _ b: (label: String, writer: SentenceWriter),
        at period: Period?
    )
        throws -> TracedText
    {
        let first = try a.writer.point(period)
        let second = try b.writer.point(first.period)
        guard let x = first.value, let y = second.value else {
            throw SentenceError(Message("SentenceWriter.noValue", b.writer.subject.name, first.period.label(in: .nl)))
        }
        let size = a.writer.subject.isRate || y == 0 ? abs(x - y) : abs(x / y - 1) * 100
        let key = size < a.writer.steadyBand || a.writer.number(first) == b.writer.number(second) ? "same" : x > y ? "higher" : "lower"
        return a.writer.sentence(
            "Sentence.compare.\(key)",
            [.text(name), .text(first.period.phrase(in: .nl)), .text(a.label), .text(b.label), a.writer.number(first), b.writer.number(second)]
        )
    }

    /// "Het aandeel bedrijven dat AI gebruikt was in 2024 het hoogst bij J Informatie en communicatie (58%), gevolgd
    /// door M Specialistische zakelijke diensten (40%) en K Financiële dienstverlening (37%)." The first `count`
    /// groups by their value at one period, highest (or lowest) first; groups without a value are left out.
    /// - Throws: `SentenceError` when fewer than two groups have a value.
    public static func ranking(
        _ name: String,
        _ groups: [(label: String, writer: SentenceWriter)],
        at period: Period?,
        highest: Bool = true,
        count: Int = 3
    )
        throws -> TracedText
    {
        let at = period ?? groups.compactMap { try? $0.writer.point(nil).period }.max()
        let valued = groups.compactMap { group -> (label: String, writer: SentenceWriter, point: TimeSeries.Point, value: Double)? in
            guard let at, let p = group.writer.subject.series[at], let v = p.value else { return nil }
            return (group.label, group.writer, p, v)
        }
        guard let at, valued.count >= 2 else { throw SentenceError(Message("SentenceWriter.tooFewGroups", name)) }
        let ranked = valued.sorted { highest ? $0.value > $1.value : $0.value < $1.value }.prefix(max(2, count))
        var parts: [TracedText.Part] = TracedText.filled(
            highest ? "Sentence.rank.highest" : "Sentence.rank.lowest",
            [.text(name), .text(at.phrase(in: .nl))]
        ).parts
        for (i, group) in ranked.enumerated() {
            if i == 1 { parts.append(.text(Catalogue.dutch["Sentence.rank.followedBy"])) }
            if i > 1 { parts.append(.text(i == ranked.count - 1 ? Catalogue.dutch["Sentence.rank.and"] : ", ")) }
            parts += [.text("\(group.label) ("), group.writer.number(group.point), .text(")")]
        }
        parts.append(.text("."))
        return TracedText(parts).merged.capitalized
    }

    /// "Het aandeel werkgevers dat AI gebruikt was in 2025 hoger dan in 2024: 21% tegen 15%." A survey's share in two
    /// waves, said to be higher or lower only when the change is significant at 95% (two-sided, as `krapte survey
    /// compare` tests it, `change`); otherwise "vergelijkbaar met 2024", with the shares and that the difference is
    /// not significant.
    public func waves(from base: TimeSeries.Point, to point: TimeSeries.Point, change: SurveyChange) -> TracedText {
        let key = !change.isSignificant ? "similar" : change.change > 0 ? "higher" : "lower"
        let p = change.pValue().map { PublishedNumber.rounded($0, toDecimals: 3) } ?? 1
        let test = subject.trace.computed(
            Catalogue.dutch["Sentence.wave.test"] + " p = " + DutchNumberFormat.format(p, decimals: 3),
            from: [base, point]
        )
        return sentence(
            "Sentence.wave.\(key)",
            [
                .text(subject.name), .text(point.period.phrase(in: .nl)), .text(base.period.phrase(in: .nl)), number(point), number(base),
                .number(Catalogue.dutch["Sentence.wave.\(key).word"], test),
            ]
        )
    }

    /// "De arbeidsmarkt voor ICT-beroepen was in het 4e kwartaal van 2024 zeer krap: de spanningsindicator was 7,7."
    /// The typering of a spanningsindicator by the class boundaries valid in its period (UWV's; see
    /// Guides/Spanningsindicator.md).
    /// - Throws: `SentenceError` when the period has no value or no boundaries apply.
    public func typering(at period: Period? = nil) throws -> TracedText {
        let point = try self.point(period)
        guard let value = point.value, let boundaries = Spanningsindicator.boundaries(for: point.period) else {
            throw SentenceError(Message("SentenceWriter.noValue", subject.name, point.period.label(in: .nl)))
        }
        let type = boundaries.typering(value)
        let limits = boundaries.limits.map(DutchNumberFormat.shortest).joined(separator: "; ")
        let rule = subject.trace.at(point).computed(Message("Sentence.typeringRule", boundaries.version, limits).description, from: [point])
        return sentence("Sentence.typering", [.text(subject.name), .text(point.period.phrase(in: .nl)), .number(type.rawValue, rule), number(point)])
    }

    /// The point at `period`, or the latest with a value.
    /// - Throws: `SentenceError` when there is no such value.
    public func point(_ period: Period?) throws -> TimeSeries.Point {
        if let period {
            guard let p = subject.series[period], p.value != nil else {
                throw SentenceError(Message("SentenceWriter.noValue", subject.name, period.label(in: .nl)))
            }
            return p
        }
        guard let last = subject.series.points.last(where: { $0.value != nil }) else {
            throw SentenceError(Message("SentenceWriter.empty", subject.name))
        }
        return last
    }

    /// The value at `point` as written, with its trace.
    public func number(_ point: TimeSeries.Point) -> TracedText.Part {
        let written = PublishedNumber.write(point.value ?? .nan, unit: subject.unit, decimals: subject.decimals, rounding: rounding)
        return .number(written.text, subject.trace.at(point))
    }

    /// The change from `base` to `point` as written (`13%`, `0,4 procentpunt`, without its sign unless `signed`), and
    /// its direction: `rise`, `fall` or `steady`.
    /// A sign is written before a rise (`+`) and a fall (`-`) when `signed`.
    /// - Throws: `SentenceError` when either has no value, or a change in percent has a base of 0.
    public func change(from base: TimeSeries.Point, to point: TimeSeries.Point, signed: Bool = false) throws -> (TracedText.Part, String) {
        guard let a = base.value, let b = point.value else {
            throw SentenceError(Message("SentenceWriter.noBase", subject.name, point.period.label(in: .nl)))
        }
        let text: String
        let shown: Double
        let formula: String
        if subject.isRate {
            let (scaled, decimals) = PublishedNumber.inWrittenUnit(b - a, unit: subject.unit, decimals: subject.decimals)
            shown = PublishedNumber.rounded(scaled, toDecimals: decimals)
            let unit = subject.unit.trimmingCharacters(in: .whitespaces) == "%" ? " " + Catalogue.dutch["Sentence.points"] : ""
            text = DutchNumberFormat.format(abs(scaled), decimals: decimals) + unit
            formula = "b - a"
        } else {
            guard a != 0 else { throw SentenceError(Message("SentenceWriter.zeroBase", subject.name, base.period.label(in: .nl))) }
            let percent = (b / a - 1) * 100
            shown = PublishedNumber.rounded(percent, toDecimals: percentDecimals)
            text = DutchNumberFormat.percent(abs(percent), decimals: percentDecimals)
            formula = "(b / a - 1) x 100"
        }
        let size = abs(subject.isRate ? b - a : (b / a - 1) * 100)
        let direction = shown == 0 || size < steadyBand ? "steady" : b > a ? "rise" : "fall"
        let sign = !signed || shown == 0 ? "" : b < a ? "-" : "+"
        return (.number(sign + text, subject.trace.computed(formula, from: [base, point])), direction)
    }

    /// The difference from `base` to `point` in the written unit, with its sign: `+161.000` for 394 to 555 in
    /// `x 1 000`, `+0,4` for a percentage.
    /// - Throws: `SentenceError` when either has no value.
    public func difference(from base: TimeSeries.Point, to point: TimeSeries.Point) throws -> TracedText.Part {
        guard let a = base.value, let b = point.value else {
            throw SentenceError(Message("SentenceWriter.noBase", subject.name, point.period.label(in: .nl)))
        }
        let written = PublishedNumber.write(b - a, unit: subject.unit, decimals: subject.decimals, rounding: rounding)
        let sign = written.shown > 0 ? "+" : ""
        return .number(sign + written.text, subject.trace.computed("b - a", from: [base, point]))
    }

    /// The catalogue's sentence of `key` with its parts, starting with a capital.
    func sentence(_ key: String, _ parts: [TracedText.Part]) -> TracedText {
        TracedText.filled(key, parts).capitalized
    }

    /// The Dutch ordinal as a sentence writes it: `tweede` to `twaalfde`, then `13e`.
    public static func ordinal(_ n: Int) -> String {
        let words = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende", "elfde", "twaalfde"]
        return (1...words.count).contains(n) ? words[n - 1] : "\(n)e"
    }
}

/// A sentence that cannot be written from the data: the period has no value, or the base of a change is missing.
public struct SentenceError: Error, Sendable, CustomStringConvertible {
    /// What is missing and what to choose instead.
    public var message: Message

    /// Makes an error.
    public init(_ message: Message) {
        self.message = message
    }

    public var description: String { message.description }
}

extension Period.Frequency {
    /// The case's name, for catalogue keys: `quarter`.
    var rawCase: String { "\(self)" }
}
