import KrapteCore

/// What Krapte knows of CBS tables whose CSV dumps carry no metadata: their titles, and the unit, decimals and
/// kind of their measures, written from the tables' CBS descriptions.
///
/// A table that is not here still loads: its measures then get a title made from the column key and no unit.
public enum CBSTableCatalogue {
    /// A known table.
    public struct Table: Sendable {
        /// The CBS title.
        public var title: String
        /// The unit, decimals and kind of measures not listed in `measures`.
        public var defaults: (unit: String, decimals: Int, kind: MeasureKind)
        /// Per column key: title, unit, decimals and kind.
        public var measures: [String: Measure]
        /// The period of a table of one period whose dump has no Perioden column (CBS makes such a table anew each
        /// year, so its id fixes the period).
        public var period: Period?

        init(title: String, defaults: (unit: String, decimals: Int, kind: MeasureKind), measures: [String: Measure], period: Period? = nil) {
            self.title = title
            self.defaults = defaults
            self.measures = measures
            self.period = period
        }
    }

    private static func m(_ title: String, _ unit: String, _ decimals: Int, _ kind: MeasureKind) -> Measure {
        Measure(code: "", title: title, unit: unit, decimals: decimals, kind: kind)
    }

    /// The known tables, by lower-cased CBS id.
    public static let tables: [String: Table] = [
        "80472ned": Table(
            title: "Vacatures; SBI 2008; naar economische activiteit en bedrijfsgrootte",
            defaults: ("x 1 000", 1, .stock),
            measures: [
                "OpenstaandeVacatures_1": m("Openstaande vacatures", "x 1 000", 1, .stock),
                "OntstaneVacatures_2": m("Ontstane vacatures", "x 1 000", 1, .flow),
                "VervuldeVacatures_3": m("Vervulde vacatures", "x 1 000", 1, .flow),
            ]
        ),
        "80567ned": Table(
            title: "Vacatures; vacaturegraad naar SBI 2008",
            defaults: ("per 1 000 banen", 0, .rate),
            measures: ["Vacaturegraad_1": m("Vacaturegraad", "per 1 000 banen", 0, .rate)]
        ),
        "85276ned": Table(
            title: "Werkzame beroepsbevolking; beroep",
            defaults: ("x 1 000", 0, .stock),
            measures: ["WerkzameBeroepsbevolking_1": m("Werkzame beroepsbevolking", "x 1 000", 0, .stock)]
        ),
        "85517ned": Table(
            title: "Werknemers; uurloon en beroep",
            defaults: ("euro", 1, .rate),
            measures: [
                "Werknemer_1": m("Werknemers", "x 1 000", 0, .stock),
                "k_25ePercentiel_2": m("Uurloon, 25e percentiel", "euro", 1, .rate),
                "k_50ePercentielMediaan_3": m("Uurloon, mediaan", "euro", 1, .rate),
                "k_75ePercentiel_4": m("Uurloon, 75e percentiel", "euro", 1, .rate),
            ]
        ),
        "82242ned": Table(
            title: "Faillissementen; kerncijfers",
            defaults: ("aantal", 0, .flow),
            measures: ["UitgesprokenFaillissementen_1": m("Uitgesproken faillissementen", "aantal", 0, .flow)]
        ),
        "82244ned": Table(
            title: "Faillissementen; bedrijven en instellingen, SBI 2008",
            defaults: ("aantal", 0, .flow),
            measures: ["UitgesprokenFaillissementen_1": m("Uitgesproken faillissementen", "aantal", 0, .flow)]
        ),
        "84826ned": Table(
            title: "Ontslagen werknemers door faillissement; geslacht, leeftijd, bedrijfstak",
            defaults: ("x 1 000", 1, .flow),
            measures: ["OntslagenWerknemers_1": m("Ontslagen werknemers", "x 1 000", 1, .flow)]
        ),
        "85920ned": Table(
            title: "Arbeidsvolume; bedrijfstak, kwartalen, nationale rekeningen",
            defaults: ("x 1 000", 0, .flow),
            measures: [
                "WerkzamePersonen_1": m("Werkzame personen", "x 1 000", 0, .stock),
                "WerkzamePersonenSeizoengecorrigeerd_2": m("Werkzame personen, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "Banen_3": m("Banen", "x 1 000", 0, .stock),
                "BanenSeizoengecorrigeerd_4": m("Banen, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "GewerkteUren_5": m("Gewerkte uren", "mln uren", 0, .flow),
                "GewerkteUrenSeizoengecorrigeerd_6": m("Gewerkte uren, seizoengecorrigeerd", "mln uren", 0, .flow),
                "WerkzamePersonen_7": m("Mutatie werkzame personen", "x 1 000", 0, .flow),
                "Banen_8": m("Mutatie banen", "x 1 000", 0, .flow),
                "WerkzamePersonenSeizoengecorrigeerd_9": m("Mutatie werkzame personen, seizoengecorrigeerd", "x 1 000", 0, .flow),
                "BanenSeizoengecorrigeerd_10": m("Mutatie banen, seizoengecorrigeerd", "x 1 000", 0, .flow),
            ]
        ),
        "37789ksz": Table(
            title: "Sociale zekerheid; kerncijfers, uitkeringen naar uitkeringssoort",
            defaults: ("x 1 000", 1, .stock),
            measures: [
                "NietSeizoengecorrigeerd_8": m("WW-uitkeringen", "x 1 000", 1, .stock),
                "Seizoengecorrigeerd_9": m("WW-uitkeringen, seizoengecorrigeerd", "x 1 000", 1, .stock),
            ]
        ),
        "80590ned": Table(
            title: "Arbeidsdeelname en werkloosheid per maand",
            defaults: ("x 1 000", 0, .stock),
            measures: [
                "NietSeizoengecorrigeerd_1": m("Beroepsbevolking", "x 1 000", 0, .stock),
                "Seizoengecorrigeerd_2": m("Beroepsbevolking, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "NietSeizoengecorrigeerd_3": m("Werkzame beroepsbevolking", "x 1 000", 0, .stock),
                "Seizoengecorrigeerd_4": m("Werkzame beroepsbevolking, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "NietSeizoengecorrigeerd_5": m("Werkloze beroepsbevolking", "x 1 000", 0, .stock),
                "Seizoengecorrigeerd_6": m("Werkloze beroepsbevolking, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "NietSeizoengecorrigeerd_7": m("Werkloosheidspercentage", "%", 1, .rate),
                "Seizoengecorrigeerd_8": m("Werkloosheidspercentage, seizoengecorrigeerd", "%", 1, .rate),
                "NietSeizoengecorrigeerd_9": m("Niet-beroepsbevolking", "x 1 000", 0, .stock),
                "Seizoengecorrigeerd_10": m("Niet-beroepsbevolking, seizoengecorrigeerd", "x 1 000", 0, .stock),
                "NietSeizoengecorrigeerd_11": m("Bruto arbeidsparticipatie", "%", 1, .rate),
                "Seizoengecorrigeerd_12": m("Bruto arbeidsparticipatie, seizoengecorrigeerd", "%", 1, .rate),
                "NietSeizoengecorrigeerd_13": m("Netto arbeidsparticipatie", "%", 1, .rate),
                "Seizoengecorrigeerd_14": m("Netto arbeidsparticipatie, seizoengecorrigeerd", "%", 1, .rate),
            ]
        ),
        "86075ned": Table(title: "ICT-gebruik bij bedrijven; bedrijfstak, 2024", defaults: ("%", 0, .rate), measures: [:], period: .year(2024)),
        "85224ned": Table(
            title: "Arbeidsdeelname; kerncijfers, seizoengecorrigeerd",
            defaults: ("x 1 000", 0, .stock),
            measures: [
                "Totaal_1": m("Bevolking 15 tot 75 jaar", "x 1 000", 0, .stock),
                "k_1BasisonderwijsVmboMbo1OfOnbekend_2": m("Bevolking: 1 Basisonderwijs, vmbo, mbo1 of onbekend", "x 1 000", 0, .stock),
                "k_2HavoVwoMbo24_3": m("Bevolking: 2 Havo, vwo, mbo2-4", "x 1 000", 0, .stock),
                "k_3HboWo_4": m("Bevolking: 3 Hbo, wo", "x 1 000", 0, .stock),
                "Beroepsbevolking_5": m("Beroepsbevolking", "x 1 000", 0, .stock),
                "WerkzameBeroepsbevolking_6": m("Werkzame beroepsbevolking", "x 1 000", 0, .stock),
                "Deeltijd_7": m("Werkzaam in deeltijd", "x 1 000", 0, .stock),
                "MinderDan20UurPerWeek_8": m("Werkzaam minder dan 20 uur per week", "x 1 000", 0, .stock),
                "k_20Tot35UurPerWeek_9": m("Werkzaam 20 tot 35 uur per week", "x 1 000", 0, .stock),
                "Voltijd_10": m("Werkzaam in voltijd", "x 1 000", 0, .stock),
                "WilMeerUrenWerkenBeschikbaar_11": m("Wil meer uren werken, beschikbaar", "x 1 000", 0, .stock),
                "WilNietMeerWerkenOfNietBeschikbaar_12": m("Wil niet meer werken of niet beschikbaar", "x 1 000", 0, .stock),
                "Werknemer_13": m("Werknemer", "x 1 000", 0, .stock),
                "WerknemerMetVasteArbeidsrelatie_14": m("Werknemer met vaste arbeidsrelatie", "x 1 000", 0, .stock),
                "WerknemerMetFlexibeleArbeidsrelatie_15": m("Werknemer met flexibele arbeidsrelatie", "x 1 000", 0, .stock),
                "Zelfstandige_16": m("Zelfstandige", "x 1 000", 0, .stock),
                "ZelfstandigeZonderPersoneelZzp_17": m("Zelfstandige zonder personeel (zzp)", "x 1 000", 0, .stock),
                "ZelfstandigeMetPersoneelOfMeewerkend_18": m("Zelfstandige met personeel of meewerkend", "x 1 000", 0, .stock),
                "k_1BasisonderwijsVmboMbo1_19": m("Werkzaam: 1 Basisonderwijs, vmbo, mbo1", "x 1 000", 0, .stock),
                "k_2HavoVwoMbo24_20": m("Werkzaam: 2 Havo, vwo, mbo2-4", "x 1 000", 0, .stock),
                "k_3HboWo_21": m("Werkzaam: 3 Hbo, wo", "x 1 000", 0, .stock),
                "WerklozeBeroepsbevolking_22": m("Werkloze beroepsbevolking", "x 1 000", 0, .stock),
                "Kortdurig_23": m("Werkloos, kortdurig", "x 1 000", 0, .stock),
                "LangdurigOfOnbekend_24": m("Werkloos, langdurig of onbekend", "x 1 000", 0, .stock),
                "Werkloosheidspercentage_25": m("Werkloosheidspercentage", "%", 1, .rate),
                "NietBeroepsbevolking_26": m("Niet-beroepsbevolking", "x 1 000", 0, .stock),
                "BeschikbaarNietGezocht_27": m("Niet-beroepsbevolking: beschikbaar, niet gezocht", "x 1 000", 0, .stock),
                "GezochtNietBeschikbaar_28": m("Niet-beroepsbevolking: gezocht, niet beschikbaar", "x 1 000", 0, .stock),
                "NietGezochtNietBeschikbaar_29": m("Niet-beroepsbevolking: niet gezocht, niet beschikbaar", "x 1 000", 0, .stock),
                "BrutoArbeidsparticipatie_30": m("Bruto arbeidsparticipatie", "%", 1, .rate),
                "NettoArbeidsparticipatie_31": m("Netto arbeidsparticipatie", "%", 1, .rate),
                "k_1BasisonderwijsVmboMbo1OfOnbekend_32": m("Netto arbeidsparticipatie: 1 Basisonderwijs, vmbo, mbo1 of onbekend", "%", 1, .rate),
                "k_2HavoVwoMbo24_33": m("Netto arbeidsparticipatie: 2 Havo, vwo, mbo2-4", "%", 1, .rate),
                "k_3HboWo_34": m("Netto arbeidsparticipatie: 3 Hbo, wo", "%", 1, .rate),
            ]
        ),
        "85268ned": Table(title: "Arbeidsdeelname; regio, kwartaal", defaults: ("x 1 000", 0, .stock), measures: regionalParticipation),
        "86088ned": Table(title: "Arbeidsdeelname; regionale indeling 2024", defaults: ("x 1 000", 0, .stock), measures: regionalParticipation),
        "85554ned": Table(
            title: "Personen met WW-uitkering, seizoengecorrigeerd; persoonskenmerken en regio",
            defaults: ("aantal", 0, .stock),
            measures: ["PersonenMetEenWerkloosheidsuitkering_1": m("Personen met een werkloosheidsuitkering", "aantal", 0, .stock)]
        ),
        "80072ned": Table(
            title: "Ziekteverzuim volgens werkgevers; bedrijfstak en bedrijfsgrootte",
            defaults: ("%", 1, .rate),
            measures: ["Ziekteverzuimpercentage_1": m("Ziekteverzuimpercentage", "%", 1, .rate)]
        ),
        "85609ned": Table(title: "Conjunctuurenquête Nederland; bedrijfstakken (SBI 2008)", defaults: ("%", 1, .rate), measures: [:]),
        "85612ned": Table(title: "Ondernemersvertrouwen; bedrijfstakken (SBI 2008)", defaults: ("saldo", 1, .rate), measures: businessConfidence),
        "85614ned": Table(title: "Ondernemersvertrouwen; regio (provincie)", defaults: ("saldo", 1, .rate), measures: businessConfidence),
        "83693ned": Table(
            title: "Consumentenvertrouwen, economisch klimaat en koopbereidheid",
            defaults: ("saldo", 0, .rate),
            measures: [
                "Consumentenvertrouwen_1": m("Consumentenvertrouwen", "saldo", 0, .rate),
                "EconomischKlimaat_2": m("Economisch klimaat", "saldo", 0, .rate),
                "Koopbereidheid_3": m("Koopbereidheid", "saldo", 0, .rate),
                "EconomischeSituatieLaatste12Maanden_4": m("Economische situatie laatste 12 maanden", "saldo", 0, .rate),
                "EconomischeSituatieKomende12Maanden_5": m("Economische situatie komende 12 maanden", "saldo", 0, .rate),
                "FinancieleSituatieLaatste12Maanden_6": m("Financiële situatie laatste 12 maanden", "saldo", 0, .rate),
                "FinancieleSituatieKomende12Maanden_7": m("Financiële situatie komende 12 maanden", "saldo", 0, .rate),
                "GunstigeTijdVoorGroteAankopen_8": m("Gunstige tijd voor grote aankopen", "saldo", 0, .rate),
            ]
        ),
        "85880ned": Table(
            title: "Bbp, productie en bestedingen; kwartalen, mutaties, nationale rekeningen",
            defaults: ("%", 1, .rate),
            measures: [
                "Totaal_19": m("Bruto toegevoegde waarde, totaal", "%", 1, .rate),
                "Totaal_39": m("Bruto toegevoegde waarde, G-N Commerciële dienstverlening", "%", 1, .rate),
                "JInformatieEnCommunicatie_44": m("Bruto toegevoegde waarde, J Informatie en communicatie", "%", 1, .rate),
            ]
        ),
        "85879ned": Table(title: "Bbp, productie en bestedingen; waarden, nationale rekeningen", defaults: ("mln euro", 0, .flow), measures: [:]),
    ]

    /// The measures of 85268NED and 86088NED (labour participation by region).
    private static let regionalParticipation: [String: Measure] = [
        "BeroepsEnNietBeroepsbevolking_1": m("Beroeps- en niet-beroepsbevolking", "x 1 000", 0, .stock),
        "Beroepsbevolking_2": m("Beroepsbevolking", "x 1 000", 0, .stock),
        "WerkzameBeroepsbevolking_3": m("Werkzame beroepsbevolking", "x 1 000", 0, .stock),
        "Werknemer_4": m("Werknemer", "x 1 000", 0, .stock),
        "Zelfstandige_5": m("Zelfstandige", "x 1 000", 0, .stock),
        "PositieInDeWerkkringOnbekend_6": m("Positie in de werkkring onbekend", "x 1 000", 0, .stock),
        "Beroepsniveau1_7": m("Beroepsniveau 1", "x 1 000", 0, .stock),
        "Beroepsniveau2_8": m("Beroepsniveau 2", "x 1 000", 0, .stock),
        "Beroepsniveau3_9": m("Beroepsniveau 3", "x 1 000", 0, .stock),
        "Beroepsniveau4_10": m("Beroepsniveau 4", "x 1 000", 0, .stock),
        "BeroepsniveauOnbekend_11": m("Beroepsniveau onbekend", "x 1 000", 0, .stock),
        "WerklozeBeroepsbevolking_12": m("Werkloze beroepsbevolking", "x 1 000", 0, .stock),
        "Werkloosheidspercentage_13": m("Werkloosheidspercentage", "%", 1, .rate),
        "NietBeroepsbevolking_14": m("Niet-beroepsbevolking", "x 1 000", 0, .stock),
        "BrutoArbeidsparticipatie_15": m("Bruto arbeidsparticipatie", "%", 1, .rate),
        "NettoArbeidsparticipatie_16": m("Netto arbeidsparticipatie", "%", 1, .rate),
    ]

    /// The measures of 85612NED and 85614NED (business confidence), balances of the answers.
    private static let businessConfidence: [String: Measure] = [
        "Ondernemersvertrouwen_1": m("Ondernemersvertrouwen", "saldo", 1, .rate),
        "OntwikkelingEconomischKlimaat_2": m("Ontwikkeling economisch klimaat", "saldo", 1, .rate),
        "VerwachtingEconomischKlimaat_3": m("Verwachting economisch klimaat", "saldo", 1, .rate),
        "OnzekerheidsindicatorEconomischKlimaat_4": m("Onzekerheidsindicator economisch klimaat", "saldo", 1, .rate),
    ]

    /// The measure for a column key of a table: from the catalogue when known, else titled from the key.
    public static func measure(table: String, key: String) -> Measure {
        let known = tables[table.lowercased()]
        if var m = known?.measures[key] {
            m.code = key
            return m
        }
        let d = known?.defaults
        return Measure(code: key, title: title(fromKey: key), unit: d?.unit ?? "", decimals: d?.decimals ?? 0, kind: d?.kind ?? .stock)
    }

    /// The title of a CBS dimension as StatLine shows it (`RegioS` is `Regio's`); a key Krapte does not know gets a
    /// title made from it.
    public static func dimensionTitle(_ key: String) -> String {
        let known: [String: String] = [
            "RegioS": "Regio's", "BedrijfstakkenBranchesSBI2008": "Bedrijfstakken/branches (SBI 2008)",
            "BedrijfskenmerkenSBI2008": "Bedrijfskenmerken (SBI 2008)", "SectorBranchesSBI2008": "Sector/branches (SBI 2008)",
            "Bedrijfskenmerken": "Bedrijfskenmerken", "SeizoenEnWerkdagcorrectie": "Seizoen- en werkdagcorrectie",
            "Seizoencorrectie": "Seizoencorrectie", "TypeGefailleerde": "Type gefailleerde", "SoortMutaties": "Soort mutaties",
            "TypeWerkenden": "Type werkenden", "Persoonskenmerken": "Persoonskenmerken", "Beroep": "Beroep",
            "Geslacht": "Geslacht", "Leeftijd": "Leeftijd", "Marges": "Marges", "Perioden": "Perioden",
        ]
        return known[key] ?? title(fromKey: key)
    }

    /// Whether the catalogue gives the decimals of the measures of `table` (its own or its defaults).
    public static func knowsDecimals(table: String) -> Bool {
        tables[table.lowercased()] != nil
    }

    /// A readable title from a CBS v3 key: `OpenstaandeVacatures_1` gives `Openstaande vacatures`,
    /// `MinderDan20UurPerWeek_8` gives `Minder dan 20 uur per week`.
    public static func title(fromKey key: String) -> String {
        var base = Substring(key)
        if let underscore = base.lastIndex(of: "_"), base[base.index(after: underscore)...].allSatisfy(\.isNumber) {
            base = base[..<underscore]
        }
        if base.hasPrefix("k_") { base = base.dropFirst(2) }
        var words = ""
        var previous: Character = " "
        for c in base {
            if c == "_" {
                words.append(" ")
            } else if c.isUppercase, previous.isLowercase || previous.isNumber {
                words.append(" ")
                words.append(Character(c.lowercased()))
            } else if c.isNumber, previous.isLetter {
                words.append(" ")
                words.append(c)
            } else {
                words.append(c)
            }
            previous = c
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
