import Foundation

/// The observations of one series, in period order: the unit that stores keep and queries read.
public struct SeriesData: Sendable, Hashable {
    /// Period storage keys (`Period.storageKey`), ascending in chronological order.
    public var periods: [Int32]
    /// Values; NaN where there is none.
    public var values: [Double]
    /// Status in the low four bits, value attribute in the high four.
    public var flags: [UInt8]
    /// For a computed series, where the input periods of each observation start in `inputPeriods` (one entry per
    /// observation and one more); empty for source figures, which have no inputs.
    public var inputStarts: [Int32]
    /// The input periods (storage keys) of every observation, one after another.
    public var inputPeriods: [Int32]

    /// An empty series.
    public init() {
        periods = []
        values = []
        flags = []
        inputStarts = []
        inputPeriods = []
    }

    /// How many observations it holds.
    public var count: Int { periods.count }

    /// Adds an observation at the end, with the periods of the inputs it was computed from, if any.
    public mutating func append(period: Int32, value: Double?, status: ObservationStatus, attribute: ValueAttribute, inputs: InputPeriods = []) {
        if inputStarts.isEmpty && !inputs.isEmpty { inputStarts = [Int32](repeating: 0, count: periods.count + 1) }
        periods.append(period)
        values.append(value ?? .nan)
        flags.append(status.rawValue | (attribute.rawValue << 4))
        if !inputStarts.isEmpty {
            inputs.forEachStorageKey { inputPeriods.append($0) }
            inputStarts.append(Int32(inputPeriods.count))
        }
    }

    /// The periods of the inputs observation `i` was computed from; empty for a source figure.
    public func inputs(at i: Int) -> InputPeriods {
        guard !inputStarts.isEmpty else { return [] }
        return InputPeriods(inputPeriods[Int(inputStarts[i])..<Int(inputStarts[i + 1])].compactMap { Period(storageKey: $0) })
    }

    /// The observation at `i`.
    public func observation(at i: Int) -> (period: Period, value: Double?, status: ObservationStatus, attribute: ValueAttribute) {
        let v = values[i]
        return (
            Period(storageKey: periods[i])!, v.isNaN ? nil : v,
            ObservationStatus(rawValue: flags[i] & 0x0F) ?? .definitief,
            ValueAttribute(rawValue: flags[i] >> 4) ?? .present
        )
    }

    /// The bytes stores keep: a 4-byte count, then the periods (Int32), values (Float64) and flags (UInt8), and for
    /// a computed series the input starts and input periods (Int32), all little-endian.
    public func encoded() -> Data {
        let n = periods.count
        let m = inputPeriods.count
        let size = 4 + n * 13 + (inputStarts.isEmpty ? 0 : (n + 1 + m) * 4)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: UInt32(n).littleEndian, toByteOffset: 0, as: UInt32.self)
            for i in 0..<n {
                raw.storeBytes(of: periods[i].littleEndian, toByteOffset: 4 + i * 4, as: Int32.self)
                raw.storeBytes(of: values[i].bitPattern.littleEndian, toByteOffset: 4 + n * 4 + i * 8, as: UInt64.self)
                raw[4 + n * 12 + i] = flags[i]
            }
            let trailer = 4 + n * 13
            for (i, s) in inputStarts.enumerated() { raw.storeBytes(of: s.littleEndian, toByteOffset: trailer + i * 4, as: Int32.self) }
            for (i, p) in inputPeriods.enumerated() {
                raw.storeBytes(of: p.littleEndian, toByteOffset: trailer + (n + 1 + i) * 4, as: Int32.self)
            }
            initialized = size
        }
        return Data(bytes)
    }

    /// Reads bytes written by `encoded()`, checking every period, so that `observation(at:)` can rely on them.
    /// - Throws: `StoreError` when the bytes are not a series.
    public init(decoding data: Data) throws {
        self.init()
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard raw.count >= 4 else { throw StoreError(.corrupt, Message("SeriesData.storedSeriesShorterThan")) }
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let trailer = 4 + n * 13
            guard raw.count == trailer || raw.count >= trailer + (n + 1) * 4 else {
                throw StoreError(.corrupt, Message("SeriesData.storedSeriesBytesExpected", raw.count, trailer))
            }
            periods.reserveCapacity(n)
            values.reserveCapacity(n)
            for i in 0..<n { periods.append(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 + i * 4, as: Int32.self))) }
            guard periods.allSatisfy({ Period(storageKey: $0) != nil }) else {
                throw StoreError(.corrupt, Message("SeriesData.storedSeriesHoldsPeriod"))
            }
            let vo = 4 + n * 4
            for i in 0..<n {
                values.append(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: vo + i * 8, as: UInt64.self))))
            }
            flags = Array(raw[(vo + n * 8)..<trailer])
            guard raw.count > trailer else { return }
            inputStarts = (0...n).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: trailer + $0 * 4, as: Int32.self)) }
            let m = Int(inputStarts[n])
            let valid = inputStarts.first == 0 && zip(inputStarts, inputStarts.dropFirst()).allSatisfy { $0 <= $1 }
            guard valid, raw.count == trailer + (n + 1 + m) * 4 else {
                throw StoreError(.corrupt, Message("SeriesData.inputsStoredSeriesDo"))
            }
            let po = trailer + (n + 1) * 4
            inputPeriods = (0..<m).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: po + $0 * 4, as: Int32.self)) }
        }
    }
}
