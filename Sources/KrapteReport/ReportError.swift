import KrapteCore

/// A mistake in a report source or a directive that cannot be filled in from the store: the file, the line, the
/// directive, what is wrong and what to change. Reads as one line: `ict.md, regel 12 ({{waarde}}): ... Oplossing: ...`.
public struct ReportError: Error, Sendable, CustomStringConvertible {
    /// The report file.
    public var file: String
    /// The 1-based line, when the mistake is on one line.
    public var line: Int?
    /// The directive's name, when the mistake is in one.
    public var directive: String?
    /// What is wrong.
    public var message: Message
    /// What to change.
    public var fix: Message

    /// Makes an error.
    public init(file: String, line: Int? = nil, directive: String? = nil, _ message: Message, fix: Message) {
        self.file = file
        self.line = line
        self.directive = directive
        self.message = message
        self.fix = fix
    }

    /// The error in `language`.
    public func description(in language: Language) -> String {
        let place =
            switch (line, directive) {
            case (let line?, let directive?): Message("ReportError.placeLineDirective", file, line, directive)
            case (let line?, nil): Message("ReportError.placeLine", file, line)
            case (nil, _): Message("LocatedError.place", file)
            }
        // A message that ends a sentence of its own (a store's) loses its full stop before ". Oplossing".
        var what = message.text(in: language)
        while what.hasSuffix(".") { what.removeLast() }
        return Message("LocatedError.sentence", place, what, fix).text(in: language)
    }

    /// The error in Dutch.
    public var description: String { description(in: .nl) }
}
