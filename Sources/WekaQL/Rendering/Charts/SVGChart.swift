// Draws a chart as a standalone SVG document: axes with ticks, labels, values, a title, a legend and
// the footnote on nulls. Text is escaped twice over: control characters as visible escapes (as in the
// terminal; XML cannot hold most of them at all), then `& < > " '` as entities.

/// Draws the chart of a result as SVG.
///
/// ```swift
/// let result = try engine.run("arrests count by offence | chart bar")[0]
/// let svg = SVGChart().render(result.chart!, of: result.table)   // "<?xml …><svg …>…</svg>\n"
/// ```
public struct SVGChart: Sendable {
    /// The width of the drawing, in pixels.
    public var width: Int
    /// Whether to begin with an XML declaration: a file wants one, an SVG inside HTML does not.
    public var standalone: Bool

    /// Creates a renderer.
    public init(width: Int = 760, standalone: Bool = true) {
        self.width = max(width, 300)
        self.standalone = standalone
    }

    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]

    /// The chart as an SVG document, ending with a newline.
    public func render(_ chart: ChartSpec, of table: Table) -> String {
        let data = ChartData(spec: chart, table: table)
        var canvas = SVGCanvas(width: width, data: data)
        canvas.draw()
        let header = standalone ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        return header + canvas.document + "\n"
    }

    /// Lines of text (a table without a chart) as an SVG document in a monospaced font.
    static func textDocument(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let width = (lines.map { DisplayText.width(of: String($0)) }.max() ?? 1) * 8 + 24
        let height = lines.count * 16 + 24
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"13\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        for (index, line) in lines.enumerated() {
            out += "<text x=\"12\" y=\"\(index * 16 + 22)\" xml:space=\"preserve\">\(escape(String(line)))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// Text safe inside an XML element or attribute value.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in DisplayText(text).plain {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A coordinate with at most one decimal.
    static func px(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    /// Round tick values from `low` to `high`: steps of 1, 2 or 5 times a power of ten, about five of them.
    static func ticks(low: Double, high: Double, integral: Bool = false) -> [Double] {
        var raw = (high - low) / 5
        if integral { raw = max(raw, 1) }   // counts are not ticked at 0.5
        guard raw > 0, raw.isFinite else { return [low] }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var tick = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        while tick <= high + step * 1e-9 {
            if tick >= low - step * 1e-9 { ticks.append(abs(tick) < step * 1e-9 ? 0 : tick) }
            tick += step
        }
        return ticks
    }
}
