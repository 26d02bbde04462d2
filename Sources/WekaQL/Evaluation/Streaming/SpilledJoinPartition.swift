// The two steps of a grace hash join (SpilledJoinChunks): each side's rows written, with their numbers,
// to its partitions' spill files; then one partition joined, its right rows indexed and its left rows
// probed a block at a time through JoinChunks, which makes the output pieces as an unspilled join does.

/// Spill writers shared by the threads that hand on a side's rows: one write at a time.
final class SharedSpillWriters: @unchecked Sendable {
    private let writers: [SpillWriter]
    private let lock = Locked(())

    init(_ writers: [SpillWriter]) { self.writers = writers }

    /// Appends a block of `columns` to partition `partition`'s file.
    func write(_ columns: [Column], to partition: Int) throws(Diagnostic) {
        try lock.withLock { _ throws(Diagnostic) in try writers[partition].write(columns) }
    }

    /// Closes every file for reading.
    func finish() throws(Diagnostic) -> [SpillFile] {
        var files: [SpillFile] = []
        for writer in writers { files.append(try writer.finish()) }
        return files
    }
}

/// Writes a join's two sides to their partitions' spill files.
struct SpilledJoinSides: Sendable {
    let layout: SpilledJoinLayout
    let fanOut: Int
    let budget: MemoryBudget
    let settings: SpillSettings
    let cancellation: CancellationToken?

    /// The right rows, each with its number in the right table; one with a null key is left out but for
    /// a full join (which shows it unmatched).
    func spillRight(_ right: Table, _ spill: SpillDirectory) throws -> [SpillFile] {
        let writers = SharedSpillWriters(try (0..<fanOut).map { _ throws(Diagnostic) in try spill.makeFile() })
        try write(right, rows: Array(0..<Int32(right.rowCount)), numberedFrom: 0, keys: layout.plan.rightKeys, kept: layout.rightKept,
                  nullsShow: layout.plan.kind == .full, writers)
        return try writers.finish()
    }

    /// The left rows, each with its number among them (in order, as they enter the join); one with a null
    /// key is left out of an inner or semi join, which never shows it.
    func spillLeft(_ left: JoinLeft, _ spill: SpillDirectory) throws -> [SpillFile] {
        let writers = SharedSpillWriters(try (0..<fanOut).map { _ throws(Diagnostic) in try spill.makeFile() })
        let kind = layout.plan.kind
        let nullsShow = kind == .left || kind == .full || kind == .anti
        switch left {
        case .rows(let relation):
            try write(relation.table, rows: relation.rows, numberedFrom: 0, keys: layout.plan.leftKeys, kept: layout.leftKept,
                      nullsShow: nullsShow, writers)
        case .streamed(let executor, let leftPlan):
            // The chunks come one at a time and in order (the executor hands them on as it merges them).
            let next = Locked(0)
            _ = try executor.stream(leftPlan, reading: layout.leftKept) { table in
                try next.withLock { number in
                    try write(table, rows: Array(0..<Int32(table.rowCount)), numberedFrom: number, keys: layout.plan.leftKeys,
                              kept: layout.leftKept, nullsShow: nullsShow, writers)
                    number += table.rowCount
                }
            }
        }
        return try writers.finish()
    }

    /// Writes `table`'s rows `rows` (numbered from `first`) a slice at a time: each slice's rows of each
    /// partition as one block of the columns `kept` and the numbers.
    private func write(_ table: Table, rows: [Int32], numberedFrom first: Int, keys: [Int], kept: [Int], nullsShow: Bool,
                       _ writers: SharedSpillWriters) throws {
        let keyColumns = keys.map { table.columns[$0] }
        let step = min(SpilledJoinChunks.largestPiece, max(64, budget.bytes / 8 / (8 * (kept.count + 1))))
        var start = 0
        while start < rows.count {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: layout.plan.range) }
            let end = min(rows.count, start + step)
            var picked = [[Int32]](repeating: [], count: fanOut), numbers = [[Int64]](repeating: [], count: fanOut)
            for position in start..<end {
                let row = rows[position]
                guard let p = partition(of: Int(row), keyColumns, number: first + position, nullsShow: nullsShow) else { continue }
                picked[p].append(row)
                numbers[p].append(Int64(first + position))
            }
            let held = 8 * (end - start) * (kept.count + 2)
            settings.statistics?.track(held)
            defer { settings.statistics?.track(-held) }
            for p in 0..<fanOut where !picked[p].isEmpty {
                try writers.write(kept.map { table.columns[$0].gathering(picked[p]) } + [Column(storage: .integer(numbers[p], nulls: []))], to: p)
            }
            start = end
        }
    }

    /// The partition of a row by the hash of its normalised keys (as the index compares them); a row with
    /// a null key, which matches nothing, goes to any partition by its number, or nowhere.
    private func partition(of row: Int, _ keys: [Column], number: Int, nullsShow: Bool) -> Int? {
        var hasher = Hasher()
        for column in keys {
            let value = column[row].normalizedForDistinct
            if value.isNull { return nullsShow ? number % fanOut : nil }
            hasher.combine(value)
        }
        return Int(UInt(bitPattern: hasher.finalize()) % UInt(fanOut))
    }
}

/// Joins one partition of a spilled join.
struct SpilledJoinPartition: Sendable {
    let layout: SpilledJoinLayout
    let settings: SpillSettings
    let cancellation: CancellationToken?
    /// Rows per piece that holds columns, and per piece that holds none.
    let rowsPerPiece: Int
    let rowsPerCountedPiece: Int

    /// Joins the partition's rows, handing its pieces to `body` numbered from 0, the join's numbered columns
    /// (``SpilledJoinLayout/made``) in each; returns how many pieces it made.
    func join(left: SpillFile, right: SpillFile, threads: Int, _ body: @Sendable (Int, Table) throws -> Void) throws -> Int {
        let plan = layout.plan
        let rightRows = try Self.read(right, kept: layout.rightKept, fields: layout.rightFields)
        let held = 8 * rightRows.rowCount * (layout.rightKept.count + 1) + JoinIndex.estimatedBytes(rows: rightRows.rowCount, keys: plan.rightKeys.count)
        settings.statistics?.track(held)
        defer { settings.statistics?.track(-held) }
        let index = try makeIndex(rightRows)
        // A full join's left rows are those of a left join; its unmatched right rows come after them.
        var probing = layout.numberedPlan
        if plan.kind == .full { probing.kind = .left }
        var matched = plan.kind == .full ? [Bool](repeating: false, count: rightRows.rowCount) : []
        var made = 0
        let reader = try left.reader()
        while let columns = try reader.next() {
            let block = Self.table(columns, kept: layout.leftKept, fields: layout.leftFields)
            let bytes = 8 * block.rowCount * (layout.leftKept.count + 1)
            settings.statistics?.track(bytes)
            defer { settings.statistics?.track(-bytes) }
            if !matched.isEmpty {
                let match = index.matcher(plan.leftKeys.map { block.columns[$0] })
                for row in 0..<block.rowCount { for found in match(row) ?? [] { matched[Int(found)] = true } }
            }
            let chunks = JoinChunks(plan: probing, fields: layout.numberedFields, left: .rows(Relation(block)), right: rightRows, index: index)
            made += try run(chunks, numberedFrom: made, threads: threads, body)
        }
        let unmatched = matched.indices.filter { !matched[$0] }.map { Int32($0) }
        if !unmatched.isEmpty {
            // Joined with no left row, every one of them shows unmatched, with its key in the shared key columns.
            let rest = Relation(rightRows, selection: unmatched).materialized()
            let none = Table(fields: layout.leftFields, columns: layout.leftFields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
            let chunks = JoinChunks(plan: layout.numberedPlan, fields: layout.numberedFields, left: .rows(Relation(none)), right: rest,
                                    index: try makeIndex(rest))
            made += try run(chunks, numberedFrom: made, threads: threads, body)
        }
        return made
    }

    private func makeIndex(_ right: Table) throws(Diagnostic) -> JoinIndex {
        var checked = 0
        let cancellation = cancellation, range = layout.plan.range
        return try JoinIndex(right: right, keys: layout.plan.rightKeys) { () throws(Diagnostic) in
            checked &+= 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
        }
    }

    /// The pieces of `chunks` handed to `body` numbered from `first`; returns how many.
    private func run(_ chunks: JoinChunks, numberedFrom first: Int, threads: Int, _ body: @Sendable (Int, Table) throws -> Void) throws -> Int {
        var chunks = chunks
        (chunks.rowsPerPiece, chunks.rowsPerCountedPiece) = (rowsPerPiece, rowsPerCountedPiece)
        let made = Locked(0)
        let statistics = settings.statistics
        try chunks.forEachChunk(columns: layout.made, threads: threads, cancellation: cancellation) { number, piece in
            made.withLock { $0 = max($0, number + 1) }
            let bytes = 8 * piece.rowCount * piece.columns.count
            statistics?.track(bytes)
            defer { statistics?.track(-bytes) }
            try body(first + number, piece)
        }
        return made.withLock { $0 }
    }

    /// A partition's rows of one side, read whole.
    static func read(_ file: SpillFile, kept: [Int], fields: [Field]) throws -> Table {
        let reader = try file.reader()
        let written = kept.map { fields[$0] } + [fields[fields.count - 1]]
        var blocks: [Table] = []
        while let columns = try reader.next() { blocks.append(Table(fields: written, columns: columns, rowCount: columns.first?.count ?? 0)) }
        return table(Table.stacking(blocks, fields: written).columns, kept: kept, fields: fields, rows: blocks.reduce(0) { $0 + $1.rowCount })
    }

    /// A side's table from a block of its kept columns and numbers: the other columns null (no one reads them).
    static func table(_ columns: [Column], kept: [Int], fields: [Field], rows: Int? = nil) -> Table {
        let count = rows ?? columns.first?.count ?? 0
        var all = fields.map { _ in Column(storage: .null(count)) }
        for (index, column) in kept.enumerated() { all[column] = columns[index] }
        all[fields.count - 1] = columns[kept.count]
        return Table(fields: fields, columns: all, rowCount: count)
    }
}
