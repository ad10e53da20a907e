import Foundation
import KrapteCore

/// The companion metadata CSV of a StatLine download: sections (`TableInfos`, `DataProperties`, one per dimension,
/// `Periods`), each a line with the section's name, a header line and rows.
struct StatLineMetadata {
    var identifier: String?
    var title: String?
    var summary: String?
    var modified: Date?
    /// Key → (type, title, unit, decimals) for every data property.
    var properties: [String: (type: String, title: String, unit: String, decimals: Int)] = [:]
    /// Dimension key → code → title.
    var members: [String: [(code: String, title: String)]] = [:]
    /// Period code → status.
    var periodStatus: [String: ObservationStatus] = [:]

    /// Reads the file.
    /// - Throws: `IngestError` when it is not a StatLine metadata file.
    init(url: URL) throws {
        var section: String?
        var header: [String]?
        var sections: [String: [[String: String]]] = [:]
        try CSVTokenizer(separator: UInt8(ascii: ";")).forEachRecord(in: url) { record in
            let fields = (0..<record.count).map { record.string($0) ?? "" }
            if fields.count == 1 {
                section = fields[0]
                header = nil
                return
            }
            guard let name = section else {
                throw IngestError(
                    file: url.path,
                    row: record.line,
                    column: nil,
                    code: .malformed,
                    message: Message("StatLineMetadata.metadataFileDoesStart"),
                    fix: Message("StatLineMetadata.metadataFileDoesStart.fix")
                )
            }
            if header == nil {
                header = fields
                return
            }
            var row: [String: String] = [:]
            for (i, key) in header!.enumerated() where i < fields.count { row[key] = fields[i] }
            sections[name, default: []].append(row)
        }
        guard let info = sections["TableInfos"]?.first, let props = sections["DataProperties"] else {
            throw IngestError(
                file: url.path,
                row: nil,
                column: nil,
                code: .malformed,
                message: Message("StatLineMetadata.metadataFileTableinfosDataproperties"),
                fix: Message("StatLineMetadata.metadataFileTableinfosDataproperties.fix")
            )
        }
        identifier = info["Identifier"]
        title = info["Title"]
        summary = info["Summary"]
        modified = info["Modified"].flatMap(Self.parseDate)
        for p in props {
            guard let key = p["Key"], !key.isEmpty, let type = p["Type"] else { continue }
            properties[key] = (type, p["Title"] ?? key, p["Unit"] ?? "", Int(p["Decimals"] ?? "") ?? 0)
            if type.hasSuffix("Dimension") || type == "GeoDetail", let rows = sections[key] {
                members[key] = rows.compactMap { r in r["Key"].map { ($0.trimmingCharacters(in: .whitespaces), r["Title"] ?? $0) } }
            }
        }
        for r in sections["Periods"] ?? [] {
            if let key = r["Key"], let status = ObservationStatus(cbs: r["Status"] ?? "") { periodStatus[key] = status }
        }
    }

    /// Reads `2020-12-21T06:30:00`, with or without a time zone.
    static func parseDate(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: text) { return d }
        iso.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withDashSeparatorInDate]
        iso.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        return iso.date(from: text) ?? ISO8601DateFormatter.day.date(from: String(text.prefix(10)))
    }
}
