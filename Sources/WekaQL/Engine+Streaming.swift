// Streaming a statement over a file opened for it (``Engine/streamsFiles``): the statement runs a chunk
// at a time when its plan allows (see Evaluation/Streaming), and starts again when a column's values far
// down the file turn out not to be of the type its first rows gave it.

/// A chunked source that can read a column as another type: a streamed statement that met a
/// ``ChunkMisfit`` starts again over it.
protocol RetypableChunkedSource: ChunkedSource {
    /// The same rows with column `column` read as `type`.
    func reading(column: Int, as type: ValueType) -> any ChunkedSource
}

/// A ``ChunkMisfit`` in the source of the collection `collection`.
struct CollectionMisfit: Error {
    var collection: String
    var misfit: ChunkMisfit
}

extension Engine {
    /// `plan` run streamed, or `nil` when it cannot stream. `parameters` are the values as given,
    /// `bound` as bound to the plan.
    func executeStreamed(_ plan: StatementPlan, parameters: [String: Value], bound: [String: Value],
                         cancellation: CancellationToken?) throws -> StatementResult? {
        let executor = StreamingExecutor(dataset: dataset, bindings: bindings, parameters: bound, cancellation: cancellation,
                                         budget: memoryBudget)
        let outcome: QueryOutcome
        do {
            guard let streamed = try executor.run(plan.query) else { return nil }
            outcome = streamed
        } catch let misfit as CollectionMisfit {
            return try restarted(plan, after: misfit, parameters: parameters, cancellation: cancellation)
        }
        if let assertion = plan.assertion { try AssertionCheck(plan: assertion, severity: assertionSeverity).verify(outcome.table) }
        var result = StatementResult(table: outcome.table, binding: plan.binding, notes: outcome.notes, range: plan.range,
                                     chart: plan.query.chart, isAssertion: plan.assertion != nil)
        result.origin = ResultOrigin(plan: plan.query, dataset: dataset, bindings: bindings, origins: bindingOrigins,
                                     parameters: bound, budget: memoryBudget)
        return result
    }

    /// `plan` checked again and run with the misfit column's true type: its plan may depend on the type
    /// (a comparison, a sum's kind), so nothing of the first run is kept.
    private func restarted(_ plan: StatementPlan, after failure: CollectionMisfit, parameters: [String: Value],
                           cancellation: CancellationToken?) throws -> StatementResult {
        var engine = self
        guard let collection = dataset[failure.collection], let file = plan.query.file,
              collection.fields[failure.misfit.column].type != failure.misfit.type,
              let chunks = collection.chunks as? any RetypableChunkedSource else {
            let field = dataset[failure.collection]?.fields[failure.misfit.column].name ?? "?"
            throw Diagnostic.streamedTypeChanged(collection: failure.collection, field: field, type: failure.misfit.type, range: plan.range)
        }
        engine.dataset.retype(collection.name, column: failure.misfit.column, to: failure.misfit.type,
                              chunks: chunks.reading(column: failure.misfit.column, as: failure.misfit.type))
        let (plans, errors) = engine.compile(file, parameterTypes: parameters.mapValues(\.type))
        if let error = errors.first(where: { ($0.range?.start ?? -1) >= plan.range.start && ($0.range?.start ?? -1) < plan.range.end }) {
            throw error
        }
        guard let again = plans.first(where: { $0.range == plan.range }) else {
            throw Diagnostic.streamedTypeChanged(collection: failure.collection, field: collection.fields[failure.misfit.column].name,
                                                 type: failure.misfit.type, range: plan.range)
        }
        return try engine.execute(again, parameters: parameters, cancellation: cancellation)
    }
}

extension Diagnostic {
    /// E0370: a streamed file's column holds values of another type far down, and its reader cannot read it again so.
    static func streamedTypeChanged(collection: String, field: String, type: ValueType, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .streamedTypeChanged,
                   message: "the field \(quoted(field)) of \(quoted(collection)) holds \(type) values far down the file, past the rows its type was read from",
                   range: range, hints: ["give the field its type when loading the file, or run the query without streaming"])
    }
}
