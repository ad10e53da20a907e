import Foundation
import KrapteCore

/// Reads a CBS table from the OData v4 API (`https://datasets.cbs.nl/odata/v1/CBS/<id>`) or from a folder of its
/// saved responses: `Properties`, `Dimensions`, `MeasureCodes`, one `<Dimension>Codes` per dimension, and the
/// `Observations` pages, following `@odata.nextLink`.
///
/// A saved folder names them `properties.json`, `dimensions.json`, `measure-codes.json`, `codes-<Dimension>.json`
/// and `observations-page-<n>.json` (or by their endpoint names, `Properties.json`, ...).
/// Table ids keep their case, padded codes are trimmed, and period `Status` and `ValueAttribute` are kept.
/// Nothing is returned unless every page was read, so a failure half-way stores nothing.
public struct ODataV4Reader: Sendable {
    /// The choices for this load.
    public var options: IngestOptions

    /// Makes a reader.
    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Whether a folder holds saved OData v4 responses.
    public static func isFolder(_ url: URL) -> Bool {
        let fm = FileManager.default
        return ["dimensions.json", "Dimensions.json"].contains { fm.fileExists(atPath: url.appendingPathComponent($0).path) }
            && ["measure-codes.json", "MeasureCodes.json"].contains { fm.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    /// Reads the whole table.
    /// - Throws: `IngestError` naming the response (file or URL), record and field for anything that cannot be read.
    public func read(_ location: ODataLocation) async throws -> Release {
        let (propData, propFile) = try await location.fetch("Properties", savedNames: ["properties.json"])
        let properties = try jsonObject(propData, file: propFile)
        let tableID = (properties["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) ?? location.name
        let (dimensionRows, dimFile) = try await location.fetchValues("Dimensions", savedNames: ["dimensions.json"])
        let measureRows = try await location.fetchValues("MeasureCodes", savedNames: ["measure-codes.json"])

        var timeDimension: String?
        var periodStatus: [String: ObservationStatus] = [:]
        var dimensions: [KrapteCore.Dimension] = []
        var dimensionMembers: [CBSDimensionMembers] = []
        for row in dimensionRows {
            guard let id = (row["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) else { continue }
            let kind = row["Kind"] as? String ?? "Dimension"
            let codes = try await location.fetchValues("\(id)Codes", savedNames: ["codes-\(id).json"]).rows
            if kind == "TimeDimension" {
                timeDimension = id
                periodStatus = ODataRecord.periodStatuses(codes, keyField: "Identifier")
                continue
            }
            let (builtInKind, lists) = BuiltInCodeLists.lists(forDimension: id)
            let geography = kind == "GeoDimension" || builtInKind == .geography
            dimensions.append(
                KrapteCore.Dimension(
                    code: id,
                    title: row["Title"] as? String ?? id,
                    kind: geography ? .geography : builtInKind,
                    codeList: lists.first?.id
                )
            )
            dimensionMembers.append(
                CBSDimensionMembers(
                    dimension: id,
                    collection: "\(id)Codes",
                    rows: codes,
                    keyField: "Identifier",
                    lists: lists,
                    allowNew: options.allowNewMembers
                )
            )
        }
        guard let timeDimension else {
            throw IngestError(
                file: dimFile,
                row: nil,
                column: nil,
                code: .malformed,
                message: Message("ODataV4Reader.tableTimedimension"),
                fix: Message("ODataV4Reader.tableTimedimension.fix")
            )
        }
        var measures: [Measure] = []
        // In CBS's order (`Index`), which is the order of the table's v3 keys (`Totaal_19` is the 19th): a table
        // loaded from its CSV dump before keeps its measure codes (`MeasureIdentity`).
        let ordered = measureRows.rows.enumerated().sorted { a, b in
            ((a.element["Index"] as? Int) ?? a.offset, a.offset) < ((b.element["Index"] as? Int) ?? b.offset, b.offset)
        }
        for (i, row) in ordered {
            guard let id = (row["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) else { continue }
            measures.append(try ODataRecord.measure(row, code: id, file: measureRows.file, record: i + 1))
        }
        var release = try options.cbsRelease(
            table: properties,
            tableID: tableID,
            licence: ODataRecord.licence(properties["License"] as? String),
            location: location,
            dimensions: dimensions,
            measures: measures,
            format: "cbs-odata-v4"
        )
        let measureIndex = Dictionary(measures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })

        var record = 0
        try await location.forEachPage("Observations", savedPrefixes: ["observations-page-"], nextLinkKey: "@odata.nextLink") { rows, file in
            for row in rows {
                record += 1
                guard let measureCode = (row["Measure"] as? String)?.trimmingCharacters(in: .whitespaces), let m = measureIndex[measureCode]
                else {
                    throw IngestError(
                        file: file,
                        row: record,
                        column: "Measure",
                        code: .unknownMember,
                        message: Message("ODataV4Reader.measureAmongTableS", String(describing: row["Measure"] ?? "").excerpt),
                        fix: Message("ODataV4Reader.measureAmongTableS.fix")
                    )
                }
                var members: [Int] = []
                for (d, dimension) in dimensions.enumerated() {
                    let code = try ODataRecord.key(row, dimension.code, file: file, record: record)
                    members.append(try dimensionMembers[d].place(of: code, dimension: d, in: &release, file: file, row: record))
                }
                let period = try ODataRecord.period(row, timeDimension, file: file, record: record)
                let attributeText = row["ValueAttribute"] as? String ?? "None"
                guard let attribute = ValueAttribute(cbs: attributeText) else {
                    throw IngestError(
                        file: file,
                        row: record,
                        column: "ValueAttribute",
                        code: .malformed,
                        message: Message("ODataV4Reader.unknownValueattribute", attributeText.excerpt),
                        fix: Message("ODataV4Reader.unknownValueattribute.fix")
                    )
                }
                let value = try ODataRecord.number(row, "Value", file: file, record: record)
                release.append(
                    SeriesKey(measure: m, members: members),
                    period: period,
                    value: value,
                    status: periodStatus[period.code] ?? .definitief,
                    attribute: value == nil && attribute == .present ? .notAvailable : attribute,
                    row: record
                )
                if record % 100_000 == 0 { options.progress?(record) }
            }
        }
        return release
    }
}
