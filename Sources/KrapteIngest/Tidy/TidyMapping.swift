import Foundation
import KrapteCore

/// How to read a tidy CSV file: which column is the period, which are dimensions, which hold measures, and the
/// file's separator, decimal mark and encoding. Written as JSON beside the file (see `Guides/TidyCSV.md`).
///
/// Two layouts: *long*, with one column naming the measure and one holding the value (`measureColumn` and
/// `valueColumn`); or *wide*, with one column per measure (each measure's `column`).
public struct TidyMapping: Sendable, Decodable {
    /// A dimension column.
    public struct DimensionColumn: Sendable, Decodable {
        /// The column's name in the header.
        public var column: String
        /// A column holding each member's label, when `column` holds codes (`geo_name` beside `geo`); only for a
        /// dimension without a code list, whose list gives the labels.
        public var labelColumn: String?
        /// The dimension's code (`RegioS`, `Beroep`); defaults to the column name.
        public var code: String?
        /// The dimension's title.
        public var title: String?
        /// The id of a built-in code list (`regio`, `sbi2008`, `brc2014`, `beroepsniveau`, `bedrijfsgrootte`);
        /// defaults to the list Krapte knows for the dimension code; `none` keeps the file's members as they are.
        public var codeList: String?
    }

    /// A measure.
    public struct MeasureColumn: Sendable, Decodable {
        /// The measure's code.
        public var code: String
        /// The column holding it (wide layout); in the long layout, the text in the measure column (defaults to `code`).
        public var column: String?
        /// The title; defaults to the code.
        public var title: String?
        /// The unit (`aantal`, `x 1 000`, `%`).
        public var unit: String?
        /// The decimals published.
        public var decimals: Int?
        /// `stock`, `flow`, `rate` or `index`.
        public var kind: MeasureKind?
    }

    /// The dataset id to load into.
    public var dataset: String
    /// The dataset's title.
    public var title: String?
    /// Who published the figures.
    public var publisher: String?
    /// The licence.
    public var licence: String?
    /// Where the figures come from (URL or description); defaults to the file.
    public var location: String?
    /// `,` (default), `;` or `tab`.
    public var separator: String?
    /// `.` (default) or `,`.
    public var decimal: String?
    /// The thousands separator, if the file uses one (`.`, `,` or ` `).
    public var thousands: String?
    /// The texts that stand for a missing value (default: empty, `NA`, `.`, `-`, `x`, `?`); such a value is kept as
    /// not available (`x`: confidential).
    public var missing: [String]?
    /// `utf-8` (default) or `windows-1252`.
    public var encoding: String?
    /// The period column; its cells are CBS codes (`2024KW04`) or Dutch labels (`2024 4e kwartaal`).
    public var period: String
    /// An optional status column (`definitief`, `voorlopig`, `nader voorlopig`, or CBS's spellings).
    public var status: String?
    /// The dimension columns.
    public var dimensions: [DimensionColumn]
    /// Long layout: the column naming the measure.
    public var measureColumn: String?
    /// Long layout: the column holding the value.
    public var valueColumn: String?
    /// The measures.
    public var measures: [MeasureColumn]

    /// Reads a mapping file.
    /// - Throws: `IngestError` naming the file and the field that is wrong, or saying why the path cannot be read.
    public static func load(_ url: URL) throws -> TidyMapping {
        let data = try InputFile.contents(of: url)
        do {
            return try JSONDecoder().decode(TidyMapping.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw IngestError(
                file: url.path,
                row: nil,
                column: CodingPath.text(context.codingPath + [key]),
                code: .mapping,
                message: Message("TidyMapping.mappingLacks", key.stringValue.excerpt),
                fix: Message("TidyMapping.mappingLacks.fix")
            )
        } catch let problem as DecodingProblem {
            throw IngestError(
                file: url.path,
                row: nil,
                column: problem.path,
                code: .mapping,
                message: problem.message,
                fix: Message("TidyMapping.correctValueGuidesTidycsv.fix")
            )
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw IngestError(
                file: url.path,
                row: nil,
                column: nil,
                code: .mapping,
                message: Message("TidyMapping.mappingValidJson"),
                fix: Message("TidyMapping.mappingValidJson.fix")
            )
        } catch let DecodingError.dataCorrupted(context) {
            throw IngestError(
                file: url.path,
                row: nil,
                column: CodingPath.text(context.codingPath),
                code: .mapping,
                message: Message("TidyMapping.decoding", context.debugDescription),
                fix: Message("TidyMapping.correctValueGuidesTidycsv.fix")
            )
        } catch let DecodingError.typeMismatch(_, context) {
            throw IngestError(
                file: url.path,
                row: nil,
                column: context.codingPath.isEmpty ? nil : CodingPath.text(context.codingPath),
                code: .mapping,
                message: Message("TidyMapping.fieldMappingWrongType"),
                fix: Message("TidyMapping.fieldMappingWrongType.fix")
            )
        } catch {
            throw IngestError(
                file: url.path,
                row: nil,
                column: nil,
                code: .mapping,
                message: Message("TidyMapping.mappingCannotRead", String(describing: error)),
                fix: Message("TidyMapping.mappingCannotRead.fix")
            )
        }
    }
}
