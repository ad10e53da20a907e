import Foundation

/// The observations of one series, in period order: the unit that stores keep and queries read.
public struct SeriesData: Sendable, Hashable {
    /// Period storage keys (`Period.storageKey`), ascending in chronological order.
    public var periods: [Int32]
    /// Values; NaN where there is none.
    public var values: [Double]
    /// Status in the low four bits, value attribute in the high four.
    public var flags: [UInt8]

    /// An empty series.
    public init() {
        periods = []
        values = []
        flags = []
    }

    /// How many observations it holds.
    public var count: Int { periods.count }

    /// Adds an observation at the end.
    public mutating func append(period: Int32, value: Double?, status: ObservationStatus, attribute: ValueAttribute) {
        periods.append(period)
        values.append(value ?? .nan)
        flags.append(status.rawValue | (attribute.rawValue << 4))
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

    /// The bytes stores keep: a 4-byte count, then the periods (Int32), values (Float64) and flags (UInt8), little-endian.
    public func encoded() -> Data {
        let n = periods.count
        let bytes = [UInt8](unsafeUninitializedCapacity: 4 + n * 13) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: UInt32(n).littleEndian, toByteOffset: 0, as: UInt32.self)
            for i in 0..<n {
                raw.storeBytes(of: periods[i].littleEndian, toByteOffset: 4 + i * 4, as: Int32.self)
                raw.storeBytes(of: values[i].bitPattern.littleEndian, toByteOffset: 4 + n * 4 + i * 8, as: UInt64.self)
                raw[4 + n * 12 + i] = flags[i]
            }
            initialized = 4 + n * 13
        }
        return Data(bytes)
    }

    /// Reads bytes written by `encoded()`.
    /// - Throws: `StoreError` when the bytes are not a series.
    public init(decoding data: Data) throws {
        self.init()
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard raw.count >= 4 else { throw StoreError(.corrupt, "a stored series is shorter than its header") }
            let n = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            guard raw.count == 4 + n * 13 else { throw StoreError(.corrupt, "a stored series has \(raw.count) bytes, expected \(4 + n * 13)") }
            periods.reserveCapacity(n)
            values.reserveCapacity(n)
            for i in 0..<n { periods.append(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 + i * 4, as: Int32.self))) }
            let vo = 4 + n * 4
            for i in 0..<n {
                values.append(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: vo + i * 8, as: UInt64.self))))
            }
            flags = Array(raw[(vo + n * 8)...])
        }
    }
}
