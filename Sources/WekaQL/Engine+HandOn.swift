// A statement's result handed on a block of rows at a time (``Engine/run(_:parameters:cancellation:keepGoing:pieces:report:)``'s
// `pieces`): a streamed sort or grouping that spilled then never holds its result whole, so the memory
// budget bounds the statement, not only its stages (the command line prints the blocks as they come).

extension Engine {
    /// `plan`'s rows handed to `body` a block at a time, when it is a shown query (no `let` or `assert`)
    /// that streams into a `sort by` or a grouping followed only by row-wise stages; `nil`, having handed
    /// nothing on, otherwise. No block is handed on before the source was read whole, so a column found
    /// to be of another type (a ``CollectionMisfit``) starts the statement again, whole, as
    /// ``executeStreamed(_:parameters:bound:cancellation:)`` does.
    func handOn(_ plan: StatementPlan, parameters: [String: Value], bound: [String: Value], cancellation: CancellationToken?,
                into body: (Table) throws -> Void) throws -> StatementResult? {
        guard plan.binding == nil, plan.assertion == nil else { return nil }
        var executor = StreamingExecutor(dataset: dataset, bindings: bindings, parameters: bound, cancellation: cancellation,
                                         budget: memoryBudget)
        executor.spill = spillSettings
        let notes: [Diagnostic]
        do {
            guard let handed = try executor.handOn(plan.query, into: body) else { return nil }
            notes = handed
        } catch let misfit as CollectionMisfit {
            let (engine, again) = try retyped(plan, after: misfit, parameters: parameters)
            return try engine.execute(again, parameters: parameters, cancellation: cancellation)
        }
        let empty = Table(fields: plan.query.fields, columns: plan.query.fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
        var result = StatementResult(table: empty, binding: nil, notes: notes, range: plan.range, chart: plan.query.chart)
        result.rowsHandedOn = true
        return result
    }
}
