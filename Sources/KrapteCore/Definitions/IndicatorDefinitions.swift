import Foundation

/// A definitions file: the indicators an analyst computes, read and checked. See Guides/IndicatorDefinitions.md.
///
/// Reading checks everything that can be checked without the store (keys, operations, roles, parameters, ids);
/// `IndicatorEngine` checks the rest against the store (datasets, measures, members, units, periods).
public struct IndicatorDefinitions: Sendable {
    /// The file the definitions came from, for messages.
    public var file: String
    /// The indicators, in the file's order.
    public private(set) var indicators: [IndicatorDefinition]
    /// Each indicator by id as `check()` leaves it.
    private var checkedByID: [String: CheckedIndicator] = [:]

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
        } catch let problem as DecodingProblem {
            throw problem.definitionError(file: file)
        }
        checkedByID = try check()
        _ = try dependencyOrder()
    }

    /// Reads and checks a definitions file from disk.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try InputFile.contents(of: url)
        } catch let error as IngestError {
            throw DefinitionError(file: url.path, path: "-", message: error.message, fix: error.fix)
        }
        try self.init(decoding: data, file: url.path)
    }

    /// The definition with this id.
    /// - Throws: `DefinitionError` listing the ids there are.
    public func definition(_ id: String) throws -> IndicatorDefinition {
        guard let d = indicators.first(where: { $0.id == id }) else { throw unknown(id) }
        return d
    }

    private func unknown(_ id: String) -> DefinitionError {
        DefinitionError(
            file: file,
            path: "-",
            message: Message("IndicatorDefinitions.indicator", id.excerpt),
            fix: Message("IndicatorDefinitions.indicator.fix", indicators.map(\.id).joined(separator: ", "))
        )
    }

    /// The indicator with this id as reading the file checked it.
    /// - Throws: `DefinitionError` listing the ids there are.
    func checked(_ id: String) throws -> CheckedIndicator {
        guard let c = checkedByID[id] else { throw unknown(id) }
        return c
    }

    /// The place of an indicator in the file, for messages: `indicators[2] (spanningsindicator)`.
    public func place(of id: String) -> String {
        Self.place(indicators.firstIndex { $0.id == id } ?? 0, id)
    }

    /// `indicators[i] (id)`, with an id longer than an id may be quoted short.
    private static func place(_ i: Int, _ id: String) -> String {
        "indicators[\(i)] (\(id.count <= DatasetRules.maximumIdentifierLength ? id : id.excerpt))"
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
                    message: Message("IndicatorDefinitions.indicatorsReadEachOther", (visiting[start...] + [d.id]).joined(separator: " -> ")),
                    fix: Message("IndicatorDefinitions.indicatorsReadEachOther.fix")
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
        return done.compactMap { id in indicators.first { $0.id == id } }
    }

    /// Checks every indicator and returns each with its operation, parameters and selections typed.
    private func check() throws -> [String: CheckedIndicator] {
        var checked: [String: CheckedIndicator] = [:]
        for (i, d) in indicators.enumerated() {
            let place = Self.place(i, d.id)
            func fail(_ path: String, _ message: Message, _ fix: Message?) -> DefinitionError {
                DefinitionError(file: file, path: path.isEmpty ? place : "\(place) \(path)", message: message, fix: fix)
            }
            // An indicator's id is the id of the dataset its results are stored as.
            if let problem = DatasetRules.identifierProblem(d.id) {
                throw fail("id", Message("IndicatorDefinitions.id", d.id.excerpt, problem), DatasetRules.identifierFix)
            }
            guard checked[d.id] == nil else {
                throw fail("id", Message("IndicatorDefinitions.idUsedTwice", d.id.excerpt), Message("IndicatorDefinitions.idUsedTwice.fix"))
            }
            guard let operation = IndicatorOperation(rawValue: d.operation) else {
                throw fail(
                    "operation",
                    Message("IndicatorDefinitions.unknownOperation", d.operation.excerpt),
                    Message("IndicatorDefinitions.unknownOperation.fix", IndicatorOperation.allCases.map(\.rawValue).joined(separator: ", "))
                )
            }
            let roles = operation.roles
            var inputs: [(role: String, selection: IndicatorDefinition.InputSelection)] = []
            for role in roles {
                guard let selection = d.inputs[role] else {
                    throw fail(
                        "inputs",
                        Message("IndicatorDefinitions.needsInput", d.operation, role.excerpt),
                        Message("IndicatorDefinitions.needsInput.fix", Message.all(roles))
                    )
                }
                inputs.append((role, selection))
            }
            for role in d.inputs.keys.sorted() where !roles.contains(role) {
                throw fail(
                    "inputs.\(role)",
                    Message("IndicatorDefinitions.input", d.operation, role.excerpt),
                    Message("IndicatorDefinitions.input.fix", Message.all(roles))
                )
            }
            let parameters = try operation.resolve(d.parameters) { key, message, fix in fail("parameters.\(key)", message, fix) }
            var selections: [[RoleSelection]]
            if let series = d.series {
                guard !series.isEmpty else {
                    throw fail("series", Message("IndicatorDefinitions.listSeriesEmpty"), Message("IndicatorDefinitions.listSeriesEmpty.fix"))
                }
                var codes: Set<String> = []
                selections = []
                for (k, s) in series.enumerated() {
                    guard !s.code.isEmpty, codes.insert(s.code).inserted else {
                        throw fail(
                            "series[\(k)].code",
                            Message("IndicatorDefinitions.emptyUsedTwice", s.code.excerpt),
                            Message("IndicatorDefinitions.emptyUsedTwice.fix")
                        )
                    }
                    for role in s.inputs.keys.sorted() where !roles.contains(role) {
                        throw fail(
                            "series[\(k)].inputs.\(role)",
                            Message("IndicatorDefinitions.input", d.operation, role.excerpt),
                            Message("IndicatorDefinitions.input.fix", Message.all(roles))
                        )
                    }
                    selections.append(
                        try inputs.map { role, selection in
                            try RoleSelection(
                                selection.overlaid(with: s.inputs[role]),
                                role: role,
                                path: "series[\(k)] (\(s.code)) inputs.\(role)",
                                fail: fail
                            )
                        }
                    )
                }
            } else {
                selections = [try inputs.map { role, selection in try RoleSelection(selection, role: role, path: "inputs.\(role)", fail: fail) }]
            }
            checked[d.id] = CheckedIndicator(definition: d, operation: operation, parameters: parameters, selections: selections)
        }
        return checked
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
                message: Message("IndicatorDefinitions.missing", key.stringValue.excerpt),
                fix: Message("IndicatorDefinitions.missing.fix", key.stringValue)
            )
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return DefinitionError(
                file: file,
                path: path(context.codingPath),
                message: Message("IndicatorDefinitions.expectedHere", Self.name(of: type)),
                fix: nil
            )
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = context.underlyingError.map { " (\(($0 as NSError).userInfo[NSDebugDescriptionErrorKey] ?? $0))" } ?? ""
                return DefinitionError(
                    file: file,
                    path: "-",
                    message: Message("IndicatorDefinitions.fileValidJson", detail),
                    fix: Message("IndicatorDefinitions.fileValidJson.fix")
                )
            }
            return DefinitionError(
                file: file,
                path: path(context.codingPath),
                message: Message("IndicatorDefinitions.decoding", context.debugDescription),
                fix: nil
            )
        @unknown default:
            return DefinitionError(file: file, path: "-", message: Message("IndicatorDefinitions.decoding", String(describing: error)), fix: nil)
        }
    }

    private static func name(of type: Any.Type) -> Message {
        switch type {
        case is String.Type: Message("IndicatorDefinitions.type.text")
        case is Int.Type, is Double.Type: Message("IndicatorDefinitions.type.number")
        case is [String].Type: Message("IndicatorDefinitions.type.texts")
        default: type == [String: [String]].self ? Message("IndicatorDefinitions.type.lists") : Message("Krapte.as", "\(type)")
        }
    }
}
