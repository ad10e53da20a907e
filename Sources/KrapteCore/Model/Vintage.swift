import Foundation

/// One release of a dataset as it was loaded: kept when a newer release arrives, so that a figure can be shown
/// as published on a date and two releases can be compared.
public struct Vintage: Sendable, Hashable, Codable {
    /// The store's number for the release, rising with every load.
    public var id: Int64
    /// The dataset.
    public var dataset: String
    /// When the publisher released it (for CBS, the table's `Modified`), if known.
    public var publishedAt: Date?
    /// When it was loaded into the store.
    public var loadedAt: Date
    /// Where it was read from.
    public var source: Source
    /// The format that was read (`cbs-odata-v4`, `statline-csv`, ...).
    public var format: String
    /// A fingerprint of the figures; a release with the same fingerprint as the latest is not loaded again.
    public var fingerprint: String
    /// How many observations it holds.
    public var observationCount: Int

    /// The date that places the release in time: its publication date when known, otherwise when it was loaded.
    public var effectiveDate: Date { publishedAt ?? loadedAt }

    /// Makes a vintage.
    public init(
        id: Int64,
        dataset: String,
        publishedAt: Date?,
        loadedAt: Date,
        source: Source,
        format: String,
        fingerprint: String,
        observationCount: Int
    ) {
        self.id = id
        self.dataset = dataset
        self.publishedAt = publishedAt
        self.loadedAt = loadedAt
        self.source = source
        self.format = format
        self.fingerprint = fingerprint
        self.observationCount = observationCount
    }
}
