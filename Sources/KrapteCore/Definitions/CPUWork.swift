import Dispatch

/// Long computations (fitting forecast models) run on a dispatch queue of their own rather than on the few threads
/// that Swift's tasks share (one per core): a server that fits models for one request keeps answering the others,
/// and the operating system shares the cores between them.
public enum CPUWork {
    private static let queue = DispatchQueue(label: "krapte.cpu-work", qos: .userInitiated, attributes: .concurrent)

    /// The result of `work`, computed on the queue.
    public static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: Result { () throws(E) -> T in try work() }) }
        }
        return try result.get()
    }
}
