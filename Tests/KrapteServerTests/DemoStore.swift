import Foundation
import KrapteCore
import KrapteIngest
import KrapteSQLite
import KrapteTesting

/// A store with the demo set over a small cube (16 occupations, 4 regions, 2019KW01-2024KW04) and every shipped
/// indicator computed in dependency order, all at one fixed moment, so that pages render the same every time. It is
/// built once per test run and copied for each test, which gets a store of its own to change.
enum DemoStore {
    /// When everything was loaded: 1 January 2026, 00:00 UTC.
    static let loadedAt = Date(timeIntervalSince1970: 1_767_225_600)

    /// The database file of the demo store, built once; nothing writes to it after.
    private static let built = Task<String, any Error> {
        let path = try TestData.temporaryFolder().appendingPathComponent("demo.sqlite").path
        let store = try SQLiteStore(path: path)
        for release in try DemoData.releases(cube: .sized(occupations: 16, regions: 4, quarters: 24)) {
            _ = try await store.load(release, loadedAt: loadedAt)
        }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        var present = Set(try await store.datasets().map(\.id))
        for d in try IndicatorDefinitions.shipped.dependencyOrder() where d.inputDatasets.isSubset(of: present) {
            _ = try await engine.computeAndStore(d.id, loadedAt: loadedAt)
            present.insert(d.id)
        }
        return path
    }

    /// A copy of the demo store: the database file and its write-ahead log, which together hold every committed load.
    static func make() async throws -> any Store {
        let built = try await Self.built.value
        let path = try TestData.temporaryFolder().appendingPathComponent("demo.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: built + suffix) {
            try FileManager.default.copyItem(atPath: built + suffix, toPath: path + suffix)
        }
        return try SQLiteStore(path: path)
    }

    /// `store` with the real tables the shipped targets read (Eurostat's ICT specialists, 85276NED, 80472ned), so that
    /// `/monitor` and `/api/v1/targets` show figures.
    static func addTargetTables(to store: any Store) async throws {
        let mapping = TestData.root.appendingPathComponent("Examples/eurostat-ict-specialisten/mapping.json")
        let panel = TestData.real("eurostat-ict-specialisten/panel_annual_presentation.csv")
        let release = try TidyCSVReader(mapping: try TidyMapping.load(mapping)).read(panel, mappingFile: mapping.path)
        _ = try await store.load(try release.finish(file: panel.path), loadedAt: loadedAt)
        for table in ["cbs-arbeidsmarkt/85276NED.csv", "cbs-vacatures/80472ned.csv"] {
            _ = try await store.load(try await TestData.readRealTable(table), loadedAt: loadedAt)
        }
    }
}
