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
        let (rows, columns, duplicate) = try Self.table(
            responses,
            needs: [spec.id, spec.wave] + spec.strata + spec.questions.map(\.name)
                + (spec.calibration?.margins.map(\.variable) ?? []) + spec.domains.flatMap { $0 },
            unique: spec.id
        )
        if let (row, first) = duplicate {
            throw SurveyError(
                file: file,
                row: row,
                column: spec.id,
                message: "this respondent is also in row \(first)",
                fix: "give every respondent one row"
            )
        }
        /// The row of the first respondent whose value in `column` is `level`.
        func firstRow(_ column: SurveyColumn, _ level: Int) -> Int { rows[column.codes.firstIndex(of: Int32(level))!] }
        for name in [spec.wave] + spec.strata {
            if let empty = columns[name]!.levels.firstIndex(of: "") {
                throw SurveyError(
                    file: file,
                    row: firstRow(columns[name]!, empty),
                    column: name,
                    message: "empty",
                    fix: "every respondent needs a wave and a stratum"
                )
            }
        }
        for q in spec.questions {
            let column = columns[q.name]!
            for (level, answer) in column.levels.enumerated() where !answer.isEmpty && !q.categories.contains(answer) {
                throw SurveyError(
                    file: file,
                    row: firstRow(column, level),
                    column: q.name,
                    message: "'\(answer)' is not an answer category of \(q.name)",
                    fix: "use one of \(q.categories.map { "'\($0)'" }.joined(separator: ", ")), or leave it empty when the question was skipped"
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
                    message: "'\(value)' is not among the levels of \(name) in the design",
                    fix: "correct the value, or add it to levels.\(name) of the design"
                )
            }
        }
        let (populationRows, populationColumns, _) = try Self.table(population, needs: [spec.wave] + spec.strata + [spec.population], unique: nil)
        let populationFile = population.lastPathComponent
        var counts: [String: [String: (count: Double, row: Int)]] = [:]
        for (k, row) in populationRows.enumerated() {
            let wave = populationColumns[spec.wave]![k]
            let key = spec.strata.map { populationColumns[$0]![k] }.joined(separator: "|")
            let text = populationColumns[spec.population]![k]
            guard let count = Double(text), count > 0, count.isFinite else {
                throw SurveyError(
                    file: populationFile,
                    row: row,
                    column: spec.population,
                    message: "'\(text)' is not a count",
                    fix: "write the number of establishments"
                )
            }
            if let earlier = counts[wave]?[key] {
                throw SurveyError(
                    file: populationFile,
                    row: row,
                    column: spec.strata.joined(separator: ", "),
                    message: "this stratum and wave are also in row \(earlier.row)",
                    fix: "give each stratum one count per wave"
                )
            }
            counts[wave, default: [:]][key] = (count, row)
        }
        return SurveyMicrodata(file: file, rows: rows, columns: columns, populationFile: populationFile, population: counts)
    }

    /// The columns of a CSV file that `needs` names, interned, with each row's line; for the column `unique` (left out
    /// of the columns) the first value that repeats, as (its row, the row it was first in).
    static func table(_ url: URL, needs: [String], unique: String?) throws -> (rows: [Int], columns: [String: SurveyColumn], duplicate: (Int, Int)?) {
        guard let head = FileHandle(forReadingAtPath: url.path).flatMap({ try? $0.read(upToCount: 4096) }) else {
            throw SurveyError(file: url.lastPathComponent, message: "the file cannot be read", fix: "check the path")
        }
        let firstLine = head.prefix { $0 != UInt8(ascii: "\n") }
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        let separator = semicolons > firstLine.filter { $0 == UInt8(ascii: ",") }.count ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let file = url.lastPathComponent
        var header: [String] = []
        var positions: [(name: String, index: Int)] = []
        var interners: [ByteInterner] = []
        var flat: [Int32] = []
        var levels: [[String]] = []
        var rows: [Int] = []
        var ids = UniqueCheck()
        let uniqueColumn = unique.flatMap { u in Array(Set(needs)).sorted().firstIndex(of: u) }
        try CSVTokenizer(separator: separator).forEachRecord(in: url) { record in
            if header.isEmpty {
                header = (0..<record.count).map { (record.string($0) ?? "").trimmingCharacters(in: .whitespaces) }
                if let first = header.first, first.hasPrefix("\u{FEFF}") { header[0] = String(first.dropFirst()) }
                for name in Array(Set(needs)).sorted() {
                    guard let i = header.firstIndex(of: name) else {
                        throw SurveyError(file: file, row: 1, column: name, message: "no column '\(name)'", fix: "add it, or change the design file")
                    }
                    positions.append((name, i))
                }
                interners = positions.map { _ in ByteInterner() }
                levels = positions.map { _ in [] }
                return
            }
            if record.count == 1, record.isBlank(0) { return }
            guard record.count == header.count else {
                throw SurveyError(
                    file: file,
                    row: record.line,
                    message: "\(record.count) fields where the header has \(header.count)",
                    fix: "check separators and quotes in this row"
                )
            }
            for k in positions.indices {
                let i = positions[k].index
                let raw = Self.trimmed(record.rawBytes(i))
                if k == uniqueColumn {
                    // Only whether a value repeats matters: keep its bytes and hash, and sort them at the end.
                    ids.append(raw)
                    flat.append(0)
                    continue
                }
                if let code = interners[k].find(raw) {
                    flat.append(Int32(code))
                    continue
                }
                // A field with a doubled quote inside is read through the tokenizer, which makes it single.
                let quoted = raw.contains(UInt8(ascii: "\""))
                guard let text = quoted ? record.string(i)?.trimmingCharacters(in: .whitespaces) : String(validating: raw, as: UTF8.self) else {
                    throw SurveyError(
                        file: file,
                        row: record.line,
                        column: positions[k].name,
                        message: "not UTF-8 text",
                        fix: "save the file as UTF-8"
                    )
                }
                flat.append(Int32(interners[k].insert(raw)))
                levels[k].append(text)
            }
            rows.append(record.line)
        }
        guard !header.isEmpty else { throw SurveyError(file: file, message: "the file is empty", fix: "check that it is the right file") }
        // The codes were kept row by row, all columns side by side.
        let stride = positions.count
        let columns = Dictionary(
            uniqueKeysWithValues: positions.indices.filter { $0 != uniqueColumn }.map { k in
                (positions[k].name, SurveyColumn(codes: Swift.stride(from: k, to: flat.count, by: stride).map { flat[$0] }, levels: levels[k]))
            }
        )
        return (rows, columns, ids.firstRepeat().map { (rows[$0.later], rows[$0.first]) })
    }

    /// The values of a column that must not repeat: their bytes and hashes, checked all at once by sorting.
    struct UniqueCheck {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var hashes: [UInt64] = []

        mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
            bytes.append(contentsOf: b)
            ends.append(bytes.count)
            hashes.append(h)
        }

        func value(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }

        /// The repeat that comes first in the file: (the index of the repeating value, of its first occurrence).
        func firstRepeat() -> (later: Int, first: Int)? {
            // Sorting the bare hashes is fast; only values whose hash repeats are compared.
            let sorted = hashes.sorted()
            var repeated: Set<UInt64> = []
            for k in sorted.indices.dropFirst() where sorted[k] == sorted[k - 1] { repeated.insert(sorted[k]) }
            guard !repeated.isEmpty else { return nil }
            var seen: [UInt64: [Int]] = [:]
            for (i, h) in hashes.enumerated() where repeated.contains(h) {
                if let first = seen[h, default: []].first(where: { value($0) == value(i) }) { return (i, first) }
                seen[h, default: []].append(i)
            }
            return nil
        }
    }

    /// The bytes without spaces and tabs at either end.
    static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var (start, end) = (0, b.count)
        while start < end, b[start] == 32 || b[start] == 9 { start += 1 }
        while end > start, b[end - 1] == 32 || b[end - 1] == 9 { end -= 1 }
        return UnsafeBufferPointer(rebasing: b[start..<end])
    }
}
