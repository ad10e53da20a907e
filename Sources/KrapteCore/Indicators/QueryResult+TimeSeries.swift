extension QueryResult {
    /// The rows as time series, one per combination of members, in the order the rows give them.
    public func timeSeries() -> [(members: [Member], series: TimeSeries)] {
        var order: [[String]] = []
        var groups: [[String]: (members: [Member], points: [TimeSeries.Point])] = [:]
        for row in rows {
            let key = row.members.map(\.code)
            if groups[key] == nil {
                order.append(key)
                groups[key] = (row.members, [])
            }
            groups[key]!.points.append(
                TimeSeries.Point(period: row.period, value: row.value, status: row.status, attribute: row.attribute, inputs: row.inputs)
            )
        }
        return order.map { key in (groups[key]!.members, TimeSeries(groups[key]!.points)) }
    }

    /// The one series the query selected, or nil when it selected none or several.
    public var singleSeries: TimeSeries? {
        let all = timeSeries()
        return all.count == 1 ? all[0].series : nil
    }
}
