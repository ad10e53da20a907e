import Foundation
import HummingbirdCore
import KrapteCore
import KrapteIngest
import KrapteRender
import KrapteSQLite

@testable import KrapteServer

/// The demo set in an in-memory store, loaded once per process, for the targets that read a store: definitions
/// computed, API queries and pages built and rendered. Nothing a target does is written to it. The occupation x
/// region x quarter cube is a small one (6 x 4 x 12), so that a query or a page takes milliseconds.
final class DemoStore: Sendable {
    let store: SQLiteStore

    /// The demo set with the shipped indicators computed, as `krapte demo` leaves it.
    static let shared: DemoStore = {
        do {
            return try blocking { try await DemoStore() }
        } catch {
            fatalError("the demo set does not load: \(error)")
        }
    }()

    private init() async throws {
        store = try SQLiteStore()
        for release in try DemoData.releases(cube: .sized(occupations: 6, regions: 4, quarters: 12)) {
            _ = try await store.load(release, loadedAt: Date(timeIntervalSince1970: 0))
        }
        let engine = IndicatorEngine(store: store, definitions: .shipped)
        // As `krapte demo` does: the indicators whose inputs the demo set lacks are left out.
        for definition in try IndicatorDefinitions.shipped.dependencyOrder() {
            guard let computed = try? await engine.compute(definition.id) else { continue }
            _ = try await store.load(computed.release, loadedAt: Date(timeIntervalSince1970: 0))
        }
    }

    /// Reads a definitions file and computes each of its indicators, in order, without storing them.
    func compute(_ data: Data) throws {
        let definitions = try IndicatorDefinitions(decoding: data, file: "definitions.json")
        let engine = IndicatorEngine(store: store, definitions: definitions)
        _ = try blocking {
            for definition in try definitions.dependencyOrder() {
                _ = try? await engine.compute(definition.id)
            }
        }
    }

    /// Reads `ID?PARAMETERS` as the observations route does, runs the query and writes the JSON and CSV.
    func query(_ data: Data) throws {
        let text = String(decoding: data, as: UTF8.self)
        let id = String(text.prefix { $0 != "?" })
        let uri = URI(String(text.dropFirst(id.count)))
        let query = try APIRoutes.query(dataset: id, uri.queryParameters)
        let store = store
        _ = try blocking {
            let result = try await store.query(query)
            let document = QueryResultDocument(result, paging: .init(offset: result.offset, count: result.rows.count, total: result.total, next: nil))
            return document.json.count + document.csv.count
        }
    }

    /// Builds and renders a page: the first byte chooses it, the rest is `ID?PARAMETERS` (or `?PARAMETERS`).
    func page(_ data: Data) throws {
        guard let choice = data.first else { return }
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        let id = String(text.prefix { $0 != "?" })
        let parameters = URI(String(text.dropFirst(id.count))).queryParameters
        let store = store
        let html = try blocking { () -> String in
            let renderer = PageRenderer.shipped
            switch choice % 6 {
            case 0: return renderer.render(try await ExplorerView(store: store).page(id, parameters))
            case 1: return renderer.render(try await SurveyView(store: store).page(id, parameters))
            case 2: return renderer.render(try await KeyFiguresView(store: store, sheet: .shipped).page(parameters))
            case 3: return renderer.render(try await TensionView(store: store).page(parameters))
            case 4: return renderer.render(try await DatasetView(store: store).page(id))
            default: return renderer.render(try await HomeView(store: store).page())
            }
        }
        _ = html.count
    }
}
