// `count by` and `summarize`: assigns each row a group, folds the aggregates per group, and
// orders the groups by their keys (nulls last) so the output is deterministic.

struct Grouper {
    let relation: Relation
    let compiler: ExpressionCompiler
    let cancellation: CancellationToken?

    func aggregate(groups: [Int], aggregates: [BoundAggregate], fields: [Field]) throws -> Table {
        let rows = relation.rows
        let (groupOf, firstRows) = assignGroups(rows, by: groups)
        let groupCount = groups.isEmpty ? 1 : firstRows.count
        var columns = groups.map { relation.table.columns[$0].gathering(firstRows) }
        for aggregate in aggregates {
            columns.append(try fold(aggregate, rows: rows, groupOf: groupOf, groupCount: groupCount))
        }
        let table = Table(fields: fields, columns: columns, rowCount: groupCount)
        guard !groups.isEmpty else { return table }
        let keys = groups.indices.map { (BoundExpression(kind: .column($0), type: fields[$0].type, range: SourceRange(0, 0)), descending: false) }
        let sorted = Relation(table)
        let order = try Sorter(relation: sorted, compiler: ExpressionCompiler(table: table, parameters: [:])).sorted(by: keys)
        return Relation(table, selection: order).materialized()
    }

    /// The group of each row (by position) and the first row of each group.
    private func assignGroups(_ rows: [Int32], by groups: [Int]) -> ([Int32], [Int32]) {
        if groups.isEmpty { return ([Int32](repeating: 0, count: rows.count), []) }
        if groups.count == 1, case .string(let codes, let dictionary) = relation.table.columns[groups[0]].storage {
            var groupOfCode = [Int32](repeating: -1, count: dictionary.values.count + 1)
            var firstRows: [Int32] = []
            let groupOf = rows.map { row -> Int32 in
                let slot = Int(codes[Int(row)]) + 1
                if groupOfCode[slot] < 0 {
                    groupOfCode[slot] = Int32(firstRows.count)
                    firstRows.append(row)
                }
                return groupOfCode[slot]
            }
            return (groupOf, firstRows)
        }
        var index: [[Value]: Int32] = [:]
        var firstRows: [Int32] = []
        let columns = groups.map { relation.table.columns[$0] }
        let groupOf = rows.map { row -> Int32 in
            let key = columns.map { $0[Int(row)] }
            if let g = index[key] { return g }
            let g = Int32(firstRows.count)
            index[key] = g
            firstRows.append(row)
            return g
        }
        return (groupOf, firstRows)
    }

    private func fold(_ aggregate: BoundAggregate, rows: [Int32], groupOf: [Int32], groupCount: Int) throws -> Column {
        guard let argument = aggregate.argument else {
            var counts = [Int64](repeating: 0, count: groupCount)
            for g in groupOf { counts[Int(g)] += 1 }
            return Column(storage: .integer(counts, nulls: []))
        }
        let f = compiler.compile(argument)
        var accumulators = [Accumulator](repeating: Accumulator(), count: groupCount)
        for (position, row) in rows.enumerated() {
            if position & 0xFFFF == 0xFFFF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
            let value = try f(Int(row))
            if value.isNull { continue }
            try accumulators[Int(groupOf[position])].add(value, aggregate.function, range: aggregate.range)
        }
        return Column(type: aggregate.type, values: accumulators.map { $0.result(aggregate.function) })
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
