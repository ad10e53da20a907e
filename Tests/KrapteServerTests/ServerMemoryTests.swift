import Foundation
import KrapteTesting
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `krapte serve` over the 93 x 36 x 80 demo cube, with 50 clients each reading the unfiltered
/// observations at once: every answer is a page (or a 503 to retry), and the server's peak memory stays under 200 MB.
@Suite struct ServerMemoryTests {
    /// The `krapte` binary built beside the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("krapte")

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path)), .timeLimit(.minutes(10)))
    func fiftyClientsOfUnfilteredQueriesStayUnder200MB() async throws {
        let db = try TestData.temporaryFolder().appendingPathComponent("cube.sqlite").path
        let (loaded, output) = try await Command.running([Self.binary.path, "demo", "--cube-size", "93x36x80", "--db", db])
        try #require(loaded == 0, "\(output)")
        let port = Int.random(in: 20_000...60_000)
        let server = Process()
        server.executableURL = Self.binary
        server.arguments = ["serve", "--db", db, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        let base = "http://127.0.0.1:\(port)/api/v1"
        var up = false
        for _ in 0..<100 where !up {
            up = (try? await Self.get("\(base)/health").status) == 200
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(up, "the server did not start")
        let address = "\(base)/datasets/demo-spanning/observations?measure=OpenstaandeVacatures"
        let pages = try await withThrowingTaskGroup(of: [Int].self) { group in
            for client in 0..<50 {
                group.addTask {
                    // Each client reads two pages, the first and one further on, and waits when told to come back.
                    var sizes: [Int] = []
                    for cursor in [0, 10_000 * (client % 26)] {
                        while true {
                            let (status, body) = try await Self.get("\(address)&cursor=\(cursor)")
                            if status == 503 {
                                try await Task.sleep(for: .milliseconds(200))
                                continue
                            }
                            #expect(status == 200)
                            sizes.append(body.count)
                            break
                        }
                    }
                    return sizes
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(pages.count == 100)
        #expect(pages.allSatisfy { $0 > 100_000 && $0 < 5_000_000 }, "\(pages.prefix(5))")
        let peak = try Self.peakMemory(of: server.processIdentifier)
        #expect(peak < 200 << 20, "peak RSS \(peak >> 20) MB")
    }

    /// The status and body of a GET.
    static func get(_ address: String) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: address)!, timeoutInterval: 120)
        request.httpMethod = "GET"
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// The peak resident memory of process `pid` (`VmHWM`), in bytes.
    static func peakMemory(of pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
    }
}
