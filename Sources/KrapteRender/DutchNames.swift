import KrapteCore

/// The Dutch words readers see for Krapte's internal names: kinds of dimensions and measures, the formats a release
/// was read from, and the roles of a computed indicator's inputs. The codes stay in downloads and the API.
public enum DutchNames {
    /// The kind of a dimension: `tijd`, `geografie`, `classificatie`.
    public static func kind(_ kind: DimensionKind) -> String {
        switch kind {
        case .time: "tijd"
        case .geography: "geografie"
        case .classification: "classificatie"
        }
    }

    /// The kind of a measure: `stand`, `stroom`, `verhouding`, `indexcijfer`.
    public static func kind(_ kind: MeasureKind) -> String {
        switch kind {
        case .stock: "stand"
        case .flow: "stroom"
        case .rate: "verhouding"
        case .index: "indexcijfer"
        }
    }

    /// The format a release was read from (`cbs-odata-v4` is `CBS OData v4`, `derived` is `berekend door Krapte`).
    public static func format(_ format: String) -> String {
        switch format {
        case "cbs-odata-v4": "CBS OData v4"
        case "cbs-odata-v3": "CBS OData v3"
        case "cbs-csv": "CBS CSV"
        case "statline-csv": "StatLine CSV met metadata"
        case "tidy-csv": "CSV met mapping"
        case "derived": "berekend door Krapte"
        case "survey": "enquêteschatting"
        case "demo": "gegenereerd (demo)"
        default: format
        }
    }

    /// The role of an input of a computed indicator (`vacancies` is `vacatures`).
    public static func role(_ role: String) -> String {
        switch role {
        case "input": "invoer"
        case "numerator": "teller"
        case "denominator": "noemer"
        case "part": "deel"
        case "total": "totaal"
        case "vacancies": "vacatures"
        case "ww": "WW-uitkeringen"
        case "volumeGrowth": "volumegroei"
        case "volume": "volume"
        case "hours": "gewerkte uren"
        default: role
        }
    }
}
