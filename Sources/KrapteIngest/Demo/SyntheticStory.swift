import KrapteCore

/// The story the demo cube tells, taken from what UWV published (Sectorbeschrijving ICT 2025, seed 000; Industrie
/// 2025, seed 002): national paths per quarter from 2019KW01 to 2024KW04, and the level of tension per occupation.
///
/// - ICT occupations (BRC class 08): open vacancies peak in 2022KW02 at more than 37.700, are lower than the quarter
///   before in each of the last eight quarters, and end at 22.600 in 2024KW04; in 2024 13% fewer than in 2023. The
///   spanningsindicator peaks in the same quarter and falls 52% to 7,7. Databank- en netwerkspecialisten get
///   tighter since 2022, software developers fall most, all stay "zeer krap".
/// - All other occupations together: tension falls 31% from the peak, vacancies 3% in 2024 against 2023.
/// - Technical occupations are among the tightest (seed 001), around 3,5 vacancies per short WW benefit (seed 002);
///   administrative occupations such as secretaresses are "ruim".
///
/// A cube that is not the demo's (the benchmarks' sizes) follows the same shapes, held at their ends outside these
/// quarters.
enum SyntheticStory {
    /// The first quarter of the paths.
    static let start = Period.quarter(2019, 1)!
    /// The peak of tension and of ICT vacancies.
    static let peak = Period.quarter(2022, 2)!
    /// The last quarter of the paths.
    static let end = Period.quarter(2024, 4)!

    /// ICT open vacancies, nationally, per quarter from `start`.
    static let ictVacancies: [Double] = [
        24_000, 24_800, 25_500, 25_200,  // 2019
        24_500, 19_500, 21_500, 23_800,  // 2020: the first lockdown
        26_000, 28_800, 31_500, 33_800,  // 2021
        35_800, 37_740, 31_500, 31_700,  // 2022: the peak, then a rise of one quarter
        29_400, 28_200, 27_100, 26_220,  // 2023: eight quarters lower than the one before ...
        25_800, 24_600, 23_500, 22_600,  // 2024: ... to 22.600; 13% fewer than in 2023
    ]

    /// ICT WW benefits shorter than six months, nationally: 2.353 at the peak (16,04 vacancies per benefit), 2.935
    /// in 2024KW04 (7,70).
    static let ictBenefits: [Double] = [
        3_300, 3_250, 3_200, 3_150,
        3_300, 4_300, 4_200, 3_900,
        3_500, 3_250, 2_950, 2_700,
        2_450, 2_353, 2_380, 2_420,
        2_480, 2_560, 2_630, 2_700,
        2_760, 2_820, 2_880, 2_935,
    ]

    /// The shape of other occupations' vacancies; 2024 sums to 97% of 2023.
    static let otherVacancies: [Double] = [
        0.78, 0.80, 0.82, 0.82,
        0.80, 0.62, 0.68, 0.74,
        0.83, 0.88, 0.94, 1.00,
        1.04, 1.08, 1.06, 1.04,
        1.02, 1.00, 0.98, 0.97,
        0.98, 0.965, 0.96, 0.946,
    ]

    /// The shape of other occupations' short WW benefits; with `otherVacancies`, tension at the end is 69% of the
    /// peak's (a fall of 31%).
    static let otherBenefits: [Double] = [
        1.25, 1.22, 1.20, 1.18,
        1.25, 1.70, 1.60, 1.42,
        1.30, 1.20, 1.10, 1.04,
        1.01, 1.00, 1.02, 1.05,
        1.08, 1.12, 1.15, 1.18,
        1.20, 1.23, 1.25, 0.946 / (0.69 * 1.08),
    ]

    /// The value of a path in `quarter`, held at its ends outside the story's quarters.
    static func value(_ path: [Double], at quarter: Period) -> Double {
        let i = min(max(quarter.index - start.index, 0), path.count - 1)
        return path[i]
    }

    /// How far `quarter` lies from the peak to the end: 0 up to the peak, 1 from the end on.
    static func progress(_ quarter: Period) -> Double {
        min(max(Double(quarter.index - peak.index) / Double(end.index - peak.index), 0), 1)
    }

    /// The shares of the four ICT groups in the class's vacancies and benefits, at the peak and at the end.
    static let ictShares: [String: (vacancies: (Double, Double), benefits: (Double, Double))] = [
        "0811": ((0.48, 0.40), (0.40, 0.42)),  // Software- en applicatieontwikkelaars: the largest fall
        "0812": ((0.12, 0.20), (0.14, 0.10)),  // Databank- en netwerkspecialisten: tighter since 2022
        "0821": ((0.30, 0.32), (0.34, 0.38)),
        "0822": ((0.10, 0.08), (0.12, 0.10)),
    ]

    /// The spanningsindicator of an occupation other than ICT in 2024KW04, before the national calibration:
    /// technical occupations tight, administrative and creative ones ample.
    static func tension(of code: String) -> Double {
        let specific: [String: Double] = [
            "0713": 6.0, "0743": 5.5, "0744": 5.0, "0761": 5.0, "0712": 4.5, "0734": 4.2, "0742": 4.0, "0741": 3.6,
            "0432": 0.30, "0431": 0.45, "0433": 0.35, "0434": 0.55, "0214": 0.15, "0215": 0.20, "0212": 0.35,
        ]
        if let t = specific[code] { return t }
        switch code.prefix(2) {
        case "07": return 2.4
        case "10": return 2.2
        case "01": return 2.0
        case "06": return 1.8
        case "12": return 1.6
        case "11": return 1.1
        case "05": return 1.0
        case "03": return 0.9
        case "09": return 0.8
        case "04": return 0.75
        case "02": return 0.45
        default: return 1.0
        }
    }

    /// The spanningsindicator of technical occupations (BRC class 07) together in 2024KW04.
    static let technicalTension = 3.5
}
