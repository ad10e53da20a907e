/// An error in a file that says where (file, row, column) and how to fix it, and reads as one line:
/// `file, row 12, column Perioden: message. Fix: fix.` `IngestError` and `SurveyError` are such errors.
public protocol LocatedError: Error, CustomStringConvertible {
    /// The file.
    var file: String { get }
    /// The row, when the problem is in one row.
    var row: Int? { get }
    /// The column, when the problem is in one column.
    var column: String? { get }
    /// What is wrong.
    var message: String { get }
    /// How to fix it.
    var fix: String { get }
}

extension LocatedError {
    /// `file, row 12, column Perioden: message. Fix: fix.`
    public var description: String {
        var place = file
        if let row { place += ", row \(row)" }
        if let column { place += ", column \(column)" }
        return "\(place): \(message). Fix: \(fix)."
    }
}
