import Foundation
import KrapteCore
import KrapteIngest
import KrapteTesting
import Testing

/// The estimators against R's survey package, live: `api_reference.R` writes R's own `api` data and its estimates,
/// and every estimate here must agree to 1e-9 relative. Runs when `Rscript` with the survey package is installed,
/// and must run when `KRAPTE_REQUIRE_R=1` (CI sets it).
@Suite struct SurveyAgreementTests {
    static let ready: Bool =
        ProcessInfo.processInfo.environment["KRAPTE_REQUIRE_R"] == "1"
        || (try? Command.run(["Rscript", "-e", "library(survey)"]).status) == 0

    /// R's data and estimates, written once.
    static let reference: (folder: URL, estimates: [String: (Double, Double)])? = {
        guard let folder = try? TestData.temporaryFolder() else { return nil }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("api_reference.R")
        guard let (status, _) = try? Command.run(["Rscript", script.path, folder.path]), status == 0,
            let text = try? String(contentsOf: folder.appendingPathComponent("reference.csv"), encoding: .utf8)
        else { return nil }
        var estimates: [String: (Double, Double)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            estimates[f[0]] = (Double(f[1])!, Double(f[2])!)
        }
        return (folder, estimates)
    }()

    /// One of R's data sets as columns.
    struct RData {
        var columns: [String: [String]]

        init(_ url: URL) throws {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.replacingOccurrences(of: "\"", with: "") }
            let names = lines[0].split(separator: ",").map(String.init)
            var columns = Dictionary(uniqueKeysWithValues: names.map { ($0, [String]()) })
            for line in lines.dropFirst() {
                for (name, value) in zip(names, line.split(separator: ",", omittingEmptySubsequences: false)) { columns[name]!.append(String(value)) }
            }
            self.columns = columns
        }

        func numbers(_ name: String) -> [Double] { columns[name]!.map { Double($0)! } }

        /// Codes `0..<levels.count` of a factor, its levels sorted as R sorts them.
        func codes(_ name: String) -> (codes: [Int], levels: [String]) {
            let levels = Set(columns[name]!).sorted()
            return (columns[name]!.map { levels.firstIndex(of: $0)! }, levels)
        }
    }

    /// Agreement to 1e-9 relative. A standard error that R gives as zero up to rounding (below 1e-9 of `scale`, the
    /// estimate's size: a calibrated share) must be below 1e-8 of it here too.
    static func agrees(_ ours: Double, _ theirs: Double, scale: Double = 0) -> Bool {
        if abs(theirs) < 1e-9 * scale { return abs(ours) < 1e-8 * scale }
        return abs(ours - theirs) <= 1e-9 * max(abs(ours), abs(theirs))
    }

    func check(_ name: String, _ estimate: SurveyEstimate?, fpc: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (value, se) = try #require(Self.reference?.estimates[name], "R gave no \(name)", sourceLocation: sourceLocation)
        let ours = try #require(estimate, sourceLocation: sourceLocation)
        #expect(Self.agrees(ours.estimate, value), "\(name): \(ours.estimate) against R's \(value)", sourceLocation: sourceLocation)
        let oursSE = fpc ? ours.se : ours.seNoFPC
        #expect(Self.agrees(oursSE, se, scale: max(1, abs(value))), "\(name) SE: \(oursSE) against R's \(se)", sourceLocation: sourceLocation)
    }

    /// The estimates of one design, named as `api_reference.R` names R's.
    func checkAll(_ prefix: String, _ design: some SurveyDesign, _ data: RData, fpc: Bool = true) throws {
        try check("\(prefix):mean:api00", design.mean(data.numbers("api00")), fpc: fpc)
        try check("\(prefix):total:enroll", design.total(data.numbers("enroll")), fpc: fpc)
        let (wide, levels) = data.codes("sch.wide")
        let (awards, domains) = data.codes("awards")
        let overall = design.shares(wide, categories: levels.count, domains: wide.map { _ in 0 }, domainCount: 1)[0]
        let byAwards = design.shares(wide, categories: levels.count, domains: awards, domainCount: domains.count)
        for (c, level) in levels.enumerated() {
            try check("\(prefix):share:sch.wide\(level)", overall[c].share, fpc: fpc)
            try check("\(prefix):count:sch.wide\(level)", overall[c].weightedCategory, fpc: fpc)
            for (d, domain) in domains.enumerated() {
                try check("\(prefix):byshare:\(domain):sch.wide\(level)", byAwards[d][c].share, fpc: fpc)
                try check("\(prefix):bytotal:\(domain):sch.wide\(level)", byAwards[d][c].weightedCategory, fpc: fpc)
            }
        }
    }

    @Test(.enabled(if: ready)) func aStratifiedSampleAgreesWithR() throws {
        let folder = try #require(Self.reference?.folder, "Rscript with the survey package did not run")
        let data = try RData(folder.appendingPathComponent("apistrat.csv"))
        let (strata, _) = data.codes("stype")
        var population = [Double?](repeating: nil, count: 3)
        for (h, N) in zip(strata, data.numbers("fpc")) { population[h] = N }
        let design = try SampleDesign(strata: strata, weights: data.numbers("pw"), populationClusters: population)
        try checkAll("strat", design, data)
        try checkAll("stratnofpc", design, data, fpc: false)
    }

    @Test(.enabled(if: ready)) func calibratedClusterSamplesAgreeWithR() throws {
        let folder = try #require(Self.reference?.folder, "Rscript with the survey package did not run")
        let data = try RData(folder.appendingPathComponent("apiclus1.csv"))
        let (clusters, _) = data.codes("dnum")
        let base = try SampleDesign(
            strata: clusters.map { _ in 0 },
            clusters: clusters,
            weights: data.numbers("pw"),
            populationClusters: [data.numbers("fpc")[0]]
        )
        let (types, _) = data.codes("stype")  // E, H, M
        let post = try CalibratedDesign(base, to: .postStratify(cells: types, totals: [6194 - 755 - 1018, 755, 1018]))
        try checkAll("post", post, data)
        let (wide, _) = data.codes("sch.wide")  // No, Yes
        let rake = try CalibratedDesign(
            base,
            to: .rake(margins: [.init(levels: types, totals: [4421, 755, 1018]), .init(levels: wide, totals: [6194 - 5122, 5122])])
        )
        try checkAll("rake", rake, data)
    }
}

extension SurveyAgreementTests {
    @Test(.enabled(if: ready)) func aGeneratedEmployerSurveyAgreesWithR() throws {
        let folder = try TestData.temporaryFolder()
        try SyntheticSurvey(respondentsPerWave: 1_500).write(to: folder, minimum: 1)
        let specification = try SurveySpecification(
            decoding: Data(contentsOf: folder.appendingPathComponent("design.json")),
            file: "design.json"
        )
        let data = try SurveyFileReader(specification).read(
            responses: folder.appendingPathComponent("responses.csv"),
            population: folder.appendingPathComponent("population.csv")
        )
        let rows = try SurveyEstimator(specification).estimate(data)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("employer_reference.R")
        let (status, output) = try Command.run(["Rscript", script.path, folder.path])
        try #require(status == 0, "\(output)")
        let reference = try String(contentsOf: folder.appendingPathComponent("reference.csv"), encoding: .utf8)
        let ours = Dictionary(uniqueKeysWithValues: rows.map { ([$0.wave, $0.question, $0.domainType, $0.domain, $0.category], $0) })
        var compared = 0
        for line in reference.split(separator: "\n").dropFirst() {
            let f = TestData.csvFields(line)
            let row = try #require(ours[Array(f[0..<5])], "R has \(f[0..<5]) and Krapte not")
            let e = try #require(row.estimate, "\(f[0..<5]) is suppressed")
            let share = try #require(e.share)
            let r = f[5...].map { Double($0)! }
            #expect(Self.agrees(share.estimate, r[0]), "\(f[0..<5]) share \(share.estimate) against R's \(r[0])")
            #expect(Self.agrees(share.se, r[1], scale: share.estimate), "\(f[0..<5]) se \(share.se) against R's \(r[1])")
            #expect(Self.agrees(share.seNoFPC, r[2], scale: share.estimate), "\(f[0..<5]) se without fpc \(share.seNoFPC) against R's \(r[2])")
            #expect(Self.agrees(e.weightedCategory.estimate, r[3]), "\(f[0..<5]) weighted count")
            #expect(Self.agrees(e.weightedCategory.se, r[4], scale: e.weightedCategory.estimate), "\(f[0..<5]) weighted count's se")
            compared += 1
        }
        // Two waves, 16 categories (six questions), 68 domains (all, 16 sectors, 3 size classes, 48 crossings).
        #expect(compared == rows.count && compared == 2 * 16 * 68)
        // The comparison of the waves, against R's `2 * pnorm(-abs(z))` on R's own shares.
        let pairs = Dictionary(
            uniqueKeysWithValues: SurveyComparison.pairs(rows, first: "2024", second: "2025").map {
                ([$0.question, $0.domainType, $0.domain, $0.category], $0)
            }
        )
        let comparisons = try String(contentsOf: folder.appendingPathComponent("compare.csv"), encoding: .utf8)
        var pairsCompared = 0
        for line in comparisons.split(separator: "\n").dropFirst() {
            let f = TestData.csvFields(line)
            let pair = try #require(pairs[Array(f[0..<4])], "R compares \(f[0..<4]) and Krapte not")
            let r = f[4...].map { Double($0)! }
            let change = try #require(pair.change, "\(f[0..<4]) is suppressed in a wave")
            let ours = [change.change, change.se(), change.z(), change.pValue(), change.se(fpc: false), change.pValue(fpc: false)]
            for (k, (x, y)) in zip(ours, r).enumerated() {
                // Where both waves' standard errors are zero, Krapte gives no z and p; R gives NaN (0 / 0), or, when
                // rounding leaves its standard error a hair above zero, a z of 0.
                guard let value = x else {
                    #expect(y.isNaN || r[1] < 1e-12, "\(f[0..<4]) value \(k): none where R has \(y) (se \(r[1]))")
                    continue
                }
                #expect(!y.isNaN, "\(f[0..<4]) value \(k): \(value) where R has NaN")
                #expect(Self.agrees(value, y, scale: 1), "\(f[0..<4]) value \(k): \(value) against R's \(y)")
            }
            pairsCompared += 1
        }
        #expect(pairsCompared == 16 * 68)
    }
}
