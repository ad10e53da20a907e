import Foundation
import KrapteCore

/// A generated employer survey in the shape of UWV's (seed 003): 16 sector clusters x 3 size classes, two waves,
/// disproportional samples with thin cells, six questions with skipped answers: AI use now and in five years (the
/// same four answers, figure 14) and four yes-or-no questions (figures 5 and 7). Seeded, so the same every time; for
/// the demo, the tests against R and the benchmark, never for publication.
public struct SyntheticSurvey: Sendable {
    /// The sector clusters.
    public static let sectors = ["A", "B-E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S-U"]
    /// Their labels (SBI 2008 sections).
    static let sectorLabels = [
        "Landbouw, bosbouw en visserij", "Industrie en energie", "Bouw", "Handel", "Vervoer en opslag", "Horeca", "Informatie en communicatie",
        "Financiële dienstverlening", "Verhuur en handel van onroerend goed", "Specialistische zakelijke diensten",
        "Verhuur en overige zakelijke diensten", "Openbaar bestuur", "Onderwijs", "Gezondheids- en welzijnszorg", "Cultuur, sport en recreatie",
        "Overige dienstverlening",
    ]
    /// The size classes.
    public static let sizeClasses = ["1-9", "10-49", "50+"]
    /// The questions' titles.
    static let titles = [
        "q_ai_gebruik": "Gebruik van AI", "q_krapte": "Moeilijk vervulbare vacatures", "q_ai_gebruik_5jaar": "Gebruik van AI over 5 jaar",
        "q_gevolg_scholing": "Verwacht: scholingsbehoefte verandert", "q_gevolg_vaardigheden": "Verwacht: andere vaardigheden nodig",
        "q_gevolg_banen": "Verwacht: banen verdwijnen",
    ]
    /// The questions and their categories, in order.
    public static let questions: [(String, [String])] = [
        ("q_ai_gebruik", ["Ja, veel", "Ja, een beetje", "Nee", "Weet niet"]),
        ("q_krapte", ["Ja", "Nee"]),
        ("q_ai_gebruik_5jaar", ["Ja, veel", "Ja, een beetje", "Nee", "Weet niet"]),
        ("q_gevolg_scholing", ["Ja", "Nee"]),
        ("q_gevolg_vaardigheden", ["Ja", "Nee"]),
        ("q_gevolg_banen", ["Ja", "Nee"]),
    ]
    /// How much more often each question is answered "yes" than the first two (an exponent added).
    static let leanings = [0.0, 0.0, 0.35, 0.1, 0.0, -0.25]
    /// The waves.
    public static let waves = ["2024", "2025"]

    /// Respondents per wave, roughly.
    public var respondentsPerWave: Int
    /// The seed.
    public var seed: UInt64

    /// Makes a generator.
    public init(respondentsPerWave: Int, seed: UInt64 = 3) {
        self.respondentsPerWave = respondentsPerWave
        self.seed = seed
    }

    /// The design file's text: every stratum and their crossing as domains, at least `minimum` respondents a cell, the
    /// sectors and size classes labelled, one table, and the source.
    public func designJSON(minimum: Int) -> String {
        let questions = Self.questions.map { name, categories in
            "{\"name\": \"\(name)\", \"title\": \"\(Self.titles[name]!)\", \"categories\": [\(categories.map { "\"\($0)\"" }.joined(separator: ", "))]}"
        }
        let sectorLevels = zip(Self.sectors, Self.sectorLabels).map { "{\"code\": \"\($0)\", \"label\": \"\($1)\"}" }.joined(separator: ", ")
        return """
            {"dataset": "werkgeversenquete-synthetisch", "title": "Werkgeversenquête (gegenereerd)", "strata": ["sector", "size_class"],
             "questions": [\(questions.joined(separator: ", "))],
             "domains": [[], ["sector"], ["size_class"], ["sector", "size_class"]], "minimumRespondents": \(minimum),
             "source": {"publisher": "Krapte (illustratief)", "location": "krapte demo --survey-respondents \(respondentsPerWave), seed \(seed)",
                        "licence": "CC0", "citation": "Illustratief: gegenereerde cijfers, geen echte data", "illustrative": true},
             "titles": {"sector": "sector", "size_class": "grootteklasse"},
             "levels": {"sector": [\(sectorLevels)],
                        "size_class": [{"code": "1-9", "label": "1 t/m 9 werkzame personen"}, {"code": "10-49", "label": "10 t/m 49 werkzame personen"},
                                       {"code": "50+", "label": "50+ werkzame personen"}]},
             "tables": [{"name": "krapte", "title": "Werkgevers met moeilijk vervulbare vacatures", "questions": ["q_krapte"], "category": "Ja",
                         "rows": ["size_class", "sector"], "sorted": ["sector"], "omitsSuppressedRows": true}]}
            """
    }

    /// Writes `responses.csv`, `population.csv`, `design.json` (with `minimum`) and `questions.txt` (for R) into
    /// `folder`.
    public func write(to folder: URL, minimum: Int = 10) throws {
        var rng = SplitMix64(seed: seed)
        // The questions after the first two draw from their own stream, so that the first two keep their answers.
        var later = SplitMix64(seed: seed &+ 1)
        var responses = "id,wave,sector,size_class," + Self.questions.map(\.0).joined(separator: ",") + "\n"
        var population = "wave,sector,size_class,N\n"
        let strata = Self.sectors.flatMap { s in Self.sizeClasses.map { (s, $0) } }
        var id = 0
        for (w, wave) in Self.waves.enumerated() {
            for (k, (sector, size)) in strata.enumerated() {
                let sizeIndex = Self.sizeClasses.firstIndex(of: size)!
                // Populations grow with large samples, so that a benchmark's sample stays a sample.
                let N = Int((200 + rng.nextUnit() * 6_000) / Double(1 + 3 * sizeIndex) * max(1, Double(respondentsPerWave) / 3_000))
                // Disproportional: large firms oversampled; every seventh stratum thin.
                let share = Double(respondentsPerWave) / Double(strata.count) * (0.5 + rng.nextUnit()) * Double(1 + sizeIndex)
                let n = min(N, k % 7 == 3 ? 2 + Int(rng.next() % 3) : max(2, Int(share / 2)))
                population += "\(wave),\(sector),\(size),\(N)\n"
                let lean = rng.nextUnit()
                for _ in 0..<n {
                    id += 1
                    var answers: [String] = []
                    for (q, (_, categories)) in Self.questions.enumerated() {
                        if (q < 2 ? rng.nextUnit() : later.nextUnit()) < (q == 0 ? 0.08 : 0.03) {
                            answers.append("")
                            continue
                        }
                        // Larger and later: more "yes"; sectors lean their own way.
                        let u = pow(
                            q < 2 ? rng.nextUnit() : later.nextUnit(),
                            0.6 + 0.4 * lean + 0.15 * Double(sizeIndex) + 0.2 * Double(w) + Self.leanings[q]
                        )
                        answers.append(categories[min(categories.count - 1, Int(u * Double(categories.count)))])
                    }
                    responses += "R\(id),\(wave),\(sector),\(size),\(answers.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))\n"
                }
            }
        }
        try Data(responses.utf8).write(to: folder.appendingPathComponent("responses.csv"))
        try Data(population.utf8).write(to: folder.appendingPathComponent("population.csv"))
        try Data(designJSON(minimum: minimum).utf8).write(to: folder.appendingPathComponent("design.json"))
        let questions = Self.questions.map { ([$0.0] + $0.1).joined(separator: ";") }.joined(separator: "\n") + "\n"
        try Data(questions.utf8).write(to: folder.appendingPathComponent("questions.txt"))
    }
}
