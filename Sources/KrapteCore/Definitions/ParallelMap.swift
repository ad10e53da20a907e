import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over the processor cores: the elements are split into one interleaved share per core. For work that
    /// is the same for every element and shares nothing (an indicator per series).
    func parallelMap<U>(_ transform: (Element) -> U) -> [U] {
        let shares = Swift.min(count / 64, ProcessInfo.processInfo.activeProcessorCount)
        guard shares > 1 else { return map(transform) }
        var out = [U?](repeating: nil, count: count)
        let items = self
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let target = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: shares) { share in
                    for i in Swift.stride(from: share, to: items.count, by: shares) { target[i] = transform(items[i]) }
                }
            }
        }
        return out.map { $0! }
    }
}
