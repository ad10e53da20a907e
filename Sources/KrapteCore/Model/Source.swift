import Foundation

/// Where a dataset's figures come from.
public struct Source: Sendable, Hashable, Codable {
    /// The publisher (`CBS`, `UWV`).
    public var publisher: String
    /// The URL or file the figures were read from.
    public var location: String
    /// The licence (`CC BY 4.0`).
    public var licence: String
    /// How to cite it (`Bron: CBS`).
    public var citation: String

    /// Makes a source.
    public init(publisher: String, location: String, licence: String = "", citation: String = "") {
        self.publisher = publisher
        self.location = location
        self.licence = licence
        self.citation = citation.isEmpty && !publisher.isEmpty ? "Bron: \(publisher)" : citation
    }
}

extension Source {
    private enum CodingKeys: String, CodingKey {
        case publisher, location, licence, citation
    }

    /// Reads a source; `licence` and `citation` may be left out (the citation is then `Bron: <publisher>`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            publisher: try c.decode(String.self, forKey: .publisher),
            location: try c.decodeIfPresent(String.self, forKey: .location) ?? "",
            licence: try c.decodeIfPresent(String.self, forKey: .licence) ?? "",
            citation: try c.decodeIfPresent(String.self, forKey: .citation) ?? ""
        )
    }
}
