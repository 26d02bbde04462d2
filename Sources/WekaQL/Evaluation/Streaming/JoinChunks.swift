// A join's output read a piece at a time, as the chunks of a collection: the stages after the join
// (`where`, `select`, `count`, `summarize`, `distinct`, `top`, `limit`) take it as they take a file's
// chunks, and the joined rows are never held whole. The order is the in-memory join's (Join.swift): left
// rows in order, each with its matches in right order; a full join's unmatched right rows after them.

/// Where a streamed join's left rows come from.
enum JoinLeft: Sendable {
    /// Rows in memory: the stages before the join ran in memory.
    case rows(Relation)
    /// A query whose rows stream a chunk at a time (a chunked collection and row-wise stages); not for
    /// a full join, whose shared key columns depend on whether any right row is left unmatched.
    case streamed(StreamingExecutor, QueryPlan)
}

/// The rows of a join of `left` with `right`, made a piece at a time.
struct JoinChunks: ChunkedSource {
    let plan: JoinPlan
    /// The join's output fields.
    let fields: [Field]
    let left: JoinLeft
    let right: Table
    let index: JoinIndex
    /// Rows per piece that holds columns, and per piece that holds none (only its count, for a `count`).
    var rowsPerPiece = 65_536
    var rowsPerCountedPiece = 1 << 20

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        switch left {
        case .rows(let rows):
            let probe = try JoinProbe(self, left: rows, columns: columns, cancellation: cancellation)
            _ = try probe.emit(numberedFrom: 0, threads: threads, body)
        case .streamed(let executor, let leftPlan):
            let next = Locked(0)
            try withoutActuallyEscaping(body) { body in
                // The left chunks come one at a time, in order: each is probed whole before the next.
                _ = try executor.stream(leftPlan, reading: leftColumns(reading: columns)) { table in
                    let probe = try JoinProbe(self, left: Relation(table), columns: columns, cancellation: cancellation)
                    try next.withLock { number in number = try probe.emit(numberedFrom: number, threads: threads, body) }
                }
            }
        }
    }
}

extension JoinChunks {
    /// The left columns the join reads when the output's `columns` are asked for: its keys and those asked.
    func leftColumns(reading columns: [Int]) -> [Int] {
        let leftWidth = fields.count - plan.rightColumns.count
        return Array(Set(plan.leftKeys + columns.filter { $0 < leftWidth })).sorted()
    }
}

/// One left side probed: which output rows each piece holds, found (by counting each left row's
/// matches) before any piece is made, so that pieces can be made on several threads and numbered in order.
private struct JoinProbe {
    /// A piece: its first output row, as a position among the left rows and an offset among that
    /// row's matches, and how many output rows it holds.
    struct Piece {
        var position: Int
        var offset: Int
        var rows: Int
    }

    let join: JoinChunks
    let table: Table
    /// The left rows, in order.
    let rows: [Int32]
    let matches: (Int) -> [Int32]?
    let columns: [Int]
    let cancellation: CancellationToken?
    let perPiece: Int
    private(set) var pieces: [Piece] = []
    /// The rows a semi or anti join keeps.
    private(set) var kept: [Int32] = []
    /// A full join's right rows no left row matched, in right order.
    private(set) var unmatched: [Int32] = []

    private var keepsLeft: Bool { join.plan.kind == .left || join.plan.kind == .full }
    private var keepsLeftOnly: Bool { join.plan.kind == .semi || join.plan.kind == .anti }

    init(_ join: JoinChunks, left: Relation, columns: [Int], cancellation: CancellationToken?) throws {
        self.join = join
        table = left.table
        rows = left.rows
        matches = join.index.matcher(join.plan.leftKeys.map { left.table.columns[$0] })
        self.columns = columns
        self.cancellation = cancellation
        perPiece = columns.isEmpty ? join.rowsPerCountedPiece : join.rowsPerPiece
        if keepsLeftOnly {
            let semi = join.plan.kind == .semi
            for (position, row) in rows.enumerated() {
                try checkCancelled(position)
                if (matches(Int(row)) != nil) == semi { kept.append(row) }
            }
        } else {
            try cutPieces()
        }
    }

    /// Counts each left row's output rows and cuts them into pieces of `perPiece`; for a full join,
    /// also finds the right rows no left row matched.
    private mutating func cutPieces() throws {
        var matched = join.plan.kind == .full ? [Bool](repeating: false, count: join.right.rowCount) : []
        var current = Piece(position: 0, offset: 0, rows: 0)
        for (position, row) in rows.enumerated() {
            try checkCancelled(position)
            let found = matches(Int(row))
            if let found, !matched.isEmpty { for match in found { matched[Int(match)] = true } }
            let count = found?.count ?? (keepsLeft ? 1 : 0)
            var offset = 0
            while offset < count {
                let taken = min(count - offset, perPiece - current.rows)
                current.rows += taken
                offset += taken
                if current.rows == perPiece {
                    pieces.append(current)
                    current = Piece(position: position, offset: offset, rows: 0)
                    if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: join.plan.range) }
                }
            }
        }
        if current.rows > 0 { pieces.append(current) }
        for row in matched.indices where !matched[row] { unmatched.append(Int32(row)) }
    }

    private func checkCancelled(_ position: Int) throws {
        if position & 0xFFFF == 0xFFFF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: join.plan.range) }
    }

    /// How many pieces there are of each kind: those of left rows, then those of unmatched right rows
    /// (a full join) or of kept left rows (semi, anti).
    private var counts: (left: Int, others: Int) {
        func slices(_ n: Int) -> Int { (n + perPiece - 1) / perPiece }
        return keepsLeftOnly ? (0, slices(kept.count)) : (pieces.count, slices(unmatched.count))
    }

    /// Makes the pieces on up to `threads` threads, each taking the next piece in order, and hands each
    /// to `body` numbered from `first`; returns the number after the last.
    func emit(numberedFrom first: Int, threads: Int, _ body: @Sendable (Int, Table) throws -> Void) throws -> Int {
        let (leftPieces, others) = counts
        let total = leftPieces + others
        let next = Locked(0)
        let failure = Locked<(piece: Int, error: any Error)?>(nil)
        withoutActuallyEscaping(body) { body in
            let jobs = (0..<max(1, min(threads, total))).map { _ in {
                while failure.withLock({ $0 == nil }) {
                    let k = next.withLock { n -> Int in defer { n += 1 }; return n }
                    guard k < total else { return }
                    do {
                        if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: join.plan.range) }
                        try body(first + k, k < leftPieces ? leftPiece(pieces[k]) : otherPiece(k - leftPieces))
                    } catch {
                        failure.withLock { if $0 == nil || $0!.piece > k { $0 = (k, error) } }
                        return
                    }
                }
            } }
            _ = runInParallel(jobs)
        }
        if let (_, error) = failure.withLock({ $0 }) { throw error }
        return first + total
    }

    /// The output rows of `piece`: left rows with their matches (or with none, for a left or full join).
    private func leftPiece(_ piece: Piece) -> Table {
        guard !columns.isEmpty else { return Table(fields: [], columns: [], rowCount: piece.rows) }
        var leftRows: [Int32] = [], rightRows: [Int32] = []
        leftRows.reserveCapacity(piece.rows)
        rightRows.reserveCapacity(piece.rows)
        var position = piece.position, offset = piece.offset, remaining = piece.rows
        while remaining > 0 {
            let row = rows[position]
            if let found = matches(Int(row)) {
                let taken = min(found.count - offset, remaining)
                for match in found[offset..<offset + taken] {
                    leftRows.append(row)
                    rightRows.append(match)
                }
                remaining -= taken
            } else if keepsLeft, offset == 0 {
                leftRows.append(row)
                rightRows.append(-1)
                remaining -= 1
            }
            position += 1
            offset = 0
        }
        return pieceTable(leftRows, rightRows)
    }

    /// The `k`th piece after the left ones: a full join's unmatched right rows, or a semi or anti join's kept rows.
    private func otherPiece(_ k: Int) -> Table {
        let source = keepsLeftOnly ? kept : unmatched
        let slice = Array(source[(k * perPiece)..<min(source.count, (k + 1) * perPiece)])
        guard !columns.isEmpty else { return Table(fields: [], columns: [], rowCount: slice.count) }
        if keepsLeftOnly { return pieceTable(slice, []) }
        return pieceTable([Int32](repeating: -1, count: slice.count), slice)
    }

    /// The requested columns of the rows pairing `leftRows` with `rightRows` (-1 for none; no right
    /// rows at all for a semi or anti join).
    private func pieceTable(_ leftRows: [Int32], _ rightRows: [Int32]) -> Table {
        let plan = join.plan
        let leftWidth = join.fields.count - plan.rightColumns.count
        // As in memory, a full join's shared key shows the right key on unmatched right rows, when there are any.
        let coalesces = !unmatched.isEmpty
        let selected = columns.map { c -> Column in
            guard c < leftWidth else { return join.right.columns[plan.rightColumns[c - leftWidth]].gathering(rightRows) }
            if coalesces, let shared = plan.sharedKeys.first(where: { $0.left == c }) {
                return Joiner.coalescedKey(table.columns[c], join.right.columns[shared.right], leftRows, rightRows, type: join.fields[c].type)
            }
            return table.columns[c].gathering(leftRows)
        }
        return Table(fields: columns.map { join.fields[$0] }, columns: selected, rowCount: leftRows.count)
    }
}
