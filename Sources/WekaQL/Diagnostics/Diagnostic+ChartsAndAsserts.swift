// The catalogue's messages for charts (E0350–E0354) and for asserts and expected results (E0800–E0805).

extension Diagnostic {
    // MARK: - Charts

    static func unknownChartKind(_ text: String, range: SourceRange) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: text, in: ChartKind.allCases.map(\.rawValue)) { hints.append("did you mean \(quoted(near))?") }
        hints.append("chart kinds: \(ChartKind.names)")
        return Diagnostic(code: .unknownChartKind, message: "unknown chart kind \(quoted(text))", range: range, hints: hints)
    }

    static func chartNotNumeric(_ field: String, type: ValueType, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .chartNotNumeric, message: "a chart draws numbers, but \(quoted(field)) is \(type.rawValue)", range: range,
                   hints: ["give the labels as x and the numbers as y: chart bar x = country, y = arrested"])
    }

    static func chartOption(_ problem: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .chartOption, message: "chart option does not fit: \(problem)", range: range,
                   hints: ["chart KIND [x = FIELD] [y = FIELD, …] [by FIELD] [title \"…\"] [bins = N] (bins for hist only)"])
    }

    static func chartNotLast(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .chartNotLast, message: "\"chart\" must be the last stage", range: range,
                   hints: ["move the stages after it before \"chart\": the chart draws the rows as they end"])
    }

    static func nothingToChart(_ problem: String, range: SourceRange, columns: [String] = []) -> Diagnostic {
        let hint = columns.isEmpty ? "the rows have no numeric column" : "columns: " + columns.joined(separator: ", ")
        return Diagnostic(code: .nothingToChart, message: "nothing to chart: \(problem)", range: range,
                          hints: [hint, "count or summarize first: arrests count by offence | chart bar"])
    }

    // MARK: - Asserts and expected results

    /// A failed `assert QUERY`: no row, or a row that is not `true`. `rows` describes the first offending rows.
    static func assertionFailed(_ message: String?, problem: String, rows: [String], range: SourceRange) -> Diagnostic {
        Diagnostic(code: .assertionFailed, message: "assertion failed: " + (message ?? problem), range: range,
                   hints: (message == nil ? [] : [problem]) + rows)
    }

    /// A failed `assert QUERY is empty`: the query returned rows, the first of them described in `rows`.
    static func assertionNotEmpty(_ message: String?, count: Int, rows: [String], range: SourceRange) -> Diagnostic {
        let problem = "expected no rows, got \(count) row\(count == 1 ? "" : "s")"
        return Diagnostic(code: .assertionNotEmpty, message: "assertion failed: " + (message ?? problem), range: range,
                          hints: (message == nil ? [] : [problem]) + rows)
    }

    static func assertionShape(fields: [Field], range: SourceRange) -> Diagnostic {
        let columns = fields.map { "\($0.name) (\($0.type.rawValue))" }.joined(separator: ", ")
        var hints = ["an assert's query ends in one true-or-false column, such as: assert countries count | select (count = 44)",
                     "or write \"assert QUERY is empty\" to check that no row comes back"]
        if fields.count == 1, fields[0].type != .boolean {
            hints.insert("\"select \(fields[0].name) = …\" names a column; bracket a comparison: select (\(fields[0].name) = …)", at: 0)
        }
        return Diagnostic(code: .assertionShape, message: "an assert needs one boolean column, but the query gives \(columns.isEmpty ? "none" : columns)",
                          range: range, hints: hints)
    }

    /// A statement whose `----` block holds other output than the statement printed (`wekaql test`).
    public static func expectedOutputDiffers(range: SourceRange?, file: SourceFile?, diff: [String]) -> Diagnostic {
        Diagnostic(code: .expectedOutputDiffers, message: "the output differs from the expected block", range: range, file: file,
                   hints: diff + ["wekaql test --accept writes the actual output into the block"])
    }

    static func isEmptyOutsideAssert(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .isEmptyOutsideAssert, message: "\"is empty\" belongs to an assert", range: range,
                   hints: ["write \"assert QUERY is empty\" to check that a query returns no row; a value is tested with \"is null\""])
    }

    /// A `----` block with no statement before it.
    public static func strayExpectedBlock(range: SourceRange, file: SourceFile) -> Diagnostic {
        Diagnostic(code: .strayExpectedBlock, message: "a \"----\" block with no statement before it", range: range, file: file,
                   hints: ["an expected-output block follows the statement whose output it holds"])
    }
}
