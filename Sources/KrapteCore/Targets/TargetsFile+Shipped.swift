import Foundation

extension TargetsFile {
    /// The targets Krapte ships: the Monitor of the Actieplan Groene en Digitale Banen (seed 004) as far as the data
    /// under `../shared/data/real` measure it, and the plan's other targets as "geen gegevens" (`krapte targets
    /// --print` writes them out as a file to start from).
    public static let shipped: TargetsFile = {
        do {
            return try TargetsFile(decoding: Data(shippedJSON.utf8), file: "ingebouwde doelen")
        } catch {
            preconditionFailure("the shipped targets do not read: \(error)")
        }
    }()

    /// The text of the shipped targets file.
    public static let shippedJSON = #"""
        {
          "description": "De doelen van het Actieplan Groene en Digitale Banen (Kamerbrief 2025, seed 004) die de tabellen meten, en twee illustratieve doelen van Krapte. Zie Guides/Targets.md.",
          "targets": [
            {
              "id": "digitaal-geschoolden-ict-specialisten",
              "title": "Meer dan 1 miljoen digitaal geschoolden in 2030, gemeten als ICT-specialisten",
              "origin": "Actieplan Groene en Digitale Banen (Kamerbrief 2025): het doel van meer dan 1 miljoen digitaal geschoolden in 2030",
              "explanation": "Eurostat telt de ICT-specialisten in Nederland (isoc_sks_itspt): werkenden in ICT-beroepen en werkenden met een ICT-opleiding in ICT-werk. Het is de Europese maat voor het digitale doel van het Actieplan, en het dichtst bij 'digitaal geschoolden'. Basisjaar 2022, het jaar voor het Actieplan; het pad gaat in gelijke stappen naar 1.000 duizend in 2030.",
              "proxy": "Niet iedere digitaal geschoolde werkt als ICT-specialist, en het Actieplan telt ook digitaal geschoolden buiten ICT-beroepen.",
              "indicator": { "dataset": "eurostat-ict-specialisten", "measure": "ict_employed_ths", "where": { "Land": ["NL"] } },
              "baseline": "2022",
              "target": { "value": 1000, "period": "2030" },
              "path": "linear",
              "decimals": 0
            },
            {
              "id": "digitaal-geschoolden-ict-beroepen",
              "title": "Meer dan 1 miljoen digitaal geschoolden in 2030, gemeten als werkenden in ICT-beroepen",
              "origin": "Actieplan Groene en Digitale Banen (Kamerbrief 2025): het doel van meer dan 1 miljoen digitaal geschoolden in 2030",
              "explanation": "CBS telt de werkzame beroepsbevolking in ICT-beroepen (BRC 2014, beroepsklasse 08, tabel 85276NED), jaargemiddelden. Basisjaar 2022; het pad gaat in gelijke stappen naar 1.000 duizend in 2030.",
              "proxy": "Smaller dan de ICT-specialisten van Eurostat: alleen wie een ICT-beroep uitoefent, niet de digitaal geschoolden in andere beroepen.",
              "indicator": { "dataset": "85276NED", "measure": "WerkzameBeroepsbevolking_1", "where": { "Beroep": ["08"] } },
              "baseline": "2022",
              "target": { "value": 1000, "period": "2030" },
              "path": "linear",
              "decimals": 0
            },
            {
              "id": "instroom-ict-afgestudeerden",
              "title": "Meer ICT-afgestudeerden in het hoger onderwijs: 12.000 per jaar in 2030 (illustratief)",
              "origin": "Illustratief doel van Krapte bij pijler 1 van het Actieplan (verhogen instroom bètatechnisch onderwijs); geen streefcijfer uit het Actieplan",
              "explanation": "Eurostat telt de afgestudeerden in ICT in het tertiair onderwijs (educ_uoe_grad02). Het Actieplan wil meer instroom in bètatechnisch onderwijs zonder een getal te noemen; Krapte volgt hier als voorbeeld een groei naar 12.000 afgestudeerden per jaar in 2030, met een gelijk groeipercentage per jaar.",
              "proxy": "Een deelmaat: afgestudeerden in plaats van instroom, alleen ICT en alleen hoger onderwijs (geen mbo, geen techniek).",
              "indicator": { "dataset": "eurostat-ict-specialisten", "measure": "grads_ict_tertiary", "where": { "Land": ["NL"] } },
              "baseline": "2022",
              "target": { "value": 12000, "period": "2030" },
              "path": "compound",
              "decimals": 0
            },
            {
              "id": "vacatures-ict-sector",
              "title": "Minder openstaande vacatures in de ICT-sector: 15 duizend eind 2030 (illustratief)",
              "origin": "Illustratief doel van Krapte bij het Actieplan (minder tekorten in de digitale banen); geen streefcijfer uit het Actieplan",
              "explanation": "CBS telt de openstaande vacatures in sector J Informatie en communicatie (80472ned). Eind 2022 stonden er 22,9 duizend open; als voorbeeld van een dalend doel volgt Krapte een daling in gelijke stappen naar 15 duizend eind 2030, ruim boven het niveau van begin 2016 (12,5 duizend).",
              "proxy": "Vacatures in de ICT-sector, niet in digitale beroepen: de Monitor van het Actieplan telt 22.700 vacatures in digitale banen in het 4e kwartaal van 2024, in alle sectoren.",
              "indicator": { "dataset": "80472ned", "measure": "OpenstaandeVacatures_1", "where": { "Bedrijfskenmerken": ["J"] } },
              "baseline": "2022KW04",
              "target": { "value": 15, "period": "2030KW04" },
              "path": "linear",
              "decimals": 1
            }
          ],
          "withoutData": [
            {
              "title": "Klimaat- en energiedoelen: genoeg technici voor de groene transitie",
              "origin": "Actieplan Groene en Digitale Banen (Kamerbrief 2025)",
              "explanation": "Het Actieplan houdt vast aan de afgesproken klimaat- en energiedoelen; hoeveel technici daarvoor nodig zijn (PBL, ROA) staat niet in de tabellen die Krapte heeft. Te meten met de vraag naar en het aanbod van technici per jaar."
            },
            {
              "title": "Verhogen instroom bètatechnisch onderwijs (pijler 1)",
              "origin": "Actieplan Groene en Digitale Banen (Kamerbrief 2025)",
              "explanation": "De procentuele instroom in het bètatechnisch onderwijs (DUO, Techniekpact) staat in geen tabel die Krapte heeft. Het aantal ICT-afgestudeerden hierboven is een deelmaat."
            },
            {
              "title": "Behoud en vergroten van de instroom vanuit de arbeidsmarkt (pijler 2)",
              "origin": "Actieplan Groene en Digitale Banen (Kamerbrief 2025)",
              "explanation": "Weglek uit technische opleidingen en zij-instroom in technische beroepen staan in geen tabel die Krapte heeft."
            },
            {
              "title": "EU-doelen voor het aandeel STEM-gediplomeerden: 45% in het mbo, 32% in het hoger onderwijs",
              "origin": "Europese Unie (Europese onderwijsruimte, 2030)",
              "explanation": "De aandelen STEM-gediplomeerden per onderwijsniveau staan in geen tabel die Krapte heeft; Eurostat publiceert ze (educ_uoe_grad02 naar studierichting)."
            }
          ]
        }
        """#
}
