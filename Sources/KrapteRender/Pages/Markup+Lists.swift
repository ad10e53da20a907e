import KrapteCore

/// The long lists of a page written directly, not by the template engine: a select's options and a table's rows
/// repeat the same few tags hundreds of times (an explorer page has about 300 options and 80 rows, a region's
/// spanningsindicator page over 400 occupations as many rows and options), and writing them here makes a page that
/// is not kept about four times faster to build (BENCHMARKS.md). The templates still
/// say where each list goes (`{{{options}}}`, `{{{bodyRows}}}`); the markup is what they wrote, escaped alike.
extension Markup {
    /// `<option>` elements, the chosen ones `selected`.
    static func options(_ choices: [FormChoice]) -> String {
        var out = ""
        out.reserveCapacity(choices.count * 48)
        for choice in choices { option(choice, into: &out) }
        return out
    }

    /// The options of a select in their groups: a group with a heading as an `<optgroup>`, one without as plain
    /// options.
    static func options(_ groups: [ExplorerPage.OptionGroup]) -> String {
        var out = ""
        for group in groups {
            if let label = group.label { out += "<optgroup label=\"" + escape(label) + "\">" }
            for choice in group.options { option(choice, into: &out) }
            if group.label != nil { out += "</optgroup>" }
        }
        return out
    }

    /// One option.
    private static func option(_ choice: FormChoice, into out: inout String) {
        out += "<option value=\""
        out += escape(choice.value)
        out += choice.selected ? "\" selected>" : "\">"
        out += escape(choice.label)
        out += "</option>"
    }

    /// The rows of a table's body, a line each: a row's heading as `<th scope="row">`, numbers in cells of class
    /// `num`, a status mark after its value with what it stands for as its title.
    static func rows(_ rows: [DataTable.Row]) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 96)
        for row in rows {
            out += "<tr>"
            for cell in row.cells {
                if cell.rowHeader {
                    out += "<th scope=\"row\">" + escape(cell.text) + "</th>"
                    continue
                }
                out += cell.numeric ? "<td class=\"num\">" : "<td>"
                out += escape(cell.text)
                if let mark = cell.mark { out += "<abbr title=\"" + escape(cell.markTitle) + "\">" + escape(mark) + "</abbr>" }
                out += "</td>"
            }
            out += "</tr>\n"
        }
        return out
    }

    /// The rows of the spanningsindicator's table of occupations, a line each, the page's own occupation marked
    /// `selected`, each typering in its colour's class.
    static func rows(_ occupations: [TensionPage.Occupation]) -> String {
        var out = ""
        out.reserveCapacity(occupations.count * 360)
        for o in occupations {
            out += o.selected ? "<tr class=\"selected\">" : "<tr>"
            out += "<td class=\"num\">" + String(o.rank) + "</td>"
            out += "<th scope=\"row\"><a href=\"" + escape(o.link) + "\">" + escape(o.label) + "</a></th>"
            for figure in [o.vacancies, o.benefits, o.value] { out += "<td class=\"num\">" + escape(figure) + "</td>" }
            out += "<td><span class=\"typering " + escape(o.typeringClass) + "\">" + escape(o.typering) + "</span></td>"
            out += "<td class=\"num\">" + escape(o.yearChange) + "</td><td class=\"num\">" + escape(o.sincePeak) + "</td>"
            out += "<td>" + escape(o.peak) + "</td></tr>\n"
        }
        return out
    }
}
