/// A wrong indicator definition, or one that does not fit the store: what is wrong, where in which file, and how to
/// fix it.
public struct DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definitions file (or `ingebouwd` for the shipped definitions).
    public var file: String
    /// Where in the file: `indicators[2] (spanningsindicator) inputs.ww.measure`.
    public var path: String
    /// What is wrong.
    public var message: Message
    /// How to fix it.
    public var fix: Message?

    /// Makes an error.
    public init(file: String, path: String, message: Message, fix: Message?) {
        self.file = file
        self.path = path
        self.message = message
        self.fix = fix
    }

    /// The whole error as one message: `file: path: message; fix`.
    public var said: Message {
        fix.map { Message("DefinitionError.sentenceFix", file, path, message, $0) } ?? Message("DefinitionError.sentence", file, path, message)
    }

    /// The error in `language`.
    public func description(in language: Language) -> String { said.text(in: language) }

    /// The error in Dutch.
    public var description: String { description(in: .nl) }
}
