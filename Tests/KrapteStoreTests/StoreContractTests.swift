import Foundation
import KrapteCore
import KrapteTesting
import Testing

/// What every store does, run against SQLite and PostgreSQL alike.
@Suite struct StoreContractTests {
    func day(_ text: String) -> Date { ISO8601DateFormatter.day.date(from: text)! }

    @Test(arguments: StoreKind.available)
    func loadingTheSameReleaseTwiceChangesNothing(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let first = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        let second = try await store.load(try TestStores.release([1, 2]), loadedAt: Date())
        #expect(!first.unchanged && second.unchanged)
        #expect(second.vintage.id == first.vintage.id)
        #expect(try await store.vintages(of: "t").count == 1)
    }

    /// A release written out in runs of 97 observations is stored as the same release held in one piece: the same
    /// series and values, and the same fingerprint, so that loading the other is no change.
    @Test(arguments: StoreKind.available)
    func aReleaseInRunsIsStoredAsOneInOnePiece(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let first = try await store.load(try TestStores.spread(chunkSize: 97), loadedAt: Date())
        #expect(!first.unchanged && first.vintage.observationCount == 2_400)
        #expect(try await store.load(try TestStores.spread(chunkSize: 1 << 19), loadedAt: Date()).unchanged)
        let rows = try await store.query(ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["R7", "R299"])]))
        let expected: [Double?] = (0..<8).map { Double(70 + $0) } + (0..<8).map { Double(2_990 + $0) }
        #expect(rows.rows.map(\.value) == expected)
        #expect(rows.rows.map(\.period.code).prefix(3) == ["2023KW01", "2023KW02", "2023KW03"])
    }

    /// A release in runs is merged while it is stored: a duplicate across runs ends the load with the error naming
    /// both rows, and the store keeps what it had.
    @Test(arguments: StoreKind.available)
    func aDuplicateFoundWhileStoringLeavesTheStoreAsItWas(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let first = try await store.load(try TestStores.wide(value: 1), loadedAt: Date())
        let release = try TestStores.spread(chunkSize: 97, duplicate: true)
        let error = await #expect(throws: IngestError.self) { try await store.load(release, loadedAt: Date()) }
        #expect(error?.code == .duplicate && error?.file == "t" && error?.row == 2_402)
        #expect(error?.message.english.contains("the first is on row 7") == true)
        #expect(try await store.vintages(of: "t").map(\.id) == [first.vintage.id])
        #expect(try await store.query(ObservationQuery(dataset: "t", measure: "m")).rows.count == 1_200)
        // The version is read from the rows stored, not from PostgreSQL's sequence, which the failed load moved on.
        #expect(try await store.version() == first.vintage.id)
    }

    @Test(arguments: StoreKind.available)
    func theVersionGrowsWithEveryStoredRelease(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        #expect(try await store.version() == 0)
        let first = try await store.load(try TestStores.wide(value: 1), loadedAt: Date())
        #expect(try await store.version() == first.vintage.id)
        _ = try await store.load(try TestStores.wide(value: 1), loadedAt: Date())
        #expect(try await store.version() == first.vintage.id)
        let second = try await store.load(try TestStores.wide(value: 2), loadedAt: Date())
        #expect(try await store.version() == second.vintage.id && second.vintage.id > first.vintage.id)
    }

    @Test(arguments: StoreKind.available)
    func seriesAreReadByKey(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let vintage = try await store.load(try TestStores.wide(value: 1), loadedAt: Date()).vintage.id
        let keys = (0..<700).map { ["R\($0)"] }
        let read = try await store.series(of: "t", vintage: vintage, measure: "m", keys: keys)
        #expect(Set(read.map(\.members)) == Set((0..<300).map { ["R\($0)"] }))
        #expect(read.allSatisfy { $0.data.count == 4 })
        #expect(try await store.series(of: "t", vintage: vintage, measure: "m", keys: [["R7"], ["nope"]]).map(\.members) == [["R7"]])
        // A query that names its members reads them by key, and answers as a full read does.
        let some = try await store.query(ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["R9", "R2"])]))
        #expect(some.rows.map { $0.members[0].code } == ["R2", "R2", "R2", "R2", "R9", "R9", "R9", "R9"])
    }

    @Test(arguments: StoreKind.available)
    func olderVintagesAreKeptAndQueryableAsOf(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.release([1, 2], published: day("2025-01-15")), loadedAt: Date())
        _ = try await store.load(try TestStores.release([1, 3, 4], published: day("2025-04-15")), loadedAt: Date())
        let latest = try await store.query(ObservationQuery(dataset: "t", measure: "m"))
        #expect(latest.rows.map(\.value) == [1, 3, 4])
        let old = try await store.query(ObservationQuery(dataset: "t", measure: "M", asOf: day("2025-03-01")))
        #expect(old.rows.map(\.value) == [1, 2])
        let sameDay = try await store.query(ObservationQuery(dataset: "t", measure: "m", asOf: day("2025-04-15")))
        #expect(sameDay.vintage.id == latest.vintage.id)
        await #expect(throws: StoreError.self) { try await store.query(ObservationQuery(dataset: "t", measure: "m", asOf: day("2024-01-01"))) }
        let listed = try await store.datasets()
        #expect(listed.map(\.id) == ["t"] && listed.first?.vintageCount == 2 && listed.first?.latest.id == latest.vintage.id)
        #expect(listed.first?.latest.publishedAt == day("2025-04-15"))
    }

    @Test(arguments: StoreKind.available)
    func aReleaseWithOtherDimensionsIsRefusedAndNothingChanges(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.release([1]), loadedAt: Date())
        let error = try await #require(throws: IngestError.self) {
            try await store.load(try TestStores.release([5], dimension: "Sector"), loadedAt: Date())
        }
        #expect(error.code == .structure && error.fix.english.contains("--dataset"))
        #expect(try await store.vintages(of: "t").count == 1)
    }

    @Test(arguments: StoreKind.available)
    func queriesNameWhatIsMissing(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.release([1]), loadedAt: Date())
        for q in [
            ObservationQuery(dataset: "nope", measure: "m"), ObservationQuery(dataset: "t", measure: "x"),
            ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Sector", members: ["A"])]),
            ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["B"])]),
        ] {
            let error = try await #require(throws: StoreError.self) { try await store.query(q) }
            #expect(error.code == .notFound)
        }
        let byLabel = try await store.query(ObservationQuery(dataset: "t", measure: "m", filters: [.init(dimension: "Regio", members: ["Alpha"])]))
        #expect(byLabel.rows.count == 1)
    }

    /// Codes with separators, backslashes, quotes, slashes and accents, missing values, every status, and the input
    /// periods of computed figures come back exactly as they went in.
    @Test(arguments: StoreKind.available)
    func everyFigureComesBackAsItWentIn(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let codes = ["A;B", "C\\D", "E,F", "G\"H", "Één", "", "x/y"] + (0..<400).map { "R\($0)" }
        var members = codes.map { Member(code: $0, label: "Label \($0)") }
        members[5] = Member(code: "leeg", label: "")
        var rng = SplitMix64(seed: 3)
        var series: [Release.Series] = []
        for m in members {
            var data = SeriesData()
            for q in 0..<(1 + Int(rng.next() % 40)) {
                let value: Double? = rng.next() % 9 == 0 ? nil : Double(rng.next() % 100_000) / 7
                let status = ObservationStatus.allCases[Int(rng.next() % 3)]
                let period = Period.quarter(2015, 1)!.advanced(by: q)!
                data.append(
                    period: period.storageKey,
                    value: value,
                    status: status,
                    attribute: value == nil ? .impossible : .present,
                    inputs: q % 3 == 0 ? [] : [period.advanced(by: -4)!, period]
                )
            }
            series.append(Release.Series(measure: "m", members: [m.code], data: data))
        }
        let dataset = Dataset(
            id: "rond",
            title: "Rond",
            source: Source(publisher: "test", location: "test"),
            dimensions: [KrapteCore.Dimension(code: "Regio", title: "Regio", members: members)],
            measures: [Measure(code: "m", title: "M")],
            derivation: Derivation(indicator: "rond", operation: "change", formula: "f", rise: .bad, inputs: [])
        )
        let release = try Release.finished(dataset: dataset, format: "derived", series: series)
        let outcome = try await store.load(release, loadedAt: Date())
        let stored = try await store.series(of: "rond", vintage: outcome.vintage.id, measure: "m")
        #expect(stored.count == series.count)
        let byMembers = Dictionary(uniqueKeysWithValues: stored.map { ($0.members, $0.data) })
        for s in series {
            let back = try #require(byMembers[s.members], "\(s.members)")
            #expect(back.periods == s.data.periods && back.flags == s.data.flags)
            #expect(back.values.map(\.bitPattern) == s.data.values.map(\.bitPattern))
            #expect(back.inputStarts == s.data.inputStarts && back.inputPeriods == s.data.inputPeriods)
        }
        #expect(try await store.metadata(of: "rond", vintage: outcome.vintage.id) == dataset)
        #expect(try await store.load(release, loadedAt: Date()).unchanged)
    }

    /// Two loads of one dataset at once: the same release is stored once; two different releases become two
    /// vintages, each whole.
    @Test(arguments: StoreKind.available)
    func loadsOfOneDatasetAtOnceNeverStoreItTwice(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        let same = try TestStores.release(Array(repeating: 1.5, count: 30))
        async let a = store.load(same, loadedAt: Date())
        async let b = store.load(same, loadedAt: Date())
        let (x, y) = try await (a, b)
        #expect(x.unchanged != y.unchanged && x.vintage.id == y.vintage.id)
        async let c = store.load(try TestStores.release([1, 2, 3]), loadedAt: Date())
        async let d = store.load(try TestStores.release([4, 5]), loadedAt: Date())
        _ = try await (c, d)
        let vintages = try await store.vintages(of: "t")
        #expect(vintages.count == 3)
        for v in vintages {
            let rows = try await store.series(of: "t", vintage: v.id, measure: "m")
            #expect(rows.count == 1 && rows[0].data.count == v.observationCount)
        }
    }

    /// Each vintage answers with its own metadata, read again or not: a later release's title never shows for an
    /// earlier vintage, nor the other way round.
    @Test(arguments: StoreKind.available)
    func eachVintageKeepsItsOwnMetadata(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        var first = try TestStores.release([1, 2])
        first.dataset.title = "Eerste"
        var second = try TestStores.release([3, 4])
        second.dataset.title = "Tweede"
        let a = try await store.load(first, loadedAt: Date()).vintage.id
        #expect(try await store.metadata(of: "t", vintage: a).title == "Eerste")
        let b = try await store.load(second, loadedAt: Date()).vintage.id
        for _ in 0..<2 {
            #expect(try await store.metadata(of: "t", vintage: a).title == "Eerste")
            #expect(try await store.metadata(of: "t", vintage: b).title == "Tweede")
        }
        _ = try await store.remove("t", vintage: b, removedAt: Date())
        await #expect(throws: StoreError.self) { try await store.metadata(of: "t", vintage: b) }
    }

    /// Readers while new releases are loaded see the old release or the new one, never part of one: every answer
    /// has all 300 series and one value throughout.
    @Test(arguments: StoreKind.available)
    func readersDuringLoadsSeeWholeReleases(kind: StoreKind) async throws {
        let store = try await TestStores.make(kind)
        _ = try await store.load(try TestStores.wide(value: 0), loadedAt: Date())
        let query = ObservationQuery(dataset: "t", measure: "m")
        let loads = Task {
            for value in 1...8 { _ = try await store.load(try TestStores.wide(value: Double(value)), loadedAt: Date()) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    // Read until the loads are over (a bounded number of times, should they never end).
                    for _ in 0..<2_000 {
                        let rows = try await store.query(query).rows
                        let values = Set(rows.map(\.value))
                        #expect(rows.count == 300 * 4 && values.count == 1, "a reader saw \(rows.count) rows with values \(values)")
                        if values == [8] { break }
                    }
                }
            }
            try await group.waitForAll()
        }
        try await loads.value
        #expect(try await store.vintages(of: "t").count == 9)
    }
}
