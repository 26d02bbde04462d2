// `pivot` groups the rows by its keys and the pivoted field in one pass (PivotCells.swift), then spreads
// each group of keys into one row with a column per value; `unpivot` makes a row per named field of each row.

struct Pivoter {
    let relation: Relation
    let parameters: [String: Value]
    let cancellation: CancellationToken?
    var budget = MemoryBudget.machineDefault

    /// One row per group of keys (sorted by them), a column per value. A value no row of a group has
    /// gets the aggregate of no rows: 0 for the counts, null for the others, as `AGG(…) FILTER (WHERE
    /// field = value)` does in SQL. With `in (…)`, only the rows of those values are aggregated (an
    /// overflow in a group of another value is no error), and every group of keys still gets its row.
    func pivot(_ plan: PivotPlan, fields: [Field]) throws -> Table {
        let check = CancellationCheck(token: cancellation, range: plan.range)
        let cells = try cells(plan, check)
        try budget.check("pivot", rows: cells.groupCount, bytesPerRow: 16 * (cells.slotValues.count + plan.keys.count), range: plan.range)
        let results = try fold(plan.aggregate, cells, check)
        var output = fields
        if plan.values == nil {
            output = plan.keyFields + cells.columnOrder.map { Field(name: cells.slotValues[$0].description, type: plan.aggregate.type) }
            var seen = Set<String>()
            for field in output where !seen.insert(field.name).inserted { throw Diagnostic.duplicateColumn(field.name, range: plan.range) }
        }
        let groups = try groupOrder(plan, cells)
        let keyRows = plan.keys.isEmpty ? [] : groups.map { cells.firstRows[Int($0)] }
        let keyColumns = plan.keys.map { relation.table.columns[$0].gathering(keyRows) }
        let valueColumns = try cells.columnOrder.map { slot in
            var builder = ColumnBuilder(type: plan.aggregate.type, capacity: groups.count)
            for (index, group) in groups.enumerated() {
                try check.at(index)
                builder.append(results.value(slot: slot, group: Int(group)))
            }
            return builder.build()
        }
        return Table(fields: output, columns: keyColumns + valueColumns, rowCount: groups.count)
    }

    /// The groups in the order of their keys (nulls last), as `summarize … by` orders them.
    private func groupOrder(_ plan: PivotPlan, _ cells: PivotCells) throws -> [Int32] {
        guard !plan.keys.isEmpty else { return [0] }
        let keys = Table(fields: plan.keyFields, columns: plan.keys.map { relation.table.columns[$0].gathering(cells.firstRows) },
                         rowCount: cells.groupCount)
        let order = plan.keys.indices.map {
            (BoundExpression(kind: .column($0), type: plan.keyFields[$0].type, range: plan.range), descending: false)
        }
        return try Sorter(relation: Relation(keys), compiler: ExpressionCompiler(table: keys, parameters: [:]),
                          cancellation: cancellation, range: plan.range).sorted(by: order)
    }

    /// `unpivot`: for each row, a row per field in order with the kept columns, the field's name and its
    /// value; a null value makes no row, as SQL's UNPIVOT does.
    func unpivot(_ plan: UnpivotPlan, fields: [Field]) throws -> Table {
        var sources: [Int32] = []
        var names = ColumnBuilder(type: .string, capacity: relation.count)
        var values = ColumnBuilder(type: plan.valueType, capacity: relation.count)
        let columns = plan.fields.map { relation.table.columns[$0] }
        var seen = 0
        try relation.forEachRow { row in
            seen += 1
            if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            for (index, column) in columns.enumerated() {
                let value = column[row]
                if value.isNull { continue }
                sources.append(Int32(row))
                names.append(.string(plan.names[index]))
                values.append(value)
            }
        }
        let kept = plan.kept.map { relation.table.columns[$0].gathering(sources) }
        return Table(fields: fields, columns: kept + [names.build(), values.build()], rowCount: sources.count)
    }
}
