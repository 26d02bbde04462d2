// A union's rows read a chunk at a time, as the chunks of a collection: its left side's chunks, then
// its right side's, each side's columns put where the union's output has them (matched by name when the
// query was checked, with the side's name in `collection` and nulls where a side has no such column). The
// stages after the union (`where`, `select`, `count`, `summarize`, `distinct`, `top`, `limit`, another
// union or a join) take them as they take a file's chunks, so neither side is held whole when it streams.

/// One side of a streamed union: a query (the rows up to the union, or the side appended) and where its
/// columns go in the union's output.
struct UnionSide: Sendable {
    /// The side's rows: a chunked collection and row-wise stages stream; anything else is run in memory
    /// when the side is reached.
    var plan: QueryPlan
    /// For each output column of the union, where this side's rows take its value from.
    var sources: [UnionPlan.ColumnSource]
}

/// The rows of a union of `sides`, read side after side, each side a chunk at a time.
struct UnionChunks: ChunkedSource {
    /// The union's output fields.
    let fields: [Field]
    let sides: [UnionSide]
    /// Reads the sides: its dataset and bindings are those the sides name.
    let executor: StreamingExecutor
    /// Rows per chunk of a side run in memory.
    var rowsPerChunk = 65_536
    /// What reading the sides noted, found on the first whole read (see ``takeWarnings()``).
    private let found = Locked(SideNotes())

    struct SideNotes {
        /// Each side's notes, by side: those of its filters that kept nothing, or those of its query run in memory.
        var notes: [Int: [Diagnostic]] = [:]
        /// The sides run in memory, by side.
        var tables: [Int: Table] = [:]
    }

    init(fields: [Field], sides: [UnionSide], executor: StreamingExecutor) {
        self.fields = fields
        self.sides = sides
        self.executor = executor
    }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        var first = 0
        for (index, side) in sides.enumerated() {
            let read = Self.sideColumns(side.sources, columns: columns)
            let outputFields = columns.map { fields[$0] }
            let offset = first
            let count = try withoutActuallyEscaping(body) { body in
                try forEachChunk(of: index, reading: read, threads: threads) { number, rows in
                    try body(offset + number, Self.placed(rows, sources: side.sources, columns: columns, read: read, fields: outputFields))
                }
            }
            first += count
        }
    }

    /// The side's columns the output columns `columns` take, ascending.
    static func sideColumns(_ sources: [UnionPlan.ColumnSource], columns: [Int]) -> [Int] {
        Set(columns.compactMap { if case .column(let c) = sources[$0] { c } else { nil } }).sorted()
    }

    /// A side's chunk (its columns `read`) as the output columns `columns` of the union.
    static func placed(_ rows: Table, sources: [UnionPlan.ColumnSource], columns: [Int], read: [Int], fields: [Field]) -> Table {
        let placed = zip(columns, fields).map { column, field -> Column in
            var builder: ColumnBuilder
            switch sources[column] {
            case .column(let c):
                let values = rows.columns[read.firstIndex(of: c)!]
                if values.type == field.type { return values }
                // A side's integers in a decimal column, a column of nulls in a typed one: as in memory (Union.swift).
                builder = ColumnBuilder(type: field.type, capacity: rows.rowCount)
                for row in 0..<rows.rowCount { builder.append(values[row]) }
            case .label(let name):
                builder = ColumnBuilder(type: field.type, capacity: rows.rowCount)
                for _ in 0..<rows.rowCount { builder.append(.string(name)) }
            case .null:
                builder = ColumnBuilder(type: field.type, capacity: rows.rowCount)
                for _ in 0..<rows.rowCount { builder.appendNull() }
            }
            return builder.build()
        }
        return Table(fields: fields, columns: placed, rowCount: rows.rowCount)
    }

    /// Reads side `index`'s columns `read` a chunk at a time; returns how many chunks it had.
    private func forEachChunk(of index: Int, reading read: [Int], threads: Int,
                              _ body: @escaping @Sendable (Int, Table) throws -> Void) throws -> Int {
        let side = sides[index]
        let plan = side.reading(read)
        let selected = plan.fields
        if let split = StreamPlan(plan, dataset: executor.dataset, parameters: executor.parameters), case .rows = split.sink,
           split.restStart == plan.stages.count, split.restHead.isEmpty {
            var reader = executor
            reader.threads = threads
            let (count, notes) = try reader.forEachChunk(of: split, body)
            found.withLock { if $0.notes[index] == nil { $0.notes[index] = notes } }
            return count
        }
        let table = try inMemory(index, plan: side.plan)
        let rows = Table(fields: selected, columns: read.map { table.columns[$0] }, rowCount: table.rowCount)
        let chunks = TableChunks(rows, rowsPerChunk: rowsPerChunk)
        let count = Locked(0)
        try chunks.forEachChunk(columns: Array(selected.indices), threads: 1, cancellation: executor.cancellation) { number, rows in
            count.withLock { $0 += 1 }
            try body(number, rows)
        }
        return count.withLock { $0 }
    }

    /// Side `index` run in memory, once (a second read of the union, for notes, reuses it).
    func inMemory(_ index: Int, plan: QueryPlan) throws -> Table {
        if let table = found.withLock({ $0.tables[index] }) { return table }
        let outcome = try executor.runAnyhow(plan)
        found.withLock {
            $0.tables[index] = outcome.table
            if $0.notes[index] == nil { $0.notes[index] = outcome.notes }
        }
        return outcome.table
    }
}

extension UnionSide {
    /// The side's query with a last projection to its columns `read` (ascending): only the columns the
    /// union's later stages read are carried on (the side's filters read their own).
    func reading(_ read: [Int]) -> QueryPlan {
        var plan = self.plan
        let inputFields = plan.stages.last?.fields ?? plan.fields
        let selected = read.map { inputFields[$0] }
        let range = plan.stages.last?.range ?? SourceRange(0, 0)
        plan.stages.append((.project(read.map { BoundExpression(kind: .column($0), type: inputFields[$0].type, range: range) }), selected, range))
        plan.fields = selected
        return plan
    }
}

extension UnionChunks: StreamedWarnings {
    /// The warnings reading each side's file gave (once per file), then the notes of each side, in the
    /// union's order: the in-memory run gives the file warnings as it loads and each side's notes as it runs.
    func takeWarnings() -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for side in sides {
            guard case .collection(let name) = side.plan.source,
                  let source = executor.dataset[name]?.chunks as? any StreamedWarnings else { continue }
            warnings += source.takeWarnings()
        }
        let notes = found.withLock { found in
            defer { found.notes = [:] }
            return found.notes.sorted { $0.key < $1.key }.flatMap(\.value)
        }
        return warnings + notes
    }
}
