// A self-contained HTML report of a run: every statement in order, with its table and its chart (as
// inline SVG), for a journalist to share. No script, no external style sheet or font; every text escaped.

/// The statements of a run and what each produced, written as one HTML page.
///
/// ```swift
/// var report = HTMLReport(title: "Operation Weka II")
/// for result in try engine.run(script) { report.add(statement: "…", result: result) }
/// let html = report.render()
/// ```
public struct HTMLReport: Sendable {
    /// The page's title and heading.
    public var title: String
    /// The most rows of a table written out; the rest are counted.
    public var maxRows: Int
    private var sections: [String] = []

    /// Creates an empty report.
    public init(title: String = "wekaql report", maxRows: Int = 500) {
        self.title = title
        self.maxRows = maxRows
    }

    /// Whether anything was added.
    public var isEmpty: Bool { sections.isEmpty }

    /// Adds a statement's text, its table and, when it ends in `chart`, the chart.
    public mutating func add(statement: String, table: Table, chart: ChartSpec?) {
        var html = "<section>\n<pre class=\"statement\">\(SVGChart.escape(statement))</pre>\n"
        if let chart { html += "<figure>\n" + SVGChart(standalone: false).render(chart, of: table) + "</figure>\n" }
        html += tableHTML(table)
        sections.append(html + "</section>")
    }

    /// Adds an error or warning, as the command prints it.
    public mutating func add(message: String) {
        sections.append("<section>\n<pre class=\"message\">\(SVGChart.escape(message))</pre>\n</section>")
    }

    /// The page, ending with a newline. It is also well-formed XML (XHTML), so XML tools can read it.
    public func render() -> String {
        let style = """
            body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; padding: 0 1em; max-width: 60em; color: #222; }
            pre.statement { background: #f4f4f4; padding: .6em; border-left: 3px solid #1f77b4; white-space: pre-wrap; }
            pre.message { color: #a40000; white-space: pre-wrap; }
            table { border-collapse: collapse; margin: .5em 0 1.5em; font-size: 90%; }
            th, td { border: 1px solid #ccc; padding: .2em .5em; vertical-align: top; }
            th { background: #eee; text-align: left; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.null { color: #999; font-style: italic; }
            p.count { color: #555; font-size: 90%; }
            figure { margin: 0; }
            """
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <title>\(SVGChart.escape(title))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(SVGChart.escape(title))</h1>
            \(sections.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    private func tableHTML(_ table: Table) -> String {
        var html = "<table>\n<tr>" + table.fields.map { "<th>\(SVGChart.escape($0.name))</th>" }.joined() + "</tr>\n"
        for row in 0..<min(table.rowCount, maxRows) {
            html += "<tr>"
            for (column, field) in table.fields.enumerated() {
                let value = table[row, column]
                let kind = value.isNull ? " class=\"null\"" : field.type.isNumeric ? " class=\"number\"" : ""
                html += "<td\(kind)>\(SVGChart.escape(value.isNull ? "null" : value.description))</td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n"
        let hidden = table.rowCount - min(table.rowCount, maxRows)
        let count = "\(table.rowCount) row\(table.rowCount == 1 ? "" : "s"), \(table.fields.count) column\(table.fields.count == 1 ? "" : "s")"
        return html + "<p class=\"count\">\(count)\(hidden > 0 ? "; the first \(maxRows) shown" : "")</p>\n"
    }
}
