// `count by` and `summarize`: gives each row a group, folds the aggregates per group, and orders the
// groups by their keys (nulls last) so the output is deterministic. Common shapes — no groups, one
// dictionary-coded group column, an aggregate over an integer column — run as plain loops over arrays.

struct Grouper {
    let relation: Relation
    let compiler: ExpressionCompiler
    let cancellation: CancellationToken?

    /// Each selected row's group (by position in the selection), or `nil` when there is one group.
    private struct Groups {
        var ids: [Int32]?
        var firstRows: [Int32]
        var count: Int
    }

    func aggregate(groups: [Int], aggregates: [BoundAggregate], fields: [Field]) throws -> Table {
        let assigned = assignGroups(by: groups)
        var columns = groups.map { relation.table.columns[$0].gathering(assigned.firstRows) }
        for aggregate in aggregates {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            columns.append(try fold(aggregate, assigned))
        }
        let table = Table(fields: fields, columns: columns, rowCount: assigned.count)
        guard !groups.isEmpty else { return table }
        let keys = groups.indices.map { (BoundExpression(kind: .column($0), type: fields[$0].type, range: SourceRange(0, 0)), descending: false) }
        let order = try Sorter(relation: Relation(table), compiler: ExpressionCompiler(table: table, parameters: [:])).sorted(by: keys)
        return Relation(table, selection: order).materialized()
    }

    private func assignGroups(by groups: [Int]) -> Groups {
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
        relation.forEachRow { row in
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

    private func fold(_ aggregate: BoundAggregate, _ groups: Groups) throws -> Column {
        guard let argument = aggregate.argument else {
            if groups.ids == nil { return Column(storage: .integer([Int64(relation.count)], nulls: [])) }
            var counts = [Int64](repeating: 0, count: groups.count)
            forEachRow(groups) { _, group in counts[group] += 1 }
            return Column(storage: .integer(counts, nulls: []))
        }
        if case .column(let c) = argument.kind, case .integer(let values, let nulls) = relation.table.columns[c].storage,
           aggregate.function != .count_distinct {
            return try foldIntegers(values, nulls, aggregate, groups)
        }
        let f = compiler.compile(argument)
        var accumulators = [Accumulator](repeating: Accumulator(), count: groups.count)
        var seen = 0
        try forEachRow(groups) { row, group in
            seen += 1
            if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            let value = try f(row)
            if !value.isNull { try accumulators[group].add(value, aggregate.function, range: aggregate.range) }
        }
        return Column(type: aggregate.type, values: accumulators.map { $0.result(aggregate.function) })
    }

    /// count, sum, avg, min and max of an integer column, on typed arrays.
    private func foldIntegers(_ values: [Int64], _ nulls: [Bool], _ aggregate: BoundAggregate, _ groups: Groups) throws -> Column {
        var counts = [Int64](repeating: 0, count: groups.count)
        var sums = [Int64](repeating: 0, count: groups.count)
        var totals = [Double](repeating: 0, count: groups.count)   // avg
        var extremes = [Int64](repeating: 0, count: groups.count)
        var overflow = false
        let function = aggregate.function
        forEachRow(groups) { row, group in
            if !nulls.isEmpty && nulls[row] { return }
            let v = values[row]
            counts[group] += 1
            switch function {
            case .sum:
                let (s, o) = sums[group].addingReportingOverflow(v)
                sums[group] = s
                overflow = overflow || o
            case .avg: totals[group] += Double(v)
            case .min: extremes[group] = counts[group] == 1 ? v : Swift.min(extremes[group], v)
            case .max: extremes[group] = counts[group] == 1 ? v : Swift.max(extremes[group], v)
            default: break
            }
        }
        if overflow && function == .sum { throw Diagnostic.integerOverflow(range: aggregate.range) }
        let results: [Value] = (0..<groups.count).map { g in
            switch function {
            case .count: return .integer(counts[g])
            case .sum: return counts[g] == 0 ? .null : .integer(sums[g])
            case .avg: return counts[g] == 0 ? .null : .decimal(totals[g] / Double(counts[g]))
            default: return counts[g] == 0 ? .null : .integer(extremes[g])
            }
        }
        return Column(type: aggregate.type, values: results)
    }
}

/// The running state of one aggregate for one group. Nulls never reach it.
struct Accumulator {
    var count: Int64 = 0
    var integerSum: Int64 = 0
    var decimalSum: Double = 0
    var isDecimal = false
    var extreme: Value = .null
    var distinct: Set<Value>? = nil

    mutating func add(_ value: Value, _ function: AggregateFunction, range: SourceRange) throws {
        count += 1
        switch function {
        case .count: break
        case .count_distinct:
            if distinct == nil { distinct = [] }
            distinct!.insert(value.normalizedForDistinct)
        case .sum, .avg:
            switch value {
            case .integer(let i) where !isDecimal:
                let (sum, overflow) = integerSum.addingReportingOverflow(i)
                if overflow {
                    if function == .sum { throw Diagnostic.integerOverflow(range: range) }
                    isDecimal = true
                    decimalSum = Double(integerSum) + Double(i)
                } else {
                    integerSum = sum
                }
            default:
                if !isDecimal { isDecimal = true; decimalSum = Double(integerSum) }
                decimalSum += value.doubleValue ?? 0
            }
        case .min:
            if extreme.isNull || Value.sortOrder(value, extreme) < 0 { extreme = value }
        case .max:
            if extreme.isNull || Value.sortOrder(value, extreme) > 0 { extreme = value }
        }
    }

    func result(_ function: AggregateFunction) -> Value {
        switch function {
        case .count: return .integer(count)
        case .count_distinct: return .integer(Int64(distinct?.count ?? 0))
        case .sum: return count == 0 ? .null : (isDecimal ? .decimal(decimalSum) : .integer(integerSum))
        case .avg: return count == 0 ? .null : .decimal((isDecimal ? decimalSum : Double(integerSum)) / Double(count))
        case .min, .max: return extreme
        }
    }
}

extension Value {
    /// Integers and equal decimals count as one distinct value (1 and 1.0).
    var normalizedForDistinct: Value {
        if case .decimal(let d) = self, let i = Int64(exactly: d) { return .integer(i) }
        return self
    }
}
