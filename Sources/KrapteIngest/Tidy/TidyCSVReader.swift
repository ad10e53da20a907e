import Foundation
import KrapteCore

/// Reads a tidy CSV file (one observation, or one row of measures, per line) as a mapping file describes it:
/// exports such as UWV's, with `,` or `;`, a decimal comma, thousands separators, and Windows-1252 when declared.
///
/// It streams: the file is read in blocks, and repeated texts (periods, regions, occupations) are looked up by
/// their bytes, so a row costs no allocation once its labels have been seen.
public struct TidyCSVReader {
    /// The mapping.
    public var mapping: TidyMapping
    /// The choices for this load.
    public var options: IngestOptions

    /// Makes a reader.
    public init(mapping: TidyMapping, options: IngestOptions = IngestOptions()) {
        self.mapping = mapping
        self.options = options
    }

    /// Reads `url` into a release.
    /// - Parameter mappingFile: the mapping's name in messages.
    /// - Throws: `IngestError` naming the mapping file and field for a mapping that cannot be used, and file, row and
    ///   column for anything in the file that cannot be read.
    public func read(_ url: URL, mappingFile: String = "mapping") throws -> Release {
        let layout = try TidyLayout(mapping: mapping, options: options, file: url.path, mappingFile: mappingFile)
        var release = try Release(dataset: layout.dataset, format: "tidy-csv", publishedAt: options.publishedAt)
        var rows: TidyRecordReader?
        try CSVTokenizer(separator: layout.separator).forEachRecord(in: url) { record in
            if let rows {
                try rows.read(record, into: &release)
                if rows.count % 250_000 == 0 { options.progress?(rows.count) }
            } else {
                rows = try TidyRecordReader(header: record, layout: layout, file: url.path)
            }
        }
        guard let rows else {
            throw IngestError(
                file: url.path,
                row: nil,
                column: nil,
                code: .empty,
                message: Message("TidyCSVReader.fileEmpty"),
                fix: Message("TidyCSVReader.fileEmpty.fix")
            )
        }
        rows.applyDecimals(to: &release)
        return release
    }
}
