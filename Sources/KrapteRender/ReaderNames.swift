import Foundation
import KrapteCore

/// The words readers see for Krapte's internal names, in their language: kinds of dimensions and measures, the
/// formats a release was read from, and the roles of a computed indicator's inputs. The codes stay in downloads and
/// the API; the words are in the catalogues (`kind.*`, `format.*`, `role.*`).
public enum ReaderNames {
    /// The kind of a dimension: `tijd`, `geografie`, `classificatie`.
    public static func kind(_ kind: DimensionKind, in language: Language = .nl) -> String {
        Catalogue.shipped(language)["kind.dimension.\(kind.rawValue)"]
    }

    /// The kind of a measure: `stand`, `stroom`, `verhouding`, `indexcijfer`.
    public static func kind(_ kind: MeasureKind, in language: Language = .nl) -> String {
        Catalogue.shipped(language)["kind.measure.\(kind.rawValue)"]
    }

    /// The format a release was read from (`cbs-odata-v4` is `CBS OData v4`, `derived` is `berekend door Krapte`);
    /// a format the catalogue does not name as it is.
    public static func format(_ format: String, in language: Language = .nl) -> String {
        Catalogue.shipped(language).text("format.\(format)") ?? format
    }

    /// The CSS class that colours a typering (`zeer krap` is `typering-zeer-krap`); `typering-` for none.
    public static func typeringClass(_ typering: String?) -> String {
        "typering-" + (typering ?? "").replacingOccurrences(of: " ", with: "-")
    }

    /// The role of an input of a computed indicator (`vacancies` is `vacatures`); a role the catalogue does not
    /// name as it is.
    public static func role(_ role: String, in language: Language = .nl) -> String {
        Catalogue.shipped(language).text("role.\(role)") ?? role
    }
}
