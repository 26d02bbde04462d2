// `union`: the rows so far, then the right side's rows, in one table whose columns were matched by name
// when the query was checked; `union distinct` then keeps the first of equal rows, in that order.
// The size is checked against the memory budget before any column is built; the loops look at the
// cancellation token every 64K rows.

struct Uniter {
    let cancellation: CancellationToken?
    let budget: MemoryBudget

    func union(_ plan: UnionPlan, left: Relation, right: Table, fields: [Field]) throws -> Table {
        let rowCount = left.count + right.rowCount
        // Each value of each column, 8 bytes (strings as codes), and for distinct a key per row.
        try budget.check("union", rows: rowCount, bytesPerRow: 8 * fields.count + (plan.distinct ? 16 + 16 * fields.count : 0), range: plan.range)
        let leftRows = left.rows
        var columns: [Column] = []
        for (index, field) in fields.enumerated() {
            var builder = ColumnBuilder(type: field.type, capacity: rowCount)
            try append(plan.left[index], of: left.table, rows: leftRows.lazy.map(Int.init), to: &builder, range: plan.range)
            try append(plan.right[index], of: right, rows: 0..<right.rowCount, to: &builder, range: plan.range)
            columns.append(builder.build())
        }
        let table = Table(fields: fields, columns: columns, rowCount: rowCount)
        return plan.distinct ? try distinct(table, range: plan.range) : table
    }

    private func append(_ source: UnionPlan.ColumnSource, of table: Table, rows: some Collection<Int>,
                        to builder: inout ColumnBuilder, range: SourceRange) throws {
        var checked = 0
        switch source {
        case .column(let c):
            let column = table.columns[c]
            for row in rows {
                checked &+= 1
                if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
                builder.append(column[row])
            }
        case .label(let name):
            for _ in rows { builder.append(.string(name)) }
        case .null:
            for _ in rows { builder.appendNull() }
        }
    }

    /// The first of each run of equal rows, in order (integers and equal decimals are one value, as in `distinct`).
    private func distinct(_ table: Table, range: SourceRange) throws -> Table {
        var seen = Set<[Value]>()
        var kept: [Int32] = []
        for row in 0..<table.rowCount {
            if row & 0xFFFF == 0xFFFF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
            if seen.insert(table.columns.map { $0[row].normalizedForDistinct }).inserted { kept.append(Int32(row)) }
        }
        return Table(fields: table.fields, columns: table.columns.map { $0.gathering(kept) }, rowCount: kept.count)
    }
}

extension Evaluator {
    /// The right side of a `union`: a table, or the result of a query in brackets with its notes; when
    /// lineage is recorded (in `graph`), with the lineage of its rows.
    func unionSide(_ side: UnionPlan.Side, tracedIn graph: LineageGraph?) throws -> (table: Table, notes: [Diagnostic], lineage: QueryLineage?) {
        switch side {
        case .source(let reference):
            let table = try table(reference)
            return (table, [], try graph.map { QueryLineage(start: try start(of: reference, table: table, graph: $0)) })
        case .query(let plan):
            let outcome = try subquery(tracedIn: graph).run(plan)
            return (outcome.table, outcome.notes, outcome.lineage)
        }
    }
}

/// The values of a subquery's one column, for `x [not] in (QUERY)`.
struct SubqueryValues: Sendable {
    /// The non-null values, integers and equal decimals as one (1 and 1.0).
    let values: Set<Value>
    let hasNull: Bool

    init(_ table: Table) {
        var values = Set<Value>()
        var hasNull = false
        let column = table.columns[0]
        for row in 0..<table.rowCount {
            let value = column[row].normalizedForDistinct
            if value.isNull { hasNull = true } else { values.insert(value) }
        }
        self.values = values
        self.hasNull = hasNull
    }

    /// As SQL's `IN (subquery)`: false when the query gave no rows (even for a null subject); else true
    /// when an equal value is there; else null when the subject or some value is null; else false.
    /// `not in` is its negation (null stays null).
    func membership(_ subject: @escaping RowFunction, negated: Bool) -> RowFunction {
        if values.isEmpty && !hasNull { return { _ in .boolean(negated) } }
        return { row in
            let value = try subject(row).normalizedForDistinct
            if value.isNull { return .null }
            if values.contains(value) { return .boolean(!negated) }
            return hasNull ? .null : .boolean(negated)
        }
    }
}
