import Foundation
import KrapteCore

/// Reads a CBS table from the older OData v3 API (`https://opendata.cbs.nl/ODataApi/odata/<id>`, or the bulk
/// `ODataFeed`) or from a folder of its saved JSON responses: `TableInfos`, `DataProperties`, one collection per
/// dimension (named by the dimension's key, such as `Bedrijfskenmerken` or `Perioden`), and the `TypedDataSet`
/// pages, following `odata.nextLink` (v3 writes it without the `@`).
///
/// `TypedDataSet` is wide: one record per combination of dimension members, one field per topic (measure). Every
/// numeric topic becomes a measure; text topics (such as a region's code) are left out. v3 has no `ValueAttribute`:
/// a null is read as the topic's `Default` (`Impossible` when CBS says so, else not available).
///
/// A saved folder names the responses `table-infos.json`, `data-properties.json`, `codes-<Dimension>.json` and
/// `typed-data-set-page-<n>.json` (or by their endpoint names, `TableInfos.json`, `Perioden.json`, ...).
/// Nothing is returned unless every page was read, so a failure half-way stores nothing.
public struct ODataV3Reader: Sendable {
    /// The choices for this load.
    public var options: IngestOptions

    /// Makes a reader.
    public init(options: IngestOptions = IngestOptions()) {
        self.options = options
    }

    /// Whether a folder holds saved OData v3 responses.
    public static func isFolder(_ url: URL) -> Bool {
        ["data-properties.json", "DataProperties.json"].contains {
            FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path)
        }
    }

    /// Whether a URL is a CBS OData v3 service (`opendata.cbs.nl/ODataApi` or `ODataFeed`) rather than v4.
    public static func isV3(_ url: URL) -> Bool {
        let path = url.path.lowercased()
        return path.contains("/odataapi/") || path.contains("/odatafeed/")
    }

    /// A topic of `TypedDataSet` that Krapte loads as a measure.
    struct Topic {
        var key: String
        var missing: ValueAttribute
    }

    /// Reads the whole table.
    /// - Throws: `IngestError` naming the response (file or URL), record and field for anything that cannot be read.
    public func read(_ location: ODataLocation) async throws -> Release {
        let info = try await location.fetchValues("TableInfos", savedNames: ["table-infos.json"]).rows.first ?? [:]
        let tableID = (info["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) ?? location.name
        let (properties, propFile) = try await location.fetchValues("DataProperties", savedNames: ["data-properties.json"])

        var timeDimension: String?
        var periodStatus: [String: ObservationStatus] = [:]
        var dimensions: [KrapteCore.Dimension] = []
        var dimensionMembers: [CBSDimensionMembers] = []
        var measures: [Measure] = []
        var topics: [Topic] = []
        for (index, row) in properties.enumerated() {
            let type = row["Type"] as? String ?? ""
            guard let key = (row["Key"] as? String)?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { continue }
            let title = (row["Title"] as? String)?.trimmingCharacters(in: .whitespaces) ?? key
            switch type {
            case "TimeDimension":
                let codes = try await location.fetchValues(key, savedNames: ["codes-\(key).json"]).rows
                periodStatus = ODataRecord.periodStatuses(codes, keyField: "Key")
                timeDimension = key
            case "Dimension", "GeoDimension":
                let codes = try await location.fetchValues(key, savedNames: ["codes-\(key).json"]).rows
                let (builtInKind, lists) = BuiltInCodeLists.lists(forDimension: key)
                dimensions.append(
                    KrapteCore.Dimension(
                        code: key,
                        title: title,
                        kind: type == "GeoDimension" ? .geography : builtInKind,
                        codeList: lists.first?.id
                    )
                )
                dimensionMembers.append(
                    CBSDimensionMembers(
                        dimension: key,
                        collection: key,
                        rows: codes,
                        keyField: "Key",
                        lists: lists,
                        allowNew: options.allowNewMembers
                    )
                )
            case "Topic":
                let datatype = (row["Datatype"] as? String ?? "Double").lowercased()
                guard ["double", "float", "long", "integer", "int", "short", "decimal"].contains(datatype) else { continue }
                measures.append(try ODataRecord.measure(row, code: key, file: propFile, record: index + 1))
                let missing = ValueAttribute(cbs: row["Default"] as? String ?? "") ?? .notAvailable
                topics.append(Topic(key: key, missing: missing == .present ? .notAvailable : missing))
            default:
                continue  // TopicGroup, GeoDetail and the like describe the layout, not data.
            }
        }
        guard let timeDimension else {
            throw IngestError(
                file: propFile,
                row: nil,
                column: "Type",
                code: .malformed,
                message: Message("ODataV3Reader.datapropertiesListsTimedimension"),
                fix: Message("ODataV3Reader.datapropertiesListsTimedimension.fix")
            )
        }
        guard !topics.isEmpty else {
            throw IngestError(
                file: propFile,
                row: nil,
                column: "Type",
                code: .malformed,
                message: Message("ODataV3Reader.datapropertiesListsNumericTopic"),
                fix: Message("ODataV3Reader.datapropertiesListsNumericTopic.fix")
            )
        }
        var release = try options.cbsRelease(
            table: info,
            tableID: tableID,
            licence: ODataRecord.licence(nil),
            location: location,
            dimensions: dimensions,
            measures: measures,
            format: "cbs-odata-v3"
        )

        var record = 0
        var observations = 0
        try await location.forEachPage("TypedDataSet", savedPrefixes: ["typed-data-set-page-"], nextLinkKey: "odata.nextLink") { rows, file in
            for row in rows {
                record += 1
                var members: [Int] = []
                for (d, dimension) in dimensions.enumerated() {
                    let key = try ODataRecord.key(row, dimension.code, file: file, record: record)
                    members.append(try dimensionMembers[d].place(of: key, dimension: d, in: &release, file: file, row: record))
                }
                let period = try ODataRecord.period(row, timeDimension, file: file, record: record)
                let status = periodStatus[period.code] ?? .definitief
                for (m, topic) in topics.enumerated() {
                    let value = try ODataRecord.number(row, topic.key, file: file, record: record)
                    release.append(
                        SeriesKey(measure: m, members: members),
                        period: period,
                        value: value,
                        status: status,
                        attribute: value == nil ? topic.missing : .present,
                        row: record
                    )
                    observations += 1
                }
                if record % 100_000 == 0 { options.progress?(observations) }
            }
        }
        return release
    }
}
