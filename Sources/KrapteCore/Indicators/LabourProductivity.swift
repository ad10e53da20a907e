/// Labour productivity: value added in volume per hour worked. See Guides/LabourProductivity.md.
public enum LabourProductivity {
    /// The yearly growth of labour productivity in percent, from the volume growth of value added (in percent, as
    /// CBS publishes it in 85880NED) and the hours worked (levels, as in 85920NED):
    /// ((1 + volume growth / 100) / (hours / hours a year earlier) - 1) x 100.
    public static func growth(valueAddedVolumeGrowth: TimeSeries, hoursWorked: TimeSeries) -> TimeSeries {
        var out: [TimeSeries.Point] = []
        for g in valueAddedVolumeGrowth.points {
            guard let hoursNow = hoursWorked[g.period], let hoursBefore = g.period.samePeriodLastYear.flatMap({ hoursWorked[$0] })
            else { continue }
            var value: Double?
            if let a = g.value, let now = hoursNow.value, let before = hoursBefore.value, before != 0 {
                value = ((1 + a / 100) / (now / before) - 1) * 100
            }
            out.append(TimeSeries.computed(g.period, value, from: [g, hoursBefore, hoursNow]))
        }
        return TimeSeries(out)
    }

    /// Labour productivity as a level: value added in volume divided by hours worked.
    public static func level(valueAddedVolume: TimeSeries, hoursWorked: TimeSeries) -> TimeSeries {
        TimeSeries.ratio(valueAddedVolume, hoursWorked)
    }
}
