// `why not EXPR` over a field a join brings: the rows followed are the join's right side's, for which
// EXPR is true. They enter the query at the join: those it paired with a row are followed on from there
// as any others; those it did not are the ones it dropped, for want of a row to join on.

extension WhyNotTracker {
    /// Follows the matching right rows into the join's output.
    func enterJoin(_ stage: PlanStage, range: SourceRange, step: StageLineage, output: Relation, detail: StageDetail,
                   observer: RunObserver) {
        guard case .join(let plan) = stage, case .join(_, let right) = detail else { preconditionFailure("the join stage is a join") }
        let matching = carried
        carried = [:]
        switch step {
        case .pairs(_, let rightRows, _):
            for (row, rightRow) in rightRows.enumerated() where rightRow >= 0 {
                if let rows = matching[rightRow] { carried[Int32(row)] = rows }
            }
        case .sides(_, let rightMap, _):   // a semi join: each kept row with the right rows it matched
            rightMap.forEachPair { row, rightRow in
                if let rows = matching[rightRow] { carried[row, default: []] += rows }
            }
        case .sameTable, .rows:
            break   // an anti join: its rows are the left's without a match, no right row is in them
        }
        var reachedRows = Set<Int32>()
        output.forEachRow { row in if let rows = carried[Int32(row)] { reachedRows.formUnion(rows) } }
        let text = observer.text(of: range)
        guard alive > 0 else { return record(text, reached: 0, detail: "no rows to follow") }
        let dropped = matching.keys.filter { !reachedRows.contains($0) }.sorted()
        var detail = dropped.isEmpty ? "all kept" : "\(dropped.count) dropped"
        if !dropped.isEmpty {
            detail += ": " + (plan.kind == .anti ? "an anti join keeps only the left rows without a match, none of the right's"
                                                 : Self.unmatched(dropped, keys: plan.rightKeys, of: right))
        }
        record(text, reached: reachedRows.count, detail: detail)
    }

    /// "no row to join on KEY VALUES" for right rows the join paired with no left row.
    private static func unmatched(_ rows: [Int32], keys: [Int], of right: Table) -> String {
        var values: [String] = []
        for row in rows {
            let value = right.columns[keys[0]][Int(row)]
            let shown = value.isNull ? "null" : Diagnostic.quoted(value.description)
            if !values.contains(shown) { values.append(shown) }
            if values.count == 4 { break }
        }
        let more = values.count > 3 ? ", …" : ""
        return "no row to join on \(right.fields[keys[0]].name) \(values.prefix(3).joined(separator: ", "))\(more)"
    }
}
