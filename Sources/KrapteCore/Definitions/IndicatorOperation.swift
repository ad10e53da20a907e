/// The operations a definition can name, with the inputs (roles) each takes and the parameters it needs.
public enum IndicatorOperation: String, Sendable, CaseIterable {
    /// The input as it is, after selecting, summing and aggregating: a group total.
    case value
    /// `numerator / denominator x scale`.
    case ratio
    /// `part / total x 100`.
    case share
    /// The change against a base period (`base`), in percent or absolute (`form`).
    case change
    /// A growth rate in percent compounded over `periods` periods.
    case compound
    /// The average yearly growth in percent `from` one period `to` another.
    case averageYearlyGrowth
    /// For every period in `range`, the change against the highest value of `frequency` so far in that range.
    case sincePeak
    /// The trailing moving average over `periods` periods.
    case movingAverage
    /// Index numbers with `base` = 100.
    case index
    /// Open vacancies per WW benefit under six months, with its typering.
    case spanningsindicator
    /// The yearly growth of labour productivity from the volume growth of value added and hours worked.
    case productivityGrowth
    /// Value added in volume per hour worked.
    case productivityLevel
    /// A forecast per series, `horizon` periods of `frequency` ahead, by `method` (exponential smoothing by
    /// default), with its 80% and 95% prediction intervals; from the observations in `range` when given.
    case forecast

    /// The roles of the inputs, in the order the formula names them.
    public var roles: [String] {
        switch self {
        case .value, .change, .compound, .averageYearlyGrowth, .sincePeak, .movingAverage, .index, .forecast: ["input"]
        case .ratio: ["numerator", "denominator"]
        case .share: ["part", "total"]
        case .spanningsindicator: ["vacancies", "ww"]
        case .productivityGrowth: ["volumeGrowth", "hours"]
        case .productivityLevel: ["volume", "hours"]
        }
    }

    /// The formula in words, in Dutch as the tables print it.
    func formula(_ p: Resolved) -> String {
        switch self {
        case .value: "invoer"
        case .ratio: p.scale == 1 ? "teller / noemer" : "teller / noemer x \(p.scale)"
        case .share: "deel / totaal x 100"
        case .change:
            p.form == .percent
                ? "(waarde / waarde in de basisperiode - 1) x 100, basis \(p.base.dutchWords)"
                : "waarde - waarde in de basisperiode, basis \(p.base.dutchWords)"
        case .compound: "groei samengesteld over \(p.periods) perioden: ((1 + g1/100) x ... x (1 + gn/100) - 1) x 100"
        case .averageYearlyGrowth: "((waarde \(p.to?.dutchLabel ?? "") / waarde \(p.from?.dutchLabel ?? ""))^(1 / jaren) - 1) x 100"
        case .sincePeak: p.form == .percent ? "(waarde / hoogste waarde tot dan - 1) x 100" : "waarde - hoogste waarde tot dan"
        case .movingAverage: "gemiddelde van de laatste \(p.periods) perioden"
        case .index: "waarde / waarde in \(p.base.dutchWords) x 100"
        case .spanningsindicator:
            "openstaande vacatures / WW-uitkeringen korter dan 6 maanden, getypeerd met de grenzen \(p.boundaries.map(\.version).joined(separator: ", "))"
        case .productivityGrowth: "((1 + volumegroei toegevoegde waarde / 100) / (gewerkte uren / gewerkte uren een jaar eerder) - 1) x 100"
        case .productivityLevel: "toegevoegde waarde (volume) / gewerkte uren"
        case .forecast:
            "prognose per reeks, \(p.horizon) \(p.frequency.dutchPlural) vooruit, met \(p.method.dutchWords), uit de waarnemingen per "
                + "\(p.frequency.name(in: .nl))\(p.range.map { " van \($0.lowerBound.dutchLabel) tot en met \($0.upperBound.dutchLabel)" } ?? ""); "
                + "met 80%- en 95%-voorspelintervallen"
        }
    }

    /// The parameters checked and read.
    struct Resolved: Sendable {
        var base: ChangeBase = .previousPeriod
        var form: ChangeForm = .percent
        var periods = 1
        var scale = 1.0
        var frequency: Period.Frequency = .quarter
        var range: PeriodRange?
        var from: Period?
        var to: Period?
        var boundaries: [Spanningsindicator.Boundaries] = [Spanningsindicator.uwv]
        var method: SeriesForecast.Method = .ets
        var horizon = 8
    }

    /// Reads and checks the parameters this operation needs; `fail` makes the error for a parameter.
    func resolve(
        _ p: IndicatorDefinition.Parameters,
        fail: (_ key: String, _ message: Message, _ fix: Message?) -> DefinitionError
    ) throws -> Resolved {
        var r = Resolved()
        if let form = p.form {
            guard let f = ChangeForm(rawValue: form) else {
                throw fail("form", Message("IndicatorOperation.form", form.excerpt), Message("IndicatorOperation.form.fix"))
            }
            r.form = f
        }
        if let scale = p.scale {
            guard scale.isFinite, scale != 0 else { throw fail("scale", Message("IndicatorOperation.scaleMustNumberOther"), nil) }
            r.scale = scale
        }
        switch self {
        case .change, .index:
            guard let text = p.base else {
                throw fail("base", Message("IndicatorOperation.needsBase", rawValue), Message("IndicatorOperation.needsBase.fix"))
            }
            if text == "previousPeriod" {
                r.base = .previousPeriod
            } else if text == "samePeriodLastYear" {
                r.base = .samePeriodLastYear
            } else if text.hasPrefix("periodsBack:"), let n = Int(text.dropFirst("periodsBack:".count)), n > 0 {
                r.base = .periodsBack(n)
            } else if let period = Self.period(text) {
                r.base = .reference(period)
            } else {
                throw fail(
                    "base",
                    Message("IndicatorOperation.base", text.excerpt),
                    Message("IndicatorOperation.base.fix")
                )
            }
            if self == .index {
                guard case .reference = r.base else {
                    throw fail(
                        "base",
                        Message("IndicatorOperation.indexNeedsBasePeriod", text.excerpt),
                        Message("IndicatorOperation.indexNeedsBasePeriod.fix")
                    )
                }
            }
        case .compound, .movingAverage:
            guard let n = p.periods, n >= 1, n <= 1_000 else {
                throw fail(
                    "periods",
                    Message("IndicatorOperation.needsNumberPeriods", rawValue),
                    Message("IndicatorOperation.needsNumberPeriods.fix")
                )
            }
            r.periods = n
        case .averageYearlyGrowth:
            guard let from = p.from.flatMap(Self.period), let to = p.to.flatMap(Self.period) else {
                throw fail(
                    "from",
                    Message("IndicatorOperation.averageyearlygrowthNeedsPeriodLater"),
                    Message("IndicatorOperation.averageyearlygrowthNeedsPeriodLater.fix")
                )
            }
            guard from.frequency == to.frequency, from < to else {
                throw fail("to", Message("IndicatorOperation.mustLaterPeriodFrequency", to.code, from.code), nil)
            }
            r.from = from
            r.to = to
        case .forecast, .sincePeak:
            let text = p.frequency ?? "quarter"
            guard let f = Period.Frequency(name: text) else {
                throw fail("frequency", Message("IndicatorOperation.frequency", text.excerpt), Message("IndicatorOperation.frequency.fix"))
            }
            r.frequency = f
            if let range = p.range {
                guard let parsed = PeriodRange(parsing: range) else {
                    throw fail("range", Message("IndicatorOperation.rangePeriods", range.excerpt), Message("IndicatorOperation.rangePeriods.fix"))
                }
                r.range = parsed
            }
            guard self == .forecast else { break }
            r.horizon = p.horizon ?? 2 * f.perYear
            if let name = p.method {
                guard let method = SeriesForecast.Method(rawValue: name) else {
                    throw fail("method", Message("IndicatorOperation.method", name.excerpt), Message("IndicatorOperation.method.fix"))
                }
                r.method = method
            }
        case .spanningsindicator:
            if let sets = p.boundaries {
                guard !sets.isEmpty else {
                    throw fail("boundaries", Message("IndicatorOperation.listBoundariesEmpty"), Message("IndicatorOperation.listBoundariesEmpty.fix"))
                }
                for set in sets {
                    guard set.limits.count == 4, zip(set.limits, set.limits.dropFirst()).allSatisfy({ $0 < $1 }), set.limits[0] >= 0 else {
                        throw fail(
                            "boundaries",
                            Message(
                                "IndicatorOperation.boundariesMustFourRising",
                                set.version.excerpt,
                                set.limits.map { "\($0)" }.joined(separator: ", ")
                            ),
                            Message("IndicatorOperation.boundariesMustFourRising.fix")
                        )
                    }
                }
                r.boundaries = sets
            }
        case .value, .ratio, .share, .productivityGrowth, .productivityLevel:
            break
        }
        return r
    }

    /// A period by its CBS code (`2020KW01`, `2024JJ00`) or label (`2024`, `2020 1e kwartaal`).
    static func period(_ text: String) -> Period? {
        Period(code: text) ?? Period.parseLabel(text)?.period
    }

    /// Computes the indicator from one series per role, in the order of `roles`; a role without a series counts
    /// as an empty series.
    func apply(_ inputs: [TimeSeries], _ p: Resolved) -> TimeSeries {
        let none = TimeSeries([TimeSeries.Point]())
        let first = inputs.first ?? none
        let second = inputs.dropFirst().first ?? none
        switch self {
        case .value: return first
        case .ratio: return TimeSeries.ratio(first, second, scale: p.scale)
        case .share: return TimeSeries.share(first, of: second)
        case .change: return first.change(against: p.base, as: p.form)
        case .compound: return first.compounded(over: p.periods)
        case .averageYearlyGrowth:
            guard let from = p.from, let to = p.to else { return none }
            return TimeSeries(first.averageYearlyGrowth(from: from, to: to).map { [$0] } ?? [])
        case .sincePeak: return first.changeSincePeak(p.frequency, in: p.range, as: p.form)
        case .movingAverage: return first.movingAverage(p.periods)
        case .index:
            guard case .reference(let base) = p.base else { return none }
            return first.indexed(base: base)
        case .spanningsindicator: return Spanningsindicator.compute(vacancies: first, wwShort: second)
        case .productivityGrowth: return LabourProductivity.growth(valueAddedVolumeGrowth: first, hoursWorked: second)
        case .productivityLevel: return LabourProductivity.level(valueAddedVolume: first, hoursWorked: second)
        case .forecast:
            // The observations the forecast rests on; the engine forecasts them (`IndicatorEngine+Forecast`).
            return TimeSeries(first.points.filter { $0.period.frequency == p.frequency && p.range?.contains($0.period) != false })
        }
    }
}

extension SeriesForecast.Method {
    /// The method in Dutch words, for a formula.
    var dutchWords: String {
        switch self {
        case .ets: "exponentiële afvlakking (ETS, het model per reeks gekozen op AICc)"
        case .naive: "de naïeve methode (de laatste waarde)"
        case .seasonalNaive: "de seizoensnaïeve methode (de waarde van een jaar eerder)"
        case .drift: "de driftmethode (de laatste waarde plus de gemiddelde verandering)"
        }
    }
}

extension Period.Frequency {
    /// The Dutch plural: `jaren`, `halfjaren`, `kwartalen`, `maanden`.
    var dutchPlural: String {
        switch self {
        case .year: "jaren"
        case .halfYear: "halfjaren"
        case .quarter: "kwartalen"
        case .month: "maanden"
        }
    }

    /// Reads `year`, `halfYear`, `quarter` or `month` (or the Dutch `jaar`, `halfjaar`, `kwartaal`, `maand`).
    public init?(name: String) {
        switch name.lowercased() {
        case "year", "jaar": self = .year
        case "halfyear", "halfjaar": self = .halfYear
        case "quarter", "kwartaal": self = .quarter
        case "month", "maand": self = .month
        default: return nil
        }
    }
}
