import Foundation
import KrapteCore
import KrapteTesting
import Testing

@testable import KrapteRender

@Suite struct ChartTests {
    static let snapshot = Snapshot(besides: #filePath)

    static let quarters = (0..<12).map { "\(2022 + $0 / 4)KW0\($0 % 4 + 1)" }

    @Test func lineChart() throws {
        let chart = LineChart(
            id: "lijn",
            title: "Openstaande vacatures, ICT",
            summary: "Vacatures en kortdurende WW per kwartaal, 2022KW01 tot 2024KW04.",
            xLabels: Self.quarters,
            series: [
                .init(name: "Vacatures", values: [18_100, 19_400, 21_000, 22_600, 22_100, nil, 20_500, 19_900, 19_000, 18_700, 18_200, 17_900]),
                .init(name: "WW < 6 mnd", values: [2_600, 2_500, 2_450, 2_400, 2_550, 2_700, 2_800, 2_900, 2_950, 3_000, 3_050, 3_100]),
            ],
            decimals: 0
        )
        #expect(try Self.snapshot.mismatch(chart.svg(), named: "lineChart.svg") == nil)
    }

    /// A forecast's fans: an area per interval behind the lines, from the first to the last period with both bounds,
    /// named in its tooltip, and the value axis wide enough to hold the widest bounds.
    @Test func fansAreDrawnBehindTheLinesWithinTheAxis() throws {
        var chart = LineChart(
            id: "fan",
            title: "Prognose",
            summary: "s",
            xLabels: ["2024", "2025", "2026"],
            series: [.init(name: "waargenomen", values: [10, nil, nil]), .init(name: "prognose", values: [10, 11, 12], dashed: true)],
            decimals: 0
        )
        chart.fans = [.init(name: "95%-interval", lower: [10, 6, 2], upper: [10, 16, 30], colour: "#E69F00", opacity: 0.14)]
        let svg = chart.svg()
        let area = try #require(svg.firstRange(of: #"fill-opacity="0.14" stroke="none"><title>95%-interval</title>"#))
        let line = try #require(svg.firstRange(of: "stroke-dasharray"))
        #expect(area.lowerBound < line.lowerBound)
        // Three points up and three back: M, five L's and Z.
        #expect(svg.contains(#/<path d="M[^"]*(L[^"]*){5}Z" fill="#E69F00"/#))
        #expect(svg.contains(">30<") && svg.contains(">0<"), "the axis does not reach the bounds")
    }

    @Test func barChart() throws {
        let chart = BarChart(
            id: "staaf",
            title: "Spanningsindicator per regio, 2024KW04",
            summary: "De spanningsindicator per arbeidsmarktregio.",
            bars: [
                .init(label: "Groot Amsterdam", value: 9.4), .init(label: "Utrecht-Midden", value: 7.7),
                .init(label: "Zuid-Limburg", value: -0.4), .init(label: "Friesland", value: nil),
                .init(label: "Een heel lange naam van een regio die niet past", value: 1.25),
            ],
            decimals: 1
        )
        #expect(try Self.snapshot.mismatch(chart.svg(), named: "barChart.svg") == nil)
    }

    @Test func stackedBarChart() throws {
        let chart = StackedBarChart(
            id: "gestapeld",
            title: "Moeite met vervullen van vacatures, per sector",
            summary: "Aandeel werkgevers per antwoord, per sector; een sector met te weinig respondenten is gearceerd.",
            categories: ["Veel moeite", "Enige moeite", "Geen moeite"],
            bars: [
                .init(label: "Zorg en welzijn", shares: [61.2, 28.3, 10.5]), .init(label: "ICT", shares: [44, 40, 16]),
                .init(label: "Landbouw", shares: nil),
            ]
        )
        #expect(try Self.snapshot.mismatch(chart.svg(), named: "stackedBarChart.svg") == nil)
    }

    @Test func smallMultiples() throws {
        let chart = SmallMultiples(
            id: "klein",
            title: "Vacatures per regio",
            summary: "Openstaande vacatures per regio, elk paneel één regio op dezelfde schaal.",
            xLabels: Self.quarters,
            panels: ["Utrecht", "Groningen", "Limburg", "Zeeland"].enumerated().map { i, name in
                .init(title: name, values: Self.quarters.indices.map { Double(1_000 * (i + 1) + 50 * $0) })
            },
            decimals: 0
        )
        #expect(try Self.snapshot.mismatch(chart.svg(), named: "smallMultiples.svg") == nil)
    }

    @Test func intervalChart() throws {
        var chart = IntervalChart(
            id: "marges",
            title: "Moeilijk vervulbare vacatures: aandeel 'Ja' naar sector, 2024 en 2025",
            summary: "Het aandeel 'Ja' per sector met het 95%-interval als streep; de stippellijn is het totaal.",
            series: ["2024", "2025"],
            rows: [
                .init(label: "Totaal", estimates: [.init(value: 48.2, low: 44.1, high: 52.3), .init(value: 52.0, low: 48.4, high: 55.6)]),
                .init(
                    label: "Verhuur en overige zakelijke diensten",
                    estimates: [.init(value: 66.1, low: 40.2, high: 92.0), .init(value: 63.0, low: 30.0, high: 108.5, mark: "*")],
                    bold: true
                ),
                .init(label: "Landbouw", estimates: [nil, .init(value: 4.0, low: -2.5, high: 10.5)]),
            ]
        )
        chart.reference = ("Totaal 2025", 52.0)
        chart.notes = ["* verschil tussen 2024 en 2025 significant (p < 0,05)"]
        let svg = chart.svg()
        #expect(try Self.snapshot.mismatch(svg, named: "intervalChart.svg") == nil)
        // A whisker never reaches past 0% or 100%; the tooltip keeps the interval as estimated.
        #expect(!svg.contains(">120%<") && svg.contains("95%-interval 30% tot 109%"))
        #expect(svg.contains("2024: te weinig respondenten") && svg.contains(">63% *<") && svg.contains("font-weight=\"700\""))
    }

    /// A label too long for the label column is wrapped over two lines, never cut while two lines hold it.
    @Test func longLabelsWrap() {
        #expect(SVGCanvas.lines("Verhuur en overige zakelijke diensten") == ["Verhuur en overige zakelijke", "diensten"])
        #expect(SVGCanvas.lines("Bouw") == ["Bouw"])
        let svg = BarChart(id: "w", title: "t", summary: "s", bars: [.init(label: "Verhuur en handel van onroerend goed", value: 1)], decimals: 0)
            .svg()
        #expect(svg.contains(">Verhuur en handel van onroerend</tspan>") && svg.contains(">goed</tspan>") && !svg.contains("…"))
    }

    /// Labels from data never reach the SVG unescaped, in text or in tooltips.
    @Test func hostileLabelsAreEscaped() {
        let hostile = "<script>alert('x')</script> & \"Zorg\""
        let svgs = [
            LineChart(id: "a\"b", title: hostile, summary: hostile, xLabels: [hostile], series: [.init(name: hostile, values: [1])], decimals: 0)
                .svg(),
            BarChart(id: "b", title: hostile, summary: hostile, bars: [.init(label: hostile, value: 1)], decimals: 0).svg(),
            StackedBarChart(id: "c", title: hostile, summary: hostile, categories: [hostile], bars: [.init(label: hostile, shares: [100])]).svg(),
            SmallMultiples(id: "d", title: hostile, summary: hostile, xLabels: [hostile], panels: [.init(title: hostile, values: [1])], decimals: 0)
                .svg(),
        ]
        for svg in svgs {
            #expect(!svg.contains("<script") && !svg.contains("\"Zorg\"") && !svg.contains("a\"b"))
            #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Zorg&quot;"))
            #expect(svg.contains("role=\"img\"") && svg.contains("<title id=") && svg.contains("<desc id="))
        }
    }

    /// A suppressed group shows no share anywhere: not as text, not in a tooltip.
    @Test func suppressedBarsShowNoShare() {
        let svg = StackedBarChart(
            id: "s",
            title: "t",
            summary: "s",
            categories: ["Ja", "Nee"],
            bars: [.init(label: "Landbouw", shares: nil)]
        ).svg()
        #expect(svg.contains("Landbouw: te weinig respondenten"))
        #expect(!svg.contains("Landbouw, Ja") && !svg.contains("Landbouw, Nee"))
    }

    /// Axis ticks are 1, 2 or 5 times a power of ten, cover the values, and carry Dutch labels with the decimals
    /// their step needs.
    @Test(arguments: [
        ([3.0, 97.0], false, "0|20|40|60|80|100"),
        ([0.4, 9.4], true, "0|2|4|6|8|10"),
        ([-0.4, 1.25], true, "-0,5|0,0|0,5|1,0|1,5"),
        ([17_900.0, 22_600.0], false, "17.000|18.000|19.000|20.000|21.000|22.000|23.000"),
        ([5.0, 5.0], false, "4,4|4,6|4,8|5,0|5,2|5,4|5,6"),
    ])
    func niceTicks(values: [Double], zero: Bool, expected: String) {
        let svg =
            zero
            ? BarChart(id: "x", title: "t", summary: "s", bars: values.map { .init(label: "v", value: $0) }, decimals: 2).svg()
            : LineChart(id: "y", title: "t", summary: "s", xLabels: values.map { _ in "p" }, series: [.init(name: "s", values: values)], decimals: 2)
                .svg()
        let labels = svg.split(separator: "\n").filter { $0.contains("text-anchor=\"\(zero ? "middle" : "end")\"") && !$0.contains(">p<") }
            .compactMap { $0.split(separator: ">").last?.split(separator: "<").first.map(String.init) }
        #expect(labels.joined(separator: "|") == expected)
    }

    /// A downloaded chart carries its source line under it, on a white ground.
    @Test func aDownloadedChartCarriesItsSource() throws {
        let chart = BarChart(id: "b", title: "Titel", summary: "Samenvatting", bars: [.init(label: "A", value: 1)], decimals: 0).svg()
        let file = try #require(ChartDownload.standalone(chart, source: "Bron: CBS (80472ned, versie 3)"))
        #expect(file.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>") && file.contains(chart))
        #expect(file.contains(">Bron: CBS (80472ned, versie 3)</tspan>") && file.contains("fill=\"#FFFFFF\""))
        #expect(ChartDownload.standalone("<p>geen grafiek</p>", source: "x") == nil)
    }

    /// A time axis labels every period when there are few, else the years, at steps of 1, 2, 5 or 10.
    @Test func timeAxesTickAtSensibleSteps() throws {
        let quarters = try (0..<24).map { try #require(Period.quarter(2019, 1)?.advanced(by: $0)) }
        let ticks = PeriodAxis.ticks(quarters, in: .nl)
        #expect(ticks.filter { !$0.isEmpty } == ["2019", "2020", "2021", "2022", "2023", "2024"])
        #expect(ticks[0] == "2019" && ticks[1].isEmpty && ticks[4] == "2020")
        let few = try (0..<6).map { try #require(Period.quarter(2024, 1)?.advanced(by: $0)) }
        #expect(PeriodAxis.ticks(few, in: .nl) == ["2024 K1", "2024 K2", "2024 K3", "2024 K4", "2025 K1", "2025 K2"])
        let years = try (2000...2024).map { try #require(Period.year($0)) }
        #expect(PeriodAxis.ticks(years, in: .en).filter { !$0.isEmpty } == ["2000", "2005", "2010", "2015", "2020"])
        let months = try (0..<12).map { try #require(Period.month(2024, 3)?.advanced(by: $0)) }
        #expect(PeriodAxis.ticks(months, in: .nl).filter { !$0.isEmpty }.count <= 8)
        #expect(PeriodAxis.ticks(months, in: .nl).last == "2025 feb")
    }
}
