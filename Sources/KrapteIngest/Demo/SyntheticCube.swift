import Foundation
import KrapteCore

/// Illustrative occupation x region x quarter series of open vacancies and WW benefits that have run less than six
/// months, generated with a fixed seed and calibrated to published totals: for ICT occupations (BRC class 08) in
/// 2024KW04, 22,600 open vacancies and a spanningsindicator of 7,7 (UWV, Sectorbeschrijving ICT 2025).
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
        let ams = BuiltInCodeLists.regions.members.filter { $0.code.hasPrefix("AM") }
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

    /// The published totals the demo reproduces for ICT occupations in 2024KW04.
    public static let ictVacancies2024KW04 = 22_600
    /// The published spanningsindicator for ICT occupations in 2024KW04.
    public static let ictTension2024KW04 = 7.7

    /// Values per quarter, occupation and region: `(vacancies, ww)`, indexed `[q][o][r]`.
    public func generate() -> [[[(Int, Int)]]] {
        var rng = SplitMix64(seed: seed)
        let regionWeights = regions.map { _ in 0.3 + rng.nextUnit() }
        let regionTotal = regionWeights.reduce(0, +)
        let base = occupations.map { _ in (v: 200 + rng.nextUnit() * 3_000, w: 150 + rng.nextUnit() * 2_000) }
        let peak = quarters.firstIndex(of: Period.quarter(2022, 2)!) ?? quarters.count / 2
        let ict = occupations.map { $0.code.hasPrefix("08") }
        let target = quarters.firstIndex(of: Period.quarter(2024, 4)!)
        var out: [[[(Int, Int)]]] = []
        for (q, quarter) in quarters.enumerated() {
            // Tension rises to the peak of 2022KW02 and eases after it; a small seasonal wave.
            let distance = Double(q - peak)
            let cycle = 1.0 + 0.45 * exp(-(distance * distance) / 40)
            let season = 1.0 + 0.04 * sin(Double(quarter.number) * .pi / 2)
            var national = occupations.indices.map { o in
                (v: base[o].v * cycle * season * (0.95 + 0.1 * rng.nextUnit()), w: base[o].w / cycle * (0.95 + 0.1 * rng.nextUnit()))
            }
            if q == target {
                // Calibrate the ICT groups to the published totals.
                let ictV = occupations.indices.filter { ict[$0] }.reduce(0.0) { $0 + national[$1].v }
                let ictW = occupations.indices.filter { ict[$0] }.reduce(0.0) { $0 + national[$1].w }
                let wwTarget = (Double(Self.ictVacancies2024KW04) / Self.ictTension2024KW04).rounded()
                for o in occupations.indices where ict[o] {
                    national[o].v *= Double(Self.ictVacancies2024KW04) / ictV
                    national[o].w *= wwTarget / ictW
                }
                let vTotals = Self.apportion(occupations.indices.filter { ict[$0] }.map { national[$0].v }, total: Self.ictVacancies2024KW04)
                let wTotals = Self.apportion(occupations.indices.filter { ict[$0] }.map { national[$0].w }, total: Int(wwTarget))
                for (k, o) in occupations.indices.filter({ ict[$0] }).enumerated() {
                    national[o] = (Double(vTotals[k]), Double(wTotals[k]))
                }
            }
            out.append(
                occupations.indices.map { o in
                    let v = Self.apportion(regionWeights.map { $0 / regionTotal * national[o].v }, total: Int(national[o].v.rounded()))
                    let w = Self.apportion(regionWeights.map { $0 / regionTotal * national[o].w }, total: Int(national[o].w.rounded()))
                    return Array(zip(v, w))
                }
            )
        }
        return out
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
                "Synthetische cijfers (illustratief), gegenereerd met vaste seed en gekalibreerd op gepubliceerde totalen voor ICT-beroepen in 2024KW04.",
            source: Source(
                publisher: "Krapte (illustratief)",
                location: "krapte demo, seed \(seed)",
                licence: "CC0",
                citation: "Illustratief: gegenereerde cijfers, geen echte data",
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
