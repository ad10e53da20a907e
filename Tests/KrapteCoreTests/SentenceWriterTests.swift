import Foundation
import KrapteCore
import Testing

/// The sentence rules over many generated series: the direction word matches the sign of the number it writes, a
/// change that rounds to zero is "vrijwel gelijk", "ruim" and "bijna" match the rounding, and every number equals the
/// values its trace names.
@Suite struct SentenceWriterTests {
    static func subject(_ values: [Double], rate: Bool = false) -> SentenceWriter.Subject {
        let periods = (0..<values.count).compactMap { Period.quarter(2019 + $0 / 4, $0 % 4 + 1) }
        let trace = Trace(
            dataset: "t",
            datasetTitle: "T",
            measure: "m",
            measureTitle: "M",
            members: [],
            vintage: 1,
            publishedAt: nil,
            loadedAt: Date(timeIntervalSince1970: 0)
        )
        return .init(
            name: "het aantal vacatures",
            series: TimeSeries(Array(zip(periods, values.map { Optional($0) }))),
            unit: rate ? "%" : "",
            decimals: rate ? 1 : 0,
            isRate: rate,
            trace: trace
        )
    }

    @Test func aRunOfEightFallsIsTheEighthQuarterInARow() throws {
        let values: [Double] = [100, 120, 118, 110, 105, 101, 99, 97, 95, 90]
        let text = try SentenceWriter(Self.subject(values)).run()
        #expect(text.plain == "Het aantal vacatures daalde in het 2e kwartaal van 2021 voor het achtste kwartaal op rij.")
        #expect(text.traces.first?.inputs.map(\.value) == [120, 90])
    }

    @Test func thePeakAndTheRecordAreNamed() throws {
        let writer = SentenceWriter(Self.subject([100, 150, 140, 120, 90]))
        #expect(
            try writer.peak().plain == "Het aantal vacatures lag in het 1e kwartaal van 2020 40% onder de piek van 150 in het 2e kwartaal van 2019."
        )
        #expect(
            try writer.record().plain
                == "Het aantal vacatures was in het 1e kwartaal van 2020 met 90 het laagst sinds het begin van de reeks in het 1e kwartaal van 2019."
        )
    }

    @Test func publishedNumbersHedgeAsTheRoundingWent() {
        #expect(PublishedNumber.write(22.634, unit: "x 1 000", decimals: 3, rounding: .round).text == "ruim 22.600")
        #expect(PublishedNumber.write(37_762, unit: "", decimals: 0, rounding: .round).text == "bijna 37.800")
        #expect(PublishedNumber.write(48, unit: "%", decimals: 0, rounding: .share).text == "bijna de helft")
        #expect(PublishedNumber.write(41.3, unit: "%", decimals: 1, rounding: .step(10)).text == "ruim 40%")
        #expect(PublishedNumber.write(383.8, unit: "x 1 000", decimals: 1).text == "383.800")
    }

    @Test func generatedSeriesKeepTheRules() throws {
        var random = SplitMix64(seed: 17)
        for _ in 0..<2_000 {
            let rate = random.next() % 2 == 0
            let values = (0..<6).map { _ in Double(random.next() % 100_000) / (rate ? 1000 : 1) + 1 }
            let subject = Self.subject(values, rate: rate)
            let text = try SentenceWriter(subject).change(.previousPeriod)
            let (a, b) = (values[4], values[5])
            guard case .number(let written, let trace)? = text.parts.first(where: { if case .number = $0 { true } else { false } }) else {
                Issue.record("no number in \(text.plain)")
                continue
            }
            #expect(trace.inputs.map(\.value) == [a, b])
            let shown =
                Double(written.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".").filter { "0123456789.".contains($0) })
                ?? -1
            if shown == 0 {
                #expect(text.plain.contains("vrijwel gelijk"), "\(text.plain)")
            } else if text.plain.contains("steeg") {
                #expect(b > a, "\(text.plain)")
            } else if text.plain.contains("daalde") {
                #expect(b < a, "\(text.plain)")
            }
            let level = PublishedNumber.write(b * 1000, unit: "", decimals: 0, rounding: .round)
            #expect(level.hedge == (level.value > level.shown ? "ruim" : level.value < level.shown ? "bijna" : ""))
        }
    }

    @Test(arguments: [
        (0.20, 0.26, 0.01, "Het aandeel vacatures was in 2025 hoger dan in 2024: 26,0% tegen 20,0%."),
        (0.26, 0.20, 0.01, "Het aandeel vacatures was in 2025 lager dan in 2024: 20,0% tegen 26,0%."),
        (0.20, 0.23, 0.02, "Het aandeel vacatures was in 2025 vergelijkbaar met 2024: 23,0% tegen 20,0%; het verschil is niet significant."),
    ])
    func aSurveyChangeIsHigherOnlyWhenSignificant(a: Double, b: Double, se: Double, expected: String) throws {
        var subject = Self.subject([a * 100, b * 100], rate: true)
        subject.name = "het aandeel vacatures"
        subject.series = TimeSeries([(Period.year(2024)!, a * 100), (Period.year(2025)!, b * 100)])
        let writer = SentenceWriter(subject)
        let change = SurveyChange(from: SurveyEstimate(estimate: a, se: se, seNoFPC: se), to: SurveyEstimate(estimate: b, se: se, seNoFPC: se))
        let points = subject.series.points
        let text = writer.waves(from: points[0], to: points[1], change: change)
        #expect(text.plain == expected)
        // The significance word carries the test as its trace.
        #expect(text.traces.contains { $0.formula?.contains("p = ") == true })
    }

    @Test(arguments: [(7.7, "zeer krap"), (1.5, "krap"), (1.49, "gemiddeld"), (0.67, "gemiddeld"), (0.3, "ruim"), (0.1, "zeer ruim")])
    func theTyperingFollowsUWVsBoundaries(value: Double, type: String) throws {
        var subject = Self.subject([value], rate: true)
        subject.name = "de arbeidsmarkt voor ICT-beroepen"
        subject.decimals = 2
        subject.unit = ""
        let text = try SentenceWriter(subject).typering()
        #expect(text.plain.hasPrefix("De arbeidsmarkt voor ICT-beroepen was in het 1e kwartaal van 2019 \(type): de spanningsindicator was "))
        #expect(text.traces.first?.formula?.contains("0,25; 0,67; 1,5; 4") == true)
    }
}
