// Lineage and explain in the library: the input rows behind a result's rows, and what each stage did,
// asked of a result after it ran (its query runs again, traced: a result that is never asked pays nothing).

/// One input row behind a result row: a row of a collection, and for a loaded file its line.
public struct SourceRow: Sendable, Hashable {
    /// The collection (or `let` binding without a query behind it, such as the shell's `_`) it is in.
    public var collection: String
    /// Its position in the collection, from 0.
    public var row: Int
    /// The file the collection was loaded from, if any.
    public var file: String?
    /// The line of the file where the row's record starts (from 1), when known.
    public var line: Int?
    /// The row's `source` sentence, when its collection has one (every built-in collection does).
    public var sentence: String?
}

/// The lineage of a result: for each of its rows, the input rows it was made from.
///
/// ```swift
/// let result = try engine.run("arrests where offence = \"migrant smuggling\" count")[0]
/// let rows = try result.lineage(of: 0)     // the arrests rows counted, with their sentences
/// rows.map(\.sentence)
/// ```
public struct Lineage: Sendable {
    let query: QueryLineage
    let graph: LineageGraph
    /// The number of result rows.
    public let rowCount: Int

    /// The input rows behind result row `row` (from 0), in input order: for a join, the left side's
    /// rows first. A row of `count by` or `summarize` has every row of its group; of `distinct`, every
    /// duplicate.
    public func rows(of row: Int) -> [SourceRow] {
        query.inputRows(ofResultRow: row).map { input in
            let collection = graph.inputs[Int(input.input)]
            return SourceRow(collection: collection.name, row: Int(input.row), file: collection.file?.path,
                             line: collection.file?.line(ofRow: Int(input.row)), sentence: graph.sentence(of: input))
        }
    }
}

extension StatementResult {
    /// The lineage of every row of the result: the statement's query runs again with it recorded.
    ///
    /// - Throws: a ``Diagnostic`` (E0362) for a result that is itself a lineage or an `explain`, or the
    ///   run's own error (a cancelled run, say).
    public func lineage(cancellation: CancellationToken? = nil) throws(Diagnostic) -> Lineage {
        guard let origin, origin.plan.lineage == nil else { throw Diagnostic.notTraceable(range: range) }
        var evaluator = Evaluator(origin, cancellation: cancellation)
        evaluator.tracing = true
        let outcome = try Diagnostic.catching { try evaluator.run(origin.plan) }
        return Lineage(query: outcome.lineage!, graph: outcome.graph!, rowCount: outcome.table.rowCount)
    }

    /// The input rows behind row `row` (from 0) of the result; see ``lineage(cancellation:)``.
    ///
    /// - Throws: a ``Diagnostic`` (E0363) when the result has no such row.
    public func lineage(of row: Int) throws(Diagnostic) -> [SourceRow] {
        guard row >= 0 && row < table.rowCount else { throw Diagnostic.noSuchRow(row + 1, rows: table.rowCount) }
        return try lineage().rows(of: row)
    }

    /// What each stage of the statement's query did, as `explain` shows it (the query runs again).
    ///
    /// - Throws: a ``Diagnostic`` (E0362) for a result that is itself an `explain`, or the run's own error.
    public func explained(cancellation: CancellationToken? = nil) throws(Diagnostic) -> Table {
        guard let origin else { throw Diagnostic.notTraceable(range: range) }
        var evaluator = Evaluator(origin, cancellation: cancellation)
        evaluator.explaining = true
        return try Diagnostic.catching { try evaluator.run(origin.plan).table }
    }
}

extension Engine {
    /// Binds `name` to a result, as `let` does, keeping how it was made: lineage then follows through
    /// the name to the rows the result came from (the shell names its last result `_` this way).
    public mutating func bind(_ name: String, to result: StatementResult) {
        bind(name, to: result.table)
        bindingOrigins[name] = result.origin
    }
}

extension Evaluator {
    /// An evaluator that runs a result's query again as it first ran.
    init(_ origin: ResultOrigin, cancellation: CancellationToken?) {
        self.init(dataset: origin.dataset, bindings: origin.bindings, parameters: origin.parameters, cancellation: cancellation,
                  budget: origin.budget)
        origins = origin.origins
    }
}
