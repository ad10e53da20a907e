/// A survey that cannot be estimated as given: what is wrong, where (file, row, column when known) and how to fix it.
public struct SurveyError: LocatedError, Sendable, Hashable {
    /// The file, or `-` when the problem is not in a file.
    public var file: String
    /// The row (1 is the header), when known.
    public var row: Int?
    /// The column, when known.
    public var column: String?
    /// What is wrong.
    public var message: Message
    /// How to fix it.
    public var fix: Message

    /// Makes an error.
    public init(file: String = "-", row: Int? = nil, column: String? = nil, message: Message, fix: Message) {
        self.file = file
        self.row = row
        self.column = column
        self.message = message
        self.fix = fix
    }
}
