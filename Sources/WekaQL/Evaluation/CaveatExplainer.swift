// Notes on what a result cannot say: sums and comparisons of figures the release hedges, and sums that
// are not the release's own total. The checker finds the uses (`Caveat`); this reads the rows they use.

/// Turns a stage's caveats into notes, from the rows entering the stage.
struct CaveatExplainer {
    let relation: Relation

    /// The notes for `caveats`, one per field and kind; none for a hedged field none of whose rows is hedged.
    func notes(for caveats: [Caveat]) -> [Diagnostic] {
        var seen = Set<String>()
        return caveats.compactMap { caveat in
            switch caveat {
            case .hedged(let column, let field, let qualifierColumn, let use, let range):
                guard seen.insert("hedged \(column)").inserted else { return nil }
                guard let qualifierColumn else {
                    return .mayBeHedged(field: field.name, qualifierField: field.qualifierField ?? "", use: use, range: range)
                }
                let hedged = hedgedFigures(column, qualifierColumn)
                return hedged.isEmpty ? nil : .hedgedFigures(field: field.name, figures: hedged, use: use, range: range)
            case .partialTotal(let column, let field, let range):
                guard seen.insert("total \(column)").inserted, let total = field.releaseTotal else { return nil }
                return .partialTotal(field: field.name, total: total, rows: relation.count, missing: nulls(in: column), range: range)
            }
        }
    }

    /// "nearly 700", "some 4000", … for each distinct hedged value among the rows, in row order.
    private func hedgedFigures(_ column: Int, _ qualifierColumn: Int) -> [String] {
        var figures: [String] = []
        relation.forEachRow { row in
            let value = relation.table.columns[column][row]
            guard !value.isNull, case .string(let qualifier) = relation.table.columns[qualifierColumn][row] else { return }
            let figure = "\(qualifier) \(value.description)"
            if !figures.contains(figure) { figures.append(figure) }
        }
        return figures
    }

    private func nulls(in column: Int) -> Int {
        var count = 0
        relation.forEachRow { row in if relation.table.columns[column][row].isNull { count += 1 } }
        return count
    }
}
