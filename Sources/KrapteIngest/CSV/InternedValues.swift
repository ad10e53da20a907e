/// Values looked up by the bytes of the field they were made from: a field seen before costs one hash lookup and no
/// allocation, and a new one is made once, by the caller. Used for the repeated texts of large files (periods,
/// regions, occupations, statuses).
struct InternedValues<Value> {
    private var interner = ByteInterner()
    private var values: [Value] = []

    /// The value made from `bytes`: the one made before for the same bytes, or else the one `make` returns, which
    /// is then kept. When `make` throws nothing is kept.
    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, make: () throws -> Value) rethrows -> Value {
        if let id = interner.find(bytes) { return values[id] }
        let value = try make()
        _ = interner.insert(bytes)
        values.append(value)
        return value
    }
}
