// `explain`: what one stage did, in words — a `where`'s false and null rows with one dropped row, a
// join's matched and unmatched rows per side, a grouping's groups. A new stage kind says its part here.

struct StageExplainer {
    let observer: RunObserver

    /// The stage's detail, and an example of a row it dropped (with its source sentence when there is one).
    func explain(_ stage: PlanStage, input: Relation, output: Relation, detail: StageDetail,
                 compiler: ExpressionCompiler) -> (String, example: String?) {
        switch stage {
        case .filter(let condition, _):
            return explainFilter(condition, input: input, output: output, compiler: compiler)
        case .project:
            return (output.table.fields.count.counting("column"), nil)
        case .sort:
            // Before a limit, a sort keeps only the rows the limit will (a bounded heap).
            let dropped = output.count < input.count ? Self.dropped(input.rows, kept: output.rows) : []
            return (dropped.isEmpty ? "" : "\(dropped.count.counting("row")) after the limit", dropped.first.map(observer.describe))
        case .limit:
            let dropped = Self.dropped(input.rows, kept: output.rows)
            return (dropped.isEmpty ? "" : "\(dropped.count.counting("row")) after the limit", dropped.first.map(observer.describe))
        case .distinct:
            return ((input.count - output.count).counting("duplicate row"), nil)
        case .aggregate:
            return (output.count.counting("group"), nil)
        case .join(let plan):
            guard case .join(let joined, let right) = detail else { return ("", nil) }
            return explainJoin(plan, joined, input: input, rightCount: right.rowCount)
        case .window(let windows):
            return (windows.windows.count.counting("window column"), nil)
        case .union(let plan):
            guard case .union(let right, _) = detail else { return ("", nil) }
            let duplicates = input.count + right.rowCount - output.count
            return ("\(input.count.counting("row")), then \(right.rowCount) of the other side" + (plan.distinct ? "; \(duplicates.counting("duplicate row"))" : ""), nil)
        case .unnest:
            return ("\(output.count.counting("element")) of \(input.count.counting("list"))", nil)
        case .pivot:
            return ("\(output.count.counting("group")), \(output.table.fields.count.counting("column"))", nil)
        case .unpivot:
            return ("\(output.count.counting("row")) from \(input.count)", nil)
        }
    }

    /// The false and null counts of a `where`'s condition over the rows it dropped.
    private func explainFilter(_ condition: BoundExpression, input: Relation, output: Relation,
                               compiler: ExpressionCompiler) -> (String, example: String?) {
        let dropped = Self.dropped(input.rows, kept: output.rows)
        let f = compiler.compile(condition)
        var falseCount = 0, nullCount = 0
        for row in dropped {
            // The stage ran this condition on these rows without an error, so `try?` drops none.
            if case .boolean(false)? = try? f(Int(row)) { falseCount += 1 } else { nullCount += 1 }
        }
        return ("false \(falseCount), null \(nullCount)", dropped.first.map(observer.describe))
    }

    private func explainJoin(_ plan: JoinPlan, _ joined: JoinOutput, input: Relation, rightCount: Int) -> (String, example: String?) {
        if plan.kind == .semi || plan.kind == .anti {
            return ("kept \(joined.leftRows.count) of \(input.count.counting("left row"))", nil)
        }
        var leftMatched = Set<Int32>(), rightMatched = Set<Int32>()
        for (left, right) in zip(joined.leftRows, joined.rightRows) where right >= 0 && left >= 0 {
            leftMatched.insert(left)
            rightMatched.insert(right)
        }
        let unmatched = input.rows.filter { !leftMatched.contains($0) }
        let text = "left: \(leftMatched.count) matched, \(input.count - leftMatched.count) unmatched; "
            + "right: \(rightMatched.count) matched, \(rightCount - rightMatched.count) unmatched"
        return (text, unmatched.first.map(observer.describe))
    }

    /// The rows of `all` not in `kept`, where `kept` is a subsequence of `all` (both in order), or any
    /// subset when it is not.
    static func dropped(_ all: [Int32], kept: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var k = 0
        for row in all {
            if k < kept.count && kept[k] == row { k += 1 } else { result.append(row) }
        }
        if k == kept.count { return result }
        let keptSet = Set(kept)   // a reordered selection (after a sort): compare as sets
        return all.filter { !keptSet.contains($0) }
    }
}

extension Int {
    /// The count with its noun, plural unless the count is one: `1 column`, `3 columns`, `0 groups`.
    func counting(_ noun: String) -> String { "\(self) \(noun)\(self == 1 ? "" : "s")" }
}
