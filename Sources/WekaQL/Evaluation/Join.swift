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

    func join(_ plan: JoinPlan, fields: [Field]) throws -> Relation {
        var checked = 0
        func checkCancelled() throws(Diagnostic) {
            checked &+= 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
        }
        let matches = try matcher(plan, checkCancelled)
        if plan.kind == .semi || plan.kind == .anti {
            var kept: [Int32] = []
            try left.forEachRow { row in
                try checkCancelled()
                if (matches(row) != nil) == (plan.kind == .semi) { kept.append(Int32(row)) }
            }
            return Relation(left.table, selection: kept)
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
                columns.append(coalescedKey(column, right.columns[shared.right], leftRows, rightRows, type: fields[index].type))
            } else {
                columns.append(column.gathering(leftRows))
            }
        }
        for index in plan.rightColumns {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: plan.range) }
            columns.append(right.columns[index].gathering(rightRows))
        }
        return Relation(Table(fields: fields, columns: columns, rowCount: leftRows.count))
    }

    /// The shared key column of a full join: the left key, or the right one on an unmatched right row.
    private func coalescedKey(_ leftKey: Column, _ rightKey: Column, _ leftRows: [Int32], _ rightRows: [Int32], type: ValueType) -> Column {
        var builder = ColumnBuilder(type: type, capacity: leftRows.count)
        for (l, r) in zip(leftRows, rightRows) { builder.append(l >= 0 ? leftKey[Int(l)] : rightKey[Int(r)]) }
        return builder.build()
    }

    /// For a left row, the right rows whose keys equal its keys (in right order), or `nil` for none.
    private func matcher(_ plan: JoinPlan, _ checkCancelled: () throws(Diagnostic) -> Void) throws -> (Int) -> [Int32]? {
        let leftKeys = plan.leftKeys.map { left.table.columns[$0] }, rightKeys = plan.rightKeys.map { right.columns[$0] }
        guard leftKeys.count == 1 else {
            var index: [[Value]: [Int32]] = [:]
            for row in 0..<right.rowCount {
                try checkCancelled()
                let key = rightKeys.map { $0[row].normalizedForDistinct }
                if !key.contains(where: \.isNull) { index[key, default: []].append(Int32(row)) }
            }
            return { row in
                var key: [Value] = []
                key.reserveCapacity(leftKeys.count)
                for column in leftKeys {
                    let value = column[row].normalizedForDistinct
                    if value.isNull { return nil }
                    key.append(value)
                }
                return index[key]
            }
        }
        var index: [Value: [Int32]] = [:]
        for row in 0..<right.rowCount {
            try checkCancelled()
            let key = rightKeys[0][row].normalizedForDistinct
            if !key.isNull { index[key, default: []].append(Int32(row)) }
        }
        // A dictionary-coded text key is looked up once per distinct string, not once per row.
        if case .string(let codes, let dictionary) = leftKeys[0].storage {
            let byCode = dictionary.values.map { index[.string($0)] }
            return { row in codes[row] < 0 ? nil : byCode[Int(codes[row])] }
        }
        let key = leftKeys[0]
        return { row in
            let value = key[row].normalizedForDistinct
            return value.isNull ? nil : index[value]
        }
    }
}
