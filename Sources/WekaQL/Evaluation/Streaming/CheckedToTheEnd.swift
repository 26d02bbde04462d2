// A streamed `limit` stops taking rows once it has them, but a file's rows past that point are still read
// to the end for what reading them whole finds: a bad row (E0503 and the like), a value that does not fit
// its column's sampled type (the query then starts again with the true type, as in memory), the rows
// `bad_rows=skip` leaves out. So the result, the types and the errors are the in-memory ones, and do not
// depend on which chunk the bad row falls in; only the columns the query reads are checked, text columns
// by the first pass alone (any value fits them: see CSVChunks+Late).

/// A chunked source whose reading can fail further down: a file.
protocol CheckedToTheEnd: ChunkedSource {
    /// Reads the rows of `columns` to the end, keeping none, and throws what reading them for a query would.
    func checkToTheEnd(columns: [Int], threads: Int, cancellation: CancellationToken?) throws
}

extension CheckedToTheEnd {
    func checkToTheEnd(columns: [Int], threads: Int, cancellation: CancellationToken?) throws {
        var text = columns.filter { fields[$0].type == .string }
        var typed = columns.filter { fields[$0].type != .string }
        // A reader is asked for one column at least: with none asked, the first (only its records are checked).
        if typed.isEmpty { typed = text.isEmpty ? (fields.isEmpty ? [] : [0]) : [text.removeFirst()] }
        try forEachChunk(columns: typed, late: text, threads: threads, cancellation: cancellation) { _, _, _ in }
    }
}

extension CSVChunks: CheckedToTheEnd {}
extension JSONLinesChunks: CheckedToTheEnd {}

extension UnionChunks: CheckedToTheEnd {
    /// Each side's file checked to the end (for the columns its stages and the union read), and a side
    /// run in memory run if it was not reached.
    func checkToTheEnd(columns: [Int], threads: Int, cancellation: CancellationToken?) throws {
        for (index, side) in sides.enumerated() {
            guard side.streams(in: executor.dataset) else {
                _ = try inMemory(index, plan: side.plan)
                continue
            }
            let plan = side.reading(Self.sideColumns(side.sources, columns: columns))
            guard case .collection(let name) = plan.source, let split = StreamPlan(plan, dataset: executor.dataset, parameters: executor.parameters),
                  let source = executor.dataset[name]?.chunks as? any CheckedToTheEnd else { continue }
            do {
                try source.checkToTheEnd(columns: split.columns, threads: threads, cancellation: cancellation)
            } catch let misfit as ChunkMisfit {
                throw CollectionMisfit(collection: name, misfit: misfit)
            }
        }
    }
}

extension StreamingExecutor {
    /// After a streamed query stopped reading early: the rest of its file checked (see CheckedToTheEnd).
    func checkRest(of split: StreamPlan) throws {
        guard let source = dataset[split.collection]?.chunks as? any CheckedToTheEnd else { return }
        do {
            try source.checkToTheEnd(columns: split.columns, threads: threads, cancellation: cancellation)
        } catch let misfit as ChunkMisfit {
            throw CollectionMisfit(collection: split.collection, misfit: misfit)
        }
    }
}
