/// The colours of charts: Okabe and Ito's palette, told apart by readers with any common colour-vision deficiency,
/// in an order that keeps neighbours distinct.
public enum ChartPalette {
    /// The colours for series or categories, in order; the list repeats after eight.
    public static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]

    /// The colour of series or category `index`.
    public static func colour(_ index: Int) -> String { colours[index % colours.count] }

    /// The axis and grid colour.
    static let axis = "#595959"
    /// The colour of grid lines.
    static let grid = "#D9D9D9"

    /// The colours of the spanningsindicator's five typeringen, from zeer ruim to zeer krap, as on its page: two
    /// blues for ample, grey for average, two reds for tight, each told apart from its neighbours.
    public static let typering = ["#1F5A96", "#7FB2DE", "#BDBDBD", "#E0884A", "#8C1C13"]

    /// Five classes of a value from low to high, a sequential blue that stays light enough for its border.
    public static let sequential = ["#DEEBF7", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"]

    /// A region without figures on a map, drawn with a grey outline.
    public static let noData = "#FFFFFF"
}
