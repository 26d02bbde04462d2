// The messages of `why`, `why not` and `explain`.

extension Diagnostic {
    /// A stage after `why`: it must be the query's last.
    static func whyNotLast(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .whyNotLast, message: "\"why\" must be the last stage of its query", range: range,
                   hints: ["move the other stages before it: arrests where arrested > 2 | why"])
    }

    /// `explain let …`: a binding prints nothing to explain.
    static func explainBinding(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .explainBinding, message: "\"explain\" goes before a query, not a let", range: range,
                   hints: ["explain the query on its own: explain countries where continent = \"Africa\""])
    }

    /// `why not EXPR` where no source row has EXPR true: the nearest values of the fields it compares.
    static func noSourceRowMatches(_ text: String, collection: String, nearest: [(field: String, values: [String])],
                                   range: SourceRange) -> Diagnostic {
        let hints = nearest.map { "nearest values of \($0.field): \($0.values.joined(separator: ", "))" }
        return Diagnostic(code: .noSourceRowMatches, severity: .note,
                          message: "no row of \(collection) has \(abbreviated(text)): no stage dropped it, it is not in the source",
                          range: range, hints: hints)
    }

    /// Lineage or explain asked of a result that is already one (or of a result without a query).
    static func notTraceable(range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .notTraceable, message: "this result is itself a lineage or an explain: there is nothing behind it to trace",
                   range: range, hints: ["ask it of the query's own result: arrests count by offence, then .why 1"])
    }

    /// `.why N` or `lineage(of:)` for a row the result does not have.
    static func noSuchRow(_ row: Int, rows: Int) -> Diagnostic {
        Diagnostic(code: .noSuchRow, message: "the result has no row \(row): it has \(rows) row\(rows == 1 ? "" : "s")",
                   hints: [rows == 0 ? "an empty result has no rows to trace; try why not CONDITION" : "rows are numbered from 1 to \(rows)"])
    }
}
