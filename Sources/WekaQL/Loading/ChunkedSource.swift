// Rows read a chunk at a time: the meeting point of the file readers that never hold a file whole
// (CSV, JSON lines) and the streaming evaluator that runs a query over one chunk after another.

/// Rows that can be read in order, a chunk at a time, without holding them all.
protocol ChunkedSource: Sendable {
    /// The columns, with the types the rows are read as (for a file, from a sample of its first rows).
    var fields: [Field] { get }

    /// Reads the rows of the columns `columns` (ascending indices into ``fields``) a chunk at a time and
    /// calls `body` with each chunk's number (0, 1, 2, … in the rows' order) and its rows, a table whose
    /// fields are the selected ones. `body` may run on up to `threads` threads at once and see chunks out
    /// of order; every chunk is passed exactly once, and chunks together hold every row once.
    ///
    /// - Throws: what `body` throws; a loading ``Diagnostic``; ``ChunkMisfit`` when a value far down a
    ///   column does not fit the type its sample gave it (nothing read so far can be trusted then).
    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (_ number: Int, _ rows: Table) throws -> Void) throws

    /// As the other `forEachChunk`, with the columns `late` read only for the rows `body` asks for (see LateColumns).
    func forEachChunk(columns: [Int], late: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (_ number: Int, _ rows: Table, _ late: LateColumns) throws -> Void) throws
}

/// A column's sample misled: a value far down it does not fit the sampled type. A streamed query that
/// meets one starts again with the column's true type, checked anew (its plan depended on the type).
struct ChunkMisfit: Error {
    /// The column, an index into the source's fields.
    var column: Int
    /// The type the whole column has.
    var type: ValueType
}

/// An in-memory table read in chunks of a fixed number of rows: what streamed evaluation is tested
/// against (the same query, streamed in chunks of a few rows or run on the whole table, must agree).
struct TableChunks: ChunkedSource {
    let table: Table
    let rowsPerChunk: Int

    init(_ table: Table, rowsPerChunk: Int) {
        self.table = table
        self.rowsPerChunk = max(1, rowsPerChunk)
    }

    var fields: [Field] { table.fields }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        let fields = columns.map { table.fields[$0] }
        for (number, start) in stride(from: 0, to: table.rowCount, by: rowsPerChunk).enumerated() {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            let rows = (start..<min(table.rowCount, start + rowsPerChunk)).map(Int32.init)
            try body(number, Table(fields: fields, columns: columns.map { table.columns[$0].gathering(rows) }, rowCount: rows.count))
        }
    }
}

extension Table {
    /// Every row of `source`, read in order into one table (for the queries that cannot stream).
    static func concatenating(_ source: any ChunkedSource) -> Table {
        let parts = Locked<[Int: Table]>([:])
        // Only for sources whose reading cannot fail (in memory); a file source reads itself whole, with its errors.
        try? source.forEachChunk(columns: Array(source.fields.indices), threads: 1, cancellation: nil) { number, rows in
            parts.withLock { $0[number] = rows }
        }
        let tables = parts.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        var builders = source.fields.map { ColumnBuilder(type: $0.type, capacity: tables.reduce(0) { $0 + $1.rowCount }) }
        for table in tables {
            for column in builders.indices {
                for row in 0..<table.rowCount { builders[column].append(table.columns[column][row]) }
            }
        }
        return Table(fields: source.fields, columns: builders.map { $0.build() }, rowCount: tables.reduce(0) { $0 + $1.rowCount })
    }
}
