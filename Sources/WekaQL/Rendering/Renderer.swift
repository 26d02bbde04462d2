// Renders result tables in the formats the CLI and the shell offer: table, csv, json, jsonl, markdown.

/// An output format for results.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// An aligned table with a header, right-aligned numbers, visible nulls and a row-count footer.
    case table
    /// RFC 4180 CSV with a header row; null is an empty field; a list is its JSON text; lines end in LF.
    case csv
    /// One JSON array of row objects per result, keys in column order.
    case json
    /// One JSON object per row, one row per line.
    case jsonl
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// Each row as a block of `field: value` lines: for rows too wide for the screen.
    case vertical
    /// A standalone SVG document: a result's chart, or (without a `chart` stage) the table as text.
    case svg
    /// A self-contained HTML page with the table, and the chart as inline SVG.
    case html
}

/// Turns a ``Table`` into text.
///
/// ```swift
/// let text = Renderer(format: .csv).render(table)
/// ```
public struct Renderer: Sendable {
    /// The format.
    public var format: OutputFormat
    /// Whether to colour headers and nulls with ANSI codes (tables only; never into a pipe).
    public var colored: Bool
    /// The width to fit tables into, in characters; `nil` for no limit.
    public var maxWidth: Int?
    /// In table format, the most rows to print: beyond it, the head and tail are shown with a count.
    public var maxRows: Int?
    /// In table format with a `maxWidth`, render a table that would not fit (or only with its columns
    /// crushed) in the ``OutputFormat/vertical`` layout instead: what a shell wants on a narrow terminal.
    public var verticalWhenTooWide: Bool
    /// In the human formats (table, vertical, markdown), show values exactly as they are instead of
    /// escaping their control and bidirectional characters (see ``DisplayText``): what `--raw` asks for.
    /// The machine formats are always exact.
    public var raw: Bool
    /// In the table and vertical formats, whether a line saying how many rows and columns there were
    /// ends the output (`N rows, M columns`).
    public var footer: Bool
    /// What a null shows as in the human formats: `nil` for each one's own (`null` in table and vertical,
    /// an empty cell in markdown). CSV leaves the field empty and JSON writes `null` whatever this says.
    public var nullText: String?
    /// Draw charts in ASCII only, for terminals and files that are not UTF-8.
    public var ascii: Bool = false

    /// Creates a renderer.
    public init(format: OutputFormat = .table, colored: Bool = false, maxWidth: Int? = nil, maxRows: Int? = nil,
                verticalWhenTooWide: Bool = false, raw: Bool = false, ascii: Bool = false, footer: Bool = true,
                nullText: String? = nil) {
        self.ascii = ascii
        self.format = format
        self.colored = colored
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.verticalWhenTooWide = verticalWhenTooWide
        self.raw = raw
        self.footer = footer
        self.nullText = nullText
    }

    /// The table as text, ending with a newline.
    public func render(_ table: Table) -> String {
        rendering(table).text
    }

    /// A result as its format shows it: with a chart, `table` and `vertical` draw it for the terminal
    /// (``TerminalChart``, fitted to ``maxWidth`` or 80 cells), `svg` as a chart, `html` as a page with
    /// both; the other formats pass the table through unchanged.
    public func render(_ table: Table, chart: ChartSpec?) -> String {
        guard let chart else { return render(table) }
        switch format {
        case .table, .vertical: return TerminalChart(width: maxWidth ?? 80, ascii: ascii, colored: colored).render(chart, of: table)
        case .svg: return SVGChart().render(chart, of: table)
        case .html:
            var report = HTMLReport()
            report.add(statement: "", table: table, chart: chart)
            return report.render()
        case .csv, .json, .jsonl, .markdown: return render(table)
        }
    }

    /// The table as text, ending with a newline, and what it showed with escapes. In the human formats,
    /// a value shown with escapes is also said in a line after the table (``EscapeSummary/sentence``).
    public func rendering(_ table: Table) -> RenderedTable {
        let vertical = VerticalLayout(table: table, colored: colored, maxWidth: maxWidth, maxRows: maxRows, raw: raw,
                                      footer: footer, nullText: nullText ?? "null")
        let (text, escapes): (String, EscapeSummary)
        switch format {
        case .table:
            if verticalWhenTooWide, let maxWidth, !table.fields.isEmpty,
               !VerticalLayout.tableFits(table, maxWidth: maxWidth, maxRows: maxRows, raw: raw) {
                (text, escapes) = vertical.render()
            } else {
                (text, escapes) = TableLayout(table: table, colored: colored, maxWidth: maxWidth, maxRows: maxRows, raw: raw,
                                              footer: footer, nullText: nullText ?? "null").render()
            }
        case .vertical: (text, escapes) = vertical.render()
        case .markdown: (text, escapes) = MarkdownRenderer.render(table, raw: raw, nullText: nullText ?? "")
        case .csv: (text, escapes) = (CSVRenderer.render(table), EscapeSummary())
        case .json: (text, escapes) = (JSONRenderer.renderArray(table), EscapeSummary())
        case .jsonl: (text, escapes) = (JSONRenderer.renderLines(table), EscapeSummary())
        case .svg: (text, escapes) = (SVGChart.textDocument(TableLayout(table: table, colored: false, maxWidth: nil, maxRows: maxRows, raw: false).render().text), EscapeSummary())
        case .html:
            var report = HTMLReport()
            report.add(statement: "", table: table, chart: nil)
            (text, escapes) = (report.render(), EscapeSummary())
        }
        return RenderedTable(text: text, escapes: escapes)
    }
}

/// A table rendered by ``Renderer/rendering(_:)``.
public struct RenderedTable: Sendable, Hashable {
    /// The text, ending with a newline.
    public var text: String
    /// What the text showed with escapes; always empty for CSV, JSON and JSON lines.
    public var escapes: EscapeSummary
}

enum CSVRenderer {
    static func render(_ table: Table, header: Bool = true) -> String {
        var out = header ? Array((table.fields.map { quote($0.name) }.joined(separator: ",") + "\n").utf8) : []
        var cells = TableCells(table, syntax: .csv)
        for row in 0..<table.rowCount {
            cells.write(row: row, separator: UInt8(ascii: ","), to: &out)
            out.append(UInt8(ascii: "\n"))
            if row == 1023 && table.rowCount > 2048 {
                // Room for the rest at the first rows' length and an eighth more, rather than doubling as it grows.
                out.reserveCapacity(out.count + (out.count / 1024) * (table.rowCount - 1024) * 9 / 8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Quotes a field when it holds a comma, a quote, a line break or surrounding spaces.
    static func quote(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

enum JSONRenderer {
    static func renderArray(_ table: Table) -> String {
        if table.isEmpty { return "[]\n" }
        return objects(of: table, before: "[\n  ", between: ",\n  ", after: "\n]\n")
    }

    static func renderLines(_ table: Table) -> String {
        table.isEmpty ? "" : objects(of: table, before: "", between: "\n", after: "\n")
    }

    /// Each row as an object, `{"name":value,...}` (see ``value(_:)``), written cell by cell into one buffer.
    static func objects(of table: Table, before: String, between: String, after: String) -> String {
        let keys = table.fields.map { Array((JSONText.quote($0.name) + ":").utf8) }
        var cells = TableCells(table, syntax: .json)
        var out = Array(before.utf8)
        for row in 0..<table.rowCount {
            if row > 0 { out += between.utf8 }
            out.append(UInt8(ascii: "{"))
            cells.write(row: row, separator: UInt8(ascii: ","), prefixes: keys, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += after.utf8
        return String(decoding: out, as: UTF8.self)
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.scale == 0 ? d.description + ".0" : d.description   // a point tells decimals from integers
        case .float(let d): return d.isFinite ? Value.format(d) : "null"
        case .string(let s): return JSONText.quote(s)
        case .date(let d): return JSONText.quote(d.description)
        case .list(let elements): return "[" + elements.map { JSONRenderer.value($0) }.joined(separator: ",") + "]"
        }
    }
}

enum MarkdownRenderer {
    /// The table, then (after a blank line) the escape summary when a value was shown with escapes.
    static func render(_ table: Table, raw: Bool, nullText: String) -> (String, EscapeSummary) {
        var escapes = EscapeSummary()
        func cell(_ text: String, isName: Bool = false) -> String {
            let shown = raw ? DisplayText(verbatim: text) : DisplayText(text)
            escapes.count(shown, isName: isName)
            return escape(shown.plain)
        }
        let header = "| " + table.fields.map { cell($0.name, isName: true) }.joined(separator: " | ") + " |\n"
        let rule = "|" + table.fields.map { $0.type.isNumeric && $0.type != .null ? " ---: |" : " --- |" }.joined() + "\n"
        let rows = table.map { row in
            "| " + row.values.map { cell($0.isNull ? nullText : $0.description) }.joined(separator: " | ") + " |\n"
        }
        let footer = escapes.sentence.map { "\n" + $0 + "\n" } ?? ""
        return (header + rule + rows.joined() + footer, escapes)
    }

    /// A cell's text with `|` escaped; a line break left in it (under `raw`) as `<br>`.
    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }
}
