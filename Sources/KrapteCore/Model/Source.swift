import Foundation

/// Where a dataset's figures come from.
public struct Source: Sendable, Hashable, Codable {
    /// The publisher (`CBS`, `UWV`).
    public var publisher: String
    /// The URL the figures were read from, or the name of the file or folder (never its path on this machine), or a
    /// description of the publication.
    public var location: String
    /// The licence (`CC BY 4.0`).
    public var licence: String
    /// How to cite it (`Bron: CBS`).
    public var citation: String

    /// Makes a source. A location that is a path on this machine (`/data/cbs/85224NED.csv`, `./85224NED.csv`) is
    /// kept by its last part only (`85224NED.csv`), also when a stored source is read, so that no page, card or API
    /// answer shows where files lie on the machine.
    public init(publisher: String, location: String, licence: String = "", citation: String = "") {
        self.publisher = publisher
        self.location = Self.withoutLocalPath(location)
        self.licence = licence
        self.citation = citation.isEmpty && !publisher.isEmpty ? "Bron: \(publisher)" : citation
    }
}

extension Source {
    /// `location` without the folders of a path on this machine: an absolute path or one starting with `./` or
    /// `../` gives its last part; a URL or a description is kept as it is.
    static func withoutLocalPath(_ location: String) -> String {
        guard !location.contains("://"), location.hasPrefix("/") || location.hasPrefix("./") || location.hasPrefix("../") else {
            return location
        }
        let name = location.split(separator: "/").last.map(String.init) ?? ""
        return name.isEmpty ? location : name
    }

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
