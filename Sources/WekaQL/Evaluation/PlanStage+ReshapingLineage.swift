// The lineage of the stages that reshape rows: `union` (each row from its side), `unnest` (each element
// from its list's row), `pivot` (each row from every row of its group of keys) and `unpivot` (each row
// from the row whose field it holds), and `semi join` (each row from itself and the rows it matched).
// Worked out from the stage's input and output only when lineage is asked, so that evaluating these
// stages stays as it was.

extension PlanStage {
    /// `union`: the left rows, then the right side's; for `union distinct`, each kept row comes from every
    /// row of either side equal to it (as `distinct` keeps every duplicate).
    static func unionLineage(_ plan: UnionPlan, input: Relation, output: Relation, right: Table,
                             rightSide: QueryLineage) throws -> StageLineage {
        let leftRows = input.rows
        let leftCount = Int32(leftRows.count), total = leftCount + Int32(right.rowCount)
        guard plan.distinct else {
            let left = RowMap(offsets: (0...total).map { min($0, leftCount) }, rows: leftRows)
            let rightMap = RowMap(offsets: (0...total).map { max(0, $0 - leftCount) }, rows: Array(0..<Int32(right.rowCount)))
            return .sides(left: left, right: rightMap, rightSide: rightSide)
        }
        // The rows as union all made them (values as the output's types hold them), grouped as distinct groups them.
        var all = plan
        all.distinct = false
        let combined = try Uniter(cancellation: nil, budget: MemoryBudget(bytes: .max))
            .union(all, left: input, right: right, fields: output.table.fields)
        let groups = duplicates(in: Relation(combined), columns: Array(combined.fields.indices))
        precondition(groups.count == output.count, "union distinct keeps one row per group of equal rows")
        var leftOffsets: [Int32] = [0], rightOffsets: [Int32] = [0]
        var fromLeft: [Int32] = [], fromRight: [Int32] = []
        let lists = groups.lists
        for row in 0..<groups.count {
            for source in lists.rows[Int(lists.offsets[row])..<Int(lists.offsets[row + 1])] {
                if source < leftCount { fromLeft.append(leftRows[Int(source)]) } else { fromRight.append(source - leftCount) }
            }
            leftOffsets.append(Int32(fromLeft.count))
            rightOffsets.append(Int32(fromRight.count))
        }
        return .sides(left: RowMap(offsets: leftOffsets, rows: fromLeft), right: RowMap(offsets: rightOffsets, rows: fromRight),
                      rightSide: rightSide)
    }

    /// `unnest`: each element's row is the row whose list it was in (a null or empty list gives none).
    static func unnestSources(_ column: Int, input: Relation, output: Relation) -> RowMap {
        var sources: [Int32] = []
        sources.reserveCapacity(output.count)
        if case .list(let lists) = input.table.columns[column].storage {
            input.forEachRow { row in
                sources.append(contentsOf: repeatElement(Int32(row), count: lists.elementCount(at: row) ?? 0))
            }
        }
        precondition(sources.count == output.count, "unnest makes a row per element")
        return RowMap(oneToOne: sources)
    }

    /// `unpivot`: each row comes from the row whose field it names (a null value makes no row).
    static func unpivotSources(_ plan: UnpivotPlan, input: Relation, output: Relation) -> RowMap {
        var sources: [Int32] = []
        sources.reserveCapacity(output.count)
        let columns = plan.fields.map { input.table.columns[$0] }
        input.forEachRow { row in
            for column in columns where !column[row].isNull { sources.append(Int32(row)) }
        }
        precondition(sources.count == output.count, "unpivot makes a row per non-null field")
        return RowMap(oneToOne: sources)
    }

    /// `pivot`: each row comes from every row of its group of keys, whichever column its values went to
    /// (with `in (…)`, also the rows of the values not listed: the group's row is there because of them too).
    static func pivotGroups(_ plan: PivotPlan, input: Relation, output: Relation) -> RowMap {
        let keyCount = plan.keys.count
        var rowOfKey: [[Value]: Int32] = [:]
        for row in 0..<output.table.rowCount {
            rowOfKey[(0..<keyCount).map { output.table.columns[$0][row].normalizedForDistinct }] = Int32(row)
        }
        var groupOf: [Int32] = []
        groupOf.reserveCapacity(input.count)
        input.forEachRow { row in
            let key = plan.keys.map { input.table.columns[$0][row].normalizedForDistinct }
            groupOf.append(rowOfKey[key] ?? -1)
        }
        return RowMap(groups: output.table.rowCount, groupOf: groupOf, inputRows: input.selection, outputOrder: nil)
    }
}

extension PlanStage {
    /// `semi join`: the left table, with a selection; each kept row comes from itself and from every
    /// right row it matched (the rows it is kept for), found by pairing the kept rows as an inner join does.
    static func semiJoinLineage(_ plan: JoinPlan, input: Relation, output: Relation, right: Table,
                                rightSide: QueryLineage) throws -> StageLineage {
        var inner = plan
        inner.kind = .inner
        let fields = input.table.fields + plan.rightColumns.map { right.fields[$0] }
        let pairs = try Joiner(left: output, right: right, cancellation: nil, budget: MemoryBudget(bytes: .max)).join(inner, fields: fields)
        let rowCount = input.table.rowCount
        var matched = [[Int32]](repeating: [], count: rowCount)
        for (left, match) in zip(pairs.leftRows, pairs.rightRows) { matched[Int(left)].append(match) }
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(rowCount + 1)
        var rows: [Int32] = []
        for row in 0..<rowCount {
            rows += matched[row]
            offsets.append(Int32(rows.count))
        }
        let itself = RowMap(oneToOne: Array(0..<Int32(rowCount)))
        return .sides(left: itself, right: RowMap(offsets: offsets, rows: rows), rightSide: rightSide)
    }
}
