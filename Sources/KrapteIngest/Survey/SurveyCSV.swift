import Dispatch
import Foundation
import KrapteCore

/// The columns of a survey CSV file that a design needs, interned as they are read (a column is codes into its
/// distinct values), with each row's line, and for the id column the first value that repeats.
///
/// A large file is read in two halves at once, split at a line end outside quotes; the halves' codes are merged in
/// file order, so the result, and the first error in the file, are those of reading it in one pass.
struct SurveyCSV {
    /// Per respondent, its line in the file.
    var rows: [Int]
    /// The columns by name, without the id column.
    var columns: [String: SurveyColumn]
    /// The file's name, for messages.
    var file: String
    /// The first id that repeats: its row, and the row it was first in.
    var duplicate: (row: Int, first: Int)?

    /// Reads the columns `needs` of `url`; `unique` (left out of the columns) must not repeat. A file of fewer than
    /// `splitSize` bytes is read in one pass.
    /// - Throws: `SurveyError` naming the file, row and column; `IngestError` for a quote that is never closed.
    init(_ url: URL, needs: [String], unique: String?, splitSize: Int = 1 << 20) throws {
        let file = url.lastPathComponent
        self.file = file
        try InputFile.check(url)
        // Mapped, not copied: the parts are read where the file is.
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw SurveyError(file: file, message: Message("SurveyCSV.fileCannotRead"), fix: Message("SurveyCSV.fileCannotRead.fix"))
        }
        let start = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let (headerEnd, split) = Self.boundaries(data, from: start, splitSize: splitSize)
        let firstLine = data[start..<headerEnd]
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        let separator = semicolons > firstLine.filter { $0 == UInt8(ascii: ",") }.count ? UInt8(ascii: ";") : UInt8(ascii: ",")
        let tokenizer = CSVTokenizer(separator: separator)
        var header: [String] = []
        try tokenizer.forEachRecord(in: data.subdata(in: start..<headerEnd), file: file) { record in
            if header.isEmpty { header = (0..<record.count).map { (record.string($0) ?? "").trimmingCharacters(in: .whitespaces) } }
        }
        guard !header.isEmpty else { throw SurveyError(file: file, message: Message("SurveyCSV.fileEmpty"), fix: Message("SurveyCSV.fileEmpty.fix")) }
        let names = Array(Set(needs)).sorted()
        let positions = try names.map { name in
            guard let i = header.firstIndex(of: name) else {
                throw SurveyError(
                    file: file,
                    row: 1,
                    column: name,
                    message: Message("SurveyCSV.column", name.excerpt),
                    fix: Message("SurveyCSV.column.fix")
                )
            }
            return i
        }
        let layout = Part.Layout(file: file, names: names, positions: positions, fields: header.count, unique: unique.flatMap(names.firstIndex))
        let headerLines = data[start..<headerEnd].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        let ranges = split.map { [headerEnd..<$0, $0..<data.count] } ?? [headerEnd..<data.count]
        // Each half on its own core; the second half's lines are counted from its start and moved on afterwards.
        let text = data
        var parts = [Result<Part, any Error>?](repeating: nil, count: ranges.count)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                target[k] = Result {
                    try Part(
                        text,
                        range: ranges[k],
                        tokenizer: tokenizer,
                        layout: layout,
                        linesBefore: k == 0 ? headerLines : 0,
                        countsLines: k == 0 && ranges.count > 1
                    )
                }
            }
        }
        // The first part's error comes first in the file; the second part's lines move on past the first part's.
        let done = parts.compactMap { $0 }
        guard let first = try done.first?.get() else {
            throw SurveyError(file: file, message: Message("SurveyCSV.fileCannotRead"), fix: Message("SurveyCSV.fileCannotRead.fix"))
        }
        var lineOffsets = [0]
        var read = [first]
        if let second = done.dropFirst().first {
            let offset = headerLines + first.lines
            do {
                read.append(try second.get())
            } catch var error as SurveyError {
                error.row = error.row.map { $0 + offset }
                throw error
            } catch var error as IngestError {
                error.row = error.row.map { $0 + offset }
                throw error
            }
            lineOffsets.append(offset)
        }
        // Every column's values in the order they first appear in the file; each part's codes mapped to them.
        var levels = first.levels
        var maps = [levels.map { Array(0..<Int32($0.count)) }]
        for part in read.dropFirst() {
            maps.append(
                part.levels.indices.map { k in
                    var index = Dictionary(levels[k].enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
                    return part.levels[k].map { text in
                        if let code = index[text] { return code }
                        index[text] = Int32(levels[k].count)
                        levels[k].append(text)
                        return Int32(levels[k].count - 1)
                    }
                }
            )
        }
        let count = read.reduce(0) { $0 + $1.rows.count }
        var rows: [Int] = []
        rows.reserveCapacity(count)
        for (p, part) in read.enumerated() {
            for row in part.rows { rows.append(row + lineOffsets[p]) }
        }
        self.rows = rows
        let stride = names.count
        columns = Dictionary(
            uniqueKeysWithValues: names.indices.filter { $0 != layout.unique }.map { k in
                var codes: [Int32] = []
                codes.reserveCapacity(count)
                for (p, part) in read.enumerated() {
                    let map = maps[p][k]
                    for i in Swift.stride(from: k, to: part.flat.count, by: stride) { codes.append(map[Int(part.flat[i])]) }
                }
                return (names[k], SurveyColumn(codes: codes, levels: levels[k]))
            }
        )
        duplicate = UniqueCheck.firstRepeat(read.map(\.ids)).map { (rows[$0.later], rows[$0.first]) }
    }

    /// The column `name`.
    /// - Throws: `SurveyError` when it is the id column, which is read only to check that ids are unique.
    func column(_ name: String) throws -> SurveyColumn {
        guard let column = columns[name] else {
            throw SurveyError(
                file: file,
                row: 1,
                column: name,
                message: Message("SurveyCSV.respondentsIdColumnCannot", name.excerpt),
                fix: Message("SurveyCSV.respondentsIdColumnCannot.fix")
            )
        }
        return column
    }

    /// Where the header that begins at `start` ends, and for a large file where its second half starts: the first line
    /// end outside quotes after the middle (nil when the file is smaller than `splitSize` or has no such line end).
    static func boundaries(_ data: Data, from start: Int, splitSize: Int) -> (headerEnd: Int, split: Int?) {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Int, Int?) in
            let n = raw.count
            var quoted = false
            var i = start
            var headerEnd = n
            while i < n {
                let c = raw[i]
                if c == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if c == 10, !quoted {
                    headerEnd = i + 1
                    break
                }
                i += 1
            }
            guard n - headerEnd >= splitSize else { return (headerEnd, nil) }
            let middle = headerEnd + (n - headerEnd) / 2
            // Without quotes in the file any line end will do; else the quotes before it must be even.
            if memchr(raw.baseAddress! + headerEnd, Int32(UInt8(ascii: "\"")), n - headerEnd) == nil {
                guard let lf = memchr(raw.baseAddress! + middle, 10, n - middle) else { return (headerEnd, nil) }
                let split = raw.baseAddress!.distance(to: UnsafeRawPointer(lf)) + 1
                return (headerEnd, split < n ? split : nil)
            }
            i = headerEnd
            while i < n {
                let c = raw[i]
                if c == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if c == 10, !quoted, i >= middle {
                    return (headerEnd, i + 1 < n ? i + 1 : nil)
                }
                i += 1
            }
            return (headerEnd, nil)
        }
    }

    /// The rows of one part of the file, read on their own.
    struct Part {
        /// What every part reads: the file's name, the columns it needs (their names and places), the number of
        /// fields of a row, and which of the needed columns must not repeat.
        struct Layout: Sendable {
            var file: String
            var names: [String]
            var positions: [Int]
            var fields: Int
            var unique: Int?
        }

        /// The codes, row by row, every needed column side by side (0 for the id column).
        var flat: [Int32] = []
        /// Per needed column, its distinct values in the order they first appear.
        var levels: [[String]]
        /// Per row, its line.
        var rows: [Int] = []
        /// The ids.
        var ids = UniqueCheck()
        /// How many line ends the part holds.
        var lines = 0

        /// Reads `range` of `data`, which starts after `linesBefore` lines of the file, and counts its lines if asked.
        init(_ data: Data, range: Range<Int>, tokenizer: CSVTokenizer, layout: Layout, linesBefore: Int, countsLines: Bool) throws {
            var interners = layout.positions.map { _ in ByteInterner() }
            var levels: [[String]] = layout.positions.map { _ in [] }
            var flat: [Int32] = []
            var rows: [Int] = []
            var ids = UniqueCheck()
            let positions = layout.positions
            // Room for the rows the part will have, guessed from the lines of its first 64 KB: growing large arrays
            // step by step costs more than reading them.
            let guess = data.withUnsafeBytes { raw in
                let sample = raw[range.lowerBound..<min(range.upperBound, range.lowerBound + 1 << 16)]
                let lines = max(1, sample.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
                return range.count / max(1, sample.count / lines) * 11 / 10 + 16
            }
            flat.reserveCapacity(guess * positions.count)
            rows.reserveCapacity(guess)
            ids.reserve(guess)
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[range])
                try tokenizer.forEachRecord(in: bytes, file: layout.file, firstLine: linesBefore + 1) { record in
                    let line = record.line
                    if record.count == 1, record.isBlank(0) { return }
                    guard record.count == layout.fields else {
                        throw SurveyError(
                            file: layout.file,
                            row: line,
                            message: Message("SurveyCSV.fieldsWhereHeader", record.count, layout.fields),
                            fix: Message("SurveyCSV.fieldsWhereHeader.fix")
                        )
                    }
                    for k in positions.indices {
                        let i = positions[k]
                        let raw = SurveyCSV.trimmed(record.rawBytes(i))
                        if k == layout.unique {
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
                        guard let text = quoted ? record.string(i)?.trimmingCharacters(in: .whitespaces) : String(validating: raw, as: UTF8.self)
                        else {
                            throw SurveyError(
                                file: layout.file,
                                row: line,
                                column: layout.names[k],
                                message: Message("SurveyCSV.utfText"),
                                fix: Message("SurveyCSV.utfText.fix")
                            )
                        }
                        flat.append(Int32(interners[k].insert(raw)))
                        levels[k].append(text)
                    }
                    rows.append(line)
                }
            }
            ids.seal()
            self.flat = flat
            self.levels = levels
            self.rows = rows
            self.ids = ids
            if countsLines {
                lines = data.withUnsafeBytes { raw in
                    var n = 0
                    for c in raw[range] where c == 10 { n += 1 }
                    return n
                }
            }
        }
    }

    /// The values of a column that must not repeat: their bytes and hashes, checked all at once by sorting.
    struct UniqueCheck {
        var bytes: [UInt8] = []
        var ends: [Int] = []
        var hashes: [UInt64] = []
        /// The hashes sorted, once `seal()` has been called.
        var sorted: [UInt64] = []

        mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01b3 }
            bytes.append(contentsOf: b)
            ends.append(bytes.count)
            hashes.append(h)
        }

        /// Makes room for `count` values.
        mutating func reserve(_ count: Int) {
            bytes.reserveCapacity(count * 8)
            ends.reserveCapacity(count)
            hashes.reserveCapacity(count)
        }

        /// Sorts the hashes.
        mutating func seal() { sorted = hashes.sorted() }

        func value(_ i: Int) -> ArraySlice<UInt8> { bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]] }

        /// The repeat that comes first in the file over sealed checks of consecutive parts: (the index of the
        /// repeating value, of its first occurrence), counted over all the parts.
        static func firstRepeat(_ checks: [UniqueCheck]) -> (later: Int, first: Int)? {
            // Hashes that repeat, found by walking the sorted hashes of every part together; only their values
            // are compared.
            var repeated: Set<UInt64> = []
            var next = checks.map { _ in 0 }
            var previous: UInt64?
            while true {
                var smallest: (part: Int, hash: UInt64)?
                for (p, check) in checks.enumerated() where next[p] < check.sorted.count {
                    let h = check.sorted[next[p]]
                    if smallest == nil || h < smallest!.hash { smallest = (p, h) }
                }
                guard let (p, h) = smallest else { break }
                if h == previous { repeated.insert(h) }
                previous = h
                next[p] += 1
            }
            guard !repeated.isEmpty else { return nil }
            var seen: [UInt64: [(part: Int, index: Int)]] = [:]
            var before = 0
            for (p, check) in checks.enumerated() {
                for (i, h) in check.hashes.enumerated() where repeated.contains(h) {
                    if let first = seen[h, default: []].first(where: { checks[$0.part].value($0.index) == check.value(i) }) {
                        let firstBefore = checks[..<first.part].reduce(0) { $0 + $1.hashes.count }
                        return (before + i, firstBefore + first.index)
                    }
                    seen[h, default: []].append((p, i))
                }
                before += check.hashes.count
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
