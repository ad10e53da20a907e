/// A directive in a report source: `{{waarde dataset=80472ned onderwerp=OpenstaandeVacatures_1 periode=2024KW04}}`.
/// Its name says what it fills in, its arguments what to read; alone on a line it is a block (a table, a chart),
/// inside a sentence it is inline (a value, a generated sentence).
public struct Directive: Sendable {
    /// The name: `waarde`, `zin`, `tabel`, `grafiek`.
    public var name: String
    /// The arguments in the order written, parameters (`$regio`) filled in.
    public var arguments: [(key: String, value: String)]
    /// The 1-based line in the report file.
    public var line: Int
    /// Whether the directive fills in a block (a table, a chart, a card) and stands alone on its line.
    public var isBlock: Bool

    /// Makes a directive.
    public init(name: String, arguments: [(key: String, value: String)], line: Int, isBlock: Bool) {
        self.name = name
        self.arguments = arguments
        self.line = line
        self.isBlock = isBlock
    }

    /// The value of argument `key`, if given.
    public subscript(key: String) -> String? { arguments.last { $0.key == key }?.value }
}
