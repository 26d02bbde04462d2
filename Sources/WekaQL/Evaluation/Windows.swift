// Window functions: for each distinct window (partition and order) the rows are sorted once; each
// function is then one pass over that order per partition, writing its value at the row's own index, so
// the stage keeps its input's row order. An aggregate's frame is SQL's default (RANGE BETWEEN UNBOUNDED
// PRECEDING AND CURRENT ROW): with `sort by`, the partition's rows up to the current row and its peers;
// without, the whole partition.

struct WindowEvaluator {
    let relation: Relation
    let parameters: [String: Value]
    let cancellation: CancellationToken?
    let range: SourceRange

    /// The relation with a column per window added after its own (the same selection).
    func apply(_ plan: WindowPlan) throws -> Relation {
        let compiler = ExpressionCompiler(table: relation.table, parameters: parameters)
        let sorter = Sorter(relation: relation, compiler: compiler, cancellation: cancellation, range: range)
        var orders: [String: WindowOrder] = [:]
        var columns: [Column] = []
        for window in plan.windows {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: window.range) }
            let order = try orders[window.specification] ?? sorter.windowOrder(partition: window.partition, order: window.order)
            orders[window.specification] = order
            columns.append(try column(window, order, compiler))
        }
        let table = Table(fields: relation.table.fields + plan.fields, columns: relation.table.columns + columns,
                          rowCount: relation.table.rowCount)
        return Relation(table, selection: relation.selection)
    }

    private func column(_ window: BoundWindow, _ order: WindowOrder, _ compiler: ExpressionCompiler) throws -> Column {
        if let numbers = try numberColumn(window, order) { return numbers }
        var values = [Value](repeating: .null, count: relation.table.rowCount)
        let rows = order.rows
        let shifted: RowFunction?
        if case .shifted(let expression, _) = window.computation { shifted = compiler.compile(expression) } else { shifted = nil }
        var done = 0
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count && order.starts[end] != WindowOrder.partitionStart { end += 1 }
            done += end - start
            if done > 0xFFFF { done = 0; if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: window.range) } }
            switch window.computation {
            case .rowNumber:
                for position in start..<end { values[Int(rows[position])] = .integer(Int64(position - start + 1)) }
            case .rank, .denseRank:
                var rank = 0, dense = 0
                for position in start..<end {
                    if position == start || order.starts[position] != 0 { rank = position - start + 1; dense += 1 }
                    if case .rank = window.computation { values[Int(rows[position])] = .integer(Int64(rank)) }
                    else { values[Int(rows[position])] = .integer(Int64(dense)) }
                }
            case .shifted(_, let offset):
                for position in start..<end {
                    let other = position + offset
                    if other >= start && other < end { values[Int(rows[position])] = try shifted!(Int(rows[other])) }
                }
            case .aggregate(let aggregate):
                try fold(aggregate, rows[start..<end], order.starts, sorted: !window.order.isEmpty, compiler, into: &values)
            }
            start = end
        }
        return Column(type: window.type, values: values)
    }

    /// An aggregate over one partition: its frame grows a group of peers at a time.
    private func fold(_ aggregate: BoundAggregate, _ rows: ArraySlice<Int32>, _ starts: [UInt8], sorted: Bool,
                      _ compiler: ExpressionCompiler, into values: inout [Value]) throws {
        let f = aggregate.argument.map(compiler.compile)
        var frame = RunningAggregate(aggregate, ranked: sorted ? try rankedNumbers(aggregate, rows, f) : nil)
        var first = rows.startIndex
        var seen = 0
        while first < rows.endIndex {
            var last = first + 1
            while sorted && last < rows.endIndex && starts[last] == 0 { last += 1 }
            if !sorted { last = rows.endIndex }
            for position in first..<last {
                seen += 1
                if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: aggregate.range) }
                try frame.add(f.map { try $0(Int(rows[position])) } ?? .null)
            }
            let value = try frame.result()
            for position in first..<last { values[Int(rows[position])] = value }
            first = last
        }
    }

    /// For a running `median` or `percentile`, the partition's numbers in order, so that each frame's
    /// quantile is found in O(log n) rather than by sorting the frame again.
    private func rankedNumbers(_ aggregate: BoundAggregate, _ rows: ArraySlice<Int32>, _ f: RowFunction?) throws -> RankedNumbers? {
        guard aggregate.function == .median || aggregate.function == .percentile, let f else { return nil }
        var numbers: [Double] = []
        for row in rows { if let d = try f(Int(row)).doubleValue { numbers.append(d) } }
        return RankedNumbers(numbers)
    }
}

/// The state of an aggregate over a growing frame. Most aggregates are an ``Accumulator``; `string_agg`
/// keeps its text so far, and `median` and `percentile` a ``RankedNumbers``, so that no frame is
/// recomputed from its first row.
struct RunningAggregate {
    let aggregate: BoundAggregate
    var accumulator = Accumulator()
    var ranked: RankedNumbers?
    var text: String?

    init(_ aggregate: BoundAggregate, ranked: RankedNumbers?) {
        self.aggregate = aggregate
        self.ranked = ranked
    }

    mutating func add(_ value: Value) throws {
        let function = aggregate.function
        guard !value.isNull || function.takesNulls || aggregate.argument == nil else { return }
        if ranked != nil, let d = value.doubleValue {
            ranked!.insert(d)
        } else if function == .string_agg {
            let separator = aggregate.constant?.description ?? ","
            text = text.map { $0 + separator + value.description } ?? value.description
        } else {
            try accumulator.add(value, function, range: aggregate.range)
        }
    }

    func result() throws -> Value {
        if let ranked { return ranked.percentile(aggregate.function == .median ? 0.5 : aggregate.constant?.doubleValue ?? 0.5) }
        if aggregate.function == .string_agg { return text.map(Value.string) ?? .null }
        return try accumulator.result(aggregate.function, constant: aggregate.constant, range: aggregate.range)
    }
}

/// A multiset of a partition's numbers, filled one at a time, answering "the k-th smallest so far" in
/// O(log n): a Fenwick tree of counts over the ranks of the partition's distinct values.
struct RankedNumbers {
    private let distinct: [Double]
    private var tree: [Int]
    private(set) var count = 0

    init(_ numbers: [Double]) {
        var sorted = numbers.sorted()
        sorted.removeDuplicates()
        distinct = sorted
        tree = [Int](repeating: 0, count: sorted.count + 1)
    }

    mutating func insert(_ number: Double) {
        var low = 0, high = distinct.count
        while low < high { let middle = (low + high) / 2; if distinct[middle] < number { low = middle + 1 } else { high = middle } }
        var index = low + 1
        while index < tree.count { tree[index] += 1; index += index & -index }
        count += 1
    }

    /// The `k`-th smallest number inserted (from 0).
    private func element(_ k: Int) -> Double {
        var position = 0, remaining = k + 1
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            if position + step < tree.count && tree[position + step] < remaining {
                position += step
                remaining -= tree[position]
            }
            step /= 2
        }
        return distinct[position]
    }

    /// As ``Accumulator/percentile(_:_:)``: linear between the two values around `fraction × (n - 1)`.
    func percentile(_ fraction: Double) -> Value {
        guard count > 0 else { return .null }
        let position = fraction * Double(count - 1)
        let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
        let lowValue = element(low), highValue = element(high)
        return .float(low == high ? lowValue : lowValue + (position - Double(low)) * (highValue - lowValue))
    }
}

private extension Array where Element == Double {
    /// Removes repeats from a sorted array.
    mutating func removeDuplicates() {
        var kept = 0
        for index in indices where index == 0 || self[index] != self[kept - 1] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
