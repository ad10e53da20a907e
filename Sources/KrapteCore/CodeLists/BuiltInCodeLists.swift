/// The code lists Krapte knows without being told: CBS regions, SBI 2008, BRC 2014, beroepsniveau,
/// employer size classes, and the small CBS lists used by the labour-market tables.
///
/// The regions, SBI 2008, BRC 2014 and small CBS lists are derived from CBS open data (CC BY 4.0, Bron: CBS)
/// by `scripts/generate-code-lists.py`; beroepsniveau and the size classes are written here from CBS's definitions.
public enum BuiltInCodeLists {
    struct Row {
        var code: String
        var label: String
        var parent: String?
        var validFrom: Int?
        var validTo: Int?
        var aliases: [String]

        init(_ code: String, _ label: String, parent: String?, validFrom: Int?, validTo: Int?, aliases: [String]) {
            self.code = code
            self.label = label
            self.parent = parent
            self.validFrom = validFrom
            self.validTo = validTo
            self.aliases = aliases
        }

        var member: CodeListMember {
            CodeListMember(code: code, label: label, parent: parent, validFrom: validFrom, validTo: validTo, aliases: aliases)
        }
    }

    private static func list(_ id: String, _ title: String, _ version: String, _ source: String, _ rows: [Row]) -> CodeList {
        CodeList(id: id, title: title, version: version, source: source, members: rows.map(\.member))
    }

    /// Nederland, the four landsdelen, the twelve provinces, the 40 COROP regions and the arbeidsmarktregio's, with the
    /// renamings of 2016 and 2017. Gemeenten are not listed; see `RegionLevel`.
    public static let regions = list(
        "regio",
        "Regio's",
        "2026",
        "CBS 85554NED RegioS (OData v4, 2026-06-30), CC BY 4.0",
        regionRows
    )

    /// SBI 2008 sections, divisions and the CBS aggregates used in the labour-market tables.
    public static let sbi2008 = list(
        "sbi2008",
        "Bedrijfstakken/branches (SBI 2008)",
        "2008",
        "CBS tables 80472ned, 80567ned, 82244NED, 84826NED, 85920NED, 86075NED, CC BY 4.0",
        sbiRows
    )

    /// BRC 2014: 13 beroepsklassen, 41 beroepssegmenten, 114 beroepsgroepen.
    public static let brc2014 = list(
        "brc2014",
        "Beroepen (BRC 2014)",
        "2014",
        "CBS 85276NED/85517NED via occupations.csv, CC BY 4.0",
        brcRows
    )

    /// Beroepsniveau 1 to 4 (ISCO 2008 skill levels), as CBS labels them in 85276NED.
    public static let beroepsniveau = list(
        "beroepsniveau",
        "Beroepsniveau",
        "ISCO 2008",
        "CBS 85276NED",
        [
            Row("BN1", "Beroepsniveau 1 (ISCO 2008)", parent: nil, validFrom: nil, validTo: nil, aliases: ["Beroepsniveau 1", "1"]),
            Row("BN2", "Beroepsniveau 2 (ISCO 2008)", parent: nil, validFrom: nil, validTo: nil, aliases: ["Beroepsniveau 2", "2"]),
            Row("BN3", "Beroepsniveau 3 (ISCO 2008)", parent: nil, validFrom: nil, validTo: nil, aliases: ["Beroepsniveau 3", "3"]),
            Row("BN4", "Beroepsniveau 4 (ISCO 2008)", parent: nil, validFrom: nil, validTo: nil, aliases: ["Beroepsniveau 4", "4"]),
            Row("BNX", "Beroepsniveau onbekend (ISCO 2008)", parent: nil, validFrom: nil, validTo: nil, aliases: ["Beroepsniveau onbekend"]),
        ]
    )

    /// Employer size classes: those of the CBS vacancy statistics and those of UWV's employer surveys.
    public static let sizeClasses = list(
        "bedrijfsgrootte",
        "Bedrijfsgrootte",
        "2024",
        "CBS 80472ned, 80072ned; UWV werkgeversenquête",
        [
            Row("GK0-10", "Bedrijfsgrootte: 0 tot 10 werkzame personen", parent: nil, validFrom: nil, validTo: nil, aliases: []),
            Row(
                "GK10-100",
                "Bedrijfsgrootte: 10 tot 100 werkzame personen",
                parent: nil,
                validFrom: nil,
                validTo: nil,
                aliases: ["10 tot 100 werkzame personen"]
            ),
            Row(
                "GK100+",
                "Bedrijfsgrootte: 100 of meer werkzame personen",
                parent: nil,
                validFrom: nil,
                validTo: nil,
                aliases: ["100 of meer werkzame personen"]
            ),
            Row("GK1-10", "1 tot 10 werkzame personen", parent: nil, validFrom: nil, validTo: nil, aliases: []),
            Row("GK2-19", "2 t/m 19 werkzame personen", parent: nil, validFrom: nil, validTo: nil, aliases: ["2-19"]),
            Row("GK20-99", "20 t/m 99 werkzame personen", parent: nil, validFrom: nil, validTo: nil, aliases: ["20-99"]),
            Row("GK100+W", "100+ werkzame personen", parent: nil, validFrom: nil, validTo: nil, aliases: ["100+"]),
        ]
    )

    /// Sex (CBS Geslacht).
    public static let geslacht = list("geslacht", "Geslacht", "2026", "CBS 84826NED, CC BY 4.0", geslachtRows)
    /// Age groups (CBS Leeftijd) of the labour-market tables.
    public static let leeftijd = list("leeftijd", "Leeftijd", "2026", "CBS 80590ned, 84826NED, 85554NED, CC BY 4.0", leeftijdRows)
    /// Kinds of bankrupt (CBS TypeGefailleerde).
    public static let typeGefailleerde = list(
        "typegefailleerde",
        "Type gefailleerde",
        "2026",
        "CBS 82242NED, CC BY 4.0",
        typeGefailleerdeRows
    )
    /// Kinds of change in the national accounts (CBS SoortMutaties).
    public static let soortMutaties = list("soortmutaties", "Soort mutaties", "2026", "CBS 85880NED, CC BY 4.0", soortMutatiesRows)
    /// Seasonal adjustment (CBS SeizoenEnWerkdagcorrectie).
    public static let seizoenEnWerkdagcorrectie = list(
        "seizoencorrectie",
        "Seizoen- en werkdagcorrectie",
        "2026",
        "CBS 85224NED, CC BY 4.0",
        seizoenEnWerkdagcorrectieRows
    )
    /// Margins of a confidence interval (CBS Marges).
    public static let marges = list("marges", "Marges", "2026", "CBS 85554NED, CC BY 4.0", margesRows)

    /// Every built-in list, by id.
    public static let all: [String: CodeList] = Dictionary(
        uniqueKeysWithValues: [
            regions, sbi2008, brc2014, beroepsniveau, sizeClasses, geslacht, leeftijd, typeGefailleerde, soortMutaties,
            seizoenEnWerkdagcorrectie, marges,
        ].map { ($0.id, $0) }
    )

    /// The code lists whose members a CBS dimension of this name draws from, and its kind.
    ///
    /// `Bedrijfskenmerken` (80472ned) and `BedrijfskenmerkenSBI2008` (80072ned) mix sectors and size classes; `Beroep` (85276NED) mixes occupations and
    /// beroepsniveau. A name Krapte does not know gives no lists: the dataset then brings its own members.
    public static func lists(forDimension code: String) -> (kind: DimensionKind, lists: [CodeList]) {
        switch code {
        case "RegioS", "Regio", "Regios", "Arbeidsmarktregio", "Arbeidsmarktregios": (.geography, [regions])
        case "BedrijfstakkenBranchesSBI2008", "SectorBranchesSBI2008", "SBI2008", "BedrijfstakkenSBI2008", "Sector":
            (.classification, [sbi2008])
        case "Bedrijfskenmerken", "BedrijfskenmerkenSBI2008": (.classification, [sbi2008, sizeClasses])
        case "Bedrijfsgrootte", "Grootteklasse": (.classification, [sizeClasses])
        case "Beroep", "BeroepBRC2014", "Beroepen": (.classification, [brc2014, beroepsniveau])
        case "Beroepsniveau": (.classification, [beroepsniveau])
        case "Geslacht": (.classification, [geslacht])
        case "Leeftijd": (.classification, [leeftijd])
        case "TypeGefailleerde": (.classification, [typeGefailleerde])
        case "SoortMutaties": (.classification, [soortMutaties])
        case "SeizoenEnWerkdagcorrectie", "Seizoencorrectie": (.classification, [seizoenEnWerkdagcorrectie])
        case "Marges": (.classification, [marges])
        default: (.classification, [])
        }
    }
}
