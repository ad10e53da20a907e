import Foundation
import KrapteCore

/// A report filled in: its HTML, its notes and the release of every dataset it read.
public struct BuiltReport: Sendable {
    /// A dataset's release a report read.
    public struct Release: Sendable, Hashable {
        /// The dataset.
        public var dataset: String
        /// The dataset's title.
        public var title: String
        /// The release as stored: its id, publication and load dates, and source.
        public var vintage: Vintage
    }

    /// The source it was built from.
    public var source: ReportSource
    /// The HTML of each directive, in order.
    public var filled: [String]
    /// The notes, numbered from 1.
    public var notes: [ReportNote]
    /// The releases read, by dataset.
    public var releases: [Release]
    /// What each directive filled in, in order: its text and the traces of its numbers.
    public var results: [Result]

    /// What one directive filled in.
    public struct Result: Sendable, Hashable, Codable {
        /// Its line in the report file.
        public var line: Int
        /// Its name.
        public var name: String
        /// Its text without markup (empty for a table or chart).
        public var plain: String
        /// The traces of the numbers it shows.
        public var traces: [Trace]
    }

    /// What a build keeps to be compared later (`krapte report diff --from A.bouw.json`): the release of every
    /// dataset read, and what each directive said with the trace of each number.
    public struct Record: Sendable, Hashable, Codable {
        /// The report file.
        public var file: String
        /// The title.
        public var title: String
        /// The day it was built as of; nil for the latest releases.
        public var asOf: Date?
        /// The releases read: dataset and vintage.
        public var releases: [String: Int64]
        /// What each directive filled in.
        public var results: [Result]

        /// The record as JSON.
        public func encoded() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.dateEncodingStrategy = .secondsSince1970
            return try encoder.encode(self)
        }

        /// Reads a record written by `encoded()`.
        public init(decoding data: Data) throws {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            self = try decoder.decode(Record.self, from: data)
        }

        init(file: String, title: String, asOf: Date?, releases: [String: Int64], results: [Result]) {
            self.file = file
            self.title = title
            self.asOf = asOf
            self.releases = releases
            self.results = results
        }
    }

    /// The record of this build, built as of `asOf`.
    public func record(asOf: Date?) -> Record {
        Record(
            file: source.file,
            title: source.title,
            asOf: asOf,
            releases: Dictionary(releases.map { ($0.dataset, $0.vintage.id) }) { $1 },
            results: results
        )
    }
}
