// `sort by` over a streamed query's chunks (no small `limit` after it): the chunks' rows are collected,
// only the columns the sort and the stages after it read, and sorted at the end as in memory. Once they
// pass half the memory budget they are sorted into a run written to a spill file and let go, so the
// query goes on streaming; at the end the runs are merged a block of each at a time. The runs are
// consecutive stretches of the input and ties go to the earlier run, so the merge is as stable as the
// in-memory sort.

/// The rows of the chunks so far, and the sorted runs spilled.
struct SortSink: StreamSink {
    let keys: [(BoundExpression, descending: Bool)]
    let fields: [Field]
    /// The input columns the sort's keys and the stages after it read; the others are null in the output.
    let kept: Set<Int>
    let parameters: [String: Value]
    let subqueries: [SubqueryValues]
    let runs: SortRuns
    private var tables: [Table] = []
    private var rows = 0
    private var bytes = 0

    init(keys: [(BoundExpression, descending: Bool)], fields: [Field], keep: [Int], parameters: [String: Value],
         subqueries: [SubqueryValues], runs: SortRuns) {
        self.keys = keys
        self.fields = fields
        var kept = Set(keep)
        keys.forEach { $0.0.collectColumns(into: &kept) }
        self.kept = kept
        self.parameters = parameters
        self.subqueries = subqueries
        self.runs = runs
    }

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Table {
        let columns = fields.indices.map { c -> Column in
            guard kept.contains(c) else { return Column(storage: .null(rows.count)) }
            return rows.selection.map { rows.table.columns[c].gathering($0) } ?? rows.table.columns[c]
        }
        return Table(fields: fields, columns: columns, rowCount: rows.count)
    }

    mutating func merge(_ partial: Table, budget: MemoryBudget) throws -> Bool {
        guard partial.rowCount > 0 else { return true }
        tables.append(partial)
        let size = partial.estimatedBytes + partial.rowCount * ExternalSorter.bytesPerRow(keys: keys.count)
        rows += partial.rowCount
        bytes += size
        runs.track(size)
        if bytes > budget.bytes / 2 { try spillRun() }
        return true
    }

    /// The rows so far sorted and written as a run, and let go.
    private mutating func spillRun() throws {
        let table = Table.stacking(tables, fields: fields)
        tables = []   // let go before sorting: the stacked copy is the only one held while the run is made
        let order = try sortedRows(table)
        try runs.write(table, order: order, rowBytes: max(1, bytes / max(1, rows)))
        runs.track(-bytes)
        (rows, bytes) = (0, 0)
    }

    private func sortedRows(_ table: Table) throws -> [Int32] {
        let compiler = ExpressionCompiler(table: table, parameters: parameters, subqueries: subqueries)
        return try Sorter(relation: Relation(table), compiler: compiler, cancellation: runs.cancellation, range: runs.range).sorted(by: keys)
    }

    mutating func result() throws -> Table {
        defer { runs.remove() }
        if runs.isEmpty {
            defer { runs.track(-bytes) }
            let table = tables.isEmpty ? Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
                : Table.stacking(tables, fields: fields)
            return Relation(table, selection: try sortedRows(table)).materialized()
        }
        if !tables.isEmpty { try spillRun() }
        return try runs.merged(keys: keys, fields: fields, kept: kept, parameters: parameters, subqueries: subqueries)
    }

    /// The sorted rows handed to `body` a block at a time, in order, instead of made into one table: a
    /// sort that spilled hands on its merge's blocks, so that its output is never held whole.
    mutating func handOn(blockRows: Int, to body: (Table) throws -> Void) throws {
        defer { runs.remove() }
        if runs.isEmpty { return try result().forEachBlock(of: blockRows, body) }
        if !tables.isEmpty { try spillRun() }
        try runs.merge(keys: keys, fields: fields, kept: kept, parameters: parameters, subqueries: subqueries, into: body)
    }
}

extension Table {
    /// About how many bytes the table's columns take, for deciding when to spill.
    var estimatedBytes: Int {
        columns.reduce(0) { total, column in
            let perRow: Int
            switch column.storage {
            case .null: perRow = 0
            case .boolean: perRow = 1
            case .integer, .float: perRow = 9
            case .date, .string: perRow = 5
            case .decimal: perRow = 17
            case .text, .list: perRow = 32
            }
            return total + perRow * rowCount
        }
    }
}
