// The `vertical` layout: each row as a block of `field: value` lines, for rows wider than the screen,
// and the test the `table` format uses to switch to it rather than wrap into noise.

struct VerticalLayout {
    let table: Table
    let colored: Bool
    let maxWidth: Int?
    let maxRows: Int?
    /// Show values as they are, control characters and all.
    let raw: Bool
    /// Whether the `N rows` line ends the rows.
    var footer = true
    /// What a null shows as.
    var nullText = "null"

    /// A table column squeezed narrower than this (and than its text) has lost too much to be read.
    static let readableWidth = 10

    /// The rows as text, and what they showed with escapes.
    func render() -> (text: String, escapes: EscapeSummary) {
        var escapes = EscapeSummary()
        let names = table.fields.map { display($0.name) }
        names.forEach { escapes.count($0, isName: true) }
        let labelWidth = (names.map(\.width).max() ?? 0) + 2
        var lines: [String] = []
        var shown = 0
        for index in Self.shownRows(count: table.rowCount, maxRows: maxRows) {
            guard let index else {
                lines.append(paint("…", "2"))
                continue
            }
            shown += 1
            lines.append(separator(index + 1))
            for (column, name) in names.enumerated() {
                let value = table[index, column]
                let label = paint(name.plain + ":", "1") + String(repeating: " ", count: labelWidth - name.width - 1)
                let text = value.isNull ? DisplayText(verbatim: nullText) : display(value.description)
                escapes.count(text)
                lines += wrapped(text, indent: labelWidth).enumerated().map { line, part in
                    let drawn = value.isNull ? paint(part.plain, "2") : part.rendered(colored: colored)
                    return (line == 0 ? label : String(repeating: " ", count: labelWidth)) + drawn
                }
            }
        }
        if footer { lines.append(footerLine(shown: shown)) }
        if let sentence = escapes.sentence { lines.append(sentence) }
        return (lines.joined(separator: "\n") + "\n", escapes)
    }

    /// Whether `table` fits `maxWidth` as a table without crushing a column: every column keeps at least
    /// ``readableWidth`` characters (or its whole text) after the widest ones are truncated to fit.
    static func tableFits(_ table: Table, maxWidth: Int, maxRows: Int?, raw: Bool) -> Bool {
        let measure = { (text: String) in raw ? DisplayText.width(of: text) : DisplayText(text).width }
        var widths = table.fields.map { measure($0.name) }
        for case let row? in shownRows(count: table.rowCount, maxRows: maxRows) {
            for column in widths.indices {
                let value = table[row, column]
                widths[column] = max(widths[column], value.isNull ? 4 : measure(value.description))
            }
        }
        let natural = widths
        let frame = 3 * widths.count + 1
        var total = widths.reduce(0, +) + frame
        while total > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > min(natural[widest], readableWidth) else { return false }
            widths[widest] -= 1
            total -= 1
        }
        return true
    }

    /// Row indexes to print; `nil` marks the gap between head and tail, as in the table layout.
    private static func shownRows(count: Int, maxRows: Int?) -> [Int?] {
        guard let maxRows, count > maxRows, maxRows >= 2 else { return Array(0..<count) }
        let head = (maxRows + 1) / 2, tail = maxRows - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }

    private func separator(_ number: Int) -> String {
        let title = "─[ row \(number) ]"
        let width = min(maxWidth ?? 40, 40)
        return paint(title + String(repeating: "─", count: max(2, width - title.count)), "2")
    }

    private func footerLine(shown: Int) -> String {
        let count = table.rowCount
        let noun = count == 1 ? "row" : "rows"
        let columns = table.fields.count == 1 ? "1 column" : "\(table.fields.count) columns"
        return shown < count ? "\(count) \(noun) (\(shown) shown), \(columns)" : "\(count) \(noun), \(columns)"
    }

    private func display(_ text: String) -> DisplayText {
        raw ? DisplayText(verbatim: text) : DisplayText(text)
    }

    /// `text` cut into lines that fit after the labels, at spaces where it can be.
    private func wrapped(_ text: DisplayText, indent: Int) -> [DisplayText] {
        guard let maxWidth, maxWidth - indent >= 20 else { return [text] }
        return text.wrapped(to: maxWidth - indent)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
