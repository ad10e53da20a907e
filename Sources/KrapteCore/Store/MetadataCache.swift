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
        if let kept = kept(vintage: vintage, fingerprint: fingerprint) { return kept }
        let dataset = try read()
        keep(dataset, vintage: vintage, fingerprint: fingerprint)
        return dataset
    }

    /// The dataset kept for `vintage` with `fingerprint`, if any; a store that reads asynchronously asks this, reads
    /// on a miss, and `keep`s what it read.
    public func kept(vintage: Int64, fingerprint: String) -> Dataset? {
        datasets.withLock { $0[Key(vintage: vintage, fingerprint: fingerprint)] }
    }

    /// Keeps `dataset` as `vintage`'s with `fingerprint`, first forgetting every dataset when full.
    public func keep(_ dataset: Dataset, vintage: Int64, fingerprint: String) {
        datasets.withLock { kept in
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[Key(vintage: vintage, fingerprint: fingerprint)] = dataset
        }
    }
}
