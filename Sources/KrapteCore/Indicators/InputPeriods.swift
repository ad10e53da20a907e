/// The periods a computed value came from, in order, each once. Up to two are held inline (a ratio has one, a
/// change two), so that a series of computed points does not allocate an array per point.
public struct InputPeriods: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    private var a: Int32 = 0
    private var b: Int32 = 0
    private var inlineCount: UInt8 = 0
    private var more: [Period]?

    /// No periods.
    public init() {}

    /// The given periods, in order.
    public init<S: Sequence>(_ periods: S) where S.Element == Period {
        for p in periods { append(p) }
    }

    public init(arrayLiteral elements: Period...) {
        self.init(elements)
    }

    /// Adds a period at the end.
    public mutating func append(_ period: Period) {
        if let more {
            self.more = more + [period]
        } else if inlineCount == 0 {
            a = period.storageKey
            inlineCount = 1
        } else if inlineCount == 1 {
            b = period.storageKey
            inlineCount = 2
        } else {
            more = [Period(uncheckedStorageKey: a), Period(uncheckedStorageKey: b), period]
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { more?.count ?? Int(inlineCount) }

    public subscript(position: Int) -> Period {
        if let more { return more[position] }
        precondition(position >= 0 && position < Int(inlineCount), "index out of range")
        return Period(uncheckedStorageKey: position == 0 ? a : b)
    }

    /// Calls `body` with the storage key of each period, in order, without making periods.
    func forEachStorageKey(_ body: (Int32) -> Void) {
        if let more {
            for p in more { body(p.storageKey) }
        } else {
            if inlineCount > 0 { body(a) }
            if inlineCount > 1 { body(b) }
        }
    }

    public static func == (a: InputPeriods, b: InputPeriods) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        for p in self { hasher.combine(p) }
    }

    public var description: String { "[" + map(\.code).joined(separator: ", ") + "]" }
}
