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

    private func fetch(_ location: ODataLocation, endpoint: String, savedName: String) async throws -> (Data, String) {
        switch location {
        case .folder(let folder):
            let saved = folder.appendingPathComponent(savedName)
            let url = FileManager.default.fileExists(atPath: saved.path) ? saved : folder.appendingPathComponent("\(endpoint).json")
            return (try ODataLocation.read(url), url.path)
        case .http(let base):
            let url = base.appendingPathComponent(endpoint)
            return (try await ODataLocation.get(url), url.absoluteString)
        }
    }

    /// Reads the whole table.
    /// - Throws: `IngestError` naming the response (file or URL), record and field for anything that cannot be read.
    public func read(_ location: ODataLocation) async throws -> Release {
        let (propData, propFile) = try await fetch(location, endpoint: "Properties", savedName: "properties.json")
        let properties = try jsonObject(propData, file: propFile)
        let tableID = (properties["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) ?? location.name
        let (dimData, dimFile) = try await fetch(location, endpoint: "Dimensions", savedName: "dimensions.json")
        let dimensionRows = try jsonValues(try jsonObject(dimData, file: dimFile), file: dimFile)
        let (measureData, measureFile) = try await fetch(location, endpoint: "MeasureCodes", savedName: "measure-codes.json")
        let measureRows = try jsonValues(try jsonObject(measureData, file: measureFile), file: measureFile)

        var timeDimension: String?
        var periodStatus: [String: ObservationStatus] = [:]
        var dimensions: [KrapteCore.Dimension] = []
        var codeMaps: [[String: Member]] = []
        for row in dimensionRows {
            guard let id = (row["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) else { continue }
            let kind = row["Kind"] as? String ?? "Dimension"
            let (codesData, codesFile) = try await fetch(location, endpoint: "\(id)Codes", savedName: "codes-\(id).json")
            let codes = try jsonValues(try jsonObject(codesData, file: codesFile), file: codesFile)
            if kind == "TimeDimension" {
                timeDimension = id
                for c in codes {
                    if let code = (c["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces),
                        let status = ObservationStatus(cbs: c["Status"] as? String ?? "")
                    {
                        periodStatus[code] = status
                    }
                }
                continue
            }
            let (builtInKind, lists) = BuiltInCodeLists.lists(forDimension: id)
            var map: [String: Member] = [:]
            for c in codes {
                guard let code = (c["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) else { continue }
                let title = (c["Title"] as? String)?.trimmingCharacters(in: .whitespaces) ?? code
                // Where Krapte knows the code list, a CBS key becomes the list's code (T001081 becomes A-U).
                var member = Member(code: code, label: title)
                for list in lists {
                    if case .found(let m) = list.resolve(code) {
                        member = Member(code: m.code, label: title, parent: m.parent)
                        break
                    }
                }
                map[code] = member
            }
            let geography = kind == "GeoDimension" || builtInKind == .geography
            dimensions.append(
                KrapteCore.Dimension(
                    code: id,
                    title: row["Title"] as? String ?? id,
                    kind: geography ? .geography : builtInKind,
                    codeList: lists.first?.id
                )
            )
            codeMaps.append(map)
        }
        guard let timeDimension else {
            throw IngestError(
                file: dimFile,
                row: nil,
                column: nil,
                code: .malformed,
                message: "the table has no TimeDimension",
                fix: "Krapte loads tables with periods; check the table id"
            )
        }
        let measures: [Measure] = measureRows.compactMap { row in
            guard let id = (row["Identifier"] as? String)?.trimmingCharacters(in: .whitespaces) else { return nil }
            let unit = (row["Unit"] as? String ?? "").trimmingCharacters(in: .whitespaces)
            let title = row["Title"] as? String ?? id
            return Measure(
                code: id,
                title: title,
                unit: unit,
                decimals: row["Decimals"] as? Int ?? 0,
                kind: CBSCSVReader.kind(unit: unit, title: title),
                description: row["Description"] as? String ?? ""
            )
        }
        let licence = (properties["License"] as? String).map { $0.contains("creativecommons.org/licenses/by/4.0") ? "CC BY 4.0" : $0 } ?? ""
        let source = Source(publisher: "CBS", location: location.name, licence: licence, citation: "Bron: CBS")
        let published = (properties["Modified"] as? String).flatMap(StatLineMetadata.parseDate)
        var release = try Release(
            dataset: Dataset(
                id: options.datasetID ?? tableID,
                title: properties["Title"] as? String ?? tableID,
                summary: properties["Summary"] as? String ?? "",
                source: source,
                dimensions: dimensions,
                measures: measures
            ),
            format: "cbs-odata-v4",
            publishedAt: published ?? options.publishedAt
        )
        let measureIndex = Dictionary(measures.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        var memberIndex: [[String: Int]] = Array(repeating: [:], count: dimensions.count)

        var record = 0
        try await forEachObservationPage(location) { rows, file in
            for row in rows {
                record += 1
                guard let measureCode = (row["Measure"] as? String)?.trimmingCharacters(in: .whitespaces), let m = measureIndex[measureCode]
                else {
                    throw IngestError(
                        file: file,
                        row: record,
                        column: "Measure",
                        code: .unknownMember,
                        message: "measure '\(row["Measure"] ?? "")' is not among the table's MeasureCodes",
                        fix: "save MeasureCodes and Observations together"
                    )
                }
                var members: [Int] = []
                for (d, dimension) in dimensions.enumerated() {
                    guard let code = (row[dimension.code] as? String)?.trimmingCharacters(in: .whitespaces) else {
                        throw IngestError(
                            file: file,
                            row: record,
                            column: dimension.code,
                            code: .missingColumn,
                            message: "the observation has no \(dimension.code)",
                            fix: "fetch Observations without $select, so that every dimension is present"
                        )
                    }
                    if let i = memberIndex[d][code] {
                        members.append(i)
                        continue
                    }
                    let member: Member
                    if let known = codeMaps[d][code] {
                        member = known
                    } else if options.allowNewMembers {
                        member = Member(code: code, label: code)
                    } else {
                        throw IngestError(
                            file: file,
                            row: record,
                            column: dimension.code,
                            code: .unknownMember,
                            message: "code '\(code)' is not among the table's \(dimension.code)Codes",
                            fix: "save the codes and observations from the same release, or load with --new-members"
                        )
                    }
                    let i = release.memberIndex(member, dimension: d)
                    memberIndex[d][code] = i
                    members.append(i)
                }
                guard let periodCode = row[timeDimension] as? String, let period = Period(code: periodCode) else {
                    throw IngestError(
                        file: file,
                        row: record,
                        column: timeDimension,
                        code: .unknownPeriod,
                        message: "'\(row[timeDimension] ?? "")' is not a CBS period code",
                        fix: "periods are written like 2024KW04"
                    )
                }
                let attributeText = row["ValueAttribute"] as? String ?? "None"
                guard let attribute = ValueAttribute(cbs: attributeText) else {
                    throw IngestError(
                        file: file,
                        row: record,
                        column: "ValueAttribute",
                        code: .malformed,
                        message: "unknown ValueAttribute '\(attributeText)'",
                        fix: "expected None, Impossible, Confidential or NotAvailable"
                    )
                }
                let value: Double?
                switch row["Value"] {
                case let n as NSNumber: value = n.doubleValue
                case nil, is NSNull: value = nil
                default:
                    throw IngestError(
                        file: file,
                        row: record,
                        column: "Value",
                        code: .notANumber,
                        message: "'\(row["Value"]!)' is not a number",
                        fix: "Value must be a JSON number or null"
                    )
                }
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

    /// Calls `body` with the rows of every Observations page, in order.
    private func forEachObservationPage(
        _ location: ODataLocation,
        _ body: ([[String: Any]], String) throws -> Void
    ) async throws {
        switch location {
        case .folder(let folder):
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let pages = names.filter { ($0.hasPrefix("observations-page-") || $0.hasPrefix("Observations")) && $0.hasSuffix(".json") }
                .sorted { Self.pageNumber($0) < Self.pageNumber($1) }
            guard !pages.isEmpty else {
                throw IngestError(
                    file: folder.path,
                    row: nil,
                    column: nil,
                    code: .empty,
                    message: "the folder has no observations-page-<n>.json",
                    fix: "save the Observations responses in the folder"
                )
            }
            for name in pages {
                let url = folder.appendingPathComponent(name)
                try body(try jsonValues(try jsonObject(try ODataLocation.read(url), file: url.path), file: url.path), url.path)
            }
        case .http(let base):
            var next: URL? = base.appendingPathComponent("Observations")
            var seen: Set<URL> = []
            while let url = next {
                guard seen.insert(url).inserted else {
                    throw IngestError(
                        file: url.absoluteString,
                        row: nil,
                        column: "@odata.nextLink",
                        code: .malformed,
                        message: "the server links back to a page already read",
                        fix: "report this to the publisher; nothing was stored"
                    )
                }
                let object = try jsonObject(try await ODataLocation.get(url), file: url.absoluteString)
                try body(try jsonValues(object, file: url.absoluteString), url.absoluteString)
                next = (object["@odata.nextLink"] as? String).flatMap { URL(string: $0, relativeTo: url)?.absoluteURL }
            }
        }
    }

    static func pageNumber(_ name: String) -> Int {
        Int(name.filter(\.isNumber)) ?? 0
    }
}
