import Foundation

/// What a load did.
public struct LoadOutcome: Sendable {
    /// The vintage that holds the release: a new one, or the latest one when nothing changed.
    public var vintage: Vintage
    /// True when the release was the same as the latest vintage and nothing was written.
    public var unchanged: Bool

    /// Makes an outcome.
    public init(vintage: Vintage, unchanged: Bool) {
        self.vintage = vintage
        self.unchanged = unchanged
    }
}

/// A dataset as listed by a store.
public struct DatasetSummary: Sendable, Hashable {
    /// The dataset's id.
    public var id: String
    /// Its title in the latest vintage.
    public var title: String
    /// The latest vintage.
    public var latest: Vintage
    /// How many vintages the store keeps.
    public var vintageCount: Int

    /// Makes a summary.
    public init(id: String, title: String, latest: Vintage, vintageCount: Int) {
        self.id = id
        self.title = title
        self.latest = latest
        self.vintageCount = vintageCount
    }
}

/// A series as a store returns it.
public struct StoredSeries: Sendable {
    /// The member codes, one per dimension in the dataset's order.
    public var members: [String]
    /// The observations.
    public var data: SeriesData

    /// Makes a stored series.
    public init(members: [String], data: SeriesData) {
        self.members = members
        self.data = data
    }

    /// Joins member codes as stores keep them in one column: separated by U+001F.
    public static func joinMembers(_ codes: [String]) -> String { codes.joined(separator: "\u{1F}") }

    /// Splits a column written by `joinMembers`; a dataset without dimensions has an empty one.
    public static func splitMembers(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }
}

/// Where datasets and their vintages are kept. SQLite and PostgreSQL implement it with the same behaviour.
///
/// Every load is one transaction: it stores the whole release or, on any failure, nothing.
/// Older vintages are kept; nothing is deleted unless asked (`remove(_:vintage:removedAt:)`).
public protocol Store: Sendable {
    /// Stores a release as a new vintage of its dataset, unless it equals the latest vintage.
    ///
    /// - Parameters:
    ///   - release: the checked release.
    ///   - loadedAt: the time of the load, from the caller's clock.
    /// - Throws: `IngestError` with code `.structure` when the dataset exists with other dimensions;
    ///   `StoreError` when the database fails (then nothing is stored).
    func load(_ release: Release.Finished, loadedAt: Date) async throws -> LoadOutcome

    /// The datasets in the store, ordered by id.
    func datasets() async throws -> [DatasetSummary]

    /// A number that grows with every load that stores something and every removal, and stays the same otherwise,
    /// so that anything computed from the store can be kept while it is unchanged; 0 for a store that was never
    /// written to. Without removals it is the id of the newest vintage. A load that fails leaves it as it was. It is
    /// read from what the store holds, so that a server reading a replica of the database sees it move too.
    func version() async throws -> Int64

    /// Removes vintage `vintage` of `dataset`, or every vintage when it is nil, with their series, in one
    /// transaction; the dataset goes when its last vintage does. Every removal is written to the store's log with
    /// `removedAt`. Nothing else is touched, and vintage ids are never given again.
    /// - Returns: the vintages removed.
    /// - Throws: `StoreError.notFound` when there is no such dataset, or the vintage is not one of its vintages
    ///   (then nothing is removed).
    func remove(_ dataset: String, vintage: Int64?, removedAt: Date) async throws -> [Vintage]

    /// The vintages of a dataset, oldest first.
    /// - Throws: `StoreError.notFound` when there is no such dataset.
    func vintages(of dataset: String) async throws -> [Vintage]

    /// The dataset's metadata as a vintage had it.
    func metadata(of dataset: String, vintage: Int64) async throws -> Dataset

    /// A dataset's vintages, oldest first, and its metadata as the latest vintage has it: what every page and query
    /// reads first. A store may read both at once; by default it asks `vintages(of:)`, then `metadata(of:vintage:)`.
    /// - Throws: `StoreError.notFound` when there is no such dataset.
    func latest(_ dataset: String) async throws -> (metadata: Dataset, vintages: [Vintage])

    /// Every series of one measure in one vintage.
    func series(of dataset: String, vintage: Int64, measure: String) async throws -> [StoredSeries]

    /// The series of one measure in one vintage whose members are among `keys` (each the member codes of a
    /// series, one per dimension); keys the vintage does not hold are left out.
    func series(of dataset: String, vintage: Int64, measure: String, keys: [[String]]) async throws -> [StoredSeries]
}

extension Store {
    /// Gives a release of a table the store holds the measure codes stored for it, when it was loaded before from
    /// another of CBS's formats (see `MeasureIdentity`); call it before the release is finished.
    /// - Throws: `IngestError` when the two cannot be matched; `StoreError` when the store cannot be read.
    public func keepStoredMeasureCodes(of release: inout Release, file: String) async throws {
        let vintages: [Vintage]
        do {
            vintages = try await self.vintages(of: release.dataset.id)
        } catch let error as StoreError where error.code == .notFound {
            return
        }
        guard let latest = vintages.last else { return }
        let stored = try await metadata(of: release.dataset.id, vintage: latest.id)
        let renames = try MeasureIdentity.renames(of: release.dataset, toKeep: stored, file: file)
        if !renames.isEmpty { release.renameMeasures(renames) }
    }
}

extension Release.Finished {
    /// Checks that this release can be a new vintage of `existing`: the same dimensions, in the same order, and
    /// measures named as CBS named them before (`Store.keepStoredMeasureCodes(of:file:)` does that).
    /// - Throws: `IngestError` with code `.structure` saying how the two differ and how to load it anyway.
    public func checkFits(_ existing: Dataset, file: String) throws {
        _ = try MeasureIdentity.renames(of: dataset, toKeep: existing, file: file)
        if MeasureIdentity.namingsDiffer(dataset, existing) {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .structure,
                message: Message("Store.datasetStoredOtherMeasure", dataset.id),
                fix: Message("Store.datasetStoredOtherMeasure.fix")
            )
        }
        let old = existing.dimensions.map(\.code)
        let new = dataset.dimensions.map(\.code)
        guard old == new else {
            throw IngestError(
                file: file,
                row: nil,
                column: nil,
                code: .structure,
                message:
                    Message("Store.datasetAlreadyStoreDimensions", dataset.id, old.joined(separator: ", "), new.joined(separator: ", ")),
                fix: Message("Store.loadUnderAnotherId.fix")
            )
        }
    }
}
