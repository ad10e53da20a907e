import Foundation
import KrapteCore

/// Choices that apply to every reader.
public struct IngestOptions: Sendable {
    /// The dataset id to load into; nil takes the table id from the source.
    public var datasetID: String?
    /// Keep labels that no code list knows as new members of the dataset, instead of failing.
    public var allowNewMembers: Bool
    /// When the publisher released the figures, when the source does not say.
    public var publishedAt: Date?
    /// The period of a table that has no period column (a survey of one year, such as 86075NED).
    public var period: Period?
    /// Called now and then with the number of records read, for a progress line.
    public var progress: (@Sendable (Int) -> Void)?

    /// Makes options.
    public init(
        datasetID: String? = nil,
        allowNewMembers: Bool = false,
        publishedAt: Date? = nil,
        period: Period? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) {
        self.datasetID = datasetID
        self.allowNewMembers = allowNewMembers
        self.publishedAt = publishedAt
        self.period = period
        self.progress = progress
    }
}

extension IngestOptions {
    /// An empty release of a CBS table read from an OData service, under the dataset id these options choose (else
    /// the table id), dated by the table's `Modified` text (else these options' date).
    func cbsRelease(
        table: [String: Any],
        tableID: String,
        licence: String,
        location: ODataLocation,
        dimensions: [KrapteCore.Dimension],
        measures: [Measure],
        format: String
    ) throws -> Release {
        try Release(
            dataset: Dataset(
                id: datasetID ?? tableID,
                title: table["Title"] as? String ?? tableID,
                summary: table["Summary"] as? String ?? "",
                source: Source(publisher: "CBS", location: location.name, licence: licence, citation: "Bron: CBS"),
                dimensions: dimensions,
                measures: measures
            ),
            format: format,
            publishedAt: (table["Modified"] as? String).flatMap(StatLineMetadata.parseDate) ?? publishedAt
        )
    }
}
