import KrapteCore

extension SurveyTable {
    /// The table as aligned text: the caption, the waves over their columns, the column headers wrapped over
    /// lines, then the rows with the sections apart, and a note on `x` and on rows left out.
    public func text(_ estimates: [SurveyRow], in language: Language = .nl) -> String {
        let (sections, omitted) = rows(estimates)
        let headers = headers(estimates, in: language)
        let labelWidth = max(sections.joined().map(\.label.count).max() ?? 0, 1)
        // A column is as wide as its longest cell, up to `cellWidth` (figure 5's lists of domains wrap over lines),
        // or as its header wrapped at 12 characters (or its longest word).
        let cells = headers.indices.map { k in
            min(Self.cellWidth, sections.joined().map { $0.cells.indices.contains(k) ? $0.cells[k].count : 0 }.max() ?? 0)
        }
        let wrapped = headers.enumerated().map { k, header in
            Self.wrap(header, width: max(12, cells[k], header.split(separator: " ").map(\.count).max() ?? 0))
        }
        let widths = zip(headers, wrapped).enumerated().map { k, pair in max(4, pair.1.map(\.count).max() ?? pair.0.count, cells[k]) }
        // Columns of words (figure 5's lists) are aligned left, columns of percentages right.
        let words = Set(widths.indices.filter { k in sections.joined().contains { $0.cells.indices.contains(k) && $0.cells[k].count > 6 } })
        let perWave = waveGroups.isEmpty ? headers.count : headers.count / waveGroups.count
        /// Cells side by side, a wider gap between waves.
        func line(_ label: String, _ cells: [String]) -> String {
            var out = Self.pad(label, labelWidth, right: false)
            for (k, cell) in cells.enumerated() {
                out += (k > 0 && k % max(perWave, 1) == 0 ? "   " : " ") + Self.pad(cell, widths[k], right: !words.contains(k))
            }
            return out.trimmingTrailingSpaces() + "\n"
        }
        var out = title + "\n\n"
        if !waveGroups.isEmpty {
            let spans = waveGroups.indices.map { g in
                widths[(g * perWave)..<((g + 1) * perWave)].reduce(0, +) + perWave - 1
            }
            let groups = zip(waveGroups, spans).map { Self.pad($0, $1) }.joined(separator: "   ")
            out += (Self.pad("", labelWidth) + " " + groups).trimmingTrailingSpaces() + "\n"
        }
        let height = wrapped.map(\.count).max() ?? 0
        for k in 0..<height {
            out += line("", wrapped.map { lines in k - (height - lines.count) >= 0 ? lines[k - (height - lines.count)] : "" })
        }
        for (k, section) in sections.enumerated() where !section.isEmpty {
            if k > 0 { out += "\n" }
            for row in section {
                // A cell wider than its column goes on over lines, the others stay on the first.
                let cells = row.cells.enumerated().map { k, cell in cell.count > widths[k] ? Self.wrap(cell, width: widths[k]) : [cell] }
                for n in 0..<(cells.map(\.count).max() ?? 1) {
                    out += line(n == 0 ? row.label : "", cells.map { $0.indices.contains(n) ? $0[n] : "" })
                }
            }
        }
        out += "\n\(Self.suppressed): " + Message("SurveyTable.suppressed").text(in: language) + "\n"
        if !omitted.isEmpty {
            out += Message("SurveyTable.omitted", omitted.joined(separator: "; ")).text(in: language) + "\n"
        }
        return out
    }

    /// The table as CSV: `group_type,group`, then a column per header (`2025 Nee` when the table shows more than
    /// one wave). Rows left out are not written.
    public func csv(_ estimates: [SurveyRow]) -> String {
        let headers = headers(estimates)
        let perWave = waveGroups.isEmpty ? headers.count : headers.count / waveGroups.count
        let named = headers.enumerated().map { k, h in waveGroups.isEmpty ? h : "\(waveGroups[k / perWave]) \(h)" }
        var out = (["group_type", "group"] + named).map { QueryResultDocument.csvField($0) }.joined(separator: ",") + "\n"
        for row in rows(estimates).sections.joined() {
            out += ([row.kind, row.label] + row.cells).map { QueryResultDocument.csvField($0) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The widest a column of text gets before its cells wrap.
    static let cellWidth = 60

    /// `text` padded to `width` characters, on the left (right-aligned) or the right.
    static func pad(_ text: String, _ width: Int, right: Bool = true) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }

    /// `text` broken into lines of at most `width` characters at spaces (a longer word keeps its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        return current.isEmpty ? lines : lines + [current]
    }
}

extension String {
    /// The text without the spaces at its end.
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
