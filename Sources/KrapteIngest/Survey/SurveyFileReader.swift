import Foundation
import KrapteCore

/// Reads a survey's respondent file and population file (CSV, `,` or `;`, UTF-8) for a specification, checking
/// every row: the columns are there, ids are unique, every respondent has a wave and a stratum, every answer is one
/// of its question's categories (or empty: skipped), every value of a column with `levels` is listed there, and every
/// population count is a number. Values are interned
/// as they are read: a column is codes into its distinct values.
public struct SurveyFileReader: Sendable {
    /// The specification the files are read for.
    public var specification: SurveySpecification

    /// Makes a reader.
    public init(_ specification: SurveySpecification) {
        self.specification = specification
    }

    /// Reads both files.
    /// - Throws: `SurveyError` naming the file, row and column, and how to fix it; `IngestError` for a quote that
    ///   is never closed.
    public func read(responses: URL, population: URL) throws -> SurveyMicrodata {
        let spec = specification
        let file = responses.lastPathComponent
        let table = try SurveyCSV(
            responses,
            needs: [spec.id, spec.wave] + spec.strata + spec.questions.map(\.name)
                + (spec.calibration?.margins.map(\.variable) ?? []) + spec.domains.flatMap { $0 },
            unique: spec.id
        )
        let (rows, columns, duplicate) = (table.rows, table.columns, table.duplicate)
        guard !rows.isEmpty else {
            throw SurveyError(
                file: file,
                message: Message("SurveyFileReader.fileHoldsRespondentsOnly"),
                fix: Message("SurveyFileReader.fileHoldsRespondentsOnly.fix")
            )
        }
        if let (row, first) = duplicate {
            throw SurveyError(
                file: file,
                row: row,
                column: spec.id,
                message: Message("SurveyFileReader.respondentAlsoRow", first),
                fix: Message("SurveyFileReader.respondentAlsoRow.fix")
            )
        }
        /// The row of the first respondent whose value in `column` is `level`.
        func firstRow(_ column: SurveyColumn, _ level: Int) -> Int? { column.codes.firstIndex(of: Int32(level)).map { rows[$0] } }
        for name in [spec.wave] + spec.strata {
            let column = try table.column(name)
            if let empty = column.levels.firstIndex(of: "") {
                throw SurveyError(
                    file: file,
                    row: firstRow(column, empty),
                    column: name,
                    message: Message("SurveyFileReader.empty"),
                    fix: Message("SurveyFileReader.empty.fix")
                )
            }
        }
        for q in spec.questions {
            let column = try table.column(q.name)
            for (level, answer) in column.levels.enumerated() where !answer.isEmpty && !q.categories.contains(answer) {
                throw SurveyError(
                    file: file,
                    row: firstRow(column, level),
                    column: q.name,
                    message: Message("SurveyFileReader.answerCategory", answer.excerpt, q.name),
                    fix: Message("SurveyFileReader.answerCategory.fix", q.categories.map { "'\($0)'" }.joined(separator: ", "))
                )
            }
        }
        for (name, levels) in spec.levels.sorted(by: { $0.key < $1.key }) {
            let listed = Set(levels.map(\.code))
            guard let column = columns[name] else { continue }
            for (level, value) in column.levels.enumerated() where !value.isEmpty && !listed.contains(value) {
                throw SurveyError(
                    file: file,
                    row: firstRow(column, level),
                    column: name,
                    message: Message("SurveyFileReader.amongLevelsDesign", value.excerpt, name),
                    fix: Message("SurveyFileReader.amongLevelsDesign.fix", name)
                )
            }
        }
        let populationTable = try SurveyCSV(population, needs: [spec.wave] + spec.strata + [spec.population], unique: nil)
        let populationFile = population.lastPathComponent
        let waves = try populationTable.column(spec.wave)
        let strata = try spec.strata.map { try populationTable.column($0) }
        let sizes = try populationTable.column(spec.population)
        var counts: [String: [String: (count: Double, row: Int)]] = [:]
        for (k, row) in populationTable.rows.enumerated() {
            let wave = waves[k]
            let key = strata.map { $0[k] }.joined(separator: "|")
            let text = sizes[k]
            guard let count = Double(text), count > 0, count.isFinite else {
                throw SurveyError(
                    file: populationFile,
                    row: row,
                    column: spec.population,
                    message: Message("SurveyFileReader.count", text.excerpt),
                    fix: Message("SurveyFileReader.count.fix")
                )
            }
            if let earlier = counts[wave]?[key] {
                throw SurveyError(
                    file: populationFile,
                    row: row,
                    column: spec.strata.joined(separator: ", "),
                    message: Message("SurveyFileReader.stratumWaveAlsoRow", earlier.row),
                    fix: Message("SurveyFileReader.stratumWaveAlsoRow.fix")
                )
            }
            counts[wave, default: [:]][key] = (count, row)
        }
        return SurveyMicrodata(file: file, rows: rows, columns: columns, populationFile: populationFile, population: counts)
    }
}
