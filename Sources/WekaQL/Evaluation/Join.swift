// `join` and `left join`: a hash join on one key; output rows keep the left side's order, and for
// each left row its matches in the right side's order. A null key never matches.

struct Joiner {
    let left: Relation
    let right: Table

    func join(_ plan: JoinPlan, fields: [Field]) -> Table {
        var index: [Value: [Int32]] = [:]
        let rightKey = right.columns[plan.rightKey]
        for row in 0..<right.rowCount {
            let key = rightKey[row].normalizedForDistinct
            if !key.isNull { index[key, default: []].append(Int32(row)) }
        }
        let leftKey = left.table.columns[plan.leftKey]
        var leftRows: [Int32] = []
        var rightRows: [Int32] = []
        left.forEachRow { row in
            let key = leftKey[row].normalizedForDistinct
            if let matches = key.isNull ? nil : index[key] {
                for match in matches { leftRows.append(Int32(row)); rightRows.append(match) }
            } else if plan.isLeft {
                leftRows.append(Int32(row))
                rightRows.append(-1)
            }
        }
        let columns = left.table.columns.map { $0.gathering(leftRows) }
            + plan.rightColumns.map { right.columns[$0].gathering(rightRows) }
        return Table(fields: fields, columns: columns, rowCount: leftRows.count)
    }
}
