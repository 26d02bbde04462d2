// `join` and `left join`: a hash join on one key; output rows keep the left side's order, and for
// each left row its matches in the right side's order. A null key never matches.
// Before any output row is made, the output is counted from the key counts and checked against the
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
        var index: [Value: [Int32]] = [:]
        let rightKey = right.columns[plan.rightKey]
        for row in 0..<right.rowCount {
            try checkCancelled()
            let key = rightKey[row].normalizedForDistinct
            if !key.isNull { index[key, default: []].append(Int32(row)) }
        }
        let leftKey = left.table.columns[plan.leftKey]
        var outputRows = 0
        try left.forEachRow { row in
            try checkCancelled()
            let key = leftKey[row].normalizedForDistinct
            let matches = key.isNull ? 0 : index[key]?.count ?? 0
            outputRows += matches == 0 && plan.isLeft ? 1 : matches
        }
        // Two row indexes per output row, then each column's values (8 bytes a value, strings as codes).
        let columnCount = left.table.columns.count + plan.rightColumns.count
        try budget.check("join", rows: outputRows, bytesPerRow: 8 + 8 * columnCount, range: plan.range)
        guard outputRows <= Int(Int32.max) else {
            throw Diagnostic.memoryBudget(stage: "join", estimate: Int.max, rows: outputRows, budget: budget.bytes, range: plan.range)
        }
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        leftRows.reserveCapacity(outputRows)
        rightRows.reserveCapacity(outputRows)
        try left.forEachRow { row in
            let key = leftKey[row].normalizedForDistinct
            if let matches = key.isNull ? nil : index[key] {
                for match in matches {
                    try checkCancelled()
                    leftRows.append(Int32(row))
                    rightRows.append(match)
                }
            } else if plan.isLeft {
                try checkCancelled()
                leftRows.append(Int32(row))
                rightRows.append(-1)
            }
        }
        var columns: [Column] = []
        for (column, rows) in left.table.columns.map({ ($0, leftRows) }) + plan.rightColumns.map({ (right.columns[$0], rightRows) }) {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
            columns.append(column.gathering(rows))
        }
        return JoinOutput(table: Table(fields: fields, columns: columns, rowCount: leftRows.count), leftRows: leftRows, rightRows: rightRows)
    }
}

/// A join's rows, and for each the left row (of the input table) and right row (-1 for none) it pairs.
struct JoinOutput {
    var table: Table
    var leftRows: [Int32]
    var rightRows: [Int32]
}
