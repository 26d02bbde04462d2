// One run of a streamed query on a thread of its own, feeding a ChunkBuffer: the streaming evaluator's
// chunks when the plan streams, the whole result as one chunk when it does not, and a fresh start when a
// column's type changes before the reader has taken a row.

/// What a ``RowSequence`` or ``RowCursor`` runs: a query's plan, the engine it runs on and its parameters.
struct RowStreamRun: Sendable {
    var engine: Engine
    var plan: StatementPlan
    var file: SourceFile
    var parameters: [String: Value]
    /// The prepared query, whose run gives the whole result of a plan that does not stream; `nil` for a
    /// query checked over the types sampled from opened files (``Engine/rows(_:parameters:cancellation:)``),
    /// which is prepared (its files read) only if it cannot stream.
    var prepared: PreparedQuery?
    /// The caller's token: cancelling it stops the run.
    var cancellation: CancellationToken?
    /// The rows per chunk of a collection in memory, read in chunks to stream it.
    static let rowsPerChunk = 16_384

    /// Starts the run on a new thread, its rows going into `buffer`.
    func start(into buffer: ChunkBuffer) {
        detachThread { produce(into: buffer) }
    }

    /// Runs the query into `buffer` and ends the buffer with its outcome.
    func produce(into buffer: ChunkBuffer) {
        do {
            try run(into: buffer)
            buffer.finish(.success(()))
        } catch is ChunkBuffer.Closed {
            buffer.finish(.success(()))   // the reader stopped: nobody is told
        } catch {
            buffer.finish(.failure(diagnostic(error)))
        }
    }

    private func run(into buffer: ChunkBuffer) throws {
        var engine = self.engine, plan = self.plan
        while true {
            do {
                if try stream(plan, on: engine, into: buffer) { return }
                let query = try prepared ?? engine.prepare(file.text)
                try buffer.put(try query.run(parameters, cancellation: buffer.cancellation))
                return
            } catch let misfit as CollectionMisfit {
                // Rows already taken were read with the old type: starting again would give them twice.
                guard buffer.discardIfNothingTaken() else {
                    let field = engine.dataset[misfit.collection]?.fields[misfit.misfit.column].name ?? "?"
                    throw Diagnostic.streamedTypeChanged(collection: misfit.collection, field: field, type: misfit.misfit.type,
                                                         range: plan.range)
                }
                (engine, plan) = try engine.retyped(plan, after: misfit, parameters: parameters)
            }
        }
    }

    /// Streams `plan` into `buffer` a chunk at a time; `false`, having done nothing, when it cannot stream.
    private func stream(_ plan: StatementPlan, on engine: Engine, into buffer: ChunkBuffer) throws -> Bool {
        guard plan.binding == nil, plan.assertion == nil, !plan.explain, !engine.explainsQueries, engine.databaseTables.isEmpty,
              !leavesParameterTypesOpen(plan) else { return false }
        let bound = try ParameterBinder.bind(parameters, to: plan.query.parameters, at: plan.query.parameterRanges)
        let executor = StreamingExecutor(dataset: engine.dataset.readingInChunks(plan.query.source), bindings: engine.bindings,
                                         parameters: bound, cancellation: buffer.cancellation, budget: engine.memoryBudget)
        return try executor.stream(plan.query) { chunk in try buffer.put(chunk) }
    }

    /// Whether a parameter's place left its type open (`select $n`) and a value gives it one: the prepared
    /// query's run checks the plan again for it, so such a query runs whole.
    private func leavesParameterTypesOpen(_ plan: StatementPlan) -> Bool {
        plan.query.parameters.contains { $0.value == .null && !(parameters[$0.key]?.isNull ?? true) }
    }

    /// `error` as the diagnostic the reader gets, placed in the query's text.
    private func diagnostic(_ error: any Error) -> Diagnostic {
        do {
            _ = try Diagnostic.catching { () throws -> Int in throw error }
        } catch {
            return error.located(in: file)
        }
        return Diagnostic.unexpectedFailure(error, range: plan.range).located(in: file)
    }
}

extension Dataset {
    /// The dataset with the collection `source` names, when it is held in memory, read in chunks of
    /// ``RowStreamRun/rowsPerChunk`` rows: its rows are held already, and streaming them keeps the result
    /// from being made whole as well.
    func readingInChunks(_ source: SourceReference) -> Dataset {
        guard case .collection(let name) = source, var collection = self[name], collection.chunks == nil,
              !collection.isOpenedLazily,
              let table = try? collection.table   // held in memory: reading it cannot fail
        else { return self }
        var copy = self
        collection.chunks = TableChunks(table, rowsPerChunk: RowStreamRun.rowsPerChunk)
        copy.add(collection)
        return copy
    }
}
