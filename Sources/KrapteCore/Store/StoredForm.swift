import Foundation

/// How every store keeps a release's metadata and source (JSON text with sorted keys), and the errors every store
/// gives for what it does not hold or cannot read, so that SQLite and PostgreSQL say the same.
public enum StoredForm {
    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    /// A release's dataset metadata and source as the stores keep them.
    public static func texts(of release: Release.Finished) throws -> (metadata: String, source: String) {
        (
            String(decoding: try encoder.encode(release.dataset), as: UTF8.self),
            String(decoding: try encoder.encode(release.dataset.source), as: UTF8.self)
        )
    }

    /// The vintage a store has just written for `release` under `id`.
    public static func vintage(of release: Release.Finished, id: Int64, loadedAt: Date) -> Vintage {
        Vintage(
            id: id,
            dataset: release.dataset.id,
            publishedAt: release.publishedAt,
            loadedAt: loadedAt,
            source: release.dataset.source,
            format: release.format,
            fingerprint: release.fingerprint,
            observationCount: release.observationCount
        )
    }

    /// Reads the metadata a store kept for a vintage, and checks it against `DatasetRules`, so that a dataset stored
    /// before a rule was kept (two dimensions with one code, say) is an error for the request that reads it, never a
    /// fault further on.
    /// - Throws: `StoreError.corrupt` when it is not a dataset or breaks a rule, naming the rule and how to remove it.
    public static func dataset(_ json: String, vintage: Int64) throws -> Dataset {
        let dataset: Dataset
        do {
            dataset = try JSONDecoder().decode(Dataset.self, from: Data(json.utf8))
        } catch {
            throw StoreError(.corrupt, Message("StoredForm.metadataVintageCannotRead", vintage), underlying: error)
        }
        if let v = dataset.violation() {
            throw StoreError(
                .corrupt,
                Message("StoredForm.vintageDatasetBreaksRule", vintage, dataset.id.excerpt, v.field, v.message)
            )
        }
        return dataset
    }

    /// Reads the source a store kept for a vintage.
    public static func source(_ json: String) throws -> Source {
        try JSONDecoder().decode(Source.self, from: Data(json.utf8))
    }

    /// The error for a dataset the store does not hold.
    /// The error for a dataset the store does not hold, with the ids of those it holds that come closest.
    public static func noDataset(_ id: String, known: [String] = []) -> StoreError {
        StoreError(
            .notFound,
            Message("StoredForm.erGeenDatasetDe", id.excerpt, Suggestions.sentence(id, in: known))
        )
    }

    /// The vintages a removal of `vintage` (all when nil) takes from a dataset's `vintages`.
    /// - Throws: `StoreError.notFound` when the dataset has no vintages or not that one.
    public static func removal(of vintage: Int64?, from vintages: [Vintage], dataset: String) throws -> [Vintage] {
        guard !vintages.isEmpty else { throw noDataset(dataset) }
        guard let vintage else { return vintages }
        let chosen = vintages.filter { $0.id == vintage }
        guard !chosen.isEmpty else {
            throw StoreError(
                .notFound,
                Message(
                    "StoredForm.datasetVintageKrapteShow",
                    dataset.excerpt,
                    vintage,
                    vintages.map { String($0.id) }.joined(separator: ", "),
                    dataset
                )
            )
        }
        return chosen
    }

    /// Checks that the members of a stored series name one member per dimension of its dataset.
    /// - Throws: `StoreError.corrupt` when they do not.
    public static func check(members: [String], fit dataset: Dataset) throws {
        guard members.count == dataset.dimensions.count else {
            throw StoreError(.corrupt, Message("StoredForm.storedSeriesDoesMatch", dataset.id))
        }
    }
}
