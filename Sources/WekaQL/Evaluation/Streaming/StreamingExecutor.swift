// Runs a query over its source a chunk at a time (see StreamPlan): the chunks are read on two threads,
// each through the row-wise stages and into a partial result, and the partials are merged in chunk order
// as they finish, so that only the sink's state and the chunks in flight are held, never the source.

/// How many rows entered and left each row-wise stage, over every chunk so far.
struct StageCounts: Sendable {
    var input = 0
    var output = 0
}

/// Reading stops: the sink has the rows it needs (a `limit`).
private struct StopReading: Error {}

/// Runs the queries that can stream, for the evaluator to finish them in memory.
struct StreamingExecutor {
    let dataset: Dataset
    let bindings: [String: Table]
    let parameters: [String: Value]
    let cancellation: CancellationToken?
    var budget = MemoryBudget.machineDefault
    /// Where the stages run in memory after the sink spill (Evaluation/Spill).
    var spill = SpillSettings()
    /// How many threads read and fold chunks at once.
    var threads = 2
    /// The values of the plan's `in (QUERY)` queries, when found already (the tail of a streamed join).
    var subqueryValues: [SubqueryValues]? = nil

    /// The name the sink's output is bound to for the stages that run in memory after it.
    static let sinkBinding = "\u{0}streamed"

    /// `plan`'s outcome streamed, or `nil` when it cannot stream (then run it in memory).
    func run(_ plan: QueryPlan) throws -> QueryOutcome? {
        if let joined = try runStreamingJoin(plan) { return joined }
        if let united = try runStreamingUnion(plan) { return united }
        guard let split = StreamPlan(plan, dataset: dataset, parameters: parameters) else { return nil }
        let subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try runAnyhow($0).table) }
        let table: Table, counts: [StageCounts]
        do { (table, counts) = try fold(split, subqueries: subqueries) } catch is GroupsOverBudget { return nil } catch let error as Diagnostic
            where error.code == .memoryBudget && split.restStart < plan.stages.count && plan.stages[split.restStart].stage.isSort {
            return nil   // the rows kept for a sort pass the budget: in memory, the sort spills
        }
        var notes = try noMatchNotes(split, counts: counts, subqueries: subqueries)
        // Warnings reading the file whole gives as it reads (rows `bad_rows=skip` left out, W0506), once per file.
        if let source = dataset[split.collection]?.chunks as? any StreamedWarnings { notes.insert(contentsOf: source.takeWarnings(), at: 0) }
        var rest = plan
        rest.source = .binding(Self.sinkBinding)
        rest.stages = split.restHead + plan.stages[split.restStart...]
        rest.caveats = Dictionary(uniqueKeysWithValues: plan.caveats.compactMap { index, caveats in
            index < split.restStart ? nil : (index - split.restStart + split.restHead.count, caveats)
        })
        var evaluator = Evaluator(dataset: dataset.withOpenedFilesAsRead, bindings: bindings.merging([Self.sinkBinding: table]) { $1 },
                                  parameters: parameters, cancellation: cancellation, budget: budget)
        evaluator.subqueryValues = subqueries
        evaluator.spill = spill
        let outcome = try evaluator.run(rest)
        return QueryOutcome(table: outcome.table, notes: notes + outcome.notes)
    }

    /// `plan` streamed if it can be, else in memory (the query of an `in (QUERY)`).
    func runAnyhow(_ plan: QueryPlan) throws -> QueryOutcome {
        if let outcome = try run(plan) { return outcome }
        return try Evaluator(dataset: dataset.withOpenedFilesAsRead, bindings: bindings, parameters: parameters, cancellation: cancellation,
                             budget: budget).run(plan)
    }

    /// The sink's output over every chunk, and the row counts of the row-wise stages.
    private func fold(_ split: StreamPlan, subqueries: [SubqueryValues]) throws -> (Table, [StageCounts]) {
        switch split.sink {
        case .aggregate(let aggregate):
            let spilling = GroupSpilling(settings: spill, budget: budget, range: split.sinkRange, cancellation: cancellation)
            spilling.streamed = true
            return try fold(split, into: AggregateSink(plan: aggregate, fields: split.sinkFields, spilling: spilling), subqueries: subqueries)
        case .distinct(let columns):
            return try fold(split, into: DistinctSink(columns: columns, fields: split.sinkFields), subqueries: subqueries)
        case .top(let keys, let keep):
            let sink = TopSink(keys: keys, keep: keep, fields: split.sinkFields, parameters: parameters, subqueries: subqueries)
            return try fold(split, into: sink, subqueries: subqueries)
        case .sorted(let keys, let keep):
            let runs = SortRuns(settings: spill, budget: budget, range: split.sinkRange, cancellation: cancellation)
            let sink = SortSink(keys: keys, fields: split.sinkFields, keep: keep, parameters: parameters, subqueries: subqueries, runs: runs)
            return try fold(split, into: sink, subqueries: subqueries)
        case .first(let keep):
            return try fold(split, into: RowSink(fields: split.sinkFields, keep: keep), subqueries: subqueries)
        case .rows:
            return try fold(split, into: RowSink(fields: split.sinkFields, keep: nil), subqueries: subqueries)
        }
    }

    /// What every chunk and then the merge does, for one kind of sink.
    private struct Merging<Sink: StreamSink>: Sendable {
        var sink: Sink
        var counts: [StageCounts]
        /// The next chunk to merge, and those finished before it.
        var next = 0
        var pending: [Int: Result<(Sink.Partial, [StageCounts]), any Error>] = [:]
        var stopped = false
    }

    func fold<Sink: StreamSink>(_ split: StreamPlan, into sink: Sink, subqueries: [SubqueryValues]) throws -> (Table, [StageCounts]) {
        var (folded, counts) = try self.folded(split, into: sink, subqueries: subqueries)
        return (try folded.result(), counts)
    }

    /// The sink with every chunk merged into it, and the row counts of the row-wise stages.
    func folded<Sink: StreamSink>(_ split: StreamPlan, into sink: Sink, subqueries: [SubqueryValues]) throws -> (Sink, [StageCounts]) {
        let state = Locked(Merging(sink: sink, counts: Array(repeating: StageCounts(), count: split.prefix.count)))
        let budget = self.budget
        do {
            try forEachChunk(split, through: split.prefix.count, subqueries: subqueries) { number, rows, counts in
                let partial = Result { (try sink.partial(of: rows, compiler: compiler(rows.table, subqueries)), counts) }
                try state.withLock { merging in
                    if merging.stopped { throw StopReading() }
                    merging.pending[number] = partial
                    while let ready = merging.pending.removeValue(forKey: merging.next) {
                        merging.next += 1
                        let (partial, counts) = try ready.get()
                        for index in counts.indices {
                            merging.counts[index].input += counts[index].input
                            merging.counts[index].output += counts[index].output
                        }
                        if try !merging.sink.merge(partial, budget: budget) {
                            merging.stopped = true
                            throw StopReading()
                        }
                    }
                }
            }
        } catch let misfit as ChunkMisfit {
            throw CollectionMisfit(collection: split.collection, misfit: misfit)
        } catch where state.withLock({ $0.stopped }) {
            // Stopped early: the rest of a file is still checked for what reading it whole reports.
            try checkRest(of: split)
        }
        return state.withLock { ($0.sink, $0.counts) }
    }

    /// Reads the source's chunks on ``threads`` threads and calls `body` with each chunk's number, its rows
    /// after the first `stageCount` row-wise stages, and how many rows entered and left each of them.
    func forEachChunk(_ split: StreamPlan, through stageCount: Int, subqueries: [SubqueryValues],
                              _ body: @escaping @Sendable (Int, Relation, [StageCounts]) throws -> Void) throws {
        let collection = dataset[split.collection]!
        let fields = collection.fields, columns = split.columns
        let stages = Array(split.prefix.prefix(stageCount))
        let chunk = ChunkRunner(parameters: parameters, cancellation: cancellation, subqueries: subqueries)
        let cancellation = self.cancellation
        // A source asked for no column still gives each chunk its row count; asking for one keeps readers simple.
        let read = columns.isEmpty && !fields.isEmpty && !(collection.chunks is JoinChunks || collection.chunks is SpilledJoinChunks) ? [0] : columns
        let late = stageCount == split.prefix.count ? split.lateColumns(fields: fields) : []
        let early = read.filter { !late.contains($0) }
        let choose = LateChoice(split: split, parameters: parameters, subqueries: subqueries)
        try collection.chunks!.forEachChunk(columns: early, late: late, threads: threads, cancellation: cancellation) { number, rows, lateRows in
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            var all = fields.map { _ in Column(storage: .null(rows.rowCount)) }
            for (index, column) in early.enumerated() { all[column] = rows.columns[index] }
            var (relation, counts) = try chunk.run(stages, on: Table(fields: fields, columns: all, rowCount: rows.rowCount))
            if !late.isEmpty { relation = try choose.completed(relation, late: late, reading: lateRows) }
            try body(number, relation, counts)
        }
    }

    private func compiler(_ table: Table, _ subqueries: [SubqueryValues]) -> ExpressionCompiler {
        ExpressionCompiler(table: table, parameters: parameters, subqueries: subqueries)
    }

    /// "No rows; did you mean …" for the row-wise filter that kept no row of a non-empty input, computed
    /// as in memory from that stage's input over the whole source: the chunks are read again, up to it,
    /// for the distinct strings of the columns it compared (only when the result is that empty).
    func noMatchNotes(_ split: StreamPlan, counts: [StageCounts], subqueries: [SubqueryValues]) throws -> [Diagnostic] {
        guard let index = counts.indices.first(where: { counts[$0].input > 0 && counts[$0].output == 0 }),
              case .filter(_, let probes) = split.prefix[index].stage, !probes.isEmpty else { return [] }
        let probed = Array(Set(probes.map(\.column))).sorted()
        let found = Locked<[Int: [[String]]]>([:])
        do {
            try forEachChunk(split, through: index, subqueries: subqueries) { number, rows, _ in
                let strings = probed.map { rows.table.columns[$0].distinctStrings }
                found.withLock { $0[number] = strings }
            }
        } catch let misfit as ChunkMisfit {
            throw CollectionMisfit(collection: split.collection, misfit: misfit)
        }
        let fields = index == 0 ? dataset[split.collection]!.fields : split.prefix[index - 1].fields
        var builders = probed.map { _ in ColumnBuilder(type: .string) }
        var seen = probed.map { _ in Set<Value>() }
        for (_, strings) in found.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            for (slot, values) in strings.enumerated() {
                for value in values where seen[slot].insert(.string(value)).inserted { builders[slot].append(.string(value)) }
            }
        }
        var columns = fields.map { _ in Column(storage: .null(0)) }
        for (slot, column) in probed.enumerated() { columns[column] = builders[slot].build() }
        let input = Relation(Table(fields: fields, columns: columns, rowCount: 0))
        return Evaluator(dataset: dataset, bindings: [:], parameters: parameters, cancellation: cancellation).explain(probes, input)
    }
}

extension PlanStage {
    /// Whether this is a `sort by`.
    var isSort: Bool { if case .sort = self { true } else { false } }
}

/// Runs the row-wise stages on one chunk.
struct ChunkRunner: Sendable {
    let parameters: [String: Value]
    let cancellation: CancellationToken?
    let subqueries: [SubqueryValues]

    func run(_ stages: [StreamPlan.Stage], on table: Table) throws -> (Relation, [StageCounts]) {
        let evaluator = Evaluator(dataset: .empty, bindings: [:], parameters: parameters, cancellation: cancellation)
        var relation = Relation(table)
        var counts: [StageCounts] = []
        for (stage, fields, _) in stages {
            let before = relation.count
            let compiler = ExpressionCompiler(table: relation.table, parameters: evaluator.parameters, subqueries: subqueries)
            switch stage {
            case .filter(let condition, _):
                relation.selection = try Filter(relation: relation, compiler: compiler, cancellation: evaluator.cancellation).apply(condition)
            case .project(let expressions):
                relation = Relation(try evaluator.project(relation, expressions, fields: fields, compiler: compiler))
            default:
                preconditionFailure("only row-wise stages run on a chunk")
            }
            counts.append(StageCounts(input: before, output: relation.count))
        }
        return (relation, counts)
    }
}

/// Hands each chunk's rows on as they are merged, in order, keeping none.
struct HandingOnSink: StreamSink {
    let fields: [Field]
    let body: @Sendable (Table) throws -> Void

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Table { rows.materialized() }

    mutating func merge(_ partial: Table, budget: MemoryBudget) throws -> Bool {
        if partial.rowCount > 0 { try body(Table(fields: fields, columns: partial.columns, rowCount: partial.rowCount)) }
        return true
    }

    func result() throws -> Table { Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0) }
}

extension StreamingExecutor {
    /// Streams `plan` into `body` a chunk of result rows at a time, when its result is the rows of its
    /// row-wise stages (nothing after them); `false`, having done nothing, for any other plan. With
    /// `reading`, `body` reads only those of the result's columns (the others may come null).
    func stream(_ plan: QueryPlan, reading: [Int]? = nil, into body: @escaping @Sendable (Table) throws -> Void) throws -> Bool {
        guard var split = StreamPlan(plan, dataset: dataset, parameters: parameters), case .rows = split.sink,
              split.restStart == plan.stages.count, split.restHead.isEmpty else { return false }
        if let reading { split.readOnly(reading) }
        let subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try runAnyhow($0).table) }
        _ = try fold(split, into: HandingOnSink(fields: plan.fields, body: body), subqueries: subqueries)
        return true
    }
}
