// `pivot` groups the rows by its keys and the pivoted field, then spreads each group of keys into one row
// with a column per value; `unpivot` makes a row per named field of each row.

struct Pivoter {
    let relation: Relation
    let parameters: [String: Value]
    let cancellation: CancellationToken?

    /// One row per group of keys (sorted by them), a column per value. A value no row of a group has
    /// gets the aggregate of no rows: 0 for the counts, null for the others, as `AGG(…) FILTER (WHERE
    /// field = value)` does in SQL.
    func pivot(_ plan: PivotPlan, fields: [Field]) throws -> Table {
        let groupFields = plan.keyFields + [Field(name: "", type: relation.table.fields[plan.column].type),
                                            Field(name: "", type: plan.aggregate.type)]
        let compiler = ExpressionCompiler(table: relation.table, parameters: parameters)
        // With `in (…)`, only the rows of those values are aggregated, as FILTER (WHERE field = value) does:
        // an overflow in a group of another value is no error. Every group of keys still gets its row.
        let listed = plan.values.map { listedRows($0, column: plan.column) } ?? relation
        let grouped = try Grouper(relation: listed, compiler: compiler, cancellation: cancellation)
            .aggregate(groups: plan.keys + [plan.column], aggregates: [plan.aggregate], fields: groupFields)
        let keyCount = plan.keys.count
        let groups = plan.values == nil || keyCount == 0 ? nil
            : try Grouper(relation: relation, compiler: compiler, cancellation: cancellation)
                .aggregate(groups: plan.keys, aggregates: [BoundAggregate(function: .count, argument: nil, type: .integer, range: plan.range)],
                           fields: plan.keyFields + [Field(name: "", type: .integer)])
        let valueColumn = grouped.columns[keyCount], resultColumn = grouped.columns[keyCount + 1]
        let values = plan.values ?? distinctValues(valueColumn, rows: grouped.rowCount)
        var slot: [Value: Int] = [:]
        for (index, value) in values.enumerated() where slot[value.normalizedForDistinct] == nil { slot[value.normalizedForDistinct] = index }
        let empty = try Accumulator().result(plan.aggregate.function, constant: plan.aggregate.constant, range: plan.aggregate.range)
        func key(_ table: Table, _ row: Int) -> [Value] { (0..<keyCount).map { table.columns[$0][row].normalizedForDistinct } }
        var firstRows: [Int32] = []
        var groupOfKey: [[Value]: Int] = [:]
        if let groups {
            for row in 0..<groups.rowCount { groupOfKey[key(groups, row)] = row }
        }
        var cells: [[Value]] = values.map { _ in Array(repeating: empty, count: groups?.rowCount ?? 0) }
        for row in 0..<grouped.rowCount {
            var group: Int
            if groups != nil {
                group = groupOfKey[key(grouped, row)]!
            } else {
                if row == 0 || (0..<keyCount).contains(where: { grouped.columns[$0][row].normalizedForDistinct != grouped.columns[$0][row - 1].normalizedForDistinct }) {
                    firstRows.append(Int32(row))
                    for index in cells.indices { cells[index].append(empty) }
                }
                group = firstRows.count - 1
            }
            if let index = slot[valueColumn[row].normalizedForDistinct] { cells[index][group] = resultColumn[row] }
        }
        // No keys: one row, even over no rows (as `summarize` without `by`).
        if keyCount == 0 && (cells.first?.isEmpty ?? true) { for index in cells.indices { cells[index] = [empty] } }
        let rowCount = keyCount == 0 ? 1 : groups?.rowCount ?? firstRows.count
        var output = fields
        if plan.values == nil {
            output = plan.keyFields + values.map { Field(name: $0.description, type: plan.aggregate.type) }
            var seen = Set<String>()
            for field in output where !seen.insert(field.name).inserted { throw Diagnostic.duplicateColumn(field.name, range: plan.range) }
        }
        let keyColumns = groups.map { g in (0..<keyCount).map { g.columns[$0] } } ?? (0..<keyCount).map { grouped.columns[$0].gathering(firstRows) }
        let valueColumns = cells.map { Column(type: plan.aggregate.type, values: $0) }
        return Table(fields: output, columns: keyColumns + valueColumns, rowCount: rowCount)
    }

    /// The rows whose pivoted field holds one of `values`.
    private func listedRows(_ values: [Value], column: Int) -> Relation {
        let wanted = Set(values.map(\.normalizedForDistinct))
        var kept: [Int32] = []
        relation.forEachRow { row in
            if wanted.contains(relation.table.columns[column][row].normalizedForDistinct) { kept.append(Int32(row)) }
        }
        return Relation(relation.table, selection: kept)
    }

    /// The non-null values of the pivoted field, sorted as `sort by` sorts them, each once.
    private func distinctValues(_ column: Column, rows: Int) -> [Value] {
        var seen = Set<Value>()
        var values: [Value] = []
        for row in 0..<rows {
            let value = column[row]
            if !value.isNull, seen.insert(value.normalizedForDistinct).inserted { values.append(value) }
        }
        return values.sorted { Value.sortOrder($0, $1) < 0 }
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
