/// The place of a field in a JSON file as errors name it: `measures[0].decimals`.
public enum CodingPath {
    /// The keys of a decoding error's coding path as one field path, array positions in brackets; empty for the
    /// top of the file.
    public static func text(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let i = key.intValue {
                text += "[\(i)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }
}
