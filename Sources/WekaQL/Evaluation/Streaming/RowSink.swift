// The rows the row-wise stages keep, collected in chunk order: the whole result of a query that has no
// other sink (`arrests where id = 5`), or its first rows when a `limit` follows (reading then stops).

/// Collects the chunks' rows; with `keep`, stops once that many are in.
struct RowSink: StreamSink {
    let fields: [Field]
    /// The rows wanted (`limit` plus `offset`), or `nil` for every row.
    let keep: Int?
    private var tables: [Table] = []
    private var count = 0

    init(fields: [Field], keep: Int?) {
        self.fields = fields
        self.keep = keep
    }

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Table {
        guard let keep, rows.count > keep else { return rows.materialized() }
        return Relation(rows.table, selection: Array(rows.rows.prefix(keep))).materialized()
    }

    mutating func merge(_ partial: Table, budget: MemoryBudget) throws -> Bool {
        if partial.rowCount > 0 { tables.append(partial) }
        count += partial.rowCount
        try budget.check("rows kept", rows: count, bytesPerRow: 8 + 16 * fields.count, range: nil)
        return keep.map { count < $0 } ?? true
    }

    func result() throws -> Table {
        tables.isEmpty ? Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
            : Table.stacking(tables, fields: fields)
    }
}

/// `distinct`: each chunk's first rows of each value, then, in chunk order, those not seen before.
struct DistinctSink: StreamSink {
    let columns: [Int]
    let fields: [Field]
    private var seen = Set<[Value]>()
    private var tables: [Table] = []

    init(columns: [Int], fields: [Field]) {
        self.columns = columns
        self.fields = fields
    }

    struct Partial: Sendable {
        var rows: Table
        var keys: [[Value]]
    }

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Partial {
        var local = Set<[Value]>()
        var kept: [Int32] = []
        var keys: [[Value]] = []
        rows.forEachRow { row in
            let key = columns.map { rows.table.columns[$0][row].normalizedForDistinct }
            if local.insert(key).inserted { kept.append(Int32(row)); keys.append(key) }
        }
        let table = Table(fields: fields, columns: columns.map { rows.table.columns[$0].gathering(kept) }, rowCount: kept.count)
        return Partial(rows: table, keys: keys)
    }

    mutating func merge(_ partial: Partial, budget: MemoryBudget) throws -> Bool {
        var fresh: [Int32] = []
        for (row, key) in partial.keys.enumerated() where seen.insert(key).inserted { fresh.append(Int32(row)) }
        try budget.check("distinct", rows: seen.count, bytesPerRow: 32 + 32 * columns.count, range: nil)
        if !fresh.isEmpty { tables.append(Relation(partial.rows, selection: fresh).materialized()) }
        return true
    }

    func result() throws -> Table { try RowSink(fields: fields, keep: nil).merging(tables) }
}

/// `sort … limit k`: each chunk's first `k` rows under the sort, merged with the first `k` so far. Ties
/// go to the earlier row, as in the in-memory sort: rows kept from earlier chunks come first in a merge.
struct TopSink: StreamSink {
    let keys: [(BoundExpression, descending: Bool)]
    let keep: Int
    let fields: [Field]
    let parameters: [String: Value]
    let subqueries: [SubqueryValues]
    private var best: Table? = nil

    init(keys: [(BoundExpression, descending: Bool)], keep: Int, fields: [Field], parameters: [String: Value], subqueries: [SubqueryValues]) {
        self.keys = keys
        self.keep = keep
        self.fields = fields
        self.parameters = parameters
        self.subqueries = subqueries
    }

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Table {
        let order = try Sorter(relation: rows, compiler: compiler).sorted(by: keys, limit: keep)
        return Relation(rows.table, selection: order).materialized()
    }

    mutating func merge(_ partial: Table, budget: MemoryBudget) throws -> Bool {
        guard partial.rowCount > 0 else { return true }
        try budget.check("sort", rows: 2 * keep, bytesPerRow: 8 + 16 * fields.count, range: nil)
        let both = best.map { Table.stacking([$0, partial], fields: fields) } ?? partial
        let compiler = ExpressionCompiler(table: both, parameters: parameters, subqueries: subqueries)
        let order = try Sorter(relation: Relation(both), compiler: compiler).sorted(by: keys, limit: keep)
        best = Relation(both, selection: order).materialized()
        return true
    }

    func result() throws -> Table { try RowSink(fields: fields, keep: nil).merging(best.map { [$0] } ?? []) }
}

extension RowSink {
    /// `tables` collected as this sink collects them.
    func merging(_ tables: [Table]) throws -> Table {
        var sink = self
        for table in tables { _ = try sink.merge(table, budget: MemoryBudget(bytes: .max)) }
        return try sink.result()
    }
}
