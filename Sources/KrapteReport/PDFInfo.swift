import Foundation

/// The document information of a PDF (title, author, creator), set by an incremental update appended to the file:
/// a new information dictionary and a cross-reference section that points back to the file's own, as the PDF
/// standard (ISO 32000-1, 7.5.6) allows. The file's bytes stay as they were.
enum PDFInfo {
    /// The bytes to append to `pdf` so that its information dictionary holds `title` and `author`; nil when the file's
    /// trailer cannot be read (a cross-reference stream, or a damaged file), and the PDF is then left as it is.
    static func update(_ pdf: Data, title: String, author: String) -> Data? {
        let text = String(decoding: pdf.suffix(4096), as: UTF8.self)
        guard let startxref = text.range(of: "startxref", options: .backwards),
            let previous = Int(text[startxref.upperBound...].split(whereSeparator: \.isWhitespace).first ?? ""),
            let trailer = text.range(of: "trailer", options: .backwards),
            let size = integer(after: "/Size", in: text[trailer.upperBound...]),
            let root = reference(after: "/Root", in: text[trailer.upperBound...])
        else { return nil }
        let number = size
        let start = pdf.count + 1
        var update = "\n\(number) 0 obj\n<< /Title \(string(title)) /Author \(string(author)) /Creator (Krapte) >>\nendobj\n"
        let xref = start + update.utf8.count - 1
        update += "xref\n0 1\n0000000000 65535 f \n\(number) 1\n\(String(format: "%010d", start)) 00000 n \n"
        update += "trailer\n<< /Size \(number + 1) /Root \(root) /Info \(number) 0 R /Prev \(previous) >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(update.utf8)
    }

    /// The whole number after `key` in `text`.
    static func integer(after key: String, in text: Substring) -> Int? {
        guard let range = text.range(of: key) else { return nil }
        return Int(text[range.upperBound...].drop { $0 == " " }.prefix { $0.isNumber })
    }

    /// The indirect reference (`3 0 R`) after `key` in `text`.
    static func reference(after key: String, in text: Substring) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let parts = text[range.upperBound...].split(whereSeparator: \.isWhitespace).prefix(3)
        guard parts.count == 3, Int(parts[parts.startIndex]) != nil, Int(parts[parts.startIndex + 1]) != nil, parts.last?.hasPrefix("R") == true
        else { return nil }
        return "\(parts[parts.startIndex]) \(parts[parts.startIndex + 1]) R"
    }

    /// `text` as a PDF text string: UTF-16BE with its byte-order mark, in hexadecimal.
    static func string(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }
}
