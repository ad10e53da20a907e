/// A wrong indicator definition, or one that does not fit the store: what is wrong, where in which file, and how to
/// fix it.
public struct DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definitions file (or `ingebouwd` for the shipped definitions).
    public var file: String
    /// Where in the file: `indicators[2] (spanningsindicator) inputs.ww.measure`.
    public var path: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var fix: String

    /// Makes an error.
    public init(file: String, path: String, message: String, fix: String) {
        self.file = file
        self.path = path
        self.message = message
        self.fix = fix
    }

    public var description: String {
        "\(file): \(path): \(message)" + (fix.isEmpty ? "" : "; \(fix)")
    }
}
