// A chart's numbers, read from a result by its `ChartSpec`: the labels, the series, and the nulls left out.

/// One series of a chart: a name and a value per label (`nil` for a gap).
struct ChartSeries: Sendable {
    var name: String
    var values: [Double?]
}

/// What every renderer draws: labels along one axis, series of values along the other.
struct ChartData: Sendable {
    var kind: ChartKind
    var title: String?
    var labels: [String]
    var series: [ChartSeries]
    /// The column the labels come from and the one the values do, for axis captions.
    var labelName: String?
    var valueName: String?
    /// Where a value was null and is drawn as a gap: "Togo" (or "Togo, 2022" for a split series).
    var nulls: [String] = []

    init(spec: ChartSpec, table: Table) {
        kind = spec.kind
        title = spec.title
        labels = []
        series = []
        labelName = spec.labels
        valueName = spec.series.count == 1 ? spec.series[0] : nil
        let column = { (name: String?) in name.flatMap { n in table.fields.firstIndex { $0.name == n } } }
        if spec.kind == .hist {
            readHistogram(table, column: column(spec.labels), bins: spec.bins)
        } else if let split = column(spec.splitBy), let valueColumn = column(spec.series.first) {
            readSplit(table, labels: column(spec.labels), split: split, values: valueColumn)
        } else {
            readColumns(table, labels: column(spec.labels), series: spec.series.compactMap(column))
        }
    }

    /// The values of every series, nulls and non-finite numbers left out.
    var allValues: [Double] { series.flatMap { $0.values.compactMap { $0 } }.filter(\.isFinite) }

    /// The footnote on the values left out, or `nil` when none was.
    var nullFootnote: String? {
        guard !nulls.isEmpty else { return nil }
        if kind == .hist { return nulls.joined() }
        let shown = nulls.prefix(5).joined(separator: "; ")
        let more = nulls.count > 5 ? "; and \(nulls.count - 5) more" : ""
        let count = nulls.count == 1 ? "1 value is null" : "\(nulls.count) values are null"
        return "\(count), shown as a gap: \(shown)\(more)"
    }

    static func label(_ value: Value) -> String { value.isNull ? "null" : value.description }

    private mutating func readColumns(_ table: Table, labels labelColumn: Int?, series columns: [Int]) {
        labels = (0..<table.rowCount).map { row in labelColumn.map { Self.label(table[row, $0]) } ?? String(row + 1) }
        series = columns.map { column in
            ChartSeries(name: table.fields[column].name, values: (0..<table.rowCount).map { table[$0, column].doubleValue })
        }
        for column in columns {
            for row in 0..<table.rowCount where table[row, column].isNull {
                let label = labelColumn == nil ? "row \(row + 1)" : labels[row]
                nulls.append(columns.count == 1 ? label : "\(label), \(table.fields[column].name)")
            }
        }
    }

    /// `by FIELD`: a series per value of the field, a label per value of the labels, in order of first appearance.
    private mutating func readSplit(_ table: Table, labels labelColumn: Int?, split: Int, values: Int) {
        var labelIndex: [String: Int] = [:], seriesIndex: [String: Int] = [:]
        var cells: [(label: Int, series: Int, value: Value)] = []
        for row in 0..<table.rowCount {
            let label = labelColumn.map { Self.label(table[row, $0]) } ?? String(row + 1)
            let name = Self.label(table[row, split])
            let l = labelIndex[label] ?? { labelIndex[label] = labels.count; labels.append(label); return labels.count - 1 }()
            let s = seriesIndex[name] ?? { seriesIndex[name] = series.count; series.append(ChartSeries(name: name, values: [])); return series.count - 1 }()
            cells.append((l, s, table[row, values]))
        }
        for s in series.indices { series[s].values = Array(repeating: nil, count: labels.count) }
        for cell in cells {
            if cell.value.isNull { nulls.append("\(labels[cell.label]), \(series[cell.series].name)"); continue }
            // Several rows for one label and series add up, as a stacked table would show them.
            series[cell.series].values[cell.label] = (series[cell.series].values[cell.label] ?? 0) + (cell.value.doubleValue ?? 0)
        }
    }

    /// `hist`: the rows counted in equal ranges from the least value to the greatest.
    private mutating func readHistogram(_ table: Table, column: Int?, bins: Int?) {
        guard let column else { return }
        let values = (0..<table.rowCount).compactMap { table[$0, column].doubleValue }.filter(\.isFinite)
        let nullCount = table.rowCount - values.count
        if nullCount > 0 { nulls.append("\(nullCount) row\(nullCount == 1 ? "" : "s") with a null \(table.fields[column].name) not counted") }
        valueName = "rows"
        let count = bins ?? Self.defaultBins(values.count)
        guard let low = values.min(), let high = values.max() else { return }
        let integral = table.fields[column].type == .integer
        let edges = Self.binEdges(low: low, high: high, count: count, integral: integral)
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for value in values {
            // The last bin holds its upper edge: [a, b) for every bin but the last, which is [a, b].
            let index = edges.dropFirst().firstIndex { value < $0 }.map { $0 - 1 } ?? counts.count - 1
            counts[min(index, counts.count - 1)] += 1
        }
        labels = (0..<counts.count).map { i in
            let closing = i == counts.count - 1 ? "]" : ")"
            return "[\(Self.number(edges[i])), \(Self.number(edges[i + 1]))\(closing)"
        }
        series = [ChartSeries(name: "rows", values: counts)]
    }

    /// Sturges' rule, as many plotting tools default to.
    static func defaultBins(_ count: Int) -> Int {
        guard count > 1 else { return 1 }
        var bins = 1, n = count
        while n > 1 { n /= 2; bins += 1 }
        return min(bins, 20)
    }

    /// `count + 1` equal edges from `low` to `high`; for integers, whole-number widths so that no two
    /// bins share a value.
    static func binEdges(low: Double, high: Double, count: Int, integral: Bool) -> [Double] {
        var width = (high - low) / Double(count)
        if integral { width = max(1, width.rounded(.up)) } else if width == 0 { width = 1 }
        return (0...count).map { low + Double($0) * width }
    }

    /// A number as an axis writes it: whole numbers without a point, others to 3 significant digits.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3
        let scale = (0..<decimals).reduce(1.0) { scale, _ in scale * 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
