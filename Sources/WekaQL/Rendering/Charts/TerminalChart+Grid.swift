// The two charts drawn on a grid of cells: `column` (vertical bars in eighths) and `line` (markers joined
// by dots). Both have a value axis on the left and the labels below.

extension TerminalChart {
    /// Rows of the drawing area of a column or line chart.
    static let gridHeight = 12

    /// The value axis: its labelled rows (top, zero, bottom) and the gutter width they need.
    private func gutter(low: Double, high: Double, rows: Int, zeroRow: Int) -> (width: Int, label: (Int) -> String) {
        var marks = [0: ChartData.number(high), rows - 1: ChartData.number(low)]
        marks[zeroRow] = "0"
        let width = marks.values.map(DisplayText.width(of:)).max() ?? 1
        let tick = ascii ? "+" : "┤", rule = ascii ? "|" : "│"
        return (width + 1, { row in
            guard let mark = marks[row] else { return String(repeating: " ", count: width) + rule }
            return String(repeating: " ", count: width - DisplayText.width(of: mark)) + mark + tick
        })
    }

    /// The row of zero in a grid of `rows` rows scaled from `low` to `high` (row 0 at the top).
    private static func row(of value: Double, low: Double, high: Double, rows: Int) -> Int {
        let position = (value - low) / (high - low) * Double(rows - 1)
        return rows - 1 - Int(position.rounded())
    }

    // MARK: - Columns

    func columns(_ data: ChartData) -> [String] {
        let (low, high) = Self.scale(data)
        let rows = Self.gridHeight
        let negativeRows = low < 0 ? max(1, Int((Double(rows) * -low / (high - low)).rounded())) : 0
        let positiveRows = rows - negativeRows
        let axis = gutter(low: low, high: high, rows: rows + 1, zeroRow: positiveRows)
        let room = width - axis.width
        let seriesCount = data.series.count
        let barWidth = max(1, min(6, (room / max(1, data.labels.count) - 1) / seriesCount))
        let group = barWidth * seriesCount + 1
        let shownLabels = min(data.labels.count, max(1, room / group))
        let perEighth = (high - low) / Double(rows * 8)
        var lines: [String] = []
        for r in 0...rows {
            var line = axis.label(r)
            if r == positiveRows {
                line += String(repeating: ascii ? "-" : "─", count: shownLabels * group)
                lines.append(line)
                continue
            }
            for label in 0..<shownLabels {
                for (s, series) in data.series.enumerated() {
                    let glyph = columnCell(series.values[label], row: r, positiveRows: positiveRows, perEighth: perEighth, series: s)
                    let cells = String(repeating: glyph, count: barWidth)
                    line += glyph == " " ? cells : paint(cells, series: s)
                }
                line += " "
            }
            lines.append(line.trimmingTrailingSpaces)
        }
        lines += columnLabels(data, shown: shownLabels, group: group, indent: axis.width)
        return lines
    }

    /// The character of one cell of a column: above the axis in eighths from the bottom (`▁…█`); below
    /// it, whole cells and an upper half (`▀`).
    private func columnCell(_ value: Double?, row: Int, positiveRows: Int, perEighth: Double, series: Int) -> Character {
        guard let value, value.isFinite else { return " " }
        let eighths = Int((abs(value) / perEighth).rounded())
        if row < positiveRows {
            guard value > 0 else { return " " }
            let filled = max(value > 0 && eighths == 0 && row == positiveRows - 1 ? 1 : 0, min(8, eighths - 8 * (positiveRows - 1 - row)))
            guard filled > 0 else { return " " }
            if filled == 8 || ascii || fill(series: series) != "█" { return filled >= 4 || filled == 8 ? fill(series: series) : (ascii ? "." : "▁") }
            return Array("▁▂▃▄▅▆▇")[filled - 1]
        }
        guard value < 0 else { return " " }
        let filled = min(8, eighths - 8 * (row - positiveRows - 1))
        if filled >= 8 { return fill(series: series) }
        return filled >= 4 ? (ascii ? fill(series: series) : "▀") : " "
    }

    /// The labels under the columns (cut to fit), the values under them when they fit, and a note of
    /// labels left out for want of width.
    private func columnLabels(_ data: ChartData, shown: Int, group: Int, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var labelLine = pad, valueLine = pad
        var valuesFit = data.series.count == 1
        for index in 0..<shown {
            labelLine += cell(data.labels[index], group - 1) + " "
            let value = data.series[0].values[index].map(ChartData.number) ?? "null"
            if DisplayText.width(of: value) > group - 1 { valuesFit = false }
            valueLine += cell(value, group - 1) + " "
        }
        var lines = [labelLine.trimmingTrailingSpaces]
        if valuesFit { lines.append(dim(valueLine.trimmingTrailingSpaces)) }
        if shown < data.labels.count {
            lines.append("\(data.labels.count - shown) more label\(data.labels.count - shown == 1 ? "" : "s") not shown for want of width")
        }
        return lines
    }

    // MARK: - Lines

    func lines(_ data: ChartData) -> [String] {
        let (low, high) = Self.scale(data)
        let rows = Self.gridHeight
        let zeroRow = Self.row(of: 0, low: low, high: high, rows: rows)
        let axis = gutter(low: low, high: high, rows: rows, zeroRow: zeroRow)
        let columns = max(2, width - axis.width - 1)
        let count = data.labels.count
        let x = { (i: Int) in count == 1 ? 0 : Int((Double(i) * Double(columns - 1) / Double(count - 1)).rounded()) }
        var grid = [[(Character, Int?)]](repeating: Array(repeating: (" ", nil), count: columns), count: rows)
        for c in 0..<columns where low < 0 { grid[zeroRow][c] = (ascii ? "-" : "─", nil) }
        let markers: [Character] = ascii ? ["*", "o", "+", "x", "#", "@"] : ["●", "◆", "■", "▲", "○", "◇"]
        for (s, series) in data.series.enumerated() {
            let points = series.values.enumerated().map { i, v in v.flatMap { $0.isFinite ? (x(i), Self.row(of: $0, low: low, high: high, rows: rows)) : nil } }
            for (a, b) in zip(points, points.dropFirst()) {
                guard let a, let b else { continue }   // a null breaks the line
                let steps = max(abs(b.0 - a.0), abs(b.1 - a.1), 1)
                for t in 1..<steps {
                    let c = a.0 + (b.0 - a.0) * t / steps, r = a.1 + (b.1 - a.1) * t / steps
                    grid[r][c] = (ascii ? "." : "·", s)
                }
            }
            for point in points.compactMap({ $0 }) { grid[point.1][point.0] = (markers[s % markers.count], s) }
        }
        var lines = grid.enumerated().map { r, cells in
            (axis.label(r) + cells.map { glyph, s in s.map { paint(String(glyph), series: $0) } ?? String(glyph) }.joined()).trimmingTrailingSpaces
        }
        lines.append(String(repeating: " ", count: axis.width - 1) + (ascii ? "+" : "└") + String(repeating: ascii ? "-" : "─", count: columns))
        lines.append(lineLabels(data, x: x, columns: columns, indent: axis.width))
        return lines
    }

    /// Labels under a line chart, each at its point, left out where it would overlap the one before.
    private func lineLabels(_ data: ChartData, x: (Int) -> Int, columns: Int, indent: Int) -> String {
        var line = String(repeating: " ", count: indent), end = indent
        for (i, label) in data.labels.enumerated() {
            let start = indent + x(i)
            guard start >= end + (end == indent ? 0 : 1) else { continue }
            let text = DisplayText(label).truncated(to: max(1, min(16, indent + columns - start)))
            line += String(repeating: " ", count: start - end) + text.plain
            end = start + text.width
        }
        return line.trimmingTrailingSpaces
    }
}

private extension String {
    /// The text without the spaces at its end.
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
