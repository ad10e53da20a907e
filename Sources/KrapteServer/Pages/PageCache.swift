import KrapteCore
import NIOConcurrencyHelpers
import NIOCore

/// Rendered pages by address, kept while the store holds the same vintages (`Store.version()`): a page is a pure
/// function of its address and the store, so the second reader of a page gets it without a query or a template.
///
/// The store's version is asked at most once per `maxAge` (a quarter of a second): a load by another process shows
/// on the pages within that time, a load through this server (`POST /api/v1/ingest`) at once, as it calls
/// `clear()`. Holds at most `capacity` pages, dropping the oldest first; a new version empties it. It keeps, the same
/// way, what pages and the API derive from the store (`latest(_:of:)`, `kept(_:of:_:)`), and renders a page that many
/// ask for at once only once (`rendered(_:version:_:)`).
final class PageCache: Sendable {
    private struct State {
        var version: Int64 = -1
        var checkedAt: ContinuousClock.Instant?
        /// Whether a request is asking the store now; the others go on with the version known.
        var asking = false
        var pages: [String: ByteBuffer] = [:]
        var order: [String] = []
        /// What pages derive from the store's contents at `version` (`kept(_:of:_:)`), by key.
        var derived: [String: any Sendable] = [:]
        /// The pages being rendered, by version and address, each with the requests waiting for it.
        var rendering: [String: [CheckedContinuation<Turn, Never>]] = [:]
    }

    /// What a request that asks for a page not kept does: render it, or take it from the request that rendered it.
    enum Turn {
        case render
        case rendered(ByteBuffer)
        /// The rendering failed: the request renders the page itself (and gets its own error).
        case failed
    }

    private let state = NIOLockedValueBox(State())
    let capacity: Int
    let maxAge: Duration
    let now: @Sendable () -> ContinuousClock.Instant

    /// A cache of `capacity` pages that asks the store's version at most once per `maxAge` of the clock `now`.
    init(capacity: Int = 512, maxAge: Duration = .milliseconds(250), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.capacity = capacity
        self.maxAge = maxAge
        self.now = now
    }

    /// The store's version, asked anew when the last answer is older than `maxAge`. One request asks at a time;
    /// meanwhile the others go on with the version known.
    func version(of store: any Store) async throws -> Int64 {
        let now = now()
        let known: Int64? = state.withLockedValue { s in
            guard let checked = s.checkedAt else { return nil }
            if now - checked < maxAge || s.asking { return s.version }
            s.asking = true
            return nil
        }
        if let known { return known }
        let version: Int64
        do {
            version = try await store.version()
        } catch {
            state.withLockedValue { $0.asking = false }
            throw error
        }
        state.withLockedValue { s in
            if s.version != version { s = State(version: version, rendering: s.rendering) }
            s.checkedAt = now
            s.asking = false
        }
        return version
    }

    /// A dataset's metadata and vintages as `Store.latest` gives them, kept like the pages while the store's version
    /// is the same: a page not kept then costs one read of the store (its series) instead of two.
    /// - Throws: what `Store.version()` and `Store.latest(_:)` throw; a dataset that is not there is not kept.
    func latest(_ dataset: String, of store: any Store) async throws -> (metadata: Dataset, vintages: [Vintage]) {
        try await kept("latest " + dataset, of: store) { try await store.latest(dataset) }
    }

    /// What `make` derives from the store's contents, kept under `key` like the pages while the store's version is
    /// the same (at most `capacity` values; a new version forgets them). `key` names what is made and from what.
    /// - Throws: what `Store.version()` and `make` throw; what fails is not kept.
    func kept<T: Sendable>(_ key: String, of store: any Store, _ make: () async throws -> T) async throws -> T {
        let version = try await version(of: store)
        if let kept = state.withLockedValue({ $0.version == version ? $0.derived[key] as? T : nil }) { return kept }
        let value = try await make()
        state.withLockedValue { s in
            if s.version == version, s.derived.count < capacity { s.derived[key] = value }
        }
        return value
    }

    /// Forgets every page and the version, after a load through this server. Requests waiting for a page being
    /// rendered still get it.
    func clear() {
        state.withLockedValue { s in s = State(rendering: s.rendering) }
    }

    /// The page at `address` at store version `version`, rendered by `render` once however many requests ask for it
    /// at the same time: the others wait and get the same page. Without this, the fifty readers of a page that a
    /// load has just dropped from the cache would each render it (BENCHMARKS.md, 102.4 million observations).
    /// - Throws: what `render` throws; a request that waited for a rendering that failed renders the page itself.
    func rendered(_ address: String, version: Int64, _ render: () async throws -> ByteBuffer) async throws -> ByteBuffer {
        let key = "\(version) \(address)"
        let turn = await withCheckedContinuation { (turn: CheckedContinuation<Turn, Never>) in
            let first = state.withLockedValue { s -> Bool in
                guard s.rendering[key] != nil else {
                    s.rendering[key] = []
                    return true
                }
                s.rendering[key]?.append(turn)
                return false
            }
            if first { turn.resume(returning: .render) }
        }
        switch turn {
        case .rendered(let page): return page
        case .failed: return try await render()
        case .render:
            let page: ByteBuffer
            do {
                page = try await render()
            } catch {
                finish(key, .failed)
                throw error
            }
            keep(page, at: address, version: version)
            finish(key, .rendered(page))
            return page
        }
    }

    /// Hands the outcome of a rendering to the requests that wait for it.
    private func finish(_ key: String, _ outcome: Turn) {
        let waiting = state.withLockedValue { $0.rendering.removeValue(forKey: key) } ?? []
        for turn in waiting { turn.resume(returning: outcome) }
    }

    /// The page at `address` as rendered at store version `version`, if kept.
    func page(_ address: String, version: Int64) -> ByteBuffer? {
        state.withLockedValue { $0.version == version ? $0.pages[address] : nil }
    }

    /// Keeps `page` as the page at `address` at store version `version`.
    func keep(_ page: ByteBuffer, at address: String, version: Int64) {
        state.withLockedValue { s in
            guard s.version == version, s.pages.updateValue(page, forKey: address) == nil else { return }
            s.order.append(address)
            if s.order.count > capacity {
                s.pages[s.order.removeFirst()] = nil
            }
        }
    }
}
