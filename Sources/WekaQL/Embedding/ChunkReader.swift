// The reading end of one streamed run, shared by RowSequence's iterator and RowCursor: the chunk being
// read and the place in it. When the reader goes away (a loop ends, by `break` or an error), its
// buffer is closed and the run stops.

/// Reads one run's rows from its ``ChunkBuffer``, starting the run on the first read.
final class ChunkReader {
    let buffer: ChunkBuffer
    /// The run, until it is started.
    private var pending: RowStreamRun?
    private var chunk: Table?
    private var nextRow = 0
    /// The rows of the chunks before the current one: a row's place in the whole result.
    private var rowsBefore = 0

    init(_ run: RowStreamRun, capacity: Int) {
        buffer = ChunkBuffer(capacity: capacity, cancellation: run.cancellation)
        pending = run
    }

    deinit { buffer.close() }

    /// The place in the whole result of the row last read (0 for the first).
    var position: Int { rowsBefore + nextRow - 1 }

    private func startIfNeeded() {
        guard let run = pending else { return }
        pending = nil
        run.start(into: buffer)
    }

    /// The next row of the current chunk, or `nil` when it is used up.
    private func rowOfChunk() -> Row? {
        guard let chunk, nextRow < chunk.rowCount else { return nil }
        nextRow += 1
        return chunk[nextRow - 1]
    }

    /// Moves to the chunk `taken` gave: `false` at the end of the rows.
    private func advance(to taken: Result<Table?, Diagnostic>) throws(Diagnostic) -> Bool {
        rowsBefore += chunk?.rowCount ?? 0
        chunk = nil
        nextRow = 0
        chunk = try taken.get()
        return chunk != nil
    }

    /// Once the run is cancelled, the rows made but not read are not given either.
    private func dropChunkIfCancelled() {
        guard buffer.cancellation.isCancelled, chunk != nil else { return }
        rowsBefore += nextRow
        chunk = nil
        nextRow = 0
    }

    /// The next row, waiting for it on this thread.
    func next() throws(Diagnostic) -> Row? {
        while true {
            dropChunkIfCancelled()
            if let row = rowOfChunk() { return row }
            startIfNeeded()
            guard try advance(to: buffer.take()) else { return nil }
        }
    }

    /// The next row, suspending for it; a cancelled task stops the run and gets E0402.
    func next(isolation actor: isolated (any Actor)?) async throws(Diagnostic) -> Row? {
        while true {
            if Task.isCancelled { buffer.close() }
            dropChunkIfCancelled()
            if let row = rowOfChunk() { return row }
            startIfNeeded()
            let buffer = self.buffer
            let taken = await withTaskCancellationHandler(operation: { await buffer.take(isolation: actor) },
                                                          onCancel: { buffer.close() }, isolation: actor)
            guard try advance(to: taken) else { return nil }
        }
    }

    /// The unread rows of the current chunk, or else the next chunk; `nil` at the end.
    func nextChunk() throws(Diagnostic) -> Table? {
        dropChunkIfCancelled()
        if let chunk, nextRow < chunk.rowCount {
            let rest = Table(fields: chunk.fields, columns: chunk.columns.map { $0.gathering((nextRow..<chunk.rowCount).map(Int32.init)) },
                             rowCount: chunk.rowCount - nextRow)
            rowsBefore += nextRow
            self.chunk = rest
            nextRow = rest.rowCount
            return rest
        }
        startIfNeeded()
        guard try advance(to: buffer.take()) else { return nil }
        nextRow = chunk?.rowCount ?? 0
        return chunk
    }
}
