// `count`, `count by` and `summarize` over chunks: each chunk folds its rows into accumulators per group
// (in the order the groups first appear in it), and the merge adds them to the groups so far, new groups
// after the old, so the groups appear in the whole input's order of first appearance. The output is then
// ordered by the keys as in memory (ties by that order) and each aggregate's final value computed once:
// a sum that does not fit fails as it does in memory, whatever the chunks' partial sums were.

/// Thrown when groups held without spilling pass the budget: the query is then run in memory.
struct GroupsOverBudget: Error {}

/// The groups and accumulators of the chunks so far. Past half the budget the groups found so far stay
/// and fold on, while the rows of new keys go to partition files, grouped one partition at a time at
/// the end (AggregateSink+Spill.swift).
struct AggregateSink: StreamSink {
    let plan: AggregatePlan
    /// The grouped table's fields: a column per key, then one per aggregate.
    let fields: [Field]
    var groupOfKey: [[Value]: Int] = [:]
    var keyValues: [[Value]] = []
    var accumulators: [[Accumulator]] = []
    /// Where new keys' rows go once the groups pass half the budget; `nil` to hold every group in memory.
    var spilling: GroupSpilling? = nil

    init(plan: AggregatePlan, fields: [Field], spilling: GroupSpilling? = nil) {
        self.plan = plan
        self.fields = fields
        self.spilling = spilling
        if plan.keys.isEmpty { addGroup([], normalized: [], firstRow: 0) }   // one group, even of no rows
    }

    /// One chunk's groups, in their order of first appearance in it, and its rows (for spilling).
    struct Partial: Sendable {
        var keys: [[Value]]
        var normalized: [[Value]]
        var accumulators: [[Accumulator]]
        /// Each group's first position in the chunk's selection.
        var firstPositions: [Int] = []
        var rows = Relation(Table(fields: [], columns: [], rowCount: 0))
        /// Each selected row's group, or `nil` for one group.
        var ids: [Int32]? = nil
        var compiler: ExpressionCompiler? = nil
    }

    func partial(of rows: Relation, compiler: ExpressionCompiler) throws -> Partial {
        var partial = Partial(keys: [], normalized: [], accumulators: [])
        let ids = try assignGroups(rows, compiler: compiler, into: &partial)
        if spilling != nil {
            partial.rows = rows
            partial.ids = ids
            partial.compiler = compiler
        }
        let fresh = plan.aggregates.map { _ in Accumulator() }
        partial.accumulators = Array(repeating: fresh, count: partial.keys.count)
        for (index, aggregate) in plan.aggregates.enumerated() {
            try fold(aggregate, index, rows, ids, compiler: compiler, into: &partial.accumulators)
        }
        return partial
    }

    /// Each selected row's group (by position in the selection), or `nil` when there is one group.
    private func assignGroups(_ rows: Relation, compiler: ExpressionCompiler, into partial: inout Partial) throws -> [Int32]? {
        guard !plan.keys.isEmpty else {
            partial.keys = [[]]
            partial.normalized = [[]]
            partial.firstPositions = [0]
            return nil
        }
        var ids: [Int32] = []
        ids.reserveCapacity(rows.count)
        if plan.keys.count == 1, case .column(let c) = plan.keys[0].kind, case .string(let codes, let dictionary) = rows.table.columns[c].storage {
            var groupOfCode = [Int32](repeating: -1, count: dictionary.values.count + 1)
            rows.forEachRow { row in
                let slot = Int(codes[row]) + 1
                if groupOfCode[slot] < 0 {
                    groupOfCode[slot] = Int32(partial.keys.count)
                    partial.firstPositions.append(ids.count)
                    let value: Value = codes[row] < 0 ? .null : .string(dictionary.values[Int(codes[row])])
                    partial.keys.append([value])
                    partial.normalized.append([value])
                }
                ids.append(groupOfCode[slot])
            }
            return ids
        }
        let readers: [(Int) throws -> Value] = plan.keys.map { key in
            if case .column(let c) = key.kind { let column = rows.table.columns[c]; return { column[$0] } }
            return compiler.compile(key)
        }
        var local: [[Value]: Int32] = [:]
        try rows.forEachRow { row in
            let key = try readers.map { try $0(row) }
            let normalized = key.map(\.normalizedForDistinct)
            if let id = local[normalized] { return ids.append(id) }
            let id = Int32(partial.keys.count)
            local[normalized] = id
            partial.firstPositions.append(ids.count)
            partial.keys.append(key)
            partial.normalized.append(normalized)
            ids.append(id)
        }
        return ids
    }

    /// Folds one aggregate of the chunk's rows into their groups' accumulators.
    private func fold(_ aggregate: BoundAggregate, _ index: Int, _ rows: Relation, _ ids: [Int32]?, compiler: ExpressionCompiler,
                      into accumulators: inout [[Accumulator]]) throws {
        var position = 0
        func group() -> Int { defer { position += 1 }; return ids.map { Int($0[position]) } ?? 0 }
        guard let argument = aggregate.argument else {
            // One group: a chunk's count is its row count (a streamed join's counted pieces have no columns to walk).
            if ids == nil { return accumulators[0][index].count += Int64(rows.count) }
            rows.forEachRow { _ in accumulators[group()][index].count += 1 }
            return
        }
        if case .column(let c) = argument.kind, case .integer(let values, let nulls) = rows.table.columns[c].storage,
           [.count, .sum, .avg, .min, .max].contains(aggregate.function) {
            return foldIntegers(values, nulls, aggregate.function, index, rows, group, into: &accumulators)
        }
        let f = compiler.compile(argument)
        let takesNulls = aggregate.function.takesNulls
        try rows.forEachRow { row in
            let g = group()
            let value = try f(row)
            if !value.isNull || takesNulls { try accumulators[g][index].add(value, aggregate.function, range: aggregate.range) }
        }
    }

    /// count, sum, avg, min and max of an integer column, on the typed array.
    private func foldIntegers(_ values: [Int64], _ nulls: [Bool], _ function: AggregateFunction, _ index: Int, _ rows: Relation,
                              _ group: () -> Int, into accumulators: inout [[Accumulator]]) {
        var extremes = [Int64](repeating: 0, count: accumulators.count)
        rows.forEachRow { row in
            let g = group()
            if !nulls.isEmpty && nulls[row] { return }
            let v = values[row]
            accumulators[g][index].count += 1
            let first = accumulators[g][index].count == 1
            switch function {
            case .sum, .avg: accumulators[g][index].integerSum.add(v)
            case .min: extremes[g] = first ? v : Swift.min(extremes[g], v)
            case .max: extremes[g] = first ? v : Swift.max(extremes[g], v)
            default: break
            }
        }
        guard function == .min || function == .max else { return }
        for g in accumulators.indices where accumulators[g][index].count > 0 { accumulators[g][index].extreme = .integer(extremes[g]) }
    }

    /// The bytes one group's key and accumulators take (as the evaluator estimates them).
    var bytesPerGroup: Int { 64 + 24 * plan.keys.count + 160 * plan.aggregates.count }

    mutating func merge(_ partial: Partial, budget: MemoryBudget) throws -> Bool {
        var spilled: [Int] = []   // the chunk's groups whose rows go to partitions
        for (local, normalized) in partial.normalized.enumerated() {
            guard let g = groupOfKey[normalized] ?? newGroup(partial, local, budget: budget) else {
                spilled.append(local)
                continue
            }
            for (index, aggregate) in plan.aggregates.enumerated() {
                accumulators[g][index].merge(partial.accumulators[local][index], aggregate.function)
            }
        }
        if !spilled.isEmpty { try spilling!.write(partial, groups: spilled, plan: plan) }
        spilling?.rowsSeen += partial.rows.count
        if spilling == nil {
            let (size, overflow) = keyValues.count.multipliedReportingOverflow(by: bytesPerGroup)
            if overflow || size > budget.bytes { throw GroupsOverBudget() }
        }
        return true
    }

    /// A group for the chunk's group `local`, unless the groups held have reached half the budget (their
    /// rows then go to partitions; a group is never both held and spilled).
    private mutating func newGroup(_ partial: Partial, _ local: Int, budget: MemoryBudget) -> Int? {
        if let spilling {
            if spilling.isSpilling || (keyValues.count + 1) * bytesPerGroup > budget.bytes / 2 && spilling.mayPartition {
                spilling.startSpilling()
                return nil
            }
        }
        return addGroup(partial.keys[local], normalized: partial.normalized[local],
                        firstRow: spilling?.sequence(of: partial, at: partial.firstPositions[local]) ?? 0)
    }

    @discardableResult
    private mutating func addGroup(_ key: [Value], normalized: [Value], firstRow: Int64) -> Int {
        let g = keyValues.count
        groupOfKey[normalized] = g
        keyValues.append(key)
        accumulators.append(plan.aggregates.map { _ in Accumulator() })
        spilling?.held(group: firstRow, bytes: bytesPerGroup)
        return g
    }

    mutating func result() throws -> Table {
        if let spilling {
            defer { spilling.release(bytes: keyValues.count * bytesPerGroup) }
            if spilling.isSpilling { return try spilledResult() }
        }
        var columns = plan.keys.indices.map { k in Column(type: fields[k].type, values: keyValues.map { $0[k] }) }
        for (index, aggregate) in plan.aggregates.enumerated() {
            columns.append(Column(type: aggregate.type, values: try accumulators.map {
                try $0[index].result(aggregate.function, constant: aggregate.constant, range: aggregate.range)
            }))
        }
        let table = Table(fields: fields, columns: columns, rowCount: keyValues.count)
        guard !plan.keys.isEmpty else { return table }
        // Ordered by the keys as the in-memory grouping orders them: ties keep the order of first appearance.
        let keys = plan.keys.indices.map { (BoundExpression(kind: .column($0), type: fields[$0].type, range: SourceRange(0, 0)), descending: false) }
        let order = try Sorter(relation: Relation(table), compiler: ExpressionCompiler(table: table, parameters: [:])).sorted(by: keys)
        return Relation(table, selection: order).materialized()
    }
}

extension Accumulator {
    /// Adds what `other` folded, from rows after this one's, for an aggregate that merges
    /// (``StreamPlan/merges(_:)``): the result is the one folding both runs of rows in order gives.
    mutating func merge(_ other: Accumulator, _ function: AggregateFunction) {
        count += other.count
        switch function {
        case .count: break
        case .count_distinct:
            if let theirs = other.distinct { distinct = distinct.map { $0.union(theirs) } ?? theirs }
        case .sum, .avg:
            integerSum.add(other.integerSum)
            decimalSum.add(other.decimalSum)
            floatSum.add(other.floatSum)
            isFloat = isFloat || other.isFloat
        case .min:
            if !other.extreme.isNull && (extreme.isNull || Value.sortOrder(other.extreme, extreme) < 0) { extreme = other.extreme }
        case .max:
            if !other.extreme.isNull && (extreme.isNull || Value.sortOrder(other.extreme, extreme) > 0) { extreme = other.extreme }
        case .count_if: matches += other.matches
        case .first: first = first ?? other.first
        case .last: if other.count > 0 { extreme = other.extreme }
        case .median, .percentile, .stddev, .variance, .string_agg, .spark, .list:
            preconditionFailure("\(function) does not merge")
        }
    }
}
