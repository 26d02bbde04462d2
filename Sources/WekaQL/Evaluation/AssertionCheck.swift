// Decides whether an `assert` holds over its query's rows, and when it does not, says which rows break it.

/// Checks one `assert`'s rows; a failure is a ``Diagnostic`` that shows the first offending rows, each
/// with its `source` sentence when the rows have that field (the built-in data's rows all do).
struct AssertionCheck {
    let plan: AssertionPlan
    let severity: Diagnostic.Severity
    /// The offending rows shown: enough to see the pattern, few enough to read.
    static let rowsShown = 3

    func verify(_ table: Table) throws {
        if plan.expectsEmpty {
            guard table.isEmpty else {
                throw failure(.assertionNotEmpty(plan.message, count: table.rowCount, rows: describe(Array(0..<table.rowCount), of: table),
                                                 range: plan.range))
            }
            return
        }
        guard !table.isEmpty else {
            throw failure(.assertionFailed(plan.message, problem: "the query returned no row", rows: [], range: plan.range))
        }
        let values = table.values(ofColumn: 0)
        let offending = values.indices.filter { values[$0] != .boolean(true) }
        guard offending.isEmpty else {
            let problem = offending.count == 1 && table.rowCount == 1
                ? "the query gave \(values[0].isNull ? "null" : values[0].description)"
                : "\(offending.count) of \(table.rowCount) rows are not true"
            throw failure(.assertionFailed(plan.message, problem: problem, rows: table.rowCount == 1 ? [] : describe(offending, of: table),
                                           range: plan.range))
        }
    }

    private func failure(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.severity = severity
        return diagnostic
    }

    /// "row 2: country = "Togo", arrested = -1", then its source, for the first offending rows.
    private func describe(_ rows: [Int], of table: Table) -> [String] {
        let sourceColumn = table.fields.firstIndex { $0.name == "source" && $0.type == .string }
        var lines: [String] = []
        for row in rows.prefix(Self.rowsShown) {
            let values = table.fields.indices.filter { $0 != sourceColumn && !table[row, $0].isNull }.map { column in
                "\(table.fields[column].name) = \(Self.shown(table[row, column]))"
            }
            lines.append("row \(row + 1): " + values.joined(separator: ", "))
            if let sourceColumn, let sentence = table[row, sourceColumn].stringValue {
                lines.append("  source: \(sentence)")
            }
        }
        if rows.count > Self.rowsShown { lines.append("and \(rows.count - Self.rowsShown) more") }
        return lines
    }

    /// A value as a literal would write it, cut short when long.
    private static func shown(_ value: Value) -> String {
        switch value {
        case .string(let text):
            let cut = text.count > 60 ? String(text.prefix(57)) + "…" : text
            return "\"" + cut + "\""
        case .date(let date): return "\"\(date)\""
        default: return value.description
        }
    }
}
