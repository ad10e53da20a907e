import Foundation
import KrapteCore

/// Illustrative occupation x region x quarter series of open vacancies and WW benefits that have run less than six
/// months, generated with a fixed seed along the story UWV published (`SyntheticStory`): for ICT occupations (BRC
/// class 08) a peak in 2022KW02 and, in 2024KW04, 22.600 open vacancies and a spanningsindicator of 7,7.
///
/// The figures are not real and are labelled "illustratief" wherever they are shown. The same generator writes the
/// large tidy CSV files the benchmarks load.
public struct SyntheticCube: Sendable {
    /// The occupations (codes and labels).
    public var occupations: [CodeListMember]
    /// The regions.
    public var regions: [CodeListMember]
    /// The quarters, oldest first.
    public var quarters: [Period]
    /// The seed.
    public var seed: UInt64

    /// The demo cube: the 114 BRC 2014 groups, the 35 arbeidsmarktregio's valid in 2024, 2019KW01 to 2024KW04.
    public static let demo = SyntheticCube(
        occupations: BuiltInCodeLists.brc2014.members.filter { $0.code.count == 4 },
        regions: BuiltInCodeLists.regions.members.filter { $0.code.hasPrefix("AM") && $0.code != "AM99" && $0.isValid(in: 2024) },
        quarters: (0..<24).map { Period.quarter(2019, 1)!.advanced(by: $0)! },
        seed: 2024
    )

    /// A cube of a given size, for benchmarks: occupations and regions repeat the built-in lists' codes with a suffix when more are asked.
    public static func sized(occupations: Int, regions: Int, quarters: Int, seed: UInt64 = 7) -> SyntheticCube {
        let groups = BuiltInCodeLists.brc2014.members.filter { $0.code.count == 4 }
        // The arbeidsmarktregio's of today, not those merged away (AM04 ended in 2015).
        let ams = BuiltInCodeLists.regions.members.filter { $0.code.hasPrefix("AM") && $0.validTo == nil }
        return SyntheticCube(
            occupations: (0..<occupations).map { i in groups[i % groups.count] }.enumerated().map { i, m in
                i < groups.count ? m : CodeListMember(code: "\(m.code)-\(i / groups.count)", label: "\(m.label) (\(i / groups.count))")
            },
            regions: (0..<regions).map { i in
                i < ams.count ? ams[i] : CodeListMember(code: "AMX\(i)", label: "Regio \(i)")
            },
            quarters: (0..<quarters).map { Period.quarter(2025 - (quarters + 3) / 4, 1)!.advanced(by: $0)! },
            seed: seed
        )
    }

    /// Values per quarter, occupation and region: `(vacancies, ww)`, indexed `[q][o][r]`.
    ///
    /// Nationally every occupation follows the published story (`SyntheticStory`): the ICT groups its paths to the
    /// unit, the other occupations the shapes of all other occupations, each at its own level of tension and with a
    /// slow wobble of its own, added up to the shapes exactly. Regions share out each national figure by weights
    /// that do not change over time, so that no series jumps from one quarter to the next.
    public func generate() -> [[[(Int, Int)]]] {
        var rng = SplitMix64(seed: seed)
        let regionVacancies = regions.map { _ in 0.3 + rng.nextUnit() }
        let regionBenefits = regionVacancies.map { $0 * (0.8 + 0.4 * rng.nextUnit()) }
        let local = occupations.map { _ in regions.map { _ in 0.85 + 0.3 * rng.nextUnit() } }
        let national = nationalValues(&rng)
        return national.map { byOccupation in
            byOccupation.enumerated().map { o, value in
                let v = Self.apportion(zip(regionVacancies, local[o]).map { $0 * $1 }, total: value.vacancies)
                let w = Self.apportion(zip(regionBenefits, local[o]).map { $0 * $1 }, total: value.benefits)
                return Array(zip(v, w))
            }
        }
    }

    /// The national figures per quarter and occupation.
    private func nationalValues(_ rng: inout SplitMix64) -> [[(vacancies: Int, benefits: Int)]] {
        let story = SyntheticStory.self
        let stem = occupations.map { String($0.code.prefix(4)) }
        let ict = occupations.indices.filter { stem[$0].hasPrefix("08") }
        let others = occupations.indices.filter { !stem[$0].hasPrefix("08") }
        let scale = occupations.map { _ in 800 + rng.nextUnit() * 5_200 }
        let phase = occupations.map { _ in rng.nextUnit() * 2 * Double.pi }
        // Benefits at the end give each occupation its tension; technical occupations together are set to theirs.
        let endShape = story.value(story.otherVacancies, at: story.end) / story.value(story.otherBenefits, at: story.end)
        var benefitScale = occupations.indices.map { scale[$0] * endShape / story.tension(of: stem[$0]) }
        let technical = others.filter { stem[$0].hasPrefix("07") }
        let technicalTension =
            technical.reduce(0.0) { $0 + scale[$1] } / max(technical.reduce(0.0) { $0 + benefitScale[$1] }, 1) * endShape
        for o in technical { benefitScale[o] *= technicalTension / story.technicalTension }
        let totalScale = others.reduce(0.0) { $0 + scale[$1] }
        let totalBenefitScale = others.reduce(0.0) { $0 + benefitScale[$1] }
        return quarters.map { quarter in
            var row = Array(repeating: (vacancies: 0, benefits: 0), count: occupations.count)
            // Other occupations: their own wobble, then added up to the shapes of all other occupations.
            let wobble = others.map { 1 + 0.03 * sin(Double(quarter.index) * 0.9 + phase[$0]) }
            let v = zip(others, wobble).map { scale[$0] * $1 }
            let w = zip(others, wobble).map { benefitScale[$0] / $1 }
            let vTotal = (totalScale * story.value(story.otherVacancies, at: quarter)).rounded()
            let wTotal = (totalBenefitScale * story.value(story.otherBenefits, at: quarter)).rounded()
            for (k, (vv, ww)) in zip(Self.apportion(v, total: Int(vTotal)), Self.apportion(w, total: Int(wTotal))).enumerated() {
                row[others[k]] = (vv, ww)
            }
            // ICT groups: their shares of the class's paths, moving from the peak's to the end's.
            let t = story.progress(quarter)
            func share(_ o: Int, _ pick: ((vacancies: (Double, Double), benefits: (Double, Double))) -> (Double, Double)) -> Double {
                guard let shares = story.ictShares[stem[o]] else { return 1 / Double(max(ict.count, 1)) }
                let (a, b) = pick(shares)
                return a + (b - a) * t
            }
            let ictV = Self.apportion(ict.map { share($0) { $0.vacancies } }, total: Int(story.value(story.ictVacancies, at: quarter)))
            let ictW = Self.apportion(ict.map { share($0) { $0.benefits } }, total: Int(story.value(story.ictBenefits, at: quarter)))
            for (k, o) in ict.enumerated() { row[o] = (ictV[k], ictW[k]) }
            return row
        }
    }

    /// Whole numbers proportional to `shares` that add up to exactly `total` (largest remainder).
    static func apportion(_ shares: [Double], total: Int) -> [Int] {
        let sum = shares.reduce(0, +)
        guard sum > 0 else { return shares.map { _ in 0 } }
        let exact = shares.map { $0 / sum * Double(total) }
        var whole = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(whole[$0])) > (exact[$1] - Double(whole[$1])) }
        for i in order.prefix(total - whole.reduce(0, +)) { whole[i] += 1 }
        return whole
    }

    /// The cube as a release of the dataset `demo-spanning`.
    public func release() throws -> Release {
        let dataset = Dataset(
            id: "demo-spanning",
            title: "Openstaande vacatures en WW-uitkeringen korter dan 6 maanden per beroep en arbeidsmarktregio (illustratief)",
            summary:
                "Gegenereerde cijfers (illustratief, geen echte data) met vaste seed, langs het verhaal dat UWV publiceerde: voor ICT-beroepen een piek in het 2e kwartaal van 2022 en in het 4e kwartaal van 2024 22.600 openstaande vacatures en een spanningsindicator van 7,7.",
            source: Source(
                publisher: "Krapte (illustratief)",
                location: "krapte demo, seed \(seed)",
                licence: "CC0",
                citation: Source.generatedCitation,
                illustrative: true
            ),
            dimensions: [
                KrapteCore.Dimension(code: "Beroep", title: "Beroep (BRC 2014)", kind: .classification, codeList: "brc2014"),
                KrapteCore.Dimension(code: "RegioS", title: "Arbeidsmarktregio", kind: .geography, codeList: "regio"),
            ],
            measures: [
                Measure(code: "OpenstaandeVacatures", title: "Openstaande vacatures", unit: "aantal", decimals: 0, kind: .stock),
                Measure(code: "WWKorterDan6Maanden", title: "WW-uitkeringen korter dan 6 maanden", unit: "aantal", decimals: 0, kind: .stock),
            ]
        )
        var release = try Release(dataset: dataset, format: "demo")
        let o = occupations.map { release.memberIndex(Member(code: $0.code, label: $0.label, parent: $0.parent), dimension: 0) }
        let r = regions.map { release.memberIndex(Member(code: $0.code, label: $0.label, parent: $0.parent), dimension: 1) }
        var row = 0
        for (q, values) in generate().enumerated() {
            let status: ObservationStatus = q >= quarters.count - 2 ? .voorlopig : .definitief
            for (oi, byRegion) in values.enumerated() {
                for (ri, value) in byRegion.enumerated() {
                    row += 1
                    release.append(
                        SeriesKey(measure: 0, members: [o[oi], r[ri]]),
                        period: quarters[q],
                        value: Double(value.0),
                        status: status,
                        row: row
                    )
                    release.append(
                        SeriesKey(measure: 1, members: [o[oi], r[ri]]),
                        period: quarters[q],
                        value: Double(value.1),
                        status: status,
                        row: row
                    )
                }
            }
        }
        return release
    }

    /// The SBI sections a tidy CSV repeats the cube over: the six of the benchmarks first, then the others.
    public static let sectors = ["C", "F", "G", "J", "M", "Q", "A", "B", "D", "E", "H", "I", "K", "L", "N", "O", "P", "R", "S", "T", "U"]

    /// Writes the cube as a tidy CSV in long layout (`period,region,sector,occupation,measure,value,status`),
    /// repeating it over `sectors` sectors, until `observations` rows are written; streams, so any size fits.
    public func writeTidyCSV(to url: URL, observations: Int, sectors: [String] = Array(Self.sectors.prefix(6))) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = "period,region,sector,occupation,measure,value,status\n"
        var written = 0
        var rng = SplitMix64(seed: seed)
        outer: for sector in sectors {
            for quarter in quarters {
                let status = quarter == quarters.last ? "voorlopig" : "definitief"
                for occupation in occupations {
                    for region in regions {
                        for measure in ["vacatures", "ww_kort"] {
                            let value = Int(rng.nextUnit() * 5_000)
                            buffer += "\(quarter.code),\(region.code),\(sector),\(occupation.code),\(measure),\(value),\(status)\n"
                            written += 1
                            if written == observations { break outer }
                        }
                    }
                    if buffer.utf8.count > 1 << 20 {
                        handle.write(Data(buffer.utf8))
                        buffer = ""
                    }
                }
            }
        }
        handle.write(Data(buffer.utf8))
    }
}
