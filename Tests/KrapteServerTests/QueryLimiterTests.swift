import Testing

@testable import KrapteServer

/// The limiter of expensive queries: a few run, a few more wait their turn in order, one more is refused at once.
@Suite struct QueryLimiterTests {
    /// A gate that queries wait at until the test opens it.
    actor Gate {
        private var open = false
        private var waiting: [CheckedContinuation<Void, Never>] = []
        private(set) var arrived = 0

        func pass() async {
            arrived += 1
            if open { return }
            await withCheckedContinuation { waiting.append($0) }
        }

        func openUp() {
            open = true
            for w in waiting { w.resume() }
            waiting = []
        }
    }

    @Test func twoRunOneWaitsAndTheFourthIsRefused() async throws {
        let limiter = QueryLimiter(maximum: 2, maximumWaiting: 1)
        let gate = Gate()
        let order = Order()
        async let first: Void = limiter.run {
            await gate.pass()
            await order.note(1)
        }
        async let second: Void = limiter.run {
            await gate.pass()
            await order.note(2)
        }
        while await gate.arrived < 2 { await Task.yield() }
        async let third: Void = limiter.run { await order.note(3) }
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: APIError.self) { try await limiter.run { await order.note(4) } }
        #expect(await order.notes.isEmpty, "the third ran before a place was free")
        await gate.openUp()
        _ = try await (first, second, third)
        let notes = await order.notes
        #expect(notes.count == 3 && notes.last == 3 && !notes.contains(4))
        // Every place is free again.
        try await limiter.run {}
        try await limiter.run {}
    }

    actor Order {
        private(set) var notes: [Int] = []
        func note(_ n: Int) { notes.append(n) }
    }
}

extension QueryLimiterTests {
    /// 200 clients, each sending one query after another, never find the queue of 256 full. (The wait is long here:
    /// the whole suite runs at once on two cores, and this test is about the queue, not the deadline.)
    @Test func twoHundredClientsAtOnceAreAllServed() async throws {
        let limiter = QueryLimiter(maximum: 4, maximumWait: .seconds(600))
        let refused = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<200 {
                group.addTask {
                    var refused = 0
                    for _ in 0..<5 {
                        do { try await limiter.run { try await Task.sleep(for: .milliseconds(1)) } } catch is APIError { refused += 1 }
                    }
                    return refused
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(refused == 0)
    }
}

extension QueryLimiterTests {
    /// A request that waits longer than the limiter lets it is refused, and leaves the queue to others.
    @Test func aRequestThatWaitsTooLongIsRefused() async throws {
        let limiter = QueryLimiter(maximum: 1, maximumWaiting: 1, maximumWait: .milliseconds(200))
        let gate = Gate()
        async let holder: Void = limiter.run { await gate.pass() }
        while await gate.arrived < 1 { await Task.yield() }
        let start = ContinuousClock.now
        await #expect(throws: APIError.self) { try await limiter.run {} }
        #expect(ContinuousClock.now - start >= .milliseconds(200))
        await gate.openUp()
        try await holder
        try await limiter.run {}
    }
}
