import Synchronization

/// The datasets a store has read, by vintage and fingerprint: a vintage's metadata never changes, and every page and
/// query reads it, so decoding and checking it once spares each request the work (a tenth of an uncached explorer
/// page). A store asks for the vintage's fingerprint, which it keeps small beside the metadata, and reads the
/// metadata only when that fingerprint is new: a vintage whose content differs (a database replaced under a running
/// server) is never answered from here. Holds at most `capacity` datasets, forgetting them all when full.
public final class MetadataCache: Sendable {
    private struct Key: Hashable {
        var vintage: Int64
        var fingerprint: String
    }

    private let datasets = Mutex<[Key: Dataset]>([:])
    /// The most datasets kept.
    public let capacity: Int

    /// An empty cache of at most `capacity` datasets.
    public init(capacity: Int = 64) { self.capacity = capacity }

    /// The dataset kept for `vintage` with `fingerprint`, or the one `read` gives, then kept.
    public func dataset(vintage: Int64, fingerprint: String, read: () throws -> Dataset) rethrows -> Dataset {
        let key = Key(vintage: vintage, fingerprint: fingerprint)
        if let kept = datasets.withLock({ $0[key] }) { return kept }
        let dataset = try read()
        datasets.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = dataset
        }
        return dataset
    }

    /// As `dataset(vintage:fingerprint:read:)`, for a store that reads asynchronously.
    public func dataset(vintage: Int64, fingerprint: String, read: () async throws -> Dataset) async throws -> Dataset {
        let key = Key(vintage: vintage, fingerprint: fingerprint)
        if let kept = datasets.withLock({ $0[key] }) { return kept }
        let dataset = try await read()
        datasets.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = dataset
        }
        return dataset
    }
}
