import KrapteCore
import Testing

/// A vintage's dataset is read once while its fingerprint stays the same, and read anew when it changes.
@Suite struct MetadataCacheTests {
    static func dataset(_ title: String) -> Dataset {
        Dataset(id: "d", title: title, source: Source(publisher: "p", location: "l"), dimensions: [], measures: [])
    }

    @Test func aVintageIsReadOnceAndAgainWhenItsFingerprintChanges() throws {
        let cache = MetadataCache(capacity: 2)
        var reads = 0
        func read(_ title: String) -> () throws -> Dataset {
            {
                reads += 1
                return Self.dataset(title)
            }
        }
        #expect(try cache.dataset(vintage: 1, fingerprint: "a", read: read("Eerste")).title == "Eerste")
        #expect(try cache.dataset(vintage: 1, fingerprint: "a", read: read("Anders")).title == "Eerste")
        #expect(reads == 1)
        // The same id with other content (a database replaced under the server) is read anew.
        #expect(try cache.dataset(vintage: 1, fingerprint: "b", read: read("Tweede")).title == "Tweede")
        #expect(reads == 2)
        // A failed read keeps nothing.
        struct Unreadable: Error {}
        #expect(throws: Unreadable.self) { try cache.dataset(vintage: 2, fingerprint: "c") { throw Unreadable() } }
        #expect(try cache.dataset(vintage: 2, fingerprint: "c", read: read("Derde")).title == "Derde")
        // Full, it forgets and reads again.
        #expect(try cache.dataset(vintage: 1, fingerprint: "a", read: read("Eerste")).title == "Eerste")
        #expect(reads == 4)
    }
}
