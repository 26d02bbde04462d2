// A grouping past the memory budget, as its rows arrive: the groups found before half the budget was
// reached stay in memory and go on folding their rows; the rows of every later key go, a chunk at a
// time, to one of 16 partition files by a hash of the key (with a sequence number each). At the end each
// partition, whose keys are all its own, is folded by a sink of its own reading it a block at a time —
// and past its budget partitions again, the hash salted by its depth — so a key holds its accumulators,
// never its rows, however many rows it has. The groups are then put in their order of first appearance
// and ordered by key as in memory: each group folds the same rows in the same order, and an aggregate
// that fails (an overflowing sum) fails for the same group as in memory.

/// The spill state of one ``AggregateSink``: its partition files and the first row of each group it
/// holds. Used only by the sink's merges, which run one at a time.
final class GroupSpilling: @unchecked Sendable {
    let settings: SpillSettings
    /// The budget of the sinks that fold the partitions.
    let budget: MemoryBudget
    /// How many times the rows were partitioned before: salts the hash, so a partition's keys spread again.
    let level: Int
    /// The input's column of each row's sequence number (a partition's rows), or `nil` to count the rows.
    let sequenceColumn: Int?
    let range: SourceRange?
    let cancellation: CancellationToken?
    /// Whether the groups held reached half the budget: the rows of new keys are spilled.
    private(set) var isSpilling = false
    /// The rows of the chunks merged before the current one.
    var rowsSeen = 0
    /// The sequence number of each held group's first row.
    private(set) var firstRows: [Int64] = []
    private let directory: SpillDirectory
    private var writers: [SpillWriter] = []

    /// The partitions rows are spread over at each level.
    static let fanOut = 16
    /// Past this many levels the groups are held whatever their size (a hash that never separates keys).
    static let deepest = 12

    init(settings: SpillSettings, budget: MemoryBudget, level: Int = 0, sequenceColumn: Int? = nil, range: SourceRange?,
         cancellation: CancellationToken?) {
        self.settings = settings
        self.budget = budget
        self.level = level
        self.sequenceColumn = sequenceColumn
        self.range = range
        self.cancellation = cancellation
        directory = SpillDirectory(stage: "grouping", settings: settings, range: range)
    }

    /// Whether new keys may go to partitions rather than be held.
    var mayPartition: Bool { level < Self.deepest }

    /// Whether the grouping's query streams (for ``SpillStatistics/streamedSpills``).
    var streamed = false

    func startSpilling() {
        if !isSpilling && streamed && level == 0 { settings.statistics?.countStreamedSpill() }
        isSpilling = true
    }

    /// A group is held, its first row `firstRow`, taking `bytes`.
    func held(group firstRow: Int64, bytes: Int) {
        firstRows.append(firstRow)
        settings.statistics?.track(bytes)
    }

    /// Held groups taking `bytes` are let go.
    func release(bytes: Int) { settings.statistics?.track(-bytes) }

    /// The sequence number of the row at `position` of a chunk's selection.
    func sequence(of partial: AggregateSink.Partial, at position: Int) -> Int64 {
        guard let sequenceColumn else { return Int64(rowsSeen + position) }
        guard case .integer(let numbers, _) = partial.rows.table.columns[sequenceColumn].storage else { return 0 }
        return numbers[partial.rows.selection.map { Int($0[position]) } ?? position]
    }

    /// Writes the rows of the chunk's groups `groups` to their partitions: the keys, the aggregates'
    /// arguments and each row's sequence number.
    func write(_ partial: AggregateSink.Partial, groups: [Int], plan: AggregatePlan) throws {
        if writers.isEmpty { writers = try (0..<Self.fanOut).map { _ in try directory.makeFile() } }
        var slotOfGroup = [Int](repeating: -1, count: partial.keys.count)
        for group in groups { slotOfGroup[group] = slot(partial.normalized[group]) }
        var rowsOfSlot = [[Int32]](repeating: [], count: Self.fanOut)
        var sequencesOfSlot = [[Int64]](repeating: [], count: Self.fanOut)
        var position = 0
        partial.rows.forEachRow { row in
            let slot = slotOfGroup[partial.ids.map { Int($0[position]) } ?? 0]
            if slot >= 0 {
                rowsOfSlot[slot].append(Int32(row))
                sequencesOfSlot[slot].append(sequence(of: partial, at: position))
            }
            position += 1
        }
        let expressions = plan.keys + plan.aggregates.compactMap(\.argument)
        let readers = expressions.map { expression -> (([Int32]) throws -> Column) in
            if case .column(let c) = expression.kind { let column = partial.rows.table.columns[c]; return { column.gathering($0) } }
            let f = partial.compiler!.compile(expression)
            return { rows in Column(type: expression.type, values: try rows.map { try f(Int($0)) }) }
        }
        for slot in 0..<Self.fanOut where !rowsOfSlot[slot].isEmpty {
            let columns = try readers.map { try $0(rowsOfSlot[slot]) }
            try writers[slot].write(columns + [Column(storage: .integer(sequencesOfSlot[slot], nulls: []))])
        }
    }

    /// The partition of a normalised key at this level.
    private func slot(_ normalized: [Value]) -> Int {
        var hasher = Hasher()
        hasher.combine(level)
        hasher.combine(normalized)
        return Int(UInt(bitPattern: hasher.finalize()) % UInt(Self.fanOut))
    }

    /// Folds each partition in turn, a block at a time, by a sink of the next level, into `output`.
    func groupPartitions(_ plan: AggregatePlan, fields: [Field], into output: inout GroupedOutput) throws {
        defer { directory.remove() }
        let files = try writers.map { try $0.finish() }
        writers = []
        let arguments = plan.aggregates.compactMap(\.argument)
        let inner = plan.readingPartitions()
        let partitionFields = (plan.keys + arguments).map { Field(name: "", type: $0.type) } + [Field(name: "", type: .integer)]
        for file in files where file.blocks > 0 {
            let next = GroupSpilling(settings: settings, budget: budget, level: level + 1, sequenceColumn: plan.keys.count + arguments.count,
                                     range: range, cancellation: cancellation)
            var sink = AggregateSink(plan: inner, fields: fields, spilling: next)
            let reader = try file.reader()
            while let columns = try reader.next() {
                if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
                let block = Table(fields: partitionFields, columns: columns, rowCount: columns.last?.count ?? 0)
                let partial = try sink.partial(of: Relation(block), compiler: ExpressionCompiler(table: block, parameters: [:]))
                _ = try sink.merge(partial, budget: budget)
            }
            try sink.collect(into: &output)
        }
    }
}

extension AggregatePlan {
    /// This grouping over a partition's rows: the keys its first columns, each argument a column after them.
    func readingPartitions() -> AggregatePlan {
        var plan = self
        plan.keys = keys.enumerated().map { BoundExpression(kind: .column($0.offset), type: $0.element.type, range: $0.element.range) }
        var column = keys.count
        plan.aggregates = aggregates.map { aggregate in
            var reading = aggregate
            if let argument = aggregate.argument {
                reading.argument = BoundExpression(kind: .column(column), type: argument.type, range: argument.range)
                column += 1
            }
            return reading
        }
        return plan
    }
}

extension AggregateSink {
    /// The grouped table of a sink that spilled.
    mutating func spilledResult() throws -> Table {
        var blocks: [Table] = []
        try handOnSpilled { blocks.append($0) }
        guard !blocks.isEmpty else { return Table(fields: fields, columns: fields.map { ColumnBuilder(type: $0.type).build() }, rowCount: 0) }
        return Table.stacking(blocks, fields: fields)
    }

    /// The groups of a sink that spilled handed to `body` a block at a time, in the grouped table's
    /// order: each batch of groups collected (those held, then each partition's) is sorted by key and
    /// written as a run, and the runs are merged as a streamed sort's are, so that neither the groups
    /// nor their ordering are held whole.
    mutating func handOnSpilled(to body: (Table) throws -> Void) throws {
        guard let spilling else { preconditionFailure("only a spilling sink collects") }
        let runs = SortRuns(settings: spilling.settings, budget: spilling.budget, range: spilling.range,
                            cancellation: spilling.cancellation, stage: "grouping")
        defer { runs.remove() }
        var output = GroupedOutput(plan: plan, fields: fields, runs: runs)
        try collect(into: &output)
        try output.handOn(to: body)
    }

    /// Adds the groups held to `output` and lets them go, then the groups of each partition.
    mutating func collect(into output: inout GroupedOutput) throws {
        guard let spilling else { preconditionFailure("only a spilling sink collects") }
        output.add(keyValues, accumulators, firstRows: spilling.firstRows)
        spilling.release(bytes: keyValues.count * bytesPerGroup)
        (groupOfKey, keyValues, accumulators) = ([:], [], [])
        try output.writeRun()
        if spilling.isSpilling { try spilling.groupPartitions(plan, fields: fields, into: &output) }
    }
}

/// The groups of a spilled grouping, with their aggregates' final values, as they are collected: each
/// batch sorted into a run of ``runs``, the first row of each group its last sort key.
struct GroupedOutput {
    let plan: AggregatePlan
    let fields: [Field]
    let runs: SortRuns
    private var keys: [ColumnBuilder] = []
    private var values: [ColumnBuilder] = []
    private var firstRows: [Int64] = []
    /// The first failure in the order the in-memory fold meets them: by aggregate, then by first appearance.
    private var failure: (aggregate: Int, firstRow: Int64, error: any Error)? = nil

    init(plan: AggregatePlan, fields: [Field], runs: SortRuns) {
        self.plan = plan
        self.fields = fields
        self.runs = runs
        startBatch()
    }

    /// The fields of a run: the grouped table's, then each group's first row.
    private var runFields: [Field] { fields + [Field(name: "", type: .integer)] }

    /// The order of the grouped table: by the keys, ties by first appearance, as the in-memory grouping orders them.
    private var sortKeys: [(BoundExpression, descending: Bool)] {
        let withOrder = runFields
        return (Array(plan.keys.indices) + [fields.count]).map {
            (BoundExpression(kind: .column($0), type: withOrder[$0].type, range: SourceRange(0, 0)), descending: false)
        }
    }

    private mutating func startBatch() {
        keys = plan.keys.indices.map { ColumnBuilder(type: fields[$0].type) }
        values = plan.aggregates.map { ColumnBuilder(type: $0.type) }
        firstRows = []
    }

    mutating func add(_ keyValues: [[Value]], _ accumulators: [[Accumulator]], firstRows: [Int64]) {
        for group in keyValues.indices {
            for k in keys.indices { keys[k].append(keyValues[group][k]) }
            for (index, aggregate) in plan.aggregates.enumerated() {
                do {
                    values[index].append(try accumulators[group][index].result(aggregate.function, constant: aggregate.constant, range: aggregate.range))
                } catch {
                    values[index].appendNull()
                    if failure.map({ ($0.aggregate, $0.firstRow) > (index, firstRows[group]) }) ?? true {
                        failure = (index, firstRows[group], error)
                    }
                }
            }
            self.firstRows.append(firstRows[group])
        }
    }

    /// The groups added since the last run sorted and written as a run, and let go; their memory is
    /// counted while they are sorted.
    mutating func writeRun() throws {
        let count = firstRows.count
        guard count > 0 else { return }
        let columns = keys.map { $0.build() } + values.map { $0.build() } + [Column(storage: .integer(firstRows, nulls: []))]
        startBatch()
        let table = Table(fields: runFields, columns: columns, rowCount: count)
        let bytes = table.estimatedBytes + count * ExternalSorter.bytesPerRow(keys: sortKeys.count)
        runs.track(bytes)
        defer { runs.track(-bytes) }
        let order = try Sorter(relation: Relation(table), compiler: ExpressionCompiler(table: table, parameters: [:]),
                               cancellation: runs.cancellation).sorted(by: sortKeys)
        try runs.write(table, order: order, rowBytes: max(1, bytes / count))
    }

    /// The runs merged and handed to `body` a block of groups at a time, or the first failure.
    func handOn(to body: (Table) throws -> Void) throws {
        if let failure { throw failure.error }
        let width = fields.count
        try runs.merge(keys: sortKeys, fields: runFields, kept: Set(0..<width), parameters: [:], subqueries: []) { block in
            try body(Table(fields: fields, columns: Array(block.columns.prefix(width)), rowCount: block.rowCount))
        }
    }
}

extension AggregateSink {
    /// An in-memory relation grouped past the budget as if it streamed: its selection in stretches,
    /// folded by a spilling sink, for aggregates that merge (``StreamPlan/merges(_:)``). `groups` are
    /// the key columns of `relation`'s table, in the order of `plan`'s keys.
    static func grouping(_ relation: Relation, by groups: [Int], _ plan: AggregatePlan, fields: [Field],
                         compiler: ExpressionCompiler, spilling: GroupSpilling) throws -> Table {
        var keyed = plan
        keyed.keys = zip(groups, plan.keys).map { BoundExpression(kind: .column($0), type: $1.type, range: $1.range) }
        var sink = AggregateSink(plan: keyed, fields: fields, spilling: spilling)
        let rows = relation.rows
        // A stretch's own groups are a chunk's working memory: kept to about a tenth of the budget.
        let stretch = max(256, spilling.budget.bytes / 10 / sink.bytesPerGroup)
        for start in stride(from: 0, to: rows.count, by: stretch) {
            if spilling.cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: spilling.range) }
            let part = Relation(relation.table, selection: Array(rows[start..<min(start + stretch, rows.count)]))
            _ = try sink.merge(try sink.partial(of: part, compiler: compiler), budget: spilling.budget)
        }
        return try sink.result()
    }
}
