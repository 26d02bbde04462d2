// A streamed sort's or grouping's result handed on a block of rows at a time, for a caller that writes
// it out (the command line printing a statement's result): after the source is read, the sort's or the
// grouping's merge of its spilled runs gives the rows in order, a block at a time, and the row-wise
// stages after it (`select`, `where`) run on each block, so that the result is never held whole.

extension StreamingExecutor {
    /// The rows of a block handed on from a sort or grouping that did not spill (its rows are in memory).
    static let blockRows = 16_384

    /// Hands `plan`'s result to `body` a block of rows (tables of `plan.fields`) at a time, in order, when
    /// its source streams into a `sort by` or a grouping that only row-wise stages follow; every block
    /// comes after the whole source was read, on this thread. Returns the result's notes, or `nil`,
    /// having handed nothing on, for any other plan (and for one whose sort or grouping must run in
    /// memory after all): run it with ``run(_:)``.
    func handOn(_ plan: QueryPlan, into body: (Table) throws -> Void) throws -> [Diagnostic]? {
        guard let split = StreamPlan(plan, dataset: dataset, parameters: parameters) else { return nil }
        let rest = split.restHead + plan.stages[split.restStart...]
        guard rest.allSatisfy({ StreamPlan.isRowWise($0.stage) }),
              !plan.caveats.contains(where: { $0.key >= split.restStart && !$0.value.isEmpty }) else { return nil }
        let subqueries: [SubqueryValues]
        switch split.sink {
        case .sorted, .aggregate: subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try runAnyhow($0).table) }
        default: return nil
        }
        let chunk = ChunkRunner(parameters: parameters, cancellation: cancellation, subqueries: subqueries)
        let fields = plan.fields
        func finish(_ block: Table) throws {
            let rows = try chunk.run(Array(rest), on: block).0.materialized()
            if rows.rowCount > 0 { try body(Table(fields: fields, columns: rows.columns, rowCount: rows.rowCount)) }
        }
        let counts: [StageCounts]
        switch split.sink {
        case .sorted(let keys, let keep):
            let runs = SortRuns(settings: spill, budget: budget, range: split.sinkRange, cancellation: cancellation)
            defer { runs.remove() }
            let sink = SortSink(keys: keys, fields: split.sinkFields, keep: keep, parameters: parameters, subqueries: subqueries, runs: runs)
            var folded: SortSink
            do { (folded, counts) = try self.folded(split, into: sink, subqueries: subqueries) } catch let error as Diagnostic
                where error.code == .memoryBudget {
                return nil   // as in `run`: the rows kept for the sort pass the budget, so it runs (and spills) in memory
            }
            try folded.handOn(blockRows: Self.blockRows, to: finish)
        case .aggregate(let aggregate):
            let spilling = GroupSpilling(settings: spill, budget: budget, range: split.sinkRange, cancellation: cancellation)
            spilling.streamed = true
            let sink = AggregateSink(plan: aggregate, fields: split.sinkFields, spilling: spilling)
            var folded: AggregateSink
            do { (folded, counts) = try self.folded(split, into: sink, subqueries: subqueries) } catch is GroupsOverBudget { return nil }
            try folded.handOn(blockRows: Self.blockRows, to: finish)
        default:
            return nil
        }
        var notes = try noMatchNotes(split, counts: counts, subqueries: subqueries)
        if let source = dataset[split.collection]?.chunks as? any StreamedWarnings { notes.insert(contentsOf: source.takeWarnings(), at: 0) }
        return notes
    }
}

extension AggregateSink {
    /// The grouped rows handed to `body` a block at a time, in order, instead of made into one table: a
    /// grouping that spilled hands on the merge of its sorted groups, so that its output is never held whole.
    mutating func handOn(blockRows: Int, to body: (Table) throws -> Void) throws {
        if let spilling, spilling.isSpilling { return try handOnSpilled(to: body) }
        try result().forEachBlock(of: blockRows, body)
    }
}

extension Table {
    /// The table's rows handed to `body` in order, as tables of at most `rows` rows.
    func forEachBlock(of rows: Int, _ body: (Table) throws -> Void) throws {
        if rowCount <= rows { return try body(self) }
        for start in stride(from: 0, to: rowCount, by: rows) {
            try body(Relation(self, selection: (start..<Swift.min(start + rows, rowCount)).map { Int32($0) }).materialized())
        }
    }
}
