// Where a union streams: a query split at its first stage that is not row-wise, when that is a `union`,
// into its two sides (the query up to it, and the rows it appends) and the tail (the stages after it),
// which runs over the union's rows as a chunked collection (UnionChunks) through the ordinary streaming
// executor: a side from a chunked collection is read a chunk at a time, any other side is run in memory.

/// A query split at its first `union`.
struct UnionStreamSplit {
    /// The name the tail reads the union's rows by, as a collection.
    static let collection = "\u{0}united"

    /// The union's output fields.
    let fields: [Field]
    /// The left side (the query up to the union), then the right.
    let sides: [UnionSide]
    /// The stages after the union, reading ``collection``; after `union distinct`, a `distinct` of every
    /// column first (what `union distinct` does in memory).
    let tail: QueryPlan

    /// The split of `plan`, or `nil` when its first stage that is not row-wise is not a union, it is
    /// traced, caveats are checked on the union's input, no side streams, or the tail may stop reading
    /// (a `limit`) before a side whose notes or errors the in-memory run would give.
    init?(_ plan: QueryPlan, dataset: Dataset, bindings: [String: Table]) {
        guard plan.lineage == nil, !plan.columnsAtRunTime,
              let index = plan.stages.firstIndex(where: { !StreamPlan.isRowWise($0.stage) }),
              case .union(let union) = plan.stages[index].stage, plan.caveats[index]?.isEmpty ?? true,
              var left = Self.sidePlan(plan.source, name: plan.sourceName, dataset: dataset, bindings: bindings) else { return nil }
        let (_, fields, range) = plan.stages[index]
        left.stages = Array(plan.stages[..<index])
        left.caveats = plan.caveats.filter { $0.key < index }
        left.subqueries = plan.subqueries
        left.parameters = plan.parameters
        if let last = left.stages.last { left.fields = last.fields }
        let right: QueryPlan
        switch union.side {
        case .query(let query): right = query
        case .source(let reference):
            guard let plan = Self.sidePlan(reference, name: reference.name, dataset: dataset, bindings: bindings) else { return nil }
            right = plan
        }
        sides = [UnionSide(plan: left, sources: union.left), UnionSide(plan: right, sources: union.right)]
        self.fields = fields
        var tail = plan
        tail.source = .collection(Self.collection)
        tail.stages = Array(plan.stages[(index + 1)...])
        var shift = index + 1
        if union.distinct {
            tail.stages.insert((.distinct(columns: Array(fields.indices)), fields, range), at: 0)
            shift -= 1
        }
        tail.caveats = Dictionary(uniqueKeysWithValues: plan.caveats.compactMap { $0.key > index ? ($0.key - shift, $0.value) : nil })
        self.tail = tail
        guard sides.contains(where: { $0.streams(in: dataset) }) else { return nil }
        // Reading stops once a `limit` has its rows: a later side never read would miss what running it gives.
        if Self.mayStopEarly(tail.stages[...]), sides.dropFirst().contains(where: { !$0.plan.stages.isEmpty }) { return nil }
    }

    /// A side that is a collection or binding with no stages of its own; `nil` for a binding not bound.
    private static func sidePlan(_ source: SourceReference, name: String, dataset: Dataset, bindings: [String: Table]) -> QueryPlan? {
        let fields: [Field]
        switch source {
        case .collection(let collection):
            guard let found = dataset[collection] else { return nil }
            fields = found.fields
        case .binding(let binding):
            guard let table = bindings[binding] else { return nil }
            fields = table.fields
        }
        return QueryPlan(source: source, sourceName: name, stages: [], fields: fields, parameters: [:])
    }

    /// Whether the stream of `stages` can stop before its input ends: its first stage past the row-wise
    /// ones is a `limit`, or a union or join whose output streams on into such stages.
    static func mayStopEarly(_ stages: ArraySlice<StreamPlan.Stage>) -> Bool {
        guard let index = stages.firstIndex(where: { !StreamPlan.isRowWise($0.stage) }) else { return false }
        switch stages[index].stage {
        case .limit: return true
        case .union, .join: return mayStopEarly(stages[(index + 1)...])
        default: return false
        }
    }

    /// Whether the tail takes the union's rows a chunk at a time (as ``JoinStreamSplit/tailStreams(_:parameters:)``).
    func tailStreams(_ dataset: Dataset, bindings: [String: Table], parameters: [String: Value]) -> Bool {
        let probe = probing(dataset)
        if StreamPlan(tail, dataset: probe, parameters: parameters) != nil { return true }
        if let join = JoinStreamSplit.streamedLeft(tail) { return join.tailStreams(probe, parameters: parameters) }
        return UnionStreamSplit(tail, dataset: probe, bindings: bindings)?.tailStreams(probe, bindings: bindings, parameters: parameters) ?? false
    }

    /// `dataset` with the union's rows as an empty chunked collection, to plan the tail over.
    func probing(_ dataset: Dataset) -> Dataset {
        var probe = dataset
        let empty = Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0)
        probe.add(Dataset.Collection(name: Self.collection, chunks: TableChunks(empty, rowsPerChunk: 1)))
        return probe
    }
}

extension UnionSide {
    /// Whether the side is read a chunk at a time: a chunked collection through row-wise stages only.
    func streams(in dataset: Dataset) -> Bool {
        guard case .collection(let name) = plan.source, dataset[name]?.chunks != nil else { return false }
        return plan.stages.allSatisfy { StreamPlan.isRowWise($0.stage) } && plan.caveats.values.allSatisfy(\.isEmpty)
    }
}

extension StreamingExecutor {
    /// `plan` run with its first union's sides read a chunk at a time into the stages after it; `nil`
    /// when it cannot be (then the other ways are tried).
    func runStreamingUnion(_ plan: QueryPlan) throws -> QueryOutcome? {
        guard let split = UnionStreamSplit(plan, dataset: dataset, bindings: bindings),
              split.tailStreams(dataset, bindings: bindings, parameters: parameters) else { return nil }
        let subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try runAnyhow($0).table) }
        var reader = self
        reader.subqueryValues = subqueries
        var united = dataset
        united.add(Dataset.Collection(name: UnionStreamSplit.collection, chunks: UnionChunks(fields: split.fields, sides: split.sides, executor: reader)))
        var executor = StreamingExecutor(dataset: united, bindings: bindings, parameters: parameters, cancellation: cancellation,
                                         budget: budget, spill: spill, threads: threads)
        executor.subqueryValues = subqueries
        return try executor.run(split.tail)
    }

    /// Reads `split`'s chunks through its row-wise stages into `body` (numbered from 0, on ``threads``
    /// threads); returns how many chunks there were and the notes of a filter that kept no row.
    func forEachChunk(of split: StreamPlan, _ body: @escaping @Sendable (Int, Table) throws -> Void) throws -> (Int, [Diagnostic]) {
        let subqueries = subqueryValues ?? []
        let total = Locked((chunks: 0, counts: Array(repeating: StageCounts(), count: split.prefix.count)))
        do {
            try forEachChunk(split, through: split.prefix.count, subqueries: subqueries) { number, rows, counts in
                total.withLock { total in
                    total.chunks += 1
                    for index in counts.indices {
                        total.counts[index].input += counts[index].input
                        total.counts[index].output += counts[index].output
                    }
                }
                try body(number, rows.materialized())
            }
        } catch let misfit as ChunkMisfit {
            throw CollectionMisfit(collection: split.collection, misfit: misfit)
        }
        let (chunks, counts) = total.withLock { ($0.chunks, $0.counts) }
        return (chunks, try noMatchNotes(split, counts: counts, subqueries: subqueries))
    }
}

extension Engine {
    /// For a query that streams through its first union (``UnionStreamSplit``): whether it reads no
    /// opened file whole, its sides streaming or reading no opened file, and its tail streaming whole;
    /// `nil` for any other query.
    func unionStreamsWhole(_ query: QueryPlan, parameters: [String: Value]) -> Bool? {
        guard let split = UnionStreamSplit(query, dataset: dataset, bindings: bindings),
              split.tailStreams(dataset, bindings: bindings, parameters: parameters) else { return nil }
        let sidesStream = split.sides.allSatisfy { side in
            if side.streams(in: dataset) { return true }
            guard case .collection(let name) = side.plan.source, dataset[name]?.isOpenedLazily == true else { return true }
            return streamsWhole(side.plan, parameters: parameters)
        }
        var probe = self
        probe.dataset = split.probing(dataset)
        return sidesStream && query.subqueries.allSatisfy { streamsWhole($0, parameters: parameters) }
            && probe.streamsWhole(split.tail, parameters: parameters)
    }
}
