import KrapteCore

extension Message {
    /// The English text: tests check what a message says in one fixed language.
    public var english: String { text(in: .en) }
}
