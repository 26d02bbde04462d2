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

extension CSVChunks: RetypableChunkedSource {
    func reading(column: Int, as type: ValueType) -> any ChunkedSource { retyped(ChunkMisfit(column: column, type: type)) }
}

extension JSONLinesChunks: RetypableChunkedSource {
    func reading(column: Int, as type: ValueType) -> any ChunkedSource {
        let retyped: JSONLinesChunks = reading(column: column, as: type)
        return retyped
    }
}

extension Engine {
    /// Before checking `file`, reads the columns of opened files (``Dataset/open(path:options:columns:)``)
    /// that its statements which do not stream use: a streamed statement reads its file a chunk at a
    /// time instead, and a misfit type found then starts it again. Without streaming, or when the
    /// program has errors (their hints list the fields with their true types), as `readOpenedFiles`.
    mutating func readOpenedFilesUnlessStreamed(for file: SourceFile, parameters: [String: Value], keepGoing: Bool,
                                                report: (StatementEvent) -> Void) -> Bool {
        guard streamsFiles, databaseTables.isEmpty, !explainsQueries, dataset.collections.contains(where: \.isOpenedLazily) else {
            return readOpenedFiles(for: file, keepGoing: keepGoing, report: report)
        }
        let (plans, errors) = compile(file, parameterTypes: parameters.mapValues(\.type))
        guard errors.isEmpty else { return readOpenedFiles(for: file, keepGoing: keepGoing, report: report) }
        let bound = parameters
        var unstreamed = plans.filter { !streamsWhole($0.query, parameters: bound) || $0.explain }
        // A join whose left side streams reads the other side's files only (Engine+StreamedJoinLeft.swift).
        let joins = unstreamed.compactMap { plan in plan.explain ? nil : streamedJoinLeft(plan.query, parameters: bound).map { (plan, $0) } }
        unstreamed.removeAll { plan in joins.contains { $0.0.range == plan.range } }
        for (plan, left) in joins where !readOpenedFiles(for: SourceFile(name: file.name, text: file.text(in: plan.range)), exceptLeft: left,
                                                          report: report) {
            return false
        }
        if unstreamed.isEmpty { return true }
        let text = unstreamed.map { file.text(in: $0.range) }.joined(separator: "\n")
        return readOpenedFiles(for: SourceFile(name: file.name, text: text), keepGoing: keepGoing, report: report)
    }

    /// Whether `query` streams and reads no other collection in memory (a join's or union's other side,
    /// an `in (QUERY)` that does not stream).
    func streamsWhole(_ query: QueryPlan, parameters: [String: Value]) -> Bool {
        if let united = unionStreamsWhole(query, parameters: parameters) { return united }
        guard StreamPlan(query, dataset: dataset, parameters: parameters) != nil else { return false }
        let readsOther = query.stages.contains { stage in
            switch stage.stage {
            case .join, .union: return true
            default: return false
            }
        }
        return !readsOther && query.subqueries.allSatisfy { streamsWhole($0, parameters: parameters) }
    }

    /// `plan` run streamed, or `nil` when it cannot stream. `parameters` are the values as given,
    /// `bound` as bound to the plan.
    func executeStreamed(_ plan: StatementPlan, parameters: [String: Value], bound: [String: Value],
                         cancellation: CancellationToken?) throws -> StatementResult? {
        var executor = StreamingExecutor(dataset: dataset, bindings: bindings, parameters: bound, cancellation: cancellation,
                                         budget: memoryBudget)
        executor.spill = spillSettings
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
        let (engine, again) = try retyped(plan, after: failure, parameters: parameters)
        return try engine.execute(again, parameters: parameters, cancellation: cancellation)
    }

    /// This engine with the misfit column given its true type, and `plan` checked again over it (for a
    /// streamed statement to start again).
    func retyped(_ plan: StatementPlan, after failure: CollectionMisfit,
                 parameters: [String: Value]) throws -> (engine: Engine, plan: StatementPlan) {
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
        return (engine, again)
    }
}

extension Engine {
    /// Runs one query and hands its result to `body` a piece at a time, before the whole result exists,
    /// when the query streams and keeps whole rows (``streamsFiles`` on, a collection opened with
    /// ``Dataset/open(path:options:columns:)``, and only `where` and projections: `arrests where country
    /// = "Togo" select id, arrested`). A query that streams into a `sort by` or a grouping followed only by
    /// `where` and projections (`arrests sort by country select id`) gives its pieces after the file was
    /// read, a block at a time: a sort or grouping past ``memoryBudget`` that spilled never holds its
    /// result whole. Each piece is a table of the result's ``Table/fields``; the pieces
    /// come in the rows' order, one call at a time (possibly on another thread), and together hold the
    /// result. Any other query runs as ``run(_:parameters:cancellation:)`` runs it and gives its result as
    /// one piece. `body` can stop the run by throwing; `cancellation` is looked at between chunks. Notes
    /// ("no rows; did you mean …") are not given: ``run(_:parameters:cancellation:)`` gives them.
    ///
    /// ```swift
    /// var engine = Engine(dataset: .empty)
    /// try engine.dataset.open(path: "arrests.csv")
    /// engine.streamsFiles = true
    /// try engine.stream("arrests where arrested > 30 select id, country") { rows in
    ///     for row in rows { print(row["id"] ?? .null) }
    /// }
    /// ```
    ///
    /// - Throws: the first ``Diagnostic`` (syntax, name, type, runtime), what `body` throws, or E0370 when
    ///   a column of the file turns out to be of another type after pieces were given. Untyped throws:
    ///   what `body` throws comes through as it is, so that its caller can catch its own error.
    public func stream(_ query: String, parameters: [String: Value] = [:], cancellation: CancellationToken? = nil,
                       _ body: @escaping @Sendable (Table) throws -> Void) throws {
        // Checked over the types sampled from the file's first rows: its columns are not read first, as
        // `prepare` reads them. Any problem is left to `prepare`, which checks over the true types.
        let file = SourceFile(name: "<query>", text: query)
        let (plans, errors) = compile(file, parameterTypes: parameters.mapValues(\.type))
        if streamsFiles, !explainsQueries, databaseTables.isEmpty, errors.isEmpty, plans.count == 1, let plan = plans.first,
           plan.binding == nil, plan.assertion == nil, !plan.explain {
            let bound = try ParameterBinder.bind(parameters, to: plan.query.parameters, at: plan.query.parameterRanges)
            var executor = StreamingExecutor(dataset: dataset, bindings: bindings, parameters: bound, cancellation: cancellation,
                                             budget: memoryBudget)
            executor.spill = spillSettings
            do {
                if try executor.stream(plan.query, into: body) { return }
                do {
                    if try executor.handOn(plan.query, into: body) != nil { return }
                } catch is CollectionMisfit {
                    // Nothing was handed on before the whole file was read: the query runs whole below, over the true types.
                }
            } catch let misfit as CollectionMisfit {
                let field = dataset[misfit.collection]?.fields[misfit.misfit.column].name ?? "?"
                throw Diagnostic.streamedTypeChanged(collection: misfit.collection, field: field, type: misfit.misfit.type,
                                                     range: plan.range).located(in: file)
            } catch let diagnostic as Diagnostic {
                throw diagnostic.located(in: file)
            }
        }
        try body(try prepare(query).run(parameters, cancellation: cancellation))
    }
}
