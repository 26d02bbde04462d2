// Renders diagnostics the one way they are shown: `file:line:col: error[E0201]: …`, the line, a caret.

/// Turns a ``Diagnostic`` into text for a terminal or a log, or into a JSON object for tools.
public struct DiagnosticRenderer: Sendable {
    /// Whether to use ANSI colours (only when writing to a terminal and `NO_COLOR` is unset).
    public var colored: Bool

    /// Creates a renderer; colours are off unless asked for.
    public init(colored: Bool = false) { self.colored = colored }

    /// The diagnostic as a compiler would print it, ending without a newline.
    ///
    /// ```
    /// -e:1:15: error[E0201]: unknown field "contry" in arrests
    /// arrests where contry = "Togo"
    ///               ^~~~~~
    /// help: did you mean "country"? (fields: country, arrested, suspects, …)
    /// ```
    public func render(_ diagnostic: Diagnostic) -> String {
        var lines = [header(diagnostic)]
        if let file = diagnostic.file, let range = diagnostic.range {
            lines += snippet(file: file, range: range)
        }
        for hint in diagnostic.hints {
            lines.append(paint("help", .cyan) + ": " + DisplayText.escaping(hint))
        }
        return lines.joined(separator: "\n")
    }

    private func header(_ d: Diagnostic) -> String {
        // A file name, or a message quoting a value of the data, may hold control characters too.
        var place = DisplayText.escaping(d.file?.name ?? "wekaql")
        if let location = d.location { place += ":\(location.line):\(location.column)" }
        let color: Color = d.severity == .error ? .red : (d.severity == .warning ? .yellow : .cyan)
        let label = paint("\(d.severity.rawValue)[\(d.code.rawValue)]", color)
        return "\(place): \(label): \(paint(DisplayText.escaping(d.message), .bold))"
    }

    /// Lines longer than this many characters are shown as a window around the caret, with "…" where
    /// cut: an error in a 10 MB line prints a screenful, not the line.
    static let maximumSnippetWidth = 160

    /// The source line and a caret line under the range (its first line only). A long line is first cut
    /// to a few hundred bytes around the caret, so that characters are counted there only: a hundred
    /// errors on a 10 MB line would otherwise take half a minute to render.
    private func snippet(file: SourceFile, range: SourceRange) -> [String] {
        let bytes = file.bytes
        let offset = min(max(range.start, 0), bytes.count)
        var lineStart = offset, lineEnd = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        let margin = Self.maximumSnippetWidth * 4   // bytes: room for the characters shown on either side
        var from = max(lineStart, min(offset, lineEnd) - margin), to = min(lineEnd, max(offset, from) + margin)
        while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }   // not in the middle of a character
        while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
        let characters = Array(String(decoding: bytes[from..<to], as: UTF8.self))
        let caretOffset = max(from, min(offset, to))
        let caret = String(decoding: bytes[from..<caretOffset], as: UTF8.self).count
        let width = max(1, String(decoding: bytes[caretOffset..<max(caretOffset, min(range.end, to))], as: UTF8.self).count)
        // Control characters are shown as escapes (a snippet of a binary file must not drive the terminal),
        // and the window and the caret are measured in columns: an escape, a wide character, a combining mark.
        let columns = characters.map { $0 == "\t" ? 1 : DisplayText(sourceLine: String($0)).width }
        let window = Self.window(columns, around: caret)
        let shown = characters[window]
        let lead = from > lineStart || window.lowerBound > 0 ? "…" : ""
        let tail = to < lineEnd || window.upperBound < characters.count ? "…" : ""
        let before = shown.prefix(max(0, caret - window.lowerBound))
        let underlined = shown.dropFirst(before.count).prefix(width)
        let prefix = (lead.isEmpty ? "" : " ") + before.map {
            $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayText(sourceLine: String($0)).width)
        }.joined()
        let marker = "^" + String(repeating: "~", count: max(1, DisplayText(sourceLine: String(underlined)).width) - 1)
        return [lead + DisplayText(sourceLine: String(shown)).rendered(colored: colored) + tail, prefix + paint(marker, .green)]
    }

    /// The characters to show of a line whose characters take `columns`: all of them if they fit in
    /// ``maximumSnippetWidth`` columns, else a window that starts a quarter of it before the caret (or
    /// earlier, when the line ends first).
    private static func window(_ columns: [Int], around caret: Int) -> Range<Int> {
        var lower = min(caret, columns.count), used = 0
        while lower > 0, used + columns[lower - 1] <= maximumSnippetWidth / 4 {
            lower -= 1
            used += columns[lower]
        }
        var upper = lower
        used = 0
        while upper < columns.count, used + columns[upper] <= maximumSnippetWidth {
            used += columns[upper]
            upper += 1
        }
        while lower > 0, used + columns[lower - 1] <= maximumSnippetWidth {
            lower -= 1
            used += columns[lower]
        }
        return lower..<max(upper, min(lower + 1, columns.count))
    }

    private enum Color: String { case red = "31", yellow = "33", cyan = "36", green = "32", bold = "1" }

    private func paint(_ text: String, _ color: Color) -> String {
        colored ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The diagnostic as one JSON object: code, severity, message, file, line, column,
    /// end line and column, byte offsets and hints.
    public func json(_ d: Diagnostic) -> String {
        var fields: [(String, String)] = [
            ("code", JSONText.quote(d.code.rawValue)), ("severity", JSONText.quote(d.severity.rawValue)),
            ("message", JSONText.quote(d.message)),
            ("file", d.file.map { JSONText.quote($0.name) } ?? "null"),
        ]
        if let file = d.file, let range = d.range {
            let start = file.location(of: range.start), end = file.location(of: range.end)
            fields += [("line", "\(start.line)"), ("column", "\(start.column)"),
                       ("end_line", "\(end.line)"), ("end_column", "\(end.column)"),
                       ("start_offset", "\(range.start)"), ("end_offset", "\(range.end)")]
        } else {
            fields += [("line", "null"), ("column", "null")]
        }
        fields.append(("hints", "[" + d.hints.map(JSONText.quote).joined(separator: ",") + "]"))
        return "{" + fields.map { "\(JSONText.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }
}
