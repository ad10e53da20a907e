import Foundation

/// A targets file: the policy targets a monitor follows, each with the series it is measured by, and the targets it
/// cannot measure (no data), read and checked. See Guides/Targets.md.
///
/// Reading checks what can be checked without the store (keys, periods, paths, ids); `TargetEngine` checks the
/// selections against the store, with errors that name the file and the place in it.
public struct TargetsFile: Sendable {
    /// The file the targets came from, for messages.
    public var file: String
    /// The targets with data, in the file's order.
    public var targets: [Target]
    /// The targets without data in the store: listed in the monitor as "geen gegevens".
    public var withoutData: [Unmeasured]

    /// A target the monitor names but cannot measure.
    public struct Unmeasured: Sendable, Hashable, Decodable {
        public var title: String
        public var origin: String
        /// Why there are no data, and what would measure it.
        public var explanation: String

        enum CodingKeys: String, CodingKey, CaseIterable {
            case title, origin, explanation
        }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            title = try c.decode(String.self, forKey: .title)
            origin = try c.decode(String.self, forKey: .origin)
            explanation = try c.decode(String.self, forKey: .explanation)
        }
    }

    private struct File: Decodable {
        var targets: [Target]
        var withoutData: [Unmeasured]

        enum CodingKeys: String, CodingKey, CaseIterable {
            case description, targets, withoutData
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: CodingKeys.self)
            targets = try c.decode([Target].self, forKey: .targets)
            withoutData = try c.decodeIfPresent([Unmeasured].self, forKey: .withoutData) ?? []
        }
    }

    /// Reads and checks a targets file.
    /// - Throws: `DefinitionError` naming the file, the place in it, what is wrong and how to fix it.
    public init(decoding data: Data, file: String) throws {
        self.file = file
        do {
            let read = try JSONDecoder().decode(File.self, from: data)
            targets = read.targets
            withoutData = read.withoutData
        } catch let error as DecodingError {
            throw IndicatorDefinitions.error(error, file: file)
        } catch let problem as DecodingProblem {
            throw problem.definitionError(file: file)
        }
        var seen: Set<String> = []
        for (k, target) in targets.enumerated() {
            guard !target.id.isEmpty, target.id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }), target.id.allSatisfy(\.isASCII) else {
                throw DefinitionError(
                    file: file,
                    path: "targets[\(k)].id",
                    message: Message("Target.id", target.id.excerpt),
                    fix: Message("Target.id.fix")
                )
            }
            guard seen.insert(target.id).inserted else {
                throw DefinitionError(file: file, path: "targets[\(k)].id", message: Message("Target.duplicate", target.id.excerpt), fix: nil)
            }
        }
    }

    /// Reads and checks a targets file from disk.
    public init(contentsOf url: URL) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DefinitionError(file: url.path, path: "-", message: Message("Target.unreadable"), fix: Message("Target.unreadable.fix"))
        }
        try self.init(decoding: data, file: url.path)
    }

    /// The place of a target in the file, for messages: `targets[2] (ict-specialisten)`.
    public func place(of index: Int) -> String {
        "targets[\(index)] (\(targets.indices.contains(index) ? targets[index].id : "?"))"
    }
}
