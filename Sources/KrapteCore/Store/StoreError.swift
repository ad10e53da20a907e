/// A store could not do what was asked: the database could not be opened, a dataset or member does not exist,
/// or stored data is damaged. The message says what to do; `underlying` keeps the cause for the log.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable {
        /// The database could not be opened or reached.
        case unavailable
        /// No such dataset, measure, dimension or member.
        case notFound
        /// The request itself is not valid.
        case invalid
        /// Stored data cannot be read.
        case corrupt
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence a user can act on.
    public var message: Message
    /// The cause, for the log; never shown to a web client.
    public var underlying: (any Error)?

    /// Makes an error.
    public init(_ code: Code, _ message: Message, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The message in `language`.
    public func description(in language: Language) -> String { message.text(in: language) }

    /// The message in Dutch.
    public var description: String { message.text(in: .nl) }
}
