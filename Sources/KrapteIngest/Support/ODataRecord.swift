import Foundation
import KrapteCore

/// Reads the fields of one record of a CBS OData response, with errors that name the response, record and field.
enum ODataRecord {
    /// The text of a dimension field.
    /// - Throws: `IngestError` with code `.missingColumn` when the record lacks it.
    static func key(_ row: [String: Any], _ column: String, file: String, record: Int) throws -> String {
        guard let key = row[column] as? String else {
            throw IngestError(
                file: file,
                row: record,
                column: column,
                code: .missingColumn,
                message: Message("ODataRecord.record", column),
                fix: Message("ODataRecord.record.fix")
            )
        }
        return key
    }

    /// The period of the time dimension field.
    /// - Throws: `IngestError` with code `.unknownPeriod` when it is not a CBS period code.
    static func period(_ row: [String: Any], _ column: String, file: String, record: Int) throws -> Period {
        guard let code = row[column] as? String, let period = Period(code: code.trimmingCharacters(in: .whitespaces)) else {
            throw IngestError(
                file: file,
                row: record,
                column: column,
                code: .unknownPeriod,
                message: Message("ODataRecord.cbsPeriodCode", String(describing: row[column] ?? "").excerpt),
                fix: Message("ODataRecord.cbsPeriodCode.fix")
            )
        }
        return period
    }

    /// A numeric field: its value, or nil for a JSON null or an absent field.
    /// - Throws: `IngestError` with code `.notANumber` for anything else.
    /// - Throws: `IngestError` with code `.notANumber` for anything else, a JSON `true` or `false` included, and
    ///   with code `.invalid` for a number too large to hold.
    static func number(_ row: [String: Any], _ column: String, file: String, record: Int) throws -> Double? {
        switch row[column] {
        case let n as NSNumber where !isBoolean(n):
            guard n.doubleValue.isFinite else {
                throw NumberParser.outOfRangeError(file: file, row: record, column: column, text: "\(n)")
            }
            return n.doubleValue
        case nil, is NSNull: return nil
        case let other?:
            throw IngestError(
                file: file,
                row: record,
                column: column,
                code: .notANumber,
                message: Message("ODataRecord.number", String(describing: other).excerpt),
                fix: Message("ODataRecord.number.fix", column)
            )
        }
    }

    /// Whether a number of a JSON object was written as `true` or `false`: JSONSerialization gives those as
    /// NSNumbers of type char.
    static func isBoolean(_ n: NSNumber) -> Bool {
        let type = String(cString: n.objCType)
        return type == "c" || type == "B"
    }

    /// The status of each period in the rows of a time dimension's code collection, keyed by the trimmed code.
    static func periodStatuses(_ rows: [[String: Any]], keyField: String) -> [String: ObservationStatus] {
        var statuses: [String: ObservationStatus] = [:]
        for row in rows {
            if let code = (row[keyField] as? String)?.trimmingCharacters(in: .whitespaces),
                let status = ObservationStatus(cbs: row["Status"] as? String ?? "")
            {
                statuses[code] = status
            }
        }
        return statuses
    }

    /// A measure from its description in `MeasureCodes` (v4) or `DataProperties` (v3), which name the same fields
    /// (`Title`, `Unit`, `Decimals`, `Description`); its kind follows from the unit.
    /// - Throws: `IngestError` naming the file, record and field when `Decimals` is not a whole number from 0 to 15.
    static func measure(_ row: [String: Any], code: String, file: String, record: Int) throws -> Measure {
        let unit = (row["Unit"] as? String ?? "").trimmingCharacters(in: .whitespaces)
        let title = (row["Title"] as? String)?.trimmingCharacters(in: .whitespaces) ?? code
        var decimals = 0
        switch row["Decimals"] {
        case nil, is NSNull: break
        case let n as NSNumber
        where !isBoolean(n) && n.doubleValue == n.doubleValue.rounded()
            && DatasetRules.decimals.contains(Int(exactly: n.doubleValue) ?? -1):
            decimals = n.intValue
        case let other?:
            throw IngestError(
                file: file,
                row: record,
                column: "Decimals",
                code: .invalid,
                message: Message("ODataRecord.measureDecimals", code, String(describing: other).excerpt),
                fix: Message("ODataRecord.measureDecimals.fix")
            )
        }
        return Measure(
            code: code,
            title: title,
            unit: unit,
            decimals: decimals,
            kind: CBSCSVReader.kind(unit: unit, title: title),
            description: row["Description"] as? String ?? ""
        )
    }

    /// The licence CBS states, shortened to its name when it is CC BY 4.0; CBS open data is CC BY 4.0 when unstated.
    static func licence(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "CC BY 4.0" }
        return text.contains("creativecommons.org/licenses/by/4.0") ? "CC BY 4.0" : text
    }
}
