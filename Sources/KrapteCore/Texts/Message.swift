import Foundation

/// A sentence for a reader, kept as a catalogue key and its arguments so that it can be written in either language:
/// `Message("CBSCSVReader.rowFieldsHeader", 5, 4)` is "de rij heeft 5 velden en de kop 4" in Dutch and "the row has 5 fields and
/// the header 4" in English. Its `description` is the Dutch text.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    /// A value put in a placeholder: a text as it is (a code, a file name, a number) or another message.
    public enum Argument: Sendable, Hashable {
        /// A text written as it is in every language.
        case text(String)
        /// A number, written with a decimal comma in Dutch and a decimal point in English.
        case number(Double)
        /// A message written in the language of the one it is in.
        case message(Message)
        /// A period, written as a reader reads it in that language: `2024 4e kwartaal`; `2024 4th quarter`.
        case period(Period)
    }

    /// The key in the catalogues.
    public var key: String
    /// The values of the placeholders `{0}`, `{1}`, ...
    public var arguments: [Argument]

    /// A message with its arguments: texts, numbers or other messages.
    public init(_ key: String, _ arguments: any MessageArgument...) {
        self.key = key
        self.arguments = arguments.map(\.messageArgument)
    }

    /// The text in `language`: the catalogue's text with the placeholders filled in. A key the catalogue lacks is
    /// written with its arguments, so that nothing said is lost.
    public func text(in language: Language) -> String {
        let filled = arguments.map { argument -> String in
            switch argument {
            case .text(let text): text
            case .number(let number): language == .nl ? "\(number)".replacingOccurrences(of: ".", with: ",") : "\(number)"
            case .message(let message): message.text(in: language)
            case .period(let period): period.label(in: language)
            }
        }
        guard let template = Catalogue.shipped(language).text(key) else {
            return ([key] + filled).joined(separator: " ")
        }
        return Self.fill(template, with: filled)
    }

    /// The Dutch text.
    public var description: String { text(in: .nl) }

    /// `items` as a list of alternatives: "A, B of C"; "A, B or C".
    public static func either(_ items: [String]) -> Message { list(items, "Message.or") }

    /// `items` as a list of all of them: "A, B en C"; "A, B and C".
    public static func all(_ items: [String]) -> Message { list(items, "Message.and") }

    /// `items` as a list of all of them, each written in the language of the list.
    public static func all(_ items: [Message]) -> Message {
        guard let last = items.last else { return Message("Krapte.as", "") }
        guard let first = items.first, items.count > 1 else { return last }
        let rest = items.dropFirst().dropLast().reduce(first) { Message("Message.comma", $0, $1) }
        return Message("Message.and", rest, last)
    }

    private static func list(_ items: [String], _ key: String) -> Message {
        guard items.count > 1, let last = items.last else { return Message("Krapte.as", items.first ?? "") }
        return Message(key, items.dropLast().joined(separator: ", "), last)
    }

    /// `template` with `{n}` replaced by `values[n]`; a placeholder without a value stays as it is.
    static func fill(_ template: String, with values: [String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let n = Int(rest[afterOpen..<close]), values.indices.contains(n) {
                result += values[n]
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}

/// A value that can fill a placeholder of a `Message`.
public protocol MessageArgument: Sendable {
    /// The value as an argument.
    var messageArgument: Message.Argument { get }
}

extension String: MessageArgument {
    public var messageArgument: Message.Argument { .text(self) }
}

extension Substring: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Int: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Int64: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Int32: MessageArgument {
    public var messageArgument: Message.Argument { .text(String(self)) }
}

extension Double: MessageArgument {
    public var messageArgument: Message.Argument { .number(self) }
}

extension Period: MessageArgument {
    public var messageArgument: Message.Argument { .period(self) }
}

extension Message: MessageArgument {
    public var messageArgument: Message.Argument { .message(self) }
}
