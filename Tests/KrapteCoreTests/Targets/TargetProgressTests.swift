import Foundation
import Testing

@testable import KrapteCore

/// Target arithmetic on examples computed by hand: linear and compound paths, milestones, a target already met, a
/// baseline after the latest value, a falling target; and targets files that are refused with the place named.
@Suite struct TargetProgressTests {
    static func target(_ fields: String) throws -> Target {
        let json = """
            { "targets": [ { "id": "t", "title": "T", "origin": "test", "explanation": "test",
              "indicator": { "dataset": "d" }, \(fields) } ] }
            """
        return try TargetsFile(decoding: Data(json.utf8), file: "doelen.json").targets[0]
    }

    static func years(_ values: [Int: Double]) -> TimeSeries {
        TimeSeries(values.map { (Period.year($0.key)!, Optional($0.value)) })
    }

    /// Baseline 2020 = 100, target 200 in 2030, 126 in 2024.
    static let rising = years([2020: 100, 2021: 105, 2022: 112, 2023: 118, 2024: 126])

    @Test func aLinearPathAsksForEqualSteps() throws {
        let p = TargetProgress.assess(try Self.target(#""baseline": "2020", "target": { "value": 200, "period": "2030" }"#), series: Self.rising)
        #expect(p.baseline?.value == 100 && p.latest?.period == Period.year(2024))
        #expect(p.progress == 0.26)
        #expect(p.pathValue == 140)  // 100 + 100 x 4/10
        #expect(p.gap == -14)
        #expect(abs((p.requiredYearlyChange ?? 0) - 74.0 / 6) < 1e-12)  // (200 - 126) / 6 years
        #expect(p.recentYearlyChange == 7 && p.recentYears == 3)  // (126 - 105) / 3
        #expect(p.status == .achter, "14 behind, more than 5% of the 100 to go")
        // Five observations are too few to forecast: the projection is refused, with the reason.
        #expect(p.projection == nil && p.projectionRefusal?.contains("minstens 7") == true)
    }

    /// Eleven years of a steady rise of 5 a year with noise: the projection to 2030 lies near 180, so a target of 300
    /// is out of reach and one of 160 all but certain.
    @Test func theProjectionGivesTheChanceOfReachingTheTarget() throws {
        let noise: [Double] = [0.4, -0.3, 0.2, -0.5, 0.1, 0.3, -0.2, 0.5, -0.1, 0.2, -0.4]
        var values: [Int: Double] = [:]
        for k in 0..<11 { values[2014 + k] = 100 + 5 * Double(k) + noise[k] }
        let series = Self.years(values)
        let far = TargetProgress.assess(try Self.target(#""baseline": "2014", "target": { "value": 300, "period": "2030" }"#), series: series)
        let projection = try #require(far.projection)
        #expect(projection.period == Period.year(2030))
        #expect(abs(projection.mean - 180) < 5)
        #expect(projection.lower95 <= projection.lower80 && projection.lower80 <= projection.mean)
        #expect(projection.mean <= projection.upper80 && projection.upper80 <= projection.upper95)
        #expect(projection.chance < 0.01)
        let near = TargetProgress.assess(try Self.target(#""baseline": "2014", "target": { "value": 160, "period": "2030" }"#), series: series)
        #expect((near.projection?.chance ?? 0) > 0.99)
        #expect(near.status == .voor, "150 in 2024 is on the way to 160 ahead of the path")
        // The track record: the forecast from the ten years up to 2023 for 2024, as the forecast engine makes it.
        let check = try #require(far.yearAgo)
        let made = try SeriesForecast.make(Self.years(values.filter { $0.key < 2024 }), horizon: 1)
        #expect(check.origin == Period.year(2023) && check.period == Period.year(2024) && check.steps == 1)
        #expect(check.forecast == made.steps.first?.mean && check.actual == 149.6)
    }

    @Test func aCompoundPathAsksForAnEqualRate() throws {
        let p = TargetProgress.assess(
            try Self.target(#""baseline": "2020", "target": { "value": 200, "period": "2030" }, "path": "compound""#),
            series: Self.rising
        )
        #expect(abs((p.pathValue ?? 0) - 100 * pow(2, 0.4)) < 1e-9)  // 131.95
        #expect(abs((p.requiredYearlyChange ?? 0) - (pow(200.0 / 126, 1.0 / 6) - 1) * 100) < 1e-9)
        #expect(abs((p.recentYearlyChange ?? 0) - (pow(126.0 / 105, 1.0 / 3) - 1) * 100) < 1e-9)
        #expect(p.status == .achter)  // 5.95 behind, margin 5
    }

    @Test func milestonesAreStepsBetweenThem() throws {
        let target = try Self.target(
            #""baseline": "2020", "target": { "value": 200, "period": "2030" }, "path": "milestones", "milestones": [ { "value": 180, "period": "2025" } ]"#
        )
        let p = TargetProgress.assess(target, series: Self.rising)
        #expect(p.pathValue == 164)  // 100 + 80 x 4/5
        #expect(p.status == .achter)
        let on = TargetProgress.assess(target, series: Self.years([2020: 100, 2024: 162]))
        #expect(on.status == .opKoers, "2 behind, within the margin of 5")
    }

    @Test func aTargetAlreadyMetIsAhead() throws {
        let p = TargetProgress.assess(
            try Self.target(#""baseline": "2020", "target": { "value": 200, "period": "2030" }"#),
            series: Self.years([2020: 100, 2023: 180, 2024: 210])
        )
        #expect(abs((p.progress ?? 0) - 1.1) < 1e-12)
        #expect(p.status == .voor)
    }

    @Test func aBaselineAfterTheLatestValueIsNotEnoughData() throws {
        let p = TargetProgress.assess(try Self.target(#""baseline": "2025", "target": { "value": 200, "period": "2030" }"#), series: Self.rising)
        #expect(p.status == .onvoldoendeGegevens)
        #expect(p.baseline == nil && p.latest?.value == 126 && p.progress == nil && p.projection == nil)
        let noBase = TargetProgress.assess(try Self.target(#""baseline": "2019", "target": { "value": 200, "period": "2030" }"#), series: Self.rising)
        #expect(noBase.status == .onvoldoendeGegevens)
    }

    /// Vacancies from 22,9 (end 2022) down to 15 (end 2030); 18,1 at the end of 2024.
    @Test func aFallingTargetIsAheadBelowItsPath() throws {
        let target = try Self.target(#""baseline": "2022KW04", "target": { "value": 15, "period": "2030KW04" }"#)
        let series = TimeSeries((0..<9).map { k in (Period.quarter(2022, 4)!.advanced(by: k)!, Optional(22.9 - 0.6 * Double(k))) })
        let p = TargetProgress.assess(target, series: series)
        #expect(!p.rising)
        #expect(abs((p.latest?.value ?? 0) - 18.1) < 1e-9)
        #expect(abs((p.pathValue ?? 0) - 20.925) < 1e-9)  // 22,9 - 7,9 x 2/8
        #expect(abs((p.gap ?? 0) - 2.825) < 1e-9)
        #expect(abs((p.progress ?? 0) - 4.8 / 7.9) < 1e-9)
        #expect(abs((p.requiredYearlyChange ?? 0) - (15 - 18.1) / 6) < 1e-9)
        #expect(p.status == .voor)
        #expect(p.projection?.period == Period.quarter(2030, 4))
    }

    @Test(arguments: [
        (#""baseline": "2030", "target": { "value": 1, "period": "2020" }"#, "targets[0].target", "moet voor de doelperiode"),
        (#""baseline": "vorig jaar", "target": { "value": 1, "period": "2030" }"#, "targets[0].baseline", "is geen periode"),
        (#""baseline": "2020", "target": { "value": 1, "period": "2030" }, "path": "exponential""#, "targets[0].path", "kies linear, compound"),
        (
            #""baseline": "2020", "target": { "value": 1, "period": "2030" }, "path": "milestones", "milestones": [ { "value": 1, "period": "2031" } ]"#,
            "targets[0].milestones[0]", "mijlpaal"
        ),
        (#""baseline": "2020", "target": { "value": 1, "period": "2030" }, "doel": 3"#, "targets[0]", "doel"),
    ])
    func aWrongTargetIsRefusedWithItsPlace(fields: String, path: String, words: String) {
        #expect {
            _ = try Self.target(fields)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("doelen.json: \(path)") && text.contains(words)
        }
    }

    @Test func theShippedTargetsRead() {
        #expect(TargetsFile.shipped.targets.map(\.id).count == 4)
        #expect(TargetsFile.shipped.targets.allSatisfy { $0.proxy != nil && !$0.explanation.isEmpty })
        #expect(TargetsFile.shipped.withoutData.count == 4)
    }
}
