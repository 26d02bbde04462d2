// What a `chart` stage asks to draw, checked: the kind and the result's columns that it reads.

/// The kinds of chart a `chart` stage draws.
public enum ChartKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Horizontal bars, one per label: the default for ranked counts.
    case bar
    /// Vertical bars over the labels.
    case column
    /// Points joined by lines, in row order.
    case line
    /// A histogram: the rows counted in `bins` equal ranges of one numeric column.
    case hist
    /// One line of `▁▂▃▄▅▆▇█` per series.
    case spark

    /// The kinds, for messages: "bar, column, line, hist, spark".
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A checked chart: what to draw from a result, by the names of its columns. It travels with the
/// result (``StatementResult/chart``); the table formats pass the table through, and the chart
/// renderers (``TerminalChart``, ``SVGChart``) draw it.
public struct ChartSpec: Sendable, Hashable, Codable {
    /// The kind.
    public var kind: ChartKind
    /// The column of labels (for `hist`, the column binned); `nil` for row numbers.
    public var labels: String?
    /// The numeric columns drawn, one series each (one column when ``splitBy`` is set; none for `hist`).
    public var series: [String]
    /// The column whose values split the one series into several (`by FIELD`).
    public var splitBy: String?
    /// The title, if given.
    public var title: String?
    /// The number of bins of a `hist`.
    public var bins: Int?

    /// Creates a chart description.
    public init(kind: ChartKind, labels: String? = nil, series: [String] = [], splitBy: String? = nil,
                title: String? = nil, bins: Int? = nil) {
        self.kind = kind
        self.labels = labels
        self.series = series
        self.splitBy = splitBy
        self.title = title
        self.bins = bins
    }
}
