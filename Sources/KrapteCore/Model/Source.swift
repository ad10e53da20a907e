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
    /// How to cite it (`Bron: CBS`; for a computed dataset `Bron: CBS (85880NED, 85920NED); bewerking Krapte`).
    public var citation: String
    /// For a computed dataset, the published tables its figures come from, through every indicator in between;
    /// empty for a table as it was published.
    public var origins: [Origin]
    /// Whether the figures were generated to illustrate Krapte (the demo's cube and survey), or computed from such
    /// figures: every page, card, chart, table, API answer and command that shows them says so.
    public var illustrative: Bool

    /// A published table that a computed dataset's figures come from.
    public struct Origin: Sendable, Hashable, Codable {
        /// Its publisher (`CBS`).
        public var publisher: String
        /// The dataset it was loaded as (`85880NED`).
        public var dataset: String

        /// Makes an origin.
        public init(publisher: String, dataset: String) {
            self.publisher = publisher
            self.dataset = dataset
        }
    }

    /// Makes a source. A location that is a path on this machine (`/data/cbs/85224NED.csv`, `./85224NED.csv`) is
    /// kept by its last part only (`85224NED.csv`), also when a stored source is read, so that no page, card or API
    /// answer shows where files lie on the machine.
    public init(
        publisher: String,
        location: String,
        licence: String = "",
        citation: String = "",
        origins: [Origin] = [],
        illustrative: Bool = false
    ) {
        self.publisher = publisher
        self.location = Self.withoutLocalPath(location)
        self.licence = licence
        self.citation = citation.isEmpty && !publisher.isEmpty ? "Bron: \(publisher)" : citation
        self.origins = origins
        self.illustrative = illustrative
    }

    /// The line under a figure, card, chart or table that shows figures of `dataset` as loaded in `vintage`: the
    /// citation, the dataset and its version (`Bron: CBS (85224NED, versie 3)`, `Bron: CBS (85880NED, 85920NED);
    /// bewerking Krapte (arbeidsproductiviteit, versie 7)`), or for illustrative figures a line that says so.
    public func line(dataset: String, vintage: Int64?, in language: Language = .nl) -> String {
        let version = vintage.map { Message("Source.version", $0).text(in: language) } ?? ""
        return "\(citation(in: language)) (\(dataset)\(version))"
    }

    /// The citation in `language`: Krapte's own words in it ("Bron:", "bewerking Krapte", the illustrative note) in
    /// that language; a citation a publisher wrote is kept as it is.
    public func citation(in language: Language) -> String {
        guard !citation.isEmpty else { return Message("Source.unknown").text(in: language) }
        guard language != .nl else { return citation }
        if citation == Self.illustrativeCitation { return Message("Source.illustrative").text(in: language) }
        if citation == Self.generatedCitation { return Message("Source.generated").text(in: language) }
        var text = citation
        if text.hasPrefix("Bron: ") { text = Message("Source.prefix").text(in: language) + text.dropFirst("Bron: ".count) }
        if text.hasSuffix("; bewerking Krapte") {
            text = text.dropLast("; bewerking Krapte".count) + Message("Source.processed").text(in: language)
        }
        return text
    }

    private static let illustrativeCitation = "Illustratief: berekend uit gegenereerde cijfers, geen echte data"

    /// The citation of figures Krapte generated to illustrate what it does (the demo's cube and survey).
    public static let generatedCitation = "Illustratief: gegenereerde cijfers, geen echte data"

    /// The source of a dataset computed from inputs with these sources, each read from dataset `inputs[i]`: the
    /// publishers of the published tables behind them, through computed inputs, cited with the tables and
    /// "bewerking Krapte"; illustrative when any input is.
    public static func computed(from sources: [Source], inputs: [String], location: String) -> Source {
        var origins: [Origin] = []
        for (source, dataset) in zip(sources, inputs) {
            for o in source.origins.isEmpty ? [Origin(publisher: source.publisher, dataset: dataset)] : source.origins
            where !origins.contains(o) {
                origins.append(o)
            }
        }
        var publishers: [String] = []
        for o in origins where !publishers.contains(o.publisher) { publishers.append(o.publisher) }
        let cited = publishers.map { p in
            "\(p.isEmpty ? "onbekend" : p) (\(origins.filter { $0.publisher == p }.map(\.dataset).joined(separator: ", ")))"
        }
        let illustrative = sources.contains(where: \.illustrative)
        var licences: [String] = []
        for l in sources.map(\.licence) where !l.isEmpty && !licences.contains(l) { licences.append(l) }
        return Source(
            publisher: "Krapte",
            location: location,
            licence: licences.joined(separator: "; "),
            citation: illustrative
                ? illustrativeCitation
                : "Bron: \(cited.joined(separator: ", ")); bewerking Krapte",
            origins: origins,
            illustrative: illustrative
        )
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
        case publisher, location, licence, citation, origins, illustrative
    }

    /// Reads a source; `licence` and `citation` may be left out (the citation is then `Bron: <publisher>`), and
    /// `origins` and `illustrative` are absent from sources stored before they were kept.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            publisher: try c.decode(String.self, forKey: .publisher),
            location: try c.decodeIfPresent(String.self, forKey: .location) ?? "",
            licence: try c.decodeIfPresent(String.self, forKey: .licence) ?? "",
            citation: try c.decodeIfPresent(String.self, forKey: .citation) ?? "",
            origins: try c.decodeIfPresent([Origin].self, forKey: .origins) ?? [],
            illustrative: try c.decodeIfPresent(Bool.self, forKey: .illustrative) ?? false
        )
    }

    /// Writes a source; `illustrative` always, so that an API reader sees it, and `origins` for a computed dataset.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(publisher, forKey: .publisher)
        try c.encode(location, forKey: .location)
        try c.encode(licence, forKey: .licence)
        try c.encode(citation, forKey: .citation)
        if !origins.isEmpty { try c.encode(origins, forKey: .origins) }
        try c.encode(illustrative, forKey: .illustrative)
    }
}
