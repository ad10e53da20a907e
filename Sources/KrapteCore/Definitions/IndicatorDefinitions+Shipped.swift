import Foundation

extension IndicatorDefinitions {
    /// The definitions Krapte ships: the indicators of the seed publications, over the demo datasets and the CBS
    /// tables they come from (`krapte compute --print-definitions` writes them out as a file to start from).
    public static let shipped: IndicatorDefinitions = {
        do {
            return try IndicatorDefinitions(decoding: Data(shippedJSON.utf8), file: "ingebouwde definities")
        } catch {
            preconditionFailure("the shipped definitions do not read: \(error)")
        }
    }()

    /// The text of the shipped definitions file.
    public static let shippedJSON = #"""
        {
          "description": "De indicatoren uit de publicaties (seeds) die Krapte meelevert. Zie Guides/IndicatorDefinitions.md.",
          "indicators": [
            {
              "id": "spanningsindicator",
              "title": "Spanningsindicator",
              "description": "Openstaande vacatures per WW-uitkering korter dan 6 maanden, per beroep, arbeidsmarktregio en kwartaal, met de typering van UWV.",
              "operation": "spanningsindicator",
              "inputs": {
                "vacancies": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures" },
                "ww": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden" }
              },
              "unit": "vacatures per WW-uitkering",
              "decimals": 2,
              "rise": "neutral"
            },
            {
              "id": "vacatures-jaarmutatie",
              "title": "Openstaande vacatures, ontwikkeling t.o.v. hetzelfde kwartaal een jaar eerder",
              "operation": "change",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures" } },
              "parameters": { "base": "samePeriodLastYear", "form": "percent" },
              "unit": "%",
              "decimals": 0,
              "rise": "neutral"
            },
            {
              "id": "vacatures-sinds-piek",
              "title": "Openstaande vacatures, ontwikkeling sinds de piek (vanaf 2019)",
              "operation": "sincePeak",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures" } },
              "parameters": { "frequency": "quarter", "range": "2019KW01..", "form": "percent" },
              "unit": "%",
              "decimals": 0,
              "rise": "neutral"
            },
            {
              "id": "ww-kort-jaarmutatie",
              "title": "WW-uitkeringen korter dan 6 maanden, ontwikkeling t.o.v. een jaar eerder",
              "operation": "change",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden" } },
              "parameters": { "base": "samePeriodLastYear", "form": "percent" },
              "unit": "%",
              "decimals": 0,
              "rise": "bad"
            },
            {
              "id": "spanningsindicator-regio",
              "title": "Spanningsindicator per arbeidsmarktregio, alle beroepen",
              "description": "Openstaande vacatures per WW-uitkering korter dan 6 maanden, opgeteld over alle beroepsgroepen van de regio.",
              "operation": "spanningsindicator",
              "inputs": {
                "vacancies": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures", "sumOver": ["Beroep"] },
                "ww": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden", "sumOver": ["Beroep"] }
              },
              "unit": "vacatures per WW-uitkering",
              "decimals": 2,
              "rise": "neutral"
            },
            {
              "id": "spanningsindicator-beroepen",
              "title": "Spanningsindicator per beroepsklasse, -segment en -groep, Nederland en arbeidsmarktregio's",
              "description": "Openstaande vacatures per WW-uitkering korter dan 6 maanden, voor elk niveau van de BRC 2014 en voor Nederland: eerst opgeteld over de beroepsgroepen en regio's eronder, dan gedeeld.",
              "operation": "spanningsindicator",
              "inputs": {
                "vacancies": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures", "rollUp": ["Beroep", "RegioS"] },
                "ww": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden", "rollUp": ["Beroep", "RegioS"] }
              },
              "unit": "vacatures per WW-uitkering",
              "decimals": 2,
              "rise": "neutral"
            },
            {
              "id": "vacatures-beroepen",
              "title": "Openstaande vacatures per beroepsklasse, -segment en -groep, Nederland en arbeidsmarktregio's",
              "operation": "value",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures", "rollUp": ["Beroep", "RegioS"] } },
              "unit": "aantal",
              "decimals": 0,
              "rise": "neutral"
            },
            {
              "id": "ww-kort-beroepen",
              "title": "WW-uitkeringen korter dan 6 maanden per beroepsklasse, -segment en -groep, Nederland en arbeidsmarktregio's",
              "operation": "value",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden", "rollUp": ["Beroep", "RegioS"] } },
              "unit": "aantal",
              "decimals": 0,
              "rise": "bad"
            },
            {
              "id": "vacatures-regio",
              "title": "Openstaande vacatures per arbeidsmarktregio, alle beroepen",
              "operation": "value",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "OpenstaandeVacatures", "sumOver": ["Beroep"] } },
              "unit": "aantal",
              "decimals": 0,
              "rise": "neutral"
            },
            {
              "id": "ww-kort-regio",
              "title": "WW-uitkeringen korter dan 6 maanden per arbeidsmarktregio, alle beroepen",
              "operation": "value",
              "inputs": { "input": { "dataset": "demo-spanning", "measure": "WWKorterDan6Maanden", "sumOver": ["Beroep"] } },
              "unit": "aantal",
              "decimals": 0,
              "rise": "bad"
            },
            {
              "id": "faillissementen-jaarmutatie",
              "title": "Faillissementen, ontwikkeling t.o.v. een jaar eerder",
              "description": "Zoals in de Sectorbeschrijving ICT: uitgesproken faillissementen per groep sectoren.",
              "operation": "change",
              "inputs": { "input": { "dataset": "demo-faillissementen", "measure": "Faillissementen" } },
              "parameters": { "base": "samePeriodLastYear", "form": "percent" },
              "unit": "%",
              "decimals": 0,
              "rise": "bad"
            },
            {
              "id": "arbeidsproductiviteit-groei",
              "title": "Groei arbeidsproductiviteit t.o.v. vorig jaar",
              "description": "Volumegroei van de toegevoegde waarde (CBS 85880NED) gedeeld door de groei van het aantal gewerkte uren (CBS 85920NED).",
              "operation": "productivityGrowth",
              "inputs": {
                "volumeGrowth": { "dataset": "85880NED", "where": { "SoortMutaties": ["A045299"] }, "frequency": "year" },
                "hours": { "dataset": "85920NED", "measure": "GewerkteUren_5", "where": { "TypeWerkenden": ["Totaal"] }, "frequency": "year" }
              },
              "seriesDimension": "Sector",
              "series": [
                {
                  "code": "A-U",
                  "label": "Totaal",
                  "inputs": {
                    "volumeGrowth": { "measure": "Totaal_19" },
                    "hours": { "where": { "BedrijfstakkenBranchesSBI2008": ["A-U"] } }
                  }
                },
                {
                  "code": "J",
                  "label": "Informatie en communicatie",
                  "inputs": {
                    "volumeGrowth": { "measure": "JInformatieEnCommunicatie_44" },
                    "hours": { "where": { "BedrijfstakkenBranchesSBI2008": ["J"] } }
                  }
                },
                {
                  "code": "G-N",
                  "label": "Commerciële dienstverlening",
                  "inputs": {
                    "volumeGrowth": { "measure": "Totaal_39" },
                    "hours": {
                      "where": { "BedrijfstakkenBranchesSBI2008": ["G-I", "J", "K", "L", "M-N"] },
                      "sumOver": ["BedrijfstakkenBranchesSBI2008"]
                    }
                  }
                }
              ],
              "unit": "%",
              "decimals": 1,
              "rise": "good"
            },
            {
              "id": "arbeidsproductiviteit-laatste-2-jaar",
              "title": "Ontwikkeling arbeidsproductiviteit, laatste 2 jaar",
              "operation": "compound",
              "inputs": { "input": { "dataset": "arbeidsproductiviteit-groei", "measure": "arbeidsproductiviteit-groei" } },
              "parameters": { "periods": 2 },
              "unit": "%",
              "decimals": 1,
              "rise": "good"
            },
            {
              "id": "arbeidsproductiviteit-laatste-3-jaar",
              "title": "Ontwikkeling arbeidsproductiviteit, laatste 3 jaar",
              "operation": "compound",
              "inputs": { "input": { "dataset": "arbeidsproductiviteit-groei", "measure": "arbeidsproductiviteit-groei" } },
              "parameters": { "periods": 3 },
              "unit": "%",
              "decimals": 1,
              "rise": "good"
            },
            {
              "id": "ict-beroepen-groei-sinds-2020",
              "title": "Werkzame personen in ICT-beroepen, groei sinds het 1e kwartaal van 2020",
              "operation": "change",
              "inputs": {
                "input": { "dataset": "85276NED", "measure": "WerkzameBeroepsbevolking_1", "where": { "Beroep": ["08"] } }
              },
              "parameters": { "base": "2020KW01", "form": "absolute" },
              "unit": "x 1 000",
              "decimals": 0,
              "rise": "good"
            },
            {
              "id": "ict-beroepen-groei-sinds-2020-pct",
              "title": "Werkzame personen in ICT-beroepen, groei sinds het 1e kwartaal van 2020 in procenten",
              "operation": "change",
              "inputs": {
                "input": { "dataset": "85276NED", "measure": "WerkzameBeroepsbevolking_1", "where": { "Beroep": ["08"] } }
              },
              "parameters": { "base": "2020KW01", "form": "percent" },
              "unit": "%",
              "decimals": 1,
              "rise": "good"
            },
            {
              "id": "vacatures-sector-sinds-piek",
              "title": "Openstaande vacatures per sector, ontwikkeling sinds de piek (vanaf 2019)",
              "operation": "sincePeak",
              "inputs": { "input": { "dataset": "80472ned", "measure": "OpenstaandeVacatures_1" } },
              "parameters": { "frequency": "quarter", "range": "2019KW01..", "form": "percent" },
              "unit": "%",
              "decimals": 0,
              "rise": "neutral"
            },
            {
              "id": "prognose-spanningsindicator",
              "title": "Spanningsindicator per beroep in Nederland, prognose vier kwartalen vooruit",
              "description": "Een vooruitblik zoals de Doorkijk van UWV, die de spanningsindicator een kwartaal vooruit geeft: de spanningsindicator van Nederland per beroepsklasse, -segment en -groep vier kwartalen vooruit, met exponentiële afvlakking (het model per beroep gekozen op AICc) en 80%- en 95%-voorspelintervallen. Op de demoset illustratief. Een prognose van Krapte, geen waarneming en geen cijfer van UWV (Guides/Forecasts.md).",
              "operation": "forecast",
              "inputs": {
                "input": { "dataset": "spanningsindicator-beroepen", "measure": "spanningsindicator-beroepen", "where": { "RegioS": ["NL01"] } }
              },
              "parameters": { "frequency": "quarter", "horizon": 4 },
              "unit": "vacatures per WW-uitkering",
              "decimals": 2,
              "rise": "neutral"
            },
            {
              "id": "prognose-banen-sector",
              "title": "Banen per bedrijfstak, prognose twee jaar vooruit",
              "description": "Een vooruitblik zoals de Arbeidsmarktprognose van UWV: het aantal banen (CBS 85920NED, niet seizoengecorrigeerd) per bedrijfstak acht kwartalen vooruit, met exponentiële afvlakking (het model per bedrijfstak gekozen op AICc) en 80%- en 95%-voorspelintervallen. Een prognose van Krapte, geen waarneming en geen prognose van CBS of UWV (Guides/Forecasts.md).",
              "operation": "forecast",
              "inputs": { "input": { "dataset": "85920NED", "measure": "Banen_3", "where": { "TypeWerkenden": ["Totaal"] } } },
              "parameters": { "frequency": "quarter", "horizon": 8 },
              "unit": "x 1 000",
              "decimals": 0,
              "rise": "good"
            },
            {
              "id": "prognose-gewerkte-uren-sector",
              "title": "Gewerkte uren per bedrijfstak, prognose twee jaar vooruit",
              "description": "Het aantal gewerkte uren (CBS 85920NED, niet seizoengecorrigeerd) per bedrijfstak acht kwartalen vooruit, met exponentiële afvlakking en 80%- en 95%-voorspelintervallen. Een prognose van Krapte, geen waarneming (Guides/Forecasts.md).",
              "operation": "forecast",
              "inputs": { "input": { "dataset": "85920NED", "measure": "GewerkteUren_5", "where": { "TypeWerkenden": ["Totaal"] } } },
              "parameters": { "frequency": "quarter", "horizon": 8 },
              "unit": "mln uren",
              "decimals": 0,
              "rise": "good"
            },
            {
              "id": "prognose-vacatures-sector",
              "title": "Openstaande vacatures per sector, prognose een jaar vooruit",
              "description": "Het aantal openstaande vacatures (CBS 80472ned) per sector vier kwartalen vooruit, met exponentiële afvlakking en 80%- en 95%-voorspelintervallen, zoals de Doorkijk van UWV een kwartaal vooruit kijkt. Een prognose van Krapte, geen waarneming (Guides/Forecasts.md).",
              "operation": "forecast",
              "inputs": {
                "input": {
                  "dataset": "80472ned",
                  "measure": "OpenstaandeVacatures_1",
                  "where": { "Bedrijfskenmerken": ["A-U", "C", "F", "G", "H", "I", "J", "K", "M", "N", "O", "P", "Q"] }
                }
              },
              "parameters": { "frequency": "quarter", "horizon": 4 },
              "unit": "x 1 000",
              "decimals": 1,
              "rise": "neutral"
            }
          ]
        }
        """#
}
