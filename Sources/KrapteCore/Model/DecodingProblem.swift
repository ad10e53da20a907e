/// A value in a JSON file that decodes but breaks one of Krapte's rules (an unknown key, a number out of range):
/// where it is, as a path (`indicators[0].parameters.periods`), and what is wrong, in either language.
public struct DecodingProblem: Error, Sendable {
    /// Where in the file, as `CodingPath.text` writes it.
    public var path: String
    /// What is wrong.
    public var message: Message

    init(_ codingPath: [any CodingKey], _ message: Message) {
        self.path = CodingPath.text(codingPath)
        self.message = message
    }

    /// The problem as an error in a definitions, key-figure or design file.
    public func definitionError(file: String) -> DefinitionError {
        DefinitionError(file: file, path: path.isEmpty ? "-" : path, message: message, fix: nil)
    }
}
