/// An error in a file that says where (file, row, column) and how to fix it, and reads as one line:
/// `bestand.csv, rij 12, kolom Perioden: message. Oplossing: fix.` `IngestError` and `SurveyError` are such errors.
public protocol LocatedError: Error, CustomStringConvertible {
    /// The file.
    var file: String { get }
    /// The row, when the problem is in one row.
    var row: Int? { get }
    /// The column, when the problem is in one column.
    var column: String? { get }
    /// What is wrong.
    var message: Message { get }
    /// How to fix it.
    var fix: Message { get }
}

extension LocatedError {
    /// The whole error as one message: where, what and how to fix it.
    public var said: Message {
        let place =
            switch (row, column) {
            case (let row?, let column?): Message("LocatedError.placeRowColumn", file, row, column)
            case (let row?, nil): Message("LocatedError.placeRow", file, row)
            case (nil, let column?): Message("LocatedError.placeColumn", file, column)
            case (nil, nil): Message("LocatedError.place", file)
            }
        return Message("LocatedError.sentence", place, message, fix)
    }

    /// The error in `language`: `file, rij 12, kolom Perioden: message. Oplossing: fix.`
    public func description(in language: Language) -> String { said.text(in: language) }

    /// The error in Dutch.
    public var description: String { description(in: .nl) }
}
