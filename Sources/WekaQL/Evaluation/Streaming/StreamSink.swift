// What a streamed query's chunks fold into: each chunk's rows give a partial result on the thread that
// read them, and the partials are merged one at a time in chunk order, so the result does not depend
// on which thread finished first.

/// Folds the rows of a streamed query's chunks into one small table.
protocol StreamSink: Sendable {
    associatedtype Partial: Sendable
    /// The partial result of one chunk's rows (as the row-wise stages left them).
    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Partial
    /// Adds the next chunk's partial, in chunk order. Returns `false` when no later chunk can change the result.
    mutating func merge(_ partial: Partial, budget: MemoryBudget) throws -> Bool
    /// The folded rows (a sink that spilled may let go of its state as it makes them).
    mutating func result() throws -> Table
}

extension Table {
    /// The rows of `tables` one after another, as `fields`.
    static func stacking(_ tables: [Table], fields: [Field]) -> Table {
        guard tables.count != 1 else { return Table(fields: fields, columns: tables[0].columns, rowCount: tables[0].rowCount) }
        let total = tables.reduce(0) { $0 + $1.rowCount }
        let columns = fields.indices.map { column -> Column in
            if let copied = Column.concatenating(tables.map { $0.columns[column] }, as: fields[column].type) { return copied }
            var builder = ColumnBuilder(type: fields[column].type, capacity: total)
            for table in tables {
                let values = table.columns[column]
                for row in 0..<table.rowCount { builder.append(values[row]) }
            }
            return builder.build()
        }
        return Table(fields: fields, columns: columns, rowCount: total)
    }
}
