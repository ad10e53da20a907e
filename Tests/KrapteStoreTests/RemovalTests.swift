import Foundation
import KrapteCore
import KrapteTesting
import Testing

/// Removing what was loaded, and only that, on SQLite and PostgreSQL alike.
@Suite struct RemovalTests {
    /// Removing one vintage keeps the dataset's other vintages and every other dataset, and the latest figures are
    /// then those of the vintage before; the version changes, so that pages computed before are not shown again.
    @Test(arguments: StoreKind.available)
    func removingAVintageKeepsTheOthers(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let first = try await store.load(try TestStores.release([1, 2]), loadedAt: Date()).vintage
        let second = try await store.load(try TestStores.release([1, 3, 4]), loadedAt: Date()).vintage
        let other = try await store.load(try TestStores.release([7], id: "ander"), loadedAt: Date()).vintage
        let before = try await store.version()
        let removed = try await store.remove("t", vintage: second.id, removedAt: Date())
        #expect(removed.map(\.id) == [second.id])
        #expect(try await store.vintages(of: "t").map(\.id) == [first.id])
        #expect(try await store.query(ObservationQuery(dataset: "t", measure: "m")).rows.map(\.value) == [1, 2])
        #expect(try await store.vintages(of: "ander").map(\.id) == [other.id])
        let after = try await store.version()
        #expect(after > before)
        // A new load after a removal still raises the version.
        _ = try await store.load(try TestStores.release([1, 5]), loadedAt: Date())
        #expect(try await store.version() > after)
    }

    /// Removing a dataset without naming a vintage removes all its vintages and the dataset itself.
    @Test(arguments: StoreKind.available)
    func removingADatasetRemovesEveryVintage(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        _ = try await store.load(try TestStores.release([1, 3]), loadedAt: Date())
        _ = try await store.load(try TestStores.release([7], id: "ander"), loadedAt: Date())
        let removed = try await store.remove("t", vintage: nil, removedAt: Date())
        #expect(removed.count == 2)
        #expect(try await store.datasets().map(\.id) == ["ander"])
        await #expect(throws: StoreError.self) { try await store.vintages(of: "t") }
        // The same release can be loaded again, as a new vintage.
        let again = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        #expect(!again.unchanged)
    }

    /// Removing the only vintage of a dataset removes the dataset.
    @Test(arguments: StoreKind.available)
    func removingTheLastVintageRemovesTheDataset(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let only = try await store.load(try TestStores.release([1, 2]), loadedAt: Date()).vintage
        _ = try await store.remove("t", vintage: only.id, removedAt: Date())
        #expect(try await store.datasets().isEmpty)
    }

    /// An unknown dataset, or a vintage of another dataset, removes nothing.
    @Test(arguments: StoreKind.available)
    func nothingIsRemovedForAnUnknownDatasetOrVintage(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        let other = try await store.load(try TestStores.release([7], id: "ander"), loadedAt: Date()).vintage
        let version = try await store.version()
        await #expect(throws: StoreError.self) { try await store.remove("geen", vintage: nil, removedAt: Date()) }
        await #expect(throws: StoreError.self) { try await store.remove("t", vintage: other.id, removedAt: Date()) }
        await #expect(throws: StoreError.self) { try await store.remove("t", vintage: 999, removedAt: Date()) }
        #expect(try await store.version() == version)
        #expect(try await store.datasets().map(\.vintageCount) == [1, 1])
    }
}
