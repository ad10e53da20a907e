import Foundation
import KrapteCore
import KrapteIngest

/// What one fuzz run exercises. Each target takes any bytes; a thrown error is a good outcome (the input was
/// refused), a trap or a sanitizer report is a finding. Checks between two ways of reading the same input
/// stop the process on purpose when they disagree.
enum FuzzTarget: String, CaseIterable {
    case csv, number, period
    case cbsCSV = "cbs-csv"
    case tidy
    case odataV4 = "odata-v4"
    case odataV3 = "odata-v3"
    case mapping, design, survey, definitions, query, pages

    /// The target named by `KRAPTE_FUZZ_TARGET`; the process stops with the list of names when it names none.
    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["KRAPTE_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("set KRAPTE_FUZZ_TARGET to one of \(names)\n".utf8))
            exit(2)
        }
        return target
    }()

    /// Runs the target on one input; an error thrown is the input refused.
    func run(_ data: Data) {
        do {
            switch self {
            case .csv: CSVFuzz.run(data)
            case .number: NumberFuzz.run(data)
            case .period: PeriodFuzz.run(data)
            case .cbsCSV: try Self.cbsCSV(FuzzFiles(data, single: "table.csv"))
            case .tidy: try Self.tidy(FuzzFiles(data, single: "data.csv"))
            case .odataV4: try Self.odata(FuzzFiles(data, single: "TableInfos.json"), version: 4)
            case .odataV3: try Self.odata(FuzzFiles(data, single: "TableInfos.json"), version: 3)
            case .mapping: _ = try TidyMapping.load(try FuzzFiles(data, single: "mapping.json").write().appendingPathComponent("mapping.json"))
            case .design: _ = try SurveySpecification(decoding: data, file: "design.json")
            case .survey: try Self.survey(FuzzFiles(data, single: "responses.csv"))
            case .definitions: try DemoStore.shared.compute(data)
            case .query: try DemoStore.shared.query(data)
            case .pages: try DemoStore.shared.page(data)
            }
        } catch {}
    }

    /// A CBS CSV, with `metadata.csv` beside it when the input holds one.
    static func cbsCSV(_ files: FuzzFiles) throws {
        let dir = try files.write()
        let metadata = files.names.contains("metadata.csv") ? dir.appendingPathComponent("metadata.csv") : nil
        _ = try CBSCSVReader().read(dir.appendingPathComponent("table.csv"), metadata: metadata).finish(file: "table.csv")
    }

    /// A tidy CSV with its `mapping.json`.
    static func tidy(_ files: FuzzFiles) throws {
        let dir = try files.write()
        let mapping = try TidyMapping.load(dir.appendingPathComponent("mapping.json"))
        _ = try TidyCSVReader(mapping: mapping).read(dir.appendingPathComponent("data.csv")).finish(file: "data.csv")
    }

    /// A folder of saved OData responses.
    static func odata(_ files: FuzzFiles, version: Int) throws {
        let dir = try files.write()
        _ = try blocking {
            let release = version == 3 ? try await ODataV3Reader().read(.folder(dir)) : try await ODataV4Reader().read(.folder(dir))
            return try release.finish(file: dir.path)
        }
    }

    /// A survey's design, respondents and population, estimated.
    static func survey(_ files: FuzzFiles) throws {
        let dir = try files.write()
        let design = try SurveySpecification(decoding: files.contents("design.json"), file: "design.json")
        let microdata = try SurveyFileReader(design).read(
            responses: dir.appendingPathComponent("responses.csv"),
            population: dir.appendingPathComponent("population.csv")
        )
        _ = try SurveyEstimator(design).estimate(microdata)
    }
}

/// Runs async work to its end from libFuzzer's synchronous callback.
func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw CancellationError() }
    return try result.get()
}

/// The outcome of `blocking`'s task, written before its semaphore is signalled and read after.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
