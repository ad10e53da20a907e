import Foundation

/// A definitions file: the indicators an analyst computes, read and checked. See Guides/IndicatorDefinitions.md.
///
/// Reading checks everything that can be checked without the store (keys, operations, roles, parameters, ids);
/// `IndicatorEngine` checks the rest against the store (datasets, measures, members, units, periods).
public struct IndicatorDefinitions: Sendable {
    /// The file the definitions came from, for messages.
    public var file: String
    /// The indicators, in the file's order.
    public var indicators: [IndicatorDefinition]

    private struct File: Decodable {
        var indicators: [IndicatorDefinition]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case description, indicators
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            indicators = try decoder.container(keyedBy: CodingKeys.self).decode([IndicatorDefinition].self, forKey: .indicators)
        }
    }

    /// Reads and checks a definitions file.
    /// - Throws: `DefinitionError` naming the file, the place in it, what is wrong and how to fix it.
    public init(decoding data: Data, file: String) throws {
        self.file = file
        do {
            indicators = try JSONDecoder().decode(File.self, from: data).indicators
        } catch let error as DecodingError {
            throw Self.error(error, file: file)
        }
        try check()
    }

    /// Reads and checks a definitions file from disk.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DefinitionError(file: url.path, path: "-", message: "the file cannot be read", fix: "check the path")
        }
        try self.init(decoding: data, file: url.path)
    }

    /// The definition with this id.
    /// - Throws: `DefinitionError` listing the ids there are.
    public func definition(_ id: String) throws -> IndicatorDefinition {
        guard let d = indicators.first(where: { $0.id == id }) else {
            throw DefinitionError(
                file: file,
                path: "-",
                message: "no indicator \(id.excerpt)",
                fix: "the indicators are \(indicators.map(\.id).joined(separator: ", "))"
            )
        }
        return d
    }

    /// The place of an indicator in the file, for messages: `indicators[2] (spanningsindicator)`.
    public func place(of id: String) -> String {
        let i = indicators.firstIndex { $0.id == id } ?? 0
        return "indicators[\(i)] (\(id))"
    }

    /// The indicators in an order in which every one comes after the indicators it reads.
    /// - Throws: `DefinitionError` when indicators read each other in a circle.
    public func dependencyOrder() throws -> [IndicatorDefinition] {
        let ids = Set(indicators.map(\.id))
        var done: [String] = []
        var visiting: [String] = []
        func visit(_ d: IndicatorDefinition) throws {
            if done.contains(d.id) { return }
            if let start = visiting.firstIndex(of: d.id) {
                throw DefinitionError(
                    file: file,
                    path: place(of: d.id),
                    message: "the indicators read each other in a circle: \((visiting[start...] + [d.id]).joined(separator: " -> "))",
                    fix: "make one of them read a dataset instead"
                )
            }
            visiting.append(d.id)
            for input in d.inputDatasets.sorted() where ids.contains(input) {
                try visit(try definition(input))
            }
            visiting.removeLast()
            done.append(d.id)
        }
        for d in indicators { try visit(d) }
        return done.map { id in indicators.first { $0.id == id }! }
    }

    private func check() throws {
        var seen: Set<String> = []
        for (i, d) in indicators.enumerated() {
            let place = "indicators[\(i)] (\(d.id))"
            func fail(_ path: String, _ message: String, _ fix: String) -> DefinitionError {
                DefinitionError(file: file, path: path.isEmpty ? place : "\(place) \(path)", message: message, fix: fix)
            }
            // An indicator's id is the id of the dataset its results are stored as.
            if let problem = DatasetRules.identifierProblem(d.id) {
                throw fail("id", "\(d.id.excerpt) is not an id: \(problem)", DatasetRules.identifierFix)
            }
            guard seen.insert(d.id).inserted else { throw fail("id", "the id \(d.id.excerpt) is used twice", "give each indicator its own id") }
            guard let operation = IndicatorOperation(rawValue: d.operation) else {
                throw fail(
                    "operation",
                    "unknown operation \(d.operation.excerpt)",
                    "use one of \(IndicatorOperation.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let roles = operation.roles
            for role in roles where d.inputs[role] == nil {
                throw fail("inputs", "\(d.operation) needs an input \(role.excerpt)", "give inputs \(roles.joined(separator: " and "))")
            }
            for role in d.inputs.keys.sorted() where !roles.contains(role) {
                throw fail("inputs.\(role)", "\(d.operation) has no input \(role.excerpt)", "its inputs are \(roles.joined(separator: " and "))")
            }
            _ = try operation.resolve(d.parameters) { key, message, fix in fail("parameters.\(key)", message, fix) }
            guard (0...10).contains(d.decimals) else { throw fail("decimals", "decimals must be 0 to 10, not \(d.decimals)", "") }
            var selections: [(String, IndicatorDefinition.InputSelection)] = roles.map { ("inputs.\($0)", d.inputs[$0]!) }
            if let series = d.series {
                guard !series.isEmpty else { throw fail("series", "the list of series is empty", "leave it out, or name the series") }
                var codes: Set<String> = []
                selections = []
                for (k, s) in series.enumerated() {
                    guard !s.code.isEmpty, codes.insert(s.code).inserted else {
                        throw fail("series[\(k)].code", "\(s.code.excerpt) is empty or used twice", "give each series its own code")
                    }
                    for role in s.inputs.keys.sorted() where !roles.contains(role) {
                        throw fail(
                            "series[\(k)].inputs.\(role)",
                            "\(d.operation) has no input \(role.excerpt)",
                            "its inputs are \(roles.joined(separator: " and "))"
                        )
                    }
                    for role in roles {
                        selections.append(("series[\(k)] (\(s.code)) inputs.\(role)", d.inputs[role]!.overlaid(with: s.inputs[role])))
                    }
                }
            }
            for (path, s) in selections {
                guard s.dataset?.isEmpty == false else { throw fail(path, "no dataset", "add \"dataset\": the id of a table in the store") }
                guard s.measure?.isEmpty == false else { throw fail(path, "no measure", "add \"measure\": a measure's code or title") }
                for (key, value) in [("frequency", s.frequency), ("aggregate", s.aggregate)] {
                    if let value, Period.Frequency(name: value) == nil {
                        throw fail("\(path).\(key)", "\(value.excerpt) is not a frequency", "use year, quarter or month")
                    }
                }
            }
        }
        _ = try dependencyOrder()
    }

    /// A decoding error as a message that names the place in the file.
    static func error(_ error: DecodingError, file: String) -> DefinitionError {
        func path(_ keys: [any CodingKey]) -> String {
            let text = CodingPath.text(keys)
            return text.isEmpty ? "-" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return DefinitionError(
                file: file,
                path: path(context.codingPath),
                message: "missing \(key.stringValue.excerpt)",
                fix: "add \"\(key.stringValue)\" (see Guides/IndicatorDefinitions.md)"
            )
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return DefinitionError(file: file, path: path(context.codingPath), message: "expected \(Self.name(of: type)) here", fix: "")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { " (\(($0 as NSError).userInfo[NSDebugDescriptionErrorKey] ?? $0))" } ?? ""
                return DefinitionError(
                    file: file,
                    path: "-",
                    message: "the file is not valid JSON\(detail)",
                    fix: "check commas, quotes and brackets"
                )
            }
            return DefinitionError(file: file, path: path(context.codingPath), message: context.debugDescription, fix: "")
        @unknown default:
            return DefinitionError(file: file, path: "-", message: "\(error)", fix: "")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a text"
        case is Int.Type, is Double.Type: "a number"
        case is [String].Type: "a list of texts"
        default: type == [String: [String]].self ? "an object of lists of texts" : "\(type)"
        }
    }
}
