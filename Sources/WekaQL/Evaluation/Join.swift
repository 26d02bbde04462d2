// The joins: a hash join on one key or several. Output rows keep the left side's order, and for each
// left row its matches in the right side's order; a `full join` then adds the right rows no left row
// matched, in right order. `semi join` and `anti join` keep left rows (each once) with or without a match.
// A null key never matches (in a join on several keys, a null in any of them).
// Before any output row is made, the output is counted from the matches and checked against the
// memory budget; every loop looks at the cancellation token every 64K rows.

struct Joiner {
    let left: Relation
    let right: Table
    let cancellation: CancellationToken?
    let budget: MemoryBudget

    func join(_ plan: JoinPlan, fields: [Field]) throws -> JoinOutput {
        var checked = 0
        func checkCancelled() throws(Diagnostic) {
            checked &+= 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
        }
        let matches = try JoinIndex(right: right, keys: plan.rightKeys, checkCancelled).matcher(plan.leftKeys.map { left.table.columns[$0] })
        if plan.kind == .semi || plan.kind == .anti {
            var kept: [Int32] = []
            try left.forEachRow { row in
                try checkCancelled()
                if (matches(row) != nil) == (plan.kind == .semi) { kept.append(Int32(row)) }
            }
            return JoinOutput(relation: Relation(left.table, selection: kept), leftRows: kept, rightRows: [])
        }
        let keepsLeft = plan.kind == .left || plan.kind == .full
        var matchedRight = plan.kind == .full ? [Bool](repeating: false, count: right.rowCount) : []
        var outputRows = 0
        try left.forEachRow { row in
            try checkCancelled()
            let found = matches(row)
            outputRows += found.map(\.count) ?? (keepsLeft ? 1 : 0)
            if let found, plan.kind == .full { for match in found { matchedRight[Int(match)] = true } }
        }
        let unmatchedRight = matchedRight.lazy.filter { !$0 }.count
        outputRows += unmatchedRight
        // Two row indexes per output row, then each column's values (8 bytes a value, strings as codes).
        let columnCount = left.table.columns.count + plan.rightColumns.count
        try budget.check("join", rows: outputRows, bytesPerRow: 8 + 8 * columnCount, range: plan.range)
        guard outputRows <= Int(Int32.max) else {
            throw Diagnostic.memoryBudget(stage: "join", estimate: Int.max, rows: outputRows, budget: budget.bytes, range: plan.range)
        }
        var leftRows: [Int32] = [], rightRows: [Int32] = []
        leftRows.reserveCapacity(outputRows)
        rightRows.reserveCapacity(outputRows)
        try left.forEachRow { row in
            if let found = matches(row) {
                for match in found {
                    try checkCancelled()
                    leftRows.append(Int32(row))
                    rightRows.append(match)
                }
            } else if keepsLeft {
                try checkCancelled()
                leftRows.append(Int32(row))
                rightRows.append(-1)
            }
        }
        for row in matchedRight.indices where !matchedRight[row] {
            try checkCancelled()
            leftRows.append(-1)
            rightRows.append(Int32(row))
        }
        var columns: [Column] = []
        for (index, column) in left.table.columns.enumerated() {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
            if unmatchedRight > 0, let shared = plan.sharedKeys.first(where: { $0.left == index }) {
                columns.append(Self.coalescedKey(column, right.columns[shared.right], leftRows, rightRows, type: fields[index].type))
            } else {
                columns.append(column.gathering(leftRows))
            }
        }
        for index in plan.rightColumns {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
            columns.append(right.columns[index].gathering(rightRows))
        }
        return JoinOutput(relation: Relation(Table(fields: fields, columns: columns, rowCount: leftRows.count)), leftRows: leftRows, rightRows: rightRows)
    }

    /// The shared key column of a full join: the left key, or the right one on an unmatched right row.
    static func coalescedKey(_ leftKey: Column, _ rightKey: Column, _ leftRows: [Int32], _ rightRows: [Int32], type: ValueType) -> Column {
        var builder = ColumnBuilder(type: type, capacity: leftRows.count)
        for (l, r) in zip(leftRows, rightRows) { builder.append(l >= 0 ? leftKey[Int(l)] : rightKey[Int(r)]) }
        return builder.build()
    }
}

/// A join's rows, and for each the left row (of the input table; -1 for a full join's unmatched right
/// row) and right row (-1 for none) it pairs. A semi or anti join keeps left rows: its relation is the
/// left table with a selection, and it pairs nothing (`rightRows` is empty).
struct JoinOutput {
    var relation: Relation
    var leftRows: [Int32]
    var rightRows: [Int32]
}
