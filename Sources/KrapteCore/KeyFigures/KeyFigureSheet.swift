import Foundation

/// A key-figure sheet like the Utrecht sheet of seed 001: figures for a region from datasets that have a geography
/// dimension, and national figures beside them for context. Sheets are data: Krapte ships one (`shipped`) and
/// `krapte serve --key-figures FILE` reads another. See Guides/KeyFigures.md.
public struct KeyFigureSheet: Sendable, Hashable, Codable {
    /// The sheet's title.
    public var title: String
    /// The region shown when none is asked for: the first of these codes, separated by commas, that the loaded
    /// figures have (`PV26,AM13,NL01`).
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
        } catch let problem as DecodingProblem {
            throw problem.definitionError(file: file)
        }
    }

    /// The sheet Krapte ships: regional figures for Nederland, the provinces and the arbeidsmarktregio's from CBS
    /// tables (85268NED, 86088NED, 85554NED, 85614NED) and from the spanningsindicator computed per region, and
    /// national figures from CBS tables (80590ned, 80472ned, 37789ksz, 80072ned, 85612NED, 83693NED) and the
    /// productivity indicator; the demo's figures stand in until the tables they sample are loaded.
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
          "defaultRegion": "PV26,AM13,NL01",
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
              "rise": "bad",
              "explanation": "Lopende WW-uitkeringen die korter dan 6 maanden lopen, alle beroepen: het direct beschikbare aanbod. Een stijging is slecht nieuws. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Werkloosheid",
              "dataset": "85268NED",
              "measure": "Werkloosheidspercentage_13",
              "rise": "bad",
              "explanation": "Werkloze beroepsbevolking als percentage van de beroepsbevolking van 15 tot 75 jaar, per kwartaal, niet seizoengecorrigeerd (CBS 85268NED). Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Werkzame beroepsbevolking",
              "dataset": "85268NED",
              "measure": "WerkzameBeroepsbevolking_3",
              "rise": "good",
              "explanation": "Werkenden van 15 tot 75 jaar, per kwartaal (CBS 85268NED). Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Netto arbeidsparticipatie",
              "dataset": "85268NED",
              "measure": "NettoArbeidsparticipatie_16",
              "rise": "good",
              "explanation": "Werkenden als percentage van de bevolking van 15 tot 75 jaar, per kwartaal (CBS 85268NED). Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Werkloosheid (jaarcijfer)",
              "dataset": "86088NED",
              "measure": "Werkloosheidspercentage_13",
              "where": { "Persoonskenmerken": ["Totaal personen"] },
              "regionLevels": ["arbeidsmarktregio"],
              "rise": "bad",
              "explanation": "Werkloze beroepsbevolking als percentage van de beroepsbevolking van 15 tot 75 jaar, per jaar, in de regionale indeling van 2024 (CBS 86088NED); per kwartaal zijn er alleen cijfers voor provincies. Vergeleken met het jaar ervoor."
            },
            {
              "title": "Netto arbeidsparticipatie (jaarcijfer)",
              "dataset": "86088NED",
              "measure": "NettoArbeidsparticipatie_16",
              "where": { "Persoonskenmerken": ["Totaal personen"] },
              "regionLevels": ["arbeidsmarktregio"],
              "rise": "good",
              "explanation": "Werkenden als percentage van de bevolking van 15 tot 75 jaar, per jaar, in de regionale indeling van 2024 (CBS 86088NED). Vergeleken met het jaar ervoor."
            },
            {
              "title": "Personen met een WW-uitkering",
              "dataset": "85554NED",
              "measure": "PersonenMetEenWerkloosheidsuitkering_1",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["10000"], "Marges": ["MW00000"] },
              "rise": "bad",
              "explanation": "Personen met een WW-uitkering aan het eind van de maand, seizoengecorrigeerd (CBS 85554NED). Vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Ondernemersvertrouwen",
              "dataset": "85614NED",
              "measure": "Ondernemersvertrouwen_1",
              "where": { "SectorBranchesSBI2008": ["A-U-ex-D-E-K"], "Marges": ["MW00000"], "Seizoencorrectie": ["A050903"] },
              "rise": "good",
              "explanation": "Saldo van positieve en negatieve antwoorden van ondernemers over het economisch klimaat, seizoengecorrigeerd (CBS 85614NED, Conjunctuurenquête). Vergeleken met dezelfde maand een jaar eerder."
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
              "title": "Werkzame beroepsbevolking",
              "dataset": "80590ned",
              "measure": "Seizoengecorrigeerd_4",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["52052"] },
              "rise": "good",
              "explanation": "Werkenden van 15 tot 75 jaar, seizoengecorrigeerd (CBS 80590ned), landelijk. Vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Netto arbeidsparticipatie",
              "dataset": "80590ned",
              "measure": "Seizoengecorrigeerd_14",
              "where": { "Geslacht": ["T001038"], "Leeftijd": ["52052"] },
              "compare": "previousPeriod",
              "rise": "good",
              "explanation": "Werkenden als percentage van de bevolking van 15 tot 75 jaar, seizoengecorrigeerd (CBS 80590ned), landelijk. Vergeleken met de maand ervoor."
            },
            {
              "title": "Openstaande vacatures",
              "dataset": "80472ned",
              "measure": "OpenstaandeVacatures_1",
              "where": { "Bedrijfskenmerken": ["A-U"] },
              "explanation": "Openstaande vacatures in alle bedrijfstakken aan het eind van het kwartaal (CBS 80472ned), landelijk. Meer vacatures is meer vraag, maar ook meer krapte: de pijl heeft geen kleur. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Openstaande vacatures",
              "dataset": "demo-vacatures",
              "measure": "OpenstaandeVacatures",
              "where": { "Bedrijfskenmerken": ["A-U"] },
              "replacedBy": "80472ned",
              "explanation": "Openstaande vacatures in alle bedrijfstakken aan het eind van het kwartaal (een selectie uit CBS 80472ned), landelijk. Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "WW-uitkeringen",
              "dataset": "37789ksz",
              "measure": "NietSeizoengecorrigeerd_8",
              "rise": "bad",
              "explanation": "Lopende WW-uitkeringen aan het eind van de maand (CBS 37789ksz), landelijk; CBS corrigeert ze sinds 2016 niet meer voor het seizoen, dus vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Ziekteverzuim",
              "dataset": "80072ned",
              "measure": "Ziekteverzuimpercentage_1",
              "where": { "BedrijfskenmerkenSBI2008": ["A-U"] },
              "rise": "bad",
              "explanation": "Percentage van de overeengekomen werkdagen dat werknemers ziek waren, alle bedrijfstakken (CBS 80072ned, Nationale Verzuimstatistiek). Vergeleken met hetzelfde kwartaal een jaar eerder."
            },
            {
              "title": "Ondernemersvertrouwen",
              "dataset": "85612NED",
              "measure": "Ondernemersvertrouwen_1",
              "where": { "BedrijfstakkenBranchesSBI2008": ["A-U-ex-D-E-K"], "Marges": ["MW00000"], "Seizoencorrectie": ["A050903"] },
              "rise": "good",
              "explanation": "Saldo van positieve en negatieve antwoorden van ondernemers over het economisch klimaat, seizoengecorrigeerd (CBS 85612NED, Conjunctuurenquête), landelijk. Vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Consumentenvertrouwen",
              "dataset": "83693NED",
              "measure": "Consumentenvertrouwen_1",
              "rise": "good",
              "explanation": "Saldo van positieve en negatieve antwoorden van consumenten over het economisch klimaat en hun koopbereidheid (CBS 83693NED), niet seizoengecorrigeerd. Vergeleken met dezelfde maand een jaar eerder."
            },
            {
              "title": "Groei arbeidsproductiviteit",
              "dataset": "arbeidsproductiviteit-groei",
              "measure": "arbeidsproductiviteit-groei",
              "where": { "Sector": ["A-U"] },
              "compare": "previousPeriod",
              "rise": "good",
              "explanation": "Groei van de toegevoegde waarde per gewerkt uur t.o.v. het jaar ervoor, alle sectoren, berekend door Krapte uit CBS 85880NED en 85920NED. Vergeleken met de groei een jaar eerder."
            },
            {
              "title": "Groei arbeidsproductiviteit",
              "dataset": "demo-arbeidsproductiviteit",
              "measure": "GroeiArbeidsproductiviteit",
              "where": { "Sector": ["Totaal"] },
              "compare": "previousPeriod",
              "rise": "good",
              "replacedBy": "arbeidsproductiviteit-groei",
              "explanation": "Groei van de toegevoegde waarde per gewerkt uur t.o.v. het jaar ervoor, alle sectoren, zoals UWV de cijfers van CBS publiceerde (Sectorbeschrijving ICT 2025). Vergeleken met de groei een jaar eerder."
            }
          ]
        }
        """#
}
