// The `table` format: box-drawn, aligned by display width, fitted to a width by truncating the widest
// columns with "…"; values shown through DisplayText.

struct TableLayout {
    let table: Table
    let colored: Bool
    let maxWidth: Int?
    let maxRows: Int?
    /// Show values as they are, control characters and all.
    let raw: Bool
    /// Whether the `N rows, M columns` line ends the table.
    var footer = true
    /// What a null shows as.
    var nullText = "null"

    /// The narrowest a column is squeezed to before the table is allowed to overflow.
    private static let minimumWidth = 4
    /// Columns at most this wide are cut only when the long ones are down to a readable width.
    private static let shortWidth = 16

    /// The table as text, and what it showed with escapes.
    func render() -> (text: String, escapes: EscapeSummary) {
        var escapes = EscapeSummary()
        let shownRows = rowsToShow()
        let cells = shownRows.map { row in row.map { index in table.columns.indices.map { cellText(table[index, $0]) } } }
        let headers = table.fields.map { display($0.name) }
        headers.forEach { escapes.count($0, isName: true) }
        var widths = headers.map(\.width)
        for case let row? in cells {
            for (i, cell) in row.enumerated() {
                widths[i] = max(widths[i], cell.width)
                escapes.count(cell)
            }
        }
        widths = fitted(widths)
        let numeric = table.fields.map { $0.type == .integer || $0.type == .decimal || $0.type == .float }
        var lines = [rule("┌", "┬", "┐", widths)]
        lines.append(line(headers.enumerated().map { i, header in
            let shown = header.truncated(to: widths[i])
            return pad(paint(shown.plain, "1"), shown.width, widths[i], right: false)
        }))
        lines.append(rule("├", "┼", "┤", widths))
        for (position, row) in cells.enumerated() {
            guard let row else {
                lines.append(line(widths.map { pad("…", 1, $0, right: false) }))
                continue
            }
            let index = shownRows[position]!
            lines.append(line(row.enumerated().map { i, text in
                let shown = text.truncated(to: widths[i])
                let isNull = table[index, i].isNull
                return pad(isNull ? paint(shown.plain, "2") : shown.rendered(colored: colored), shown.width, widths[i], right: numeric[i])
            }))
        }
        lines.append(rule("└", "┴", "┘", widths))
        if footer { lines.append(footerLine(shown: cells.compactMap { $0 }.count)) }
        if let sentence = escapes.sentence { lines.append(sentence) }
        return (lines.joined(separator: "\n") + "\n", escapes)
    }

    /// Row indexes to print; `nil` marks the gap between head and tail.
    private func rowsToShow() -> [Int?] {
        let count = table.rowCount
        guard let maxRows, count > maxRows, maxRows >= 2 else { return Array(0..<count) }
        let head = (maxRows + 1) / 2, tail = maxRows - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }

    private func footerLine(shown: Int) -> String {
        let count = table.rowCount
        let noun = count == 1 ? "row" : "rows"
        let columns = table.fields.count == 1 ? "1 column" : "\(table.fields.count) columns"
        if shown < count { return "\(count) \(noun) (\(shown) shown), \(columns)" }
        return "\(count) \(noun), \(columns)"
    }

    /// A value as shown: escaped (tabs and line breaks too, so a cell stays on its line) unless `raw`.
    private func cellText(_ value: Value) -> DisplayText {
        value.isNull ? DisplayText(verbatim: nullText) : display(value.description)
    }

    private func display(_ text: String) -> DisplayText {
        raw ? DisplayText(verbatim: text) : DisplayText(text)
    }

    /// Shrinks the widest columns until the table fits `maxWidth`. Short columns (a country, a number)
    /// are kept whole while the long ones (a sentence) can give up room down to a readable width; only
    /// then does every column shrink, down to a minimum each.
    private func fitted(_ natural: [Int]) -> [Int] {
        guard let maxWidth else { return natural }
        var widths = natural
        let frame = 3 * widths.count + 1
        let kept = natural.map { $0 <= Self.shortWidth ? $0 : VerticalLayout.readableWidth }
        for floors in [kept, natural.map { _ in Self.minimumWidth }] {
            while widths.reduce(0, +) + frame > maxWidth {
                guard let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
        }
        return widths
    }

    private func pad(_ text: String, _ visible: Int, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - visible))
        return right ? padding + text : text + padding
    }

    private func line(_ cells: [String]) -> String { "│ " + cells.joined(separator: " │ ") + " │" }

    private func rule(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
    }

    private func paint(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
