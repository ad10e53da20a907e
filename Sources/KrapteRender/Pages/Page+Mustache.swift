import Mustache

// Swift-mustache finds a template's names by reflection (`Mirror`) unless a value answers them itself, and a name
// that a value lacks is looked up in every value around it. The parts a page repeats hundreds of times (choices,
// cells, rows) and the pages around them answer directly: the explorer over a 93 x 36 x 80 cube renders about ten
// times faster so (Benchmarks/serve.py).

extension FormChoice: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension DataTable: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "caption": caption
        case "headings": headings
        case "bodyRows": Markup.rows(rows)
        default: nil
        }
    }
}

extension DataTable.Heading: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "numeric": numeric
        default: nil
        }
    }
}

extension ExplorerPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "illustrative": illustrative
        case "t": t
        case "dataset": dataset
        case "datasetPath": dataset.pathEncoded
        case "measureOptions": Markup.options(measures)
        case "filters": filters
        case "fromOptions": Markup.options(from)
        case "toOptions": Markup.options(to)
        case "notices": notices
        case "lineChart": lineChart
        case "barChart": barChart
        case "table": table
        case "sourceLine": sourceLine
        case "csvURL": csvURL
        case "jsonURL": jsonURL
        case "permalink": permalink
        case "map": map
        case "excelURL": excelURL
        case "lineChartURL": lineChartURL
        case "barChartURL": barChartURL
        case "mapURL": mapURL
        case "mapSource": mapSource
        case "mapLinks": mapLinks
        case "hasMapLinks": !mapLinks.isEmpty
        default: nil
        }
    }
}

extension ExplorerPage.Filter: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "code": code
        case "title": title
        case "options": Markup.options(groups)
        case "size": size
        case "query": query
        case "searchable": searchable
        default: nil
        }
    }
}

extension TensionPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "illustrative": illustrative
        case "t": t
        case "regionOptions": Markup.options(regions)
        case "occupationOptions": Markup.options(occupationChoices)
        case "periodOptions": Markup.options(periods)
        case "headline": headline
        case "chart": chart
        case "trail": trail
        case "levels": levels
        case "tableCaption": tableCaption
        case "columns": columns
        case "tightest": tightest
        case "loosest": loosest
        case "topLists": !tightest.isEmpty
        case "occupationRows": Markup.rows(occupations)
        case "sourceLine": sourceLine
        case "csvURL": csvURL
        case "excelURL": excelURL
        case "map": map
        case "chartURL": chartURL
        case "mapURL": mapURL
        default: nil
        }
    }
}

extension TensionPage.Occupation: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "rank": rank
        case "label": label
        case "link": link
        case "vacancies": vacancies
        case "benefits": benefits
        case "value": value
        case "typering": typering
        case "typeringClass": typeringClass
        case "yearChange": yearChange
        case "sincePeak": sincePeak
        case "peak": peak
        case "selected": selected
        default: nil
        }
    }
}

extension TensionPage.RegionsMap: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "svg": svg
        case "source": source
        case "caption": caption
        case "rows": rows
        default: nil
        }
    }
}

extension TensionPage.RegionsMap.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "link": link
        case "value": value
        case "typering": typering
        case "typeringClass": typeringClass
        case "selected": selected
        default: nil
        }
    }
}

extension TensionPage.Column: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "link": link
        case "sort": sort
        case "numeric": numeric
        default: nil
        }
    }
}

extension TensionPage.Choice: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "link": link
        case "current": current
        default: nil
        }
    }
}

extension SurveyPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "illustrative": illustrative
        case "t": t
        case "dataset": dataset
        case "datasetPath": dataset.pathEncoded
        case "questions": questions
        case "waves": waves
        case "answers": answers
        case "baselines": baselines
        case "deviation": deviation
        case "comparison": comparison
        case "sections": sections
        case "acrossQuestions": acrossQuestions
        case "acrossDomains": acrossDomains
        case "sourceLine": sourceLine
        case "csvURL": csvURL
        case "explorerURL": explorerURL
        default: nil
        }
    }
}

extension SurveyPage.Figure: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "svg": svg
        case "downloadURL": downloadURL
        default: nil
        }
    }
}

extension SurveyPage.Block: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "figure": figure
        case "table": table
        case "note": note
        default: nil
        }
    }
}

extension SurveyPage.Section: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "outstanding": outstanding
        case "shares": shares
        case "answers": answers
        case "table": table
        case "changes": changes
        default: nil
        }
    }
}

extension APIGuidePage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "pageTitle": pageTitle
        case "t": t
        case "intro": intro
        case "operations": operations
        default: nil
        }
    }
}
