// Draws a chart as terminal text: Unicode blocks with eighths for sub-character precision (or ASCII),
// a colour per series when colour is on, nulls as gaps said in a footnote, negatives left of (or
// below) the axis. Fitted to a width in terminal cells.

/// Draws the chart of a result as text for a terminal.
///
/// ```swift
/// let result = try engine.run("arrests count by offence | chart bar")[0]
/// print(TerminalChart(width: 80).render(result.chart!, of: result.table))
/// ```
public struct TerminalChart: Sendable {
    /// The width to fit, in terminal cells.
    public var width: Int
    /// Draw with ASCII only (`#`, `|`, `-`), for terminals and files that are not UTF-8.
    public var ascii: Bool
    /// Colour each series with ANSI codes.
    public var colored: Bool

    /// Creates a renderer.
    public init(width: Int = 80, ascii: Bool = false, colored: Bool = false) {
        self.width = max(width, 20)
        self.ascii = ascii
        self.colored = colored
    }

    /// The chart as text, ending with a newline: a title, the drawing, a legend and footnotes.
    public func render(_ chart: ChartSpec, of table: Table) -> String {
        let data = ChartData(spec: chart, table: table)
        var lines: [String] = []
        if let title = data.title { lines.append(DisplayText(title).truncated(to: width).plain) }
        if data.labels.isEmpty {
            lines.append("(no rows to chart)")
        } else {
            switch data.kind {
            case .bar, .hist: lines += bars(data)
            case .column: lines += columns(data)
            case .line: lines += self.lines(data)
            case .spark: lines += sparks(data)
            }
        }
        if data.series.count > 1 && data.kind != .spark { lines += legend(data) }
        if let footnote = data.nullFootnote { lines.append(DisplayText(footnote).truncated(to: width).plain) }
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: - Shared pieces

    static let palette = ["36", "33", "35", "32", "34", "31"]

    func paint(_ text: String, series: Int) -> String {
        guard colored, !text.isEmpty else { return text }
        return "\u{1B}[\(Self.palette[series % Self.palette.count])m" + text + "\u{1B}[0m"
    }

    func dim(_ text: String) -> String { colored ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }

    /// The whole-cell character of a series: `█` (`#`), or, without colour to tell series apart, a shade.
    func fill(series: Int) -> Character {
        let shades: [Character] = ascii ? ["#", "=", "*", "+", "o", "%"] : ["█", "▓", "▒", "░", "▚", "▞"]
        return colored ? (ascii ? "#" : "█") : shades[series % shades.count]
    }

    /// A label or name in at most `width` cells (escaped: a value cannot drive the terminal), padded.
    func cell(_ text: String, _ width: Int, alignRight: Bool = false) -> String {
        let shown = DisplayText(text).truncated(to: width)
        let padding = String(repeating: " ", count: max(0, width - shown.width))
        return alignRight ? padding + shown.plain : shown.plain + padding
    }

    /// The key of each series, wrapped to the width.
    func legend(_ data: ChartData) -> [String] {
        var lines: [String] = [], line = "", used = 0
        for (index, series) in data.series.enumerated() {
            let name = DisplayText(series.name).truncated(to: min(30, width - 2))
            let keyWidth = 2 + name.width
            if used > 0 && used + 2 + keyWidth > width { lines.append(line); line = ""; used = 0 }
            if used > 0 { line += "  "; used += 2 }
            line += paint(String(fill(series: index)), series: index) + " " + name.plain
            used += keyWidth
        }
        return lines + [line]
    }

    /// The least and greatest of the scale: the values' range, always including zero.
    static func scale(_ data: ChartData) -> (low: Double, high: Double) {
        let values = data.allValues
        let low = min(0, values.min() ?? 0), high = max(0, values.max() ?? 0)
        return (low, high == low ? low + 1 : high)
    }

    // MARK: - Bars (bar and hist)

    func bars(_ data: ChartData) -> [String] {
        let values = data.series.flatMap(\.values)
        let valueWidth = values.map { DisplayText.width(of: $0.map(ChartData.number) ?? "null") }.max() ?? 4
        let labelWidth = min(data.labels.map(DisplayText.width(of:)).max() ?? 0, width / 3)
        let area = max(4, width - labelWidth - valueWidth - 3)
        let (low, high) = Self.scale(data)
        let negative = low < 0 ? max(1, Int((Double(area) * -low / (high - low)).rounded())) : 0
        let perCell = (high - low) / Double(area)
        var lines: [String] = []
        for (index, label) in data.labels.enumerated() {
            for (s, series) in data.series.enumerated() {
                let name = s == 0 ? cell(label, labelWidth) : String(repeating: " ", count: labelWidth)
                lines.append(name + " " + barLine(series.values[index], perCell: perCell, negative: negative, series: s))
            }
        }
        return lines
    }

    /// One bar: the negative area (bar ending at the axis), the axis, the bar, its value.
    private func barLine(_ value: Double?, perCell: Double, negative: Int, series: Int) -> String {
        let axis = ascii ? "|" : "│"
        guard let value, value.isFinite else {
            return String(repeating: " ", count: negative) + axis + " " + dim("null")
        }
        let text = ChartData.number(value)
        if value < 0 {
            let bar = wholeCells(-value / perCell)
            let pad = String(repeating: " ", count: max(0, negative - bar.count))
            return pad + paint(bar, series: series) + axis + " " + text
        }
        let bar = eighths(value / perCell, series: series)
        return String(repeating: " ", count: negative) + axis + paint(bar, series: series) + " " + text
    }

    /// `cells` cells of bar growing right: whole blocks then the partial one in eighths (`▏▎▍▌▋▊▉`).
    func eighths(_ cells: Double, series: Int) -> String {
        var whole = Int(cells), eighth = Int(((cells - Double(whole)) * 8).rounded())
        if eighth == 8 { whole += 1; eighth = 0 }
        if whole == 0 && eighth == 0 && cells > 0 { eighth = 1 }   // a small value still shows
        let fill = self.fill(series: series)
        var bar = String(repeating: fill, count: whole)
        guard eighth > 0 else { return bar }
        if ascii || fill != "█" {
            if eighth >= 4 || whole == 0 { bar.append(fill) }
        } else {
            bar.append(Array("▏▎▍▌▋▊▉")[eighth - 1])
        }
        return bar
    }

    /// A bar growing left, to the axis: whole cells, and a right half-block (`▐`) for a half or more.
    private func wholeCells(_ cells: Double) -> String {
        let whole = Int(cells), rest = cells - Double(whole)
        let block = ascii ? "#" : "█"
        let half = rest >= 0.5 ? (ascii ? "#" : "▐") : (whole == 0 ? (ascii ? "#" : "▕") : "")
        return half + String(repeating: block, count: whole)
    }

    // MARK: - Sparklines

    func sparks(_ data: ChartData) -> [String] {
        let nameWidth = min(data.series.map { DisplayText.width(of: $0.name) }.max() ?? 0, width / 4)
        return data.series.enumerated().map { index, series in
            let present = series.values.compactMap { $0 }
            let range = present.isEmpty ? "" : " " + ChartData.number(present.min()!) + (ascii ? ".." : "…") + ChartData.number(present.max()!)
            let room = max(1, width - nameWidth - 1 - DisplayText.width(of: range))
            let line = Sparkline(Array(series.values.prefix(room))).text(ascii: ascii)
            return cell(series.name, nameWidth) + " " + paint(line, series: index) + range
        }
    }
}
