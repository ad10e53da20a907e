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
        "86075ned": Table(title: "ICT-gebruik bij bedrijven", defaults: ("%", 0, .rate), measures: [:]),
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

    /// Whether the catalogue gives the decimals of the measures of `table` (its own or its defaults).
    public static func knowsDecimals(table: String) -> Bool {
        tables[table.lowercased()] != nil
    }

    /// A readable title from a CBS v3 key: `OpenstaandeVacatures_1` gives `Openstaande vacatures`.
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
            } else {
                words.append(c)
            }
            previous = c
        }
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
