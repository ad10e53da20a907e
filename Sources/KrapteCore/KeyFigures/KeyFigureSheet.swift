import Foundation

/// A key-figure sheet like the Utrecht sheet of seed 001: figures for a region from datasets that have a geography
/// dimension, and national figures beside them for context. Sheets are data: Krapte ships one (`shipped`) and
/// `krapte serve --key-figures FILE` reads another. See Guides/KeyFigures.md.
public struct KeyFigureSheet: Sendable, Hashable, Codable {
    /// The sheet's title.
    public var title: String
    /// The region shown when none is asked for (a code such as `AM13`).
    public var defaultRegion: String
    /// The figures, in the order shown.
    public var figures: [KeyFigure]

    /// Makes a sheet.
    public init(title: String, defaultRegion: String, figures: [KeyFigure]) {
        self.title = title
        self.defaultRegion = defaultRegion
        self.figures = figures
    }

    /// Reads a sheet from JSON.
    /// - Throws: `DefinitionError` naming the file and the place in it.
    public init(decoding data: Data, file: String) throws {
        do {
            self = try JSONDecoder().decode(KeyFigureSheet.self, from: data)
        } catch let error as DecodingError {
            throw IndicatorDefinitions.error(error, file: file)
        }
    }

    /// The sheet Krapte ships: the regional figures computed from the demo cube, and national figures from the
    /// demo set and, once loaded, from CBS tables.
    public static let shipped: KeyFigureSheet = {
        do {
            return try KeyFigureSheet(decoding: Data(shippedJSON.utf8), file: "ingebouwde kerncijfers")
        } catch {
            preconditionFailure("the shipped key-figure sheet does not read: \(error)")
        }
    }()

    /// The text of the shipped sheet.
    public static let shippedJSON = #"""
        {
          "title": "Kerncijfers arbeidsmarkt",
          "defaultRegion": "AM13",
          "figures": [
            {
              "title": "Spanningsindicator",
              "dataset": "spanningsindicator-regio",
              "measure": "spanningsindicator-regio",
              "decimals": 1,
              "explanation": "Openstaande vacatures per WW-uitkering die korter dan 6 maanden loopt, over alle beroepen van de regio. UWV typeert de spanning: onder 0,25 zeer ruim, tot 0,67 ruim, tot 1,5 gemiddeld, tot 4 krap en vanaf 4 zeer krap. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Openstaande vacatures",
              "dataset": "vacatures-regio",
              "measure": "vacatures-regio",
              "explanation": "Openstaande vacatures aan het eind van het kwartaal, alle beroepen. Meer vacatures betekent meer vraag naar personeel, maar ook meer krapte; de pijl heeft daarom geen kleur. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "WW-uitkeringen korter dan 6 maanden",
              "dataset": "ww-kort-regio",
              "measure": "ww-kort-regio",
              "explanation": "Lopende WW-uitkeringen die korter dan 6 maanden lopen, alle beroepen: het direct beschikbare aanbod. Een stijging is slecht nieuws. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Openstaande vacatures (x 1 000)",
              "dataset": "demo-vacatures",
              "measure": "OpenstaandeVacatures",
              "where": { "Bedrijfskenmerken": ["A-U"] },
              "explanation": "Openstaande vacatures in alle bedrijfstakken (CBS 80472ned), landelijk, aan het eind van het kwartaal. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Groei arbeidsproductiviteit",
              "dataset": "demo-arbeidsproductiviteit",
              "measure": "GroeiArbeidsproductiviteit",
              "where": { "Sector": ["Totaal"] },
              "compare": "previousPeriod",
              "rise": "good",
              "explanation": "Groei van de toegevoegde waarde per gewerkt uur t.o.v. het jaar ervoor, alle sectoren (UWV, Sectorbeschrijving ICT 2025). Vergeleken met de groei een jaar eerder."
            },
            {
              "title": "Werkzame beroepsbevolking (x 1 000)",
              "dataset": "80590ned",
              "measure": "Seizoengecorrigeerd_4",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["52052"] },
              "compare": "samePeriodLastYear",
              "rise": "good",
              "explanation": "Werkenden van 15 tot 75 jaar, seizoengecorrigeerd (CBS 80590ned), landelijk. Vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Werkloosheid",
              "dataset": "80590ned",
              "measure": "Seizoengecorrigeerd_8",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["52052"] },
              "compare": "previousPeriod",
              "rise": "bad",
              "explanation": "Werkloze beroepsbevolking als percentage van de beroepsbevolking van 15 tot 75 jaar, seizoengecorrigeerd (CBS 80590ned), landelijk. Vergeleken met de maand ervoor."
            },
            {
              "title": "Netto arbeidsparticipatie",
              "dataset": "80590ned",
              "measure": "Seizoengecorrigeerd_14",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["52052"] },
              "compare": "previousPeriod",
              "rise": "good",
              "explanation": "Werkenden als percentage van de bevolking van 15 tot 75 jaar, seizoengecorrigeerd (CBS 80590ned), landelijk. Vergeleken met de maand ervoor."
            }
          ]
        }
        """#
}
