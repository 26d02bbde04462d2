// The `table` format: box-drawn, aligned, fitted to a width by truncating the widest columns with "…".

struct TableLayout {
    let table: Table
    let colored: Bool
    let maxWidth: Int?
    let maxRows: Int?

    /// The narrowest a column is squeezed to before the table is allowed to overflow.
    private static let minimumWidth = 4

    func render() -> String {
        let shownRows = rowsToShow()
        let cells = shownRows.map { row in row.map { index in table.columns.indices.map { cellText(table[index, $0]) } } }
        let headers = table.fields.map(\.name)
        var widths = headers.map(\.count)
        for case let row? in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        widths = fitted(widths)
        let numeric = table.fields.map { $0.type == .integer || $0.type == .decimal }
        var lines = [rule("┌", "┬", "┐", widths)]
        lines.append(line(headers.enumerated().map { pad(paint(truncate($1, widths[$0]), "1"), truncate($1, widths[$0]).count, widths[$0], right: false) }))
        lines.append(rule("├", "┼", "┤", widths))
        for (position, row) in cells.enumerated() {
            guard let row else {
                lines.append(line(widths.map { pad("…", 1, $0, right: false) }))
                continue
            }
            let index = shownRows[position]!
            lines.append(line(row.enumerated().map { i, text in
                let shown = truncate(text, widths[i])
                let isNull = table[index, i].isNull
                return pad(isNull ? paint(shown, "2") : shown, shown.count, widths[i], right: numeric[i])
            }))
        }
        lines.append(rule("└", "┴", "┘", widths))
        lines.append(footer(shown: cells.compactMap { $0 }.count))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Row indexes to print; `nil` marks the gap between head and tail.
    private func rowsToShow() -> [Int?] {
        let count = table.rowCount
        guard let maxRows, count > maxRows, maxRows >= 2 else { return Array(0..<count) }
        let head = (maxRows + 1) / 2, tail = maxRows - head
        return Array(0..<head) + [nil] + Array((count - tail)..<count)
    }

    private func footer(shown: Int) -> String {
        let count = table.rowCount
        let noun = count == 1 ? "row" : "rows"
        let columns = table.fields.count == 1 ? "1 column" : "\(table.fields.count) columns"
        if shown < count { return "\(count) \(noun) (\(shown) shown), \(columns)" }
        return "\(count) \(noun), \(columns)"
    }

    private func cellText(_ value: Value) -> String {
        if value.isNull { return "null" }
        let text = value.description
        guard text.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\t" || $0 == "\r" }) else { return text }
        return String(text.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? "↵" : ($0 == "\t" ? " " : $0) })
    }

    /// Shrinks the widest columns until the table fits `maxWidth`, down to a minimum each.
    private func fitted(_ natural: [Int]) -> [Int] {
        guard let maxWidth else { return natural }
        var widths = natural
        let frame = 3 * widths.count + 1
        while widths.reduce(0, +) + frame > maxWidth {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > Self.minimumWidth else { break }
            widths[widest] -= 1
        }
        return widths
    }

    private func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(0, width - 1))) + "…"
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
