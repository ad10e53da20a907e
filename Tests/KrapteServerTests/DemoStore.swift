import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting

/// A store with the demo set over a small cube (16 occupations, 4 regions, 2019KW01-2024KW04) and every shipped
/// indicator computed in dependency order, all at one fixed moment, so that pages render the same every time.
enum DemoStore {
    /// When everything was loaded: 1 January 2026, 00:00 UTC.
    static let loadedAt = Date(timeIntervalSince1970: 1_767_225_600)

    static func make() async throws -> any Store {
        let store = try SQLiteStore(path: try TestData.temporaryFolder().appendingPathComponent("demo.sqlite").path)
        for release in try DemoData.releases(cube: .sized(occupations: 16, regions: 4, quarters: 24)) {
            _ = try await store.load(release, loadedAt: loadedAt)
        }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        var present = Set(try await store.datasets().map(\.id))
        for d in try IndicatorDefinitions.shipped.dependencyOrder() where d.inputDatasets.isSubset(of: present) {
            _ = try await engine.computeAndStore(d.id, loadedAt: loadedAt)
            present.insert(d.id)
        }
        return store
    }
}
