import Foundation
import KrapteCore
import NIOConcurrencyHelpers
import NIOCore
import Testing

@testable import KrapteServer

/// Pages are kept while the store is unchanged, and forgotten once another process loads a new vintage.
@Suite struct PageCacheTests {
    @Test func aNewVintageEmptiesTheCacheWithinItsMaxAge() async throws {
        let store = try APITests.store()
        let clock = NIOLockedValueBox(ContinuousClock.now)
        let cache = PageCache(capacity: 2, maxAge: .seconds(1)) { clock.withLockedValue { $0 } }
        #expect(try await cache.version(of: store) == 0)
        cache.keep(ByteBuffer(string: "a"), at: "/a", version: 0)
        #expect(cache.page("/a", version: 0) == ByteBuffer(string: "a"))
        // Another writer loads: within maxAge the known version still holds, after it the new one.
        _ = try await store.load(try APITests.release(), loadedAt: Date())
        #expect(try await cache.version(of: store) == 0)
        clock.withLockedValue { $0 += .seconds(1) }
        let version = try await cache.version(of: store)
        #expect(version == 1)
        #expect(cache.page("/a", version: version) == nil)
        // A page rendered at an older version is not kept under the new one.
        cache.keep(ByteBuffer(string: "old"), at: "/b", version: 0)
        #expect(cache.page("/b", version: 1) == nil && cache.page("/b", version: 0) == nil)
    }

    /// A dataset's latest metadata is read once per version of the store, like the pages it is read for.
    @Test func aDatasetsLatestVintageIsKeptWhileTheStoreIsUnchanged() async throws {
        let store = try APITests.store()
        let clock = NIOLockedValueBox(ContinuousClock.now)
        let cache = PageCache(capacity: 2, maxAge: .seconds(1)) { clock.withLockedValue { $0 } }
        let release = try APITests.release()
        _ = try await store.load(release, loadedAt: Date())
        let first = try await cache.latest(release.dataset.id, of: store)
        #expect(first.vintages.count == 1)
        // Another process loads a second vintage: within maxAge the page still sees the first, after it both.
        var other = try APITests.emptyRelease()
        let member = other.memberIndex(Member(code: "A", label: "Alpha"), dimension: 0)
        other.append(SeriesKey(measure: 0, members: [member]), period: Period.quarter(2025, 1)!, value: 1, status: .definitief, row: 2)
        _ = try await store.load(try other.finish(file: "t2"), loadedAt: Date())
        #expect(try await cache.latest(release.dataset.id, of: store).vintages.count == 1)
        clock.withLockedValue { $0 += .seconds(1) }
        #expect(try await cache.latest(release.dataset.id, of: store).vintages.count == 2)
        // A dataset that is not there is an error each time, and is not kept.
        await #expect(throws: StoreError.self) { try await cache.latest("geen-dataset", of: store) }
    }

    /// Fifty requests for a page not kept get it from one rendering; after a failed rendering each renders its own.
    @Test func aPageAskedByManyAtOnceIsRenderedOnce() async throws {
        let cache = PageCache()
        #expect(try await cache.version(of: try APITests.store()) == 0)
        let renderings = NIOLockedValueBox(0)
        let pages = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            for _ in 0..<50 {
                group.addTask {
                    try await cache.rendered("/a", version: 0) {
                        renderings.withLockedValue { $0 += 1 }
                        try await Task.sleep(for: .milliseconds(100))
                        return ByteBuffer(string: "a")
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(pages.count == 50 && pages.allSatisfy { $0 == ByteBuffer(string: "a") })
        #expect(renderings.withLockedValue { $0 } == 1)
        #expect(cache.page("/a", version: 0) == ByteBuffer(string: "a"))
        struct Failed: Error {}
        let failures = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    do {
                        _ = try await cache.rendered("/b", version: 0) {
                            try await Task.sleep(for: .milliseconds(50))
                            throw Failed()
                        }
                        return false
                    } catch {
                        return error is Failed
                    }
                }
            }
            return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(failures == 5 && cache.page("/b", version: 0) == nil)
    }

    @Test func theOldestPageMakesRoom() async throws {
        let cache = PageCache(capacity: 2)
        #expect(try await cache.version(of: try APITests.store()) == 0)
        for name in ["/1", "/2", "/3"] { cache.keep(ByteBuffer(string: name), at: name, version: 0) }
        #expect(cache.page("/1", version: 0) == nil)
        #expect(cache.page("/2", version: 0) != nil && cache.page("/3", version: 0) != nil)
        cache.clear()
        #expect(cache.page("/3", version: 0) == nil)
    }
}
