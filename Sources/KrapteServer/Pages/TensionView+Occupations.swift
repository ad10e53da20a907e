import Hummingbird
import KrapteCore
import KrapteRender

extension TensionView {
    /// The level of the BRC the occupations' table shows (`?niveau=`).
    enum Level: String, CaseIterable, Sendable {
        case klasse, segment, groep

        /// The depth in the BRC: 1 klasse, 2 segment, 3 groep.
        var depth: Int {
            switch self {
            case .klasse: 1
            case .segment: 2
            case .groep: 3
            }
        }

        /// The level one below `depth`: what a table under an occupation of that depth shows first.
        static func below(_ depth: Int) -> Level { allCases.first { $0.depth > depth } ?? .groep }

        /// The level asked for, else the one below the chosen occupation.
        /// - Throws: `APIError` 400 when `asked` names no level.
        init(_ asked: String?, under depth: Int) throws {
            guard let asked, !asked.isEmpty else {
                self = .below(depth)
                return
            }
            guard let level = Level(rawValue: asked) else { throw APIError(.badRequest, Message("TensionView.levelUnknown", asked.excerpt)) }
            self = level
        }
    }

    /// The order of the occupations' table (`?sorteer=vacatures&volgorde=op`).
    struct Order: Sendable, Equatable {
        /// A column to sort by.
        enum Column: String, CaseIterable, Sendable {
            case beroep, vacatures, ww, spanning, jaar, piek
        }

        var column: Column
        var ascending: Bool

        /// Tightest first.
        static let standard = Order(column: .spanning, ascending: false)

        init(column: Column, ascending: Bool) {
            self.column = column
            self.ascending = ascending
        }

        /// The order asked for; without a direction, names A to Z and figures from high to low.
        /// - Throws: `APIError` 400 when either parameter is not one of its values.
        init(column asked: String?, direction: String?) throws {
            guard let asked, !asked.isEmpty else {
                self = .standard
                return
            }
            guard let column = Column(rawValue: asked) else { throw APIError(.badRequest, Message("TensionView.orderUnknown", asked.excerpt)) }
            switch direction ?? "" {
            case "": self.init(column: column, ascending: column == .beroep)
            case "op": self.init(column: column, ascending: true)
            case "af": self.init(column: column, ascending: false)
            default: throw APIError(.badRequest, Message("TensionView.directionUnknown", (direction ?? "").excerpt))
            }
        }

        /// The order a click on `column`'s heading asks for: the other way round when the table is sorted by it.
        func clicked(_ column: Column) -> Order {
            column == self.column ? Order(column: column, ascending: !ascending) : Order(column: column, ascending: column == .beroep)
        }

        /// The rows in this order; rows without the figure last, ties in the BRC's order.
        func sorted(_ rows: [Row]) -> [Row] {
            func key(_ r: Row) -> Double? {
                switch column {
                case .beroep: Double(r.position)
                case .vacatures: r.vacancies
                case .ww: r.benefits
                case .spanning: r.value
                case .jaar: r.yearChange
                case .piek: r.peak?.percent
                }
            }
            return rows.sorted { a, b in
                switch (key(a), key(b)) {
                case let (x?, y?) where x != y: ascending ? x < y : x > y
                case (.some, nil): true
                case (nil, .some): false
                default: a.position < b.position
                }
            }
        }
    }

    /// An occupation's figures in the region and quarter.
    struct Row: Sendable {
        var member: Member
        /// Its place in the BRC's order.
        var position: Int
        var series: TimeSeries
        var value: Double?
        var rank: Int?
        var vacancies: Double?
        var benefits: Double?
        /// The spanningsindicator's change on the same quarter a year earlier, in percent.
        var yearChange: Double?
        var peak: TimeSeries.PeakChange?
    }

    /// The occupations of the table (at the chosen level, under the chosen occupation when it is above that level)
    /// and the chosen occupation itself, with their figures.
    func occupations(_ choice: Choice) async throws -> (table: [Row], chosen: Row?) {
        let members = choice.occupations.members
        let parents = Dictionary(members.map { ($0.code, $0.parent) }, uniquingKeysWith: { a, _ in a })
        func under(_ code: String) -> Bool {
            var at: String? = code
            for _ in 0..<8 {
                guard let c = at else { return false }
                if c == choice.occupation.code { return true }
                at = parents[c] ?? nil
            }
            return false
        }
        let chosenDepth = choice.depths[choice.occupation.code] ?? 0
        let shown = members.filter { m in
            choice.depths[m.code] == choice.level.depth && (chosenDepth >= choice.level.depth || under(m.code))
        }
        let codes = shown.map(\.code) + (shown.contains(choice.occupation) ? [] : [choice.occupation.code])
        let filters: [ObservationQuery.Filter] = [
            .init(dimension: choice.regions.code, members: [choice.region.code]), .init(dimension: choice.occupations.code, members: codes),
        ]
        let period = choice.period
        let series = try await store.query(ObservationQuery(dataset: Self.tension, measure: Self.tension, filters: filters)).timeSeries()
        let vacancies = choice.present.contains(Self.vacancies) ? try await counts(Self.vacancies, filters, period) : [:]
        let benefits = choice.present.contains(Self.benefits) ? try await counts(Self.benefits, filters, period) : [:]
        let position = Dictionary(members.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let upTo = PeriodRange(choice.quarters.first ?? period, period)
        let yearBefore = period.advanced(by: -4)
        var rows = series.compactMap { entry -> Row? in
            guard entry.members.count > choice.o else { return nil }
            let member = entry.members[choice.o]
            let value = entry.series.value(at: period)
            let before = yearBefore.flatMap { entry.series.value(at: $0) }
            return Row(
                member: member,
                position: position[member.code] ?? Int.max,
                series: entry.series,
                value: value,
                rank: nil,
                vacancies: vacancies[member.code],
                benefits: benefits[member.code],
                yearChange: value.flatMap { v in before.flatMap { $0 > 0 ? (v / $0 - 1) * 100 : nil } },
                peak: entry.series.sincePeak(.quarter, in: upTo)
            )
        }
        let chosen = rows.first { $0.member == choice.occupation }
        rows = rows.filter { shown.contains($0.member) }
        for item in Ranking.ranked(rows.enumerated().map { ($0.offset, $0.element.value) }) { rows[item.key].rank = item.rank }
        return (rows, chosen)
    }

    /// The values of one of the counts behind the spanningsindicator in a quarter, by occupation.
    private func counts(_ id: String, _ filters: [ObservationQuery.Filter], _ period: Period) async throws -> [String: Double] {
        let result = try await store.query(ObservationQuery(dataset: id, measure: id, filters: filters, periods: PeriodRange(period, period)))
        var values: [String: Double] = [:]
        let o = result.dataset.dimensions.firstIndex { $0.code == filters[1].dimension }
        for row in result.rows {
            guard let o, row.members.count > o, let v = row.value else { continue }
            values[row.members[o].code] = v
        }
        return values
    }

    /// A row of the table as the reader sees it.
    func occupationRow(_ row: Row, _ choice: Choice) -> TensionPage.Occupation {
        let typering = row.value.flatMap { Spanningsindicator.typering($0, in: choice.period) }
        let depth = choice.depths[row.member.code] ?? 0
        return TensionPage.Occupation(
            rank: row.rank ?? 0,
            label: Self.name(row.member, t),
            link: choice.link(occupation: row.member.code, level: .below(depth)),
            vacancies: row.vacancies.map { DutchNumberFormat.format($0, decimals: 0) } ?? ".",
            benefits: row.benefits.map { DutchNumberFormat.format($0, decimals: 0) } ?? ".",
            value: row.value.map { DutchNumberFormat.format($0, decimals: 2) } ?? ".",
            typering: typering?.rawValue ?? "",
            typeringClass: ReaderNames.typeringClass(typering?.rawValue),
            yearChange: row.yearChange.map { DutchNumberFormat.percent($0, decimals: 0, signed: true) } ?? ".",
            sincePeak: row.peak?.percent.map { DutchNumberFormat.percent($0, decimals: 0, signed: true) } ?? ".",
            peak: row.peak?.peak.period.label(in: t.language) ?? "",
            selected: row.member == choice.occupation
        )
    }

    /// The path from all occupations down to the chosen one.
    func trail(_ choice: Choice) -> [TensionPage.Choice] {
        let byCode = Dictionary(choice.occupations.members.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var path = [choice.occupation]
        while let up = path[0].parent.flatMap({ byCode[$0] }), !path.contains(up), path.count < 8 { path.insert(up, at: 0) }
        return path.map { m in
            TensionPage.Choice(
                label: Self.name(m, t).capitalisedFirst,
                link: choice.link(occupation: m.code, level: .below(choice.depths[m.code] ?? 0)),
                current: m == choice.occupation
            )
        }
    }

    /// The table's caption: the level, the occupation it is under, the region and the quarter.
    func tableCaption(_ choice: Choice) -> String {
        let level = t(Message("TensionView.level.\(choice.level.rawValue)"))
        let when = choice.period.label(in: t.language)
        let depth = choice.depths[choice.occupation.code] ?? 0
        guard depth > 0, depth < choice.level.depth else { return t(Message("TensionView.table", level, choice.region.label, when)) }
        return t(Message("TensionView.tableUnder", level, Self.name(choice.occupation, t), choice.region.label, when))
    }

    /// The table's headings, the sortable ones a link that sorts by them.
    func columns(_ choice: Choice) -> [TensionPage.Column] {
        func column(_ key: String, _ sorted: Order.Column?, numeric: Bool) -> TensionPage.Column {
            guard let sorted else { return TensionPage.Column(label: t(Message(key)), link: nil, sort: nil, numeric: numeric) }
            let current = choice.order.column == sorted ? (choice.order.ascending ? "ascending" : "descending") : nil
            return TensionPage.Column(label: t(Message(key)), link: choice.link(order: choice.order.clicked(sorted)), sort: current, numeric: numeric)
        }
        return [
            column("TensionView.column.rank", nil, numeric: true),
            column("TensionView.column.occupation", .beroep, numeric: false),
            column("TensionView.column.vacancies", .vacatures, numeric: true),
            column("TensionView.column.benefits", .ww, numeric: true),
            column("TensionView.column.tension", .spanning, numeric: true),
            column("TensionView.column.typering", nil, numeric: false),
            column("TensionView.column.yearChange", .jaar, numeric: true),
            column("TensionView.column.sincePeak", .piek, numeric: true),
            column("TensionView.column.peak", nil, numeric: false),
        ]
    }
}
