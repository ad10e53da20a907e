import Foundation
import KrapteCore

/// The period parsers: a code read back from its own text gives the same period, a storage key read back gives the
/// same key, and labels and ranges parse without stopping the process.
enum PeriodFuzz {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        if let period = Period(code: text) {
            guard Period(code: period.code) == period else { fatalError("\(period.code) does not read back") }
        }
        if let label = Period.parseLabel(text), Period.parseLabel(label.period.code)?.period != label.period {
            fatalError("\(label.period.code) does not read back as a label")
        }
        if let range = PeriodRange(parsing: text) { _ = range.description }
        if data.count >= 4 {
            let key = data.prefix(4).reduce(Int32(0)) { $0 << 8 | Int32($1) }
            if let period = Period(storageKey: key) {
                guard period.storageKey == key else { fatalError("storage key \(key) does not read back") }
                _ = Period.chronologicalKey(storageKey: key)
                _ = period.next
                _ = period.previous
                _ = period.enclosingQuarter
            }
        }
    }
}
