extension String {
    /// The longest part of a value an error message quotes.
    public static let excerptLength = 80

    /// The text quoted for an error message: in single quotes, control characters written as escapes, and cut after
    /// about 80 characters with the length said (`'aaaa…' (10485760 characters)`), so that a message stays one
    /// readable line whatever a file or request holds.
    public var excerpt: String {
        var out = "'"
        var written = 0
        for scalar in unicodeScalars {
            guard written < Self.excerptLength else {
                return out + "…' (\(unicodeScalars.count) characters)"
            }
            if scalar.properties.generalCategory == .control {
                out += scalar.escaped(asASCII: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
            written += 1
        }
        return out + "'"
    }
}
