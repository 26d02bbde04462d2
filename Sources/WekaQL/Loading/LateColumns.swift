// Late materialisation: a streamed query that keeps whole rows (`arrests where id = 5`) reads, for each
// chunk, the columns its filter and sort read first, and the others only for the rows it keeps. A source
// that can read selected records again (CSV, whose record offsets the first pass found) parses those
// columns for the kept rows alone; any other source reads every column at once and gathers them.

/// A chunk's columns read after its rows were chosen: the columns of the `late` list its source was
/// asked for, for the chunk's rows at the positions given, in that order.
struct LateColumns: Sendable {
    /// The late columns, in the order asked, of the rows at `rows` (positions in the chunk, ascending).
    let read: @Sendable (_ rows: [Int32]) throws -> [Column]

    /// The columns of `table` at `indexes`, gathered at the rows asked for.
    static func gathering(_ table: Table, columns indexes: [Int]) -> LateColumns {
        LateColumns { rows in indexes.map { table.columns[$0].gathering(rows) } }
    }
}

extension ChunkedSource {
    /// Reads the columns `columns` a chunk at a time, as ``forEachChunk(columns:threads:cancellation:_:)``,
    /// and with each chunk gives the columns `late` (ascending, none of them in `columns`) for the rows
    /// `body` asks for. This reading parses every column at once and gathers the late ones from the chunk.
    func forEachChunk(columns: [Int], late: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (_ number: Int, _ rows: Table, _ late: LateColumns) throws -> Void) throws {
        try eagerForEachChunk(columns: columns, late: late, threads: threads, cancellation: cancellation, body)
    }

    /// The reading of every column at once, the late ones gathered from each chunk.
    func eagerForEachChunk(columns: [Int], late: [Int], threads: Int, cancellation: CancellationToken?,
                           _ body: @Sendable (_ number: Int, _ rows: Table, _ late: LateColumns) throws -> Void) throws {
        guard !late.isEmpty else {
            return try forEachChunk(columns: columns, threads: threads, cancellation: cancellation) { number, rows in
                try body(number, rows, LateColumns { _ in [] })
            }
        }
        let all = (columns + late).sorted()
        let slotOf = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        let fields = columns.map { self.fields[$0] }
        try forEachChunk(columns: all, threads: threads, cancellation: cancellation) { number, rows in
            let early = Table(fields: fields, columns: columns.map { rows.columns[slotOf[$0]!] }, rowCount: rows.rowCount)
            try body(number, early, .gathering(rows, columns: late.map { slotOf[$0]! }))
        }
    }
}
