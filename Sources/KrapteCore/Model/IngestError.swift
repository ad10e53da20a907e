/// Bad input: what is wrong, where (file, row, column) and how to fix it.
///
/// Readers throw it for a malformed file, a wrong encoding, an unknown code, a duplicate, a missing column or
/// a text in a number column; the load is then abandoned and the store stays as it was.
public struct IngestError: LocatedError, Sendable, Hashable {
    /// What kind of problem it is.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file is empty or holds no observations.
        public static let empty = Code(rawValue: "empty")
        /// The bytes are not in the declared or expected encoding.
        public static let encoding = Code(rawValue: "encoding")
        /// A required column is missing.
        public static let missingColumn = Code(rawValue: "missing-column")
        /// A row has more or fewer fields than the header.
        public static let raggedRow = Code(rawValue: "ragged-row")
        /// A text where a number belongs.
        public static let notANumber = Code(rawValue: "not-a-number")
        /// A period that cannot be read.
        public static let unknownPeriod = Code(rawValue: "unknown-period")
        /// A code or label that is in no code list.
        public static let unknownMember = Code(rawValue: "unknown-member")
        /// Two values for one cell.
        public static let duplicate = Code(rawValue: "duplicate")
        /// The file's structure is not what the format requires.
        public static let malformed = Code(rawValue: "malformed")
        /// A mapping or option that does not fit the file.
        public static let mapping = Code(rawValue: "mapping")
        /// The file or URL could not be read.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The release does not fit the dataset already in the store.
        public static let structure = Code(rawValue: "structure")
        /// A value that breaks a rule of the model: an id, a label, a number of decimals, a number that is not finite
        /// (see `DatasetRules`).
        public static let invalid = Code(rawValue: "invalid")
    }

    /// The file or URL.
    public var file: String
    /// The 1-based row (line or record) number, when the problem is in one row.
    public var row: Int?
    /// The column name, when the problem is in one column.
    public var column: String?
    /// The kind of problem.
    public var code: Code
    /// What is wrong.
    public var message: Message
    /// How to fix it.
    public var fix: Message

    /// Makes an error.
    public init(file: String, row: Int?, column: String?, code: Code, message: Message, fix: Message) {
        self.file = file
        self.row = row
        self.column = column
        self.code = code
        self.message = message
        self.fix = fix
    }
}
