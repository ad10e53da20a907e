/// A coding key for any name, to list the keys an object has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(index: intValue) }
    /// The key of a position in an array.
    init(index: Int) {
        self.stringValue = String(index)
        self.intValue = index
    }
}

extension Decoder {
    /// Throws when the object being decoded has a key not in `allowed`, so that a misspelt key (`wher`,
    /// `thousand`) is reported instead of silently ignored.
    /// - Throws: `DecodingProblem` at the unknown key, listing the keys there are.
    public func rejectUnknownKeys(_ allowed: [String]) throws {
        let keys = try container(keyedBy: AnyCodingKey.self).allKeys
        if let unknown = keys.first(where: { !allowed.contains($0.stringValue) }) {
            throw DecodingProblem(codingPath + [unknown], Message("Decoder.unknownKey", unknown.stringValue.excerpt, allowed.joined(separator: ", ")))
        }
    }
}

extension KeyedDecodingContainer {
    /// A whole number in `range`, or nil when the key is absent.
    ///
    /// Read as a number first, so that `2.5` or `1e300` gets a message at its key; Foundation's decoder reports an
    /// integer that does not fit as JSON that is not valid, without a place.
    /// - Throws: `DecodingError` at the key when the value is not a number, `DecodingProblem` when it is not whole or
    ///   lies outside `range`.
    public func decodeWholeNumberIfPresent(forKey key: Key, in range: ClosedRange<Int>) throws -> Int? {
        guard let number = try decodeIfPresent(Double.self, forKey: key) else { return nil }
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            let text = number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
            throw DecodingProblem(codingPath + [key], Message("Decoder.wholeNumber", key.stringValue, range.lowerBound, range.upperBound, text))
        }
        return Int(number)
    }
}
