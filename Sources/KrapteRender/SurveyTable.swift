import KrapteCore

/// A published survey table like the figures in the appendix of UWV's employer survey (seed 003, figures 8 to 13),
/// laid out as a `SurveyTableSpecification` says: shares as whole percentages, a suppressed cell as `x`, domains
/// labelled and ordered as the design's `levels` say. See Guides/SurveyTables.md.
public struct SurveyTable: Sendable {
    /// Which estimate a row or column picks: the fields it fixes.
    struct Selection: Sendable, Hashable {
        var wave: String?
        var question: String?
        var domainType: String?
        var domain: String?
        var category: String?

        /// The fields of `self`, and those of `other` where `self` has none.
        func filled(from other: Selection) -> Selection {
            Selection(
                wave: wave ?? other.wave,
                question: question ?? other.question,
                domainType: domainType ?? other.domainType,
                domain: domain ?? other.domain,
                category: category ?? other.category
            )
        }
    }

    /// A header or row label with what it selects.
    struct Line: Sendable {
        /// The label.
        var label: String
        /// What it selects.
        var selection: Selection

        /// The line with its selection fixed to `wave`.
        func at(wave: String) -> Line { Line(label: label, selection: selection.filled(from: Selection(wave: wave))) }
    }

    /// A rendered row: its kind (`overall`, a domain type, `question`), label and cells.
    public struct Row: Sendable, Equatable {
        /// `overall`, the domain type, or `question`.
        public var kind: String
        /// The label.
        public var label: String
        /// A whole percentage, `x` when suppressed, empty when there is no such estimate.
        public var cells: [String]
    }

    /// A block of rows: fixed lines, or the domains of a type as the estimates have them.
    enum Section: Sendable {
        case lines(kind: String, [Line])
        case domains(type: String, sorted: Bool)
    }

    /// What a suppressed cell shows.
    public static let suppressed = "x"

    /// The caption.
    public var title: String
    /// The columns the specification fixes; in figure 13's layout only the totals, the domains join them when the
    /// estimates are known (`headers(_:)`).
    var columns: [Line]
    /// The waves over the columns, when the table shows more than one (each spans `columns.count / waves.count`).
    public var waveGroups: [String]
    /// The blocks of rows.
    var sections: [Section]
    /// The design, for labels and the order of domains.
    var design: SurveySpecification
    /// Whether rows whose every cell is suppressed are left out.
    var omitsSuppressedRows: Bool
    /// The domain types whose domains become columns after the total (figure 13's layout).
    var columnTypes: [String]
    /// Figure 5's layout: the points from the total, whether domains below it are named too, and the domain types
    /// whose domains are named; nil for the other layouts.
    var standingOut: (points: Double, below: Bool, types: [String])?

    /// The table `specification` of `design`, over `waves` when it names none (every wave in the data, latest first).
    public init(_ specification: SurveyTableSpecification, design: SurveySpecification, waves: [String]) {
        let chosen = specification.waves ?? waves
        self.title = specification.title
        self.design = design
        self.omitsSuppressedRows = specification.omitsSuppressedRows
        let overall = Line(label: "Totaal", selection: Selection(domainType: "overall", domain: "totaal"))
        let items: [Line]
        if let category = specification.category {
            items = specification.questions.map { q in
                Line(label: design.question(q)?.title ?? q, selection: Selection(question: q, category: category))
            }
        } else {
            let q = specification.questions[0]
            items = (design.question(q)?.categories ?? []).map { Line(label: $0, selection: Selection(question: q, category: $0)) }
        }
        waveGroups = chosen.count > 1 ? chosen : []
        if let points = specification.standsOutBy {
            // The questions are the rows; per wave the total, then the domains that stand out, per domain type.
            columnTypes = []
            columns = chosen.map { overall.at(wave: $0) }
            sections = [.lines(kind: "question", items)]
            standingOut = (points, specification.standsOutBelow, specification.rows)
        } else if let types = specification.columns {
            // The questions are the rows; the domains of `types` join the total as columns once the estimates are known.
            columnTypes = types
            columns = chosen.map { overall.at(wave: $0) }
            sections = [.lines(kind: "question", items)]
        } else {
            columnTypes = []
            columns = chosen.flatMap { w in items.map { $0.at(wave: w) } }
            sections = [.lines(kind: "overall", [overall])] + specification.rows.map { .domains(type: $0, sorted: specification.sorted.contains($0)) }
        }
    }

    /// The label of a domain: `Totaal`, or its values' labels joined with `, `.
    func label(_ type: String, _ domain: String) -> String {
        guard type != "overall" else { return "Totaal" }
        let names = type.split(separator: "_x_").map(String.init)
        let values = domain.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        return zip(names, values).map { design.label($0, $1) }.joined(separator: ", ")
    }

    /// The columns, with the domains of `columnTypes` as the estimates have them.
    func columns(of estimates: [SurveyRow]) -> [Line] {
        guard !columnTypes.isEmpty else { return columns }
        return columns.flatMap { total in
            [total]
                + columnTypes.flatMap { type in
                    Self.domains(of: type, in: estimates).map {
                        Line(label: label(type, $0), selection: Selection(wave: total.selection.wave, domainType: type, domain: $0))
                    }
                }
        }
    }

    /// The domains of a type in the order the estimates have them.
    static func domains(of type: String, in estimates: [SurveyRow]) -> [String] {
        var seen = Set<String>()
        return estimates.filter { $0.domainType == type && seen.insert($0.domain).inserted }.map(\.domain)
    }

    /// The header labels of the columns, in `language` where the table names them itself.
    public func headers(_ estimates: [SurveyRow], in language: Language = .nl) -> [String] {
        guard let standingOut else { return columns(of: estimates).map(\.label) }
        let points = DutchNumberFormat.format(standingOut.points, decimals: standingOut.points.rounded() == standingOut.points ? 0 : 1)
        return columns.flatMap { total in
            [total.label]
                + standingOut.types.flatMap { type in
                    let name = design.titles[type] ?? type
                    return [Message("SurveyTable.standsOutAbove", points, name).text(in: language)]
                        + (standingOut.below ? [Message("SurveyTable.standsOutBelow", points, name).text(in: language)] : [])
                }
        }
    }

    /// The table's rows, section by section, and the labels of the rows left out because they were suppressed.
    public func rows(_ estimates: [SurveyRow]) -> (sections: [[Row]], omitted: [String]) {
        var index: [Selection: SurveyRow] = [:]
        for r in estimates {
            index[Selection(wave: r.wave, question: r.question, domainType: r.domainType, domain: r.domain, category: r.category)] = r
        }
        if let standingOut, case .lines(_, let lines)? = sections.first {
            return ([standingOutRows(standingOut, lines, index, estimates)], [])
        }
        let columns = columns(of: estimates)
        func cell(_ selection: Selection) -> (text: String, share: Double?) {
            guard let row = index[selection] else { return ("", nil) }
            guard let share = row.estimate?.share?.estimate else { return (Self.suppressed, nil) }
            return (DutchNumberFormat.percent(share * 100), share)
        }
        var omitted: [String] = []
        func rows(_ kind: String, _ lines: [Line], sorted: Bool) -> [Row] {
            var out: [(row: Row, key: Double)] = []
            for line in lines {
                let cells = columns.map { cell(line.selection.filled(from: $0.selection)) }
                if omitsSuppressedRows, kind != "overall", cells.allSatisfy({ $0.text == Self.suppressed }) {
                    omitted.append(line.label)
                    continue
                }
                out.append((Row(kind: kind, label: line.label, cells: cells.map(\.text)), cells.first?.share ?? -1))
            }
            guard sorted else { return out.map(\.row) }
            return out.enumerated().sorted { a, b in
                a.element.key == b.element.key ? a.offset < b.offset : a.element.key > b.element.key
            }.map(\.element.row)
        }
        let sections = sections.map { section -> [Row] in
            switch section {
            case .lines(let kind, let lines):
                return rows(kind, lines, sorted: false)
            case .domains(let type, let sorted):
                let lines = Self.domains(of: type, in: estimates).map {
                    Line(label: label(type, $0), selection: Selection(domainType: type, domain: $0))
                }
                return rows(type, lines, sorted: sorted)
            }
        }
        return (sections, omitted)
    }
}
