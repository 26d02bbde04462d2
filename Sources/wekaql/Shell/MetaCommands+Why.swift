// `.why [N]` and `.explain`: the rows and sentences behind a row of the last result, and what each stage
// of the last statement did. Both run the last statement again, traced.

import WekaQL

extension StatementRunner {
    /// `.why N`: the input rows behind row N (from 1) of the last result, grouped by collection, each
    /// with its place and sentence; `.why` alone for a one-row result.
    func showWhy(_ argument: String) {
        guard let result = lastStatement else { return note("no result yet: run a query, then .why N") }
        let row: Int
        if argument.isEmpty {
            guard result.table.rowCount == 1 else {
                return warn(.whyNeedsRow(rows: result.table.rowCount))
            }
            row = 1
        } else {
            guard let number = Int(argument) else { return warn(.whyBadRow(argument)) }
            row = number
        }
        do {
            let rows = try result.lineage(of: row - 1)
            output.write(WhyText(width: width ?? 100).text(row: row, of: result.table, from: rows))
            output.flush()
        } catch {
            report(error)
        }
    }

    /// `.explain`: the last statement again, as `explain` shows it.
    func showExplain() {
        guard let result = lastStatement else { return note("no result yet: run a query, then .explain") }
        do {
            show(try result.explained(), whole: true)
        } catch {
            report(error)
        }
    }
}

/// The text of `.why`: the result row, then its input rows under each collection.
struct WhyText {
    let width: Int

    func text(row: Int, of table: Table, from rows: [SourceRow]) -> String {
        let values = table.fields.indices.map { "\(table.fields[$0].name) = \(table[row - 1][$0])" }
        var lines = ["row \(row): " + DisplayText.escaping(values.joined(separator: ", "))]
        if rows.isEmpty { lines.append("  no input rows (a count of nothing)") }
        var start = 0
        while start < rows.count {
            let collection = rows[start].collection
            var end = start
            while end < rows.count && rows[end].collection == collection { end += 1 }
            lines.append("  \(DisplayText.escaping(collection)): \(end - start) row\(end - start == 1 ? "" : "s")")
            for source in rows[start..<end] { lines += describe(source) }
            start = end
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ row: SourceRow) -> [String] {
        let place = row.file.map { file in row.line.map { "\(file):\($0)" } ?? "\(file) row \(row.row + 1)" } ?? "row \(row.row + 1)"
        let head = "    " + DisplayText.escaping(place)
        guard let sentence = row.sentence else { return [head] }
        return [head] + wrap(DisplayText.escaping(sentence), indent: 6)
    }

    /// Words of `text` in lines of at most `width` cells, each indented.
    private func wrap(_ text: String, indent: Int) -> [String] {
        let room = max(20, width - indent)
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && DisplayText.width(of: line) + 1 + DisplayText.width(of: String(word)) > room {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { String(repeating: " ", count: indent) + $0 }
    }
}
