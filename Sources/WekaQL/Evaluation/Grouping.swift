// `count by` and `summarize`: gives each row a group, folds the aggregates per group, and orders the
// groups by their keys (nulls last) so the output is deterministic. Common shapes — no groups, one
// dictionary-coded group column, an aggregate over an integer column — run as plain loops over arrays.

struct Grouper {
    let relation: Relation
    let compiler: ExpressionCompiler
    let cancellation: CancellationToken?

    /// Each selected row's group (by position in the selection), or `nil` when there is one group.
    struct Groups {
        var ids: [Int32]?
        var firstRows: [Int32]
        var count: Int
    }

    func aggregate(groups: [Int], aggregates: [BoundAggregate], fields: [Field]) throws -> Table {
        try aggregate(groups: groups, aggregates: aggregates, fields: fields, keepingGroups: false).table
    }

    /// The grouped table and, when `keepingGroups` (for lineage), each output row's input rows.
    func aggregate(groups: [Int], aggregates: [BoundAggregate], fields: [Field], keepingGroups: Bool) throws -> (table: Table, groups: RowMap?) {
        let assigned = try assignGroups(by: groups)
        var columns = groups.map { relation.table.columns[$0].gathering(assigned.firstRows) }
        for aggregate in aggregates {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            columns.append(try fold(aggregate, assigned))
        }
        let table = Table(fields: fields, columns: columns, rowCount: assigned.count)
        guard !groups.isEmpty else { return (table, keepingGroups ? rowMap(assigned, order: nil) : nil) }
        let keys = groups.indices.map { (BoundExpression(kind: .column($0), type: fields[$0].type, range: SourceRange(0, 0)), descending: false) }
        let order = try Sorter(relation: Relation(table), compiler: ExpressionCompiler(table: table, parameters: [:])).sorted(by: keys)
        return (Relation(table, selection: order).materialized(), keepingGroups ? rowMap(assigned, order: order) : nil)
    }

    /// The input rows of each group, in the output's order of groups.
    private func rowMap(_ groups: Groups, order: [Int32]?) -> RowMap {
        RowMap(GroupAssignment(count: groups.count, groupOf: groups.ids, inputRows: relation.selection, inputCount: relation.count),
               outputOrder: order)
    }

    /// The slow path hashes each row's key: it looks at the cancellation token every 64K rows.
    func assignGroups(by groups: [Int]) throws -> Groups {
        if groups.isEmpty { return Groups(ids: nil, firstRows: [], count: 1) }
        if groups.count == 1, case .string(let codes, let dictionary) = relation.table.columns[groups[0]].storage {
            var groupOfCode = [Int32](repeating: -1, count: dictionary.values.count + 1)
            var firstRows: [Int32] = []
            var ids = [Int32](repeating: 0, count: relation.count)
            var position = 0
            relation.forEachRow { row in
                let slot = Int(codes[row]) + 1
                if groupOfCode[slot] < 0 {
                    groupOfCode[slot] = Int32(firstRows.count)
                    firstRows.append(Int32(row))
                }
                ids[position] = groupOfCode[slot]
                position += 1
            }
            return Groups(ids: ids, firstRows: firstRows, count: firstRows.count)
        }
        var index: [[Value]: Int32] = [:]
        var firstRows: [Int32] = []
        let columns = groups.map { relation.table.columns[$0] }
        var ids: [Int32] = []
        ids.reserveCapacity(relation.count)
        try relation.forEachRow { row in
            if ids.count & 0xFFFF == 0xFFFF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            let key = columns.map { $0[row].normalizedForDistinct }
            if let id = index[key] { return ids.append(id) }
            let id = Int32(firstRows.count)
            index[key] = id
            firstRows.append(Int32(row))
            ids.append(id)
        }
        return Groups(ids: ids, firstRows: firstRows, count: firstRows.count)
    }

    /// Calls `body` with each selected row and its group.
    @inline(__always)
    private func forEachRow(_ groups: Groups, _ body: (Int, Int) throws -> Void) rethrows {
        var position = 0
        if let ids = groups.ids {
            try relation.forEachRow { row in try body(row, Int(ids[position])); position += 1 }
        } else {
            try relation.forEachRow { row in try body(row, 0) }
        }
    }

    func fold(_ aggregate: BoundAggregate, _ groups: Groups) throws -> Column {
        guard let argument = aggregate.argument else {
            if groups.ids == nil { return Column(storage: .integer([Int64(relation.count)], nulls: [])) }
            var counts = [Int64](repeating: 0, count: groups.count)
            forEachRow(groups) { _, group in counts[group] += 1 }
            return Column(storage: .integer(counts, nulls: []))
        }
        if case .column(let c) = argument.kind, case .integer(let values, let nulls) = relation.table.columns[c].storage,
           AggregateFunction.onIntegerArrays.contains(aggregate.function) {
            return try foldIntegers(values, nulls, aggregate, groups)
        }
        let f = compiler.compile(argument)
        let takesNulls = aggregate.function.takesNulls
        var accumulators = [Accumulator](repeating: Accumulator(), count: groups.count)
        var seen = 0
        try forEachRow(groups) { row, group in
            seen += 1
            if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            let value = try f(row)
            if !value.isNull || takesNulls { try accumulators[group].add(value, aggregate.function, range: aggregate.range) }
        }
        return Column(type: aggregate.type, values: try accumulators.map {
            try $0.result(aggregate.function, constant: aggregate.constant, range: aggregate.range)
        })
    }

    /// count, sum, avg, min and max of an integer column, on typed arrays.
    private func foldIntegers(_ values: [Int64], _ nulls: [Bool], _ aggregate: BoundAggregate, _ groups: Groups) throws -> Column {
        var counts = [Int64](repeating: 0, count: groups.count)
        var sums = [ExactSum](repeating: ExactSum(), count: groups.count)   // sum and avg
        var extremes = [Int64](repeating: 0, count: groups.count)
        let function = aggregate.function
        forEachRow(groups) { row, group in
            if !nulls.isEmpty && nulls[row] { return }
            let v = values[row]
            counts[group] += 1
            switch function {
            case .sum, .avg: sums[group].add(v)
            case .min: extremes[group] = counts[group] == 1 ? v : Swift.min(extremes[group], v)
            case .max: extremes[group] = counts[group] == 1 ? v : Swift.max(extremes[group], v)
            default: break
            }
        }
        let results: [Value] = try (0..<groups.count).map { g in
            if counts[g] == 0 && function != .count { return .null }
            switch function {
            case .count: return .integer(counts[g])
            case .sum: return try Accumulator.integer(sums[g], range: aggregate.range)
            case .avg: return .float(sums[g].mean(count: counts[g]))
            default: return .integer(extremes[g])
            }
        }
        return Column(type: aggregate.type, values: results)
    }
}

/// The running state of one aggregate for one group. Nulls never reach it. Integers are summed exactly
/// (``ExactSum``), decimals exactly apart (``DecimalSum``), floats apart; an overflow is an error only when
/// the final value does not fit.
struct Accumulator {
    var count: Int64 = 0
    var integerSum = ExactSum()
    var decimalSum = DecimalSum()
    var floatSum = FloatSum()
    var isFloat = false
    var extreme: Value = .null
    var distinct: Set<Value>? = nil
    /// The statistics: the values of `median` and `percentile`; the running mean and sum of squared
    /// deviations of `stddev` and `variance` (Welford's, stable in one pass).
    var numbers: [Double] = []
    var mean: Double = 0
    var squaredDeviations: Double = 0
    /// `count_if`'s true conditions; `string_agg`'s texts; `first`'s and `last`'s values.
    var matches: Int64 = 0
    var texts: [String] = []
    var first: Value? = nil
    /// `spark`'s values in input order, a null as `nil`.
    var points: [Double?] = []
    /// `list`'s values, nulls too, in the order the rows come.
    var values: [Value] = []

    mutating func add(_ value: Value, _ function: AggregateFunction, range: SourceRange) throws {
        count += 1
        switch function {
        case .count: break
        case .count_distinct:
            if distinct == nil { distinct = [] }
            distinct!.insert(value.normalizedForDistinct)
        case .sum, .avg:
            switch value {
            case .integer(let i): integerSum.add(i)
            case .decimal(let d): decimalSum.add(d)
            default:
                isFloat = true
                floatSum.add(value.doubleValue ?? 0)
            }
        case .min:
            if extreme.isNull || Value.sortOrder(value, extreme) < 0 { extreme = value }
        case .max:
            if extreme.isNull || Value.sortOrder(value, extreme) > 0 { extreme = value }
        case .median, .percentile:
            numbers.append(value.doubleValue ?? 0)
        case .stddev, .variance:
            let x = value.doubleValue ?? 0
            let delta = x - mean
            mean += delta / Double(count)
            squaredDeviations += delta * (x - mean)
        case .count_if:
            if case .boolean(true) = value { matches += 1 }
        case .string_agg:
            texts.append(value.description)
        case .first:
            if first == nil { first = value }
        case .last:
            extreme = value
        case .spark:
            points.append(value.doubleValue)
        case .list:
            values.append(value)
        }
    }

    func result(_ function: AggregateFunction, constant: Value? = nil, range: SourceRange) throws -> Value {
        switch function {
        case .count: return .integer(count)
        case .count_distinct: return .integer(Int64(distinct?.count ?? 0))
        case .sum where count == 0, .avg where count == 0: return .null
        case .sum where isFloat: return try Self.finite(floatTotal, range: range)
        case .avg where isFloat: return try Self.finite(floatTotal / Double(count), range: range)
        case .sum where decimalSum.count > 0: return try decimalSum.total(plus: integerSum, range: range)
        case .avg where decimalSum.count > 0: return try decimalSum.mean(plus: integerSum, count: count, range: range)
        case .sum: return try Self.integer(integerSum, range: range)
        case .avg: return .float(integerSum.mean(count: count))
        case .min, .max, .last: return extreme
        case .first: return first ?? .null
        case .list: return count == 0 ? .null : .list(values)
        case .count_if: return .integer(matches)
        case .string_agg: return texts.isEmpty ? .null : .string(texts.joined(separator: constant?.description ?? ","))
        case .spark: return .string(Sparkline(points).text)
        case .median: return Self.percentile(numbers, 0.5)
        case .percentile: return Self.percentile(numbers, constant?.doubleValue ?? 0.5)
        case .variance: return count < 2 ? .null : try Self.finite(squaredDeviations / Double(count - 1), range: range)
        case .stddev: return count < 2 ? .null : try Self.finite((squaredDeviations / Double(count - 1)).squareRoot(), range: range)
        }
    }

    /// A sum with floats: the floats' exact sum (in no particular order) with the integers' and decimals'
    /// exact sums as their nearest doubles, rounded once.
    private var floatTotal: Double {
        var total = floatSum
        total.add(integerSum.decimal)
        total.add(decimalSum.doubleValue)
        return total.value
    }

    /// SQL's `percentile_cont`: the value at position `fraction × (n - 1)` of the sorted values,
    /// interpolated linearly between the two around it (so the median of an even count is the mean of
    /// the middle two); null for no values.
    static func percentile(_ values: [Double], _ fraction: Double) -> Value {
        guard !values.isEmpty else { return .null }
        let sorted = values.sorted()
        let position = fraction * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
        let lowValue = sorted[low], highValue = sorted[high]
        return .float(low == high ? lowValue : lowValue + (position - Double(low)) * (highValue - lowValue))
    }

    /// An integer sum, which must fit in 64 bits.
    static func integer(_ sum: ExactSum, range: SourceRange) throws -> Value {
        guard let total = sum.integer else { throw Diagnostic.integerOverflow(range: range) }
        return .integer(total)
    }

    /// A float sum or mean, which must be finite (past 1e308 it is not).
    static func finite(_ d: Double, range: SourceRange) throws -> Value {
        guard d.isFinite else { throw Diagnostic.floatOverflow(range: range) }
        return .float(d)
    }
}

extension Value {
    /// Integers and equal decimals count as one distinct value (1 and 1.0; 1.50 and 1.5 are equal decimals).
    var normalizedForDistinct: Value {
        if case .decimal(let d) = self, let i = d.integerValue { return .integer(i) }
        if case .float(let d) = self, let i = Int64(exactly: d) { return .integer(i) }
        if case .float(let d) = self, let exact = ExactDecimal(shortest: d), exact.doubleValue == d { return .decimal(exact) }
        if case .list(let elements) = self { return .list(elements.map(\.normalizedForDistinct)) }
        return self
    }
}
