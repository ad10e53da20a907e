import KrapteCore
import Testing

@Suite struct DutchNumberFormatTests {
    @Test(arguments: [
        (7.7, 1, "7,7"), (22_600, 0, "22.600"), (-13, 0, "-13"), (451.9, 1, "451,9"), (1_234_567.891, 2, "1.234.567,89"), (0.05, 1, "0,1"),
        (-0.04, 1, "0,0"), (999.95, 1, "1.000,0"), (4.32, 2, "4,32"), (100_314, 0, "100.314"),
    ])
    func formats(value: Double, decimals: Int, expected: String) {
        #expect(DutchNumberFormat.format(value, decimals: decimals) == expected)
    }

    @Test func percentages() {
        #expect(DutchNumberFormat.percent(-52) == "-52%")
        #expect(DutchNumberFormat.percent(8.3, decimals: 1, signed: true) == "+8,3%")
    }
}
