// Where a join's output streams: a query split at its join into the left (the query up to it), the join,
// and the tail (the stages after it), which runs over the join's output as a chunked collection
// (JoinChunks) through the ordinary streaming executor, so that a `count` of billions of joined rows
// holds only a piece of them at a time. The join's right side is held, as an index, within the budget;
// past it, both sides are partitioned into spill files and joined a partition at a time (SpilledJoinChunks).

/// A query split at the join at one of its stages.
struct JoinStreamSplit {
    /// The name the tail reads the join's output by, as a collection.
    static let collection = "\u{0}joined"
    /// Whether joins stream at all (tests turn it off to compare with the joins made whole).
    @TaskLocal static var isEnabled = true
    /// Rows per piece, when set (tests make pieces of a few rows, to cross their edges).
    @TaskLocal static var rowsPerPiece: Int? = nil

    let join: JoinPlan
    /// The join's output fields.
    let fields: [Field]
    /// The query up to the join (its fields are set by who streams it: they may be the source's).
    var left: QueryPlan
    /// The stages after the join, reading ``collection``.
    let tail: QueryPlan

    /// The split at stage `index`, or `nil` when that stage is not a join, the query is traced, or caveats
    /// must be checked on the rows entering the join (in memory, the evaluator has checked them already).
    init?(_ plan: QueryPlan, at index: Int) {
        guard Self.isEnabled, index < plan.stages.count, case .join(let join) = plan.stages[index].stage, plan.lineage == nil,
              !plan.columnsAtRunTime else { return nil }
        self.join = join
        fields = plan.stages[index].fields
        left = plan
        left.stages = Array(plan.stages[..<index])
        left.caveats = plan.caveats.filter { $0.key < index }
        var tail = plan
        tail.source = .collection(Self.collection)
        tail.stages = Array(plan.stages[(index + 1)...])
        tail.caveats = Dictionary(uniqueKeysWithValues: plan.caveats.compactMap { $0.key > index ? ($0.key - index - 1, $0.value) : nil })
        self.tail = tail
    }

    /// Whether the tail takes the join's output a piece at a time: its first stages stream into a sink
    /// other than "every row", or keep the rows of a filter, or lead to another join whose output does.
    func tailStreams(_ dataset: Dataset, parameters: [String: Value]) -> Bool {
        let probe = probing(dataset)
        guard let split = StreamPlan(tail, dataset: probe, parameters: parameters) else {
            return Self.streamedLeft(tail)?.tailStreams(probe, parameters: parameters) ?? false
        }
        if case .rows = split.sink, split.prefix.isEmpty { return false }
        return true
    }

    /// Whether the tail's result is the same whatever the order of the join's rows: it streams into a
    /// grouping whose aggregates merge the same in any order and whose keys tell every group apart (no
    /// decimal `1.0` shown as the first of `1.0`, `1.00`), the groups then sorted by their keys.
    func tailIgnoresOrder(_ dataset: Dataset, parameters: [String: Value]) -> Bool {
        guard let split = StreamPlan(tail, dataset: probing(dataset), parameters: parameters), case .aggregate(let aggregate) = split.sink else {
            return false
        }
        let exact: (ValueType) -> Bool = { [.integer, .string, .boolean, .date, .null].contains($0) }
        return aggregate.keys.allSatisfy { exact($0.type) } && aggregate.aggregates.allSatisfy { aggregate in
            switch aggregate.function {
            case .count, .count_if, .count_distinct: true
            case .sum, .avg: aggregate.argument.map { $0.type != .float } ?? true
            case .min, .max: aggregate.argument.map { exact($0.type) } ?? true
            default: false
            }
        }
    }

    /// `dataset` with an empty collection of the join's fields under ``collection``, to split the tail over.
    private func probing(_ dataset: Dataset) -> Dataset {
        var probe = dataset
        let empty = Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
        probe.add(Dataset.Collection(name: Self.collection, chunks: TableChunks(empty, rowsPerChunk: 1)))
        return probe
    }

    /// The split at `plan`'s first stage that is not row-wise, when it is a join its left can stream into:
    /// not a full join, and no caveats to check on its input.
    static func streamedLeft(_ plan: QueryPlan) -> JoinStreamSplit? {
        guard let index = plan.stages.firstIndex(where: { !StreamPlan.isRowWise($0.stage) }),
              plan.caveats[index]?.isEmpty ?? true, let split = JoinStreamSplit(plan, at: index), split.join.kind != .full else { return nil }
        return split
    }
}

extension StreamingExecutor {
    /// `plan` run with its left side streamed from its chunked collection into a join whose output
    /// streams into the tail; `nil` when it cannot be (then the other ways are tried).
    func runStreamingJoin(_ plan: QueryPlan) throws -> QueryOutcome? {
        guard case .collection(let name) = plan.source, let collection = dataset[name], collection.chunks != nil,
              collection.fileColumns?.rowsRead == nil,   // rows already read are probed in memory
              var split = JoinStreamSplit.streamedLeft(plan), split.tailStreams(dataset, parameters: parameters) else { return nil }
        split.left.fields = split.left.stages.last?.fields ?? collection.fields
        guard let left = StreamPlan(split.left, dataset: dataset, parameters: parameters), case .rows = left.sink,
              left.restStart == split.left.stages.count, left.restHead.isEmpty else { return nil }
        let subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try runAnyhow($0).table) }
        var leftExecutor = self
        leftExecutor.subqueryValues = subqueries
        return try runJoin(split, left: .streamed(leftExecutor, split.left), subqueries: subqueries)
    }

    /// The tail of `split` run over the join of `left` with the join's right side, a piece at a time.
    func runJoin(_ split: JoinStreamSplit, left: JoinLeft, subqueries: [SubqueryValues]) throws -> QueryOutcome? {
        let data = dataset.withOpenedFilesAsRead
        let right = try Evaluator(dataset: data, bindings: bindings, parameters: parameters, cancellation: cancellation)
            .table(split.join.right)
        if SpilledJoinChunks.needsSpill(rows: right.rowCount, keys: split.join.rightKeys.count, budget: budget) {
            var chunks = SpilledJoinChunks(plan: split.join, fields: split.fields, left: left, right: right, budget: budget, settings: spill,
                                           keepsOrder: !split.tailIgnoresOrder(dataset, parameters: parameters))
            chunks.rowsPerPiece = JoinStreamSplit.rowsPerPiece
            return try runTail(split, over: chunks, subqueries: subqueries)
        }
        var checked = 0
        let cancellation = self.cancellation, range = split.join.range
        let index = try JoinIndex(right: right, keys: split.join.rightKeys) { () throws(Diagnostic) in
            checked &+= 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
        }
        var chunks = JoinChunks(plan: split.join, fields: split.fields, left: left, right: right, index: index)
        if let rows = JoinStreamSplit.rowsPerPiece { (chunks.rowsPerPiece, chunks.rowsPerCountedPiece) = (rows, rows) }
        return try runTail(split, over: chunks, subqueries: subqueries)
    }

    /// The tail of `split` over the join's rows from `chunks`.
    private func runTail(_ split: JoinStreamSplit, over chunks: any ChunkedSource, subqueries: [SubqueryValues]) throws -> QueryOutcome? {
        var joined = dataset
        joined.add(Dataset.Collection(name: JoinStreamSplit.collection, chunks: chunks))
        var executor = StreamingExecutor(dataset: joined, bindings: bindings, parameters: parameters, cancellation: cancellation,
                                         budget: budget, threads: threads)
        executor.subqueryValues = subqueries
        executor.spill = spill
        return try executor.run(split.tail)
    }
}

extension Evaluator {
    /// The query from its join at stage `index` on, over `left` (the rows entering the join), with the
    /// join's output streamed into the stages after it; `nil` when they cannot take it a piece at a time.
    func streamingJoin(_ plan: QueryPlan, at index: Int, left: Relation, subqueries: [SubqueryValues]) throws -> QueryOutcome? {
        guard let split = JoinStreamSplit(plan, at: index), split.tailStreams(dataset, parameters: parameters) else { return nil }
        var executor = StreamingExecutor(dataset: dataset, bindings: bindings, parameters: parameters, cancellation: cancellation,
                                         budget: budget)
        executor.spill = spill
        return try executor.runJoin(split, left: .rows(left), subqueries: subqueries)
    }
}
