// Renders result tables in the formats the CLI and the shell offer: table, csv, json, jsonl, markdown.

/// An output format for results.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    /// An aligned table with a header, right-aligned numbers, visible nulls and a row-count footer.
    case table
    /// RFC 4180 CSV with a header row; null is an empty field; lines end in LF.
    case csv
    /// One JSON array of row objects per result, keys in column order.
    case json
    /// One JSON object per row, one row per line.
    case jsonl
    /// A GitHub-flavoured Markdown table.
    case markdown
    /// Each row as a block of `field: value` lines: for rows too wide for the screen.
    case vertical
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

    /// Creates a renderer.
    public init(format: OutputFormat = .table, colored: Bool = false, maxWidth: Int? = nil, maxRows: Int? = nil,
                verticalWhenTooWide: Bool = false) {
        self.format = format
        self.colored = colored
        self.maxWidth = maxWidth
        self.maxRows = maxRows
        self.verticalWhenTooWide = verticalWhenTooWide
    }

    /// The table as text, ending with a newline.
    public func render(_ table: Table) -> String {
        switch format {
        case .table:
            if verticalWhenTooWide, let maxWidth, !table.fields.isEmpty,
               !VerticalLayout.tableFits(table, maxWidth: maxWidth, maxRows: maxRows) {
                return VerticalLayout(table: table, colored: colored, maxWidth: maxWidth, maxRows: maxRows).render()
            }
            return TableLayout(table: table, colored: colored, maxWidth: maxWidth, maxRows: maxRows).render()
        case .vertical: return VerticalLayout(table: table, colored: colored, maxWidth: maxWidth, maxRows: maxRows).render()
        case .csv: return CSVRenderer.render(table)
        case .json: return JSONRenderer.renderArray(table)
        case .jsonl: return JSONRenderer.renderLines(table)
        case .markdown: return MarkdownRenderer.render(table)
        }
    }
}

enum CSVRenderer {
    static func render(_ table: Table) -> String {
        var out = table.fields.map { quote($0.name) }.joined(separator: ",") + "\n"
        for row in table {
            out += row.values.map { $0.isNull ? "" : quote($0.description) }.joined(separator: ",")
            out += "\n"
        }
        return out
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
        return "[\n" + table.map { "  " + object($0) }.joined(separator: ",\n") + "\n]\n"
    }

    static func renderLines(_ table: Table) -> String {
        table.map { object($0) + "\n" }.joined()
    }

    static func object(_ row: Row) -> String {
        let pairs = zip(row.table.fields, row.values).map { JSONText.quote($0.name) + ":" + value($1) }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.isFinite ? Value.format(d) : "null"
        case .string(let s): return JSONText.quote(s)
        case .date(let d): return JSONText.quote(d.description)
        }
    }
}

enum MarkdownRenderer {
    static func render(_ table: Table) -> String {
        let header = "| " + table.fields.map { escape($0.name) }.joined(separator: " | ") + " |\n"
        let rule = "|" + table.fields.map { $0.type.isNumeric && $0.type != .null ? " ---: |" : " --- |" }.joined() + "\n"
        let rows = table.map { row in
            "| " + row.values.map { escape($0.description) }.joined(separator: " | ") + " |\n"
        }
        return header + rule + rows.joined()
    }

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
