// Folding a pivot's aggregate per cell (a slot of values and a group of keys): `count()` and count, sum,
// avg, min and max of an integer column in typed arrays, any other aggregate with an ``Accumulator``
// per cell that has rows. Only rows with a slot are folded, as `AGG(…) FILTER (WHERE field = value)`.

/// The folded aggregate of every cell; a cell no row reached holds the aggregate of no rows.
struct PivotResults {
    /// Per cell (`slot * groupCount + group`): the cell's value, or `nil` for no rows.
    var values: [Value?]
    let groupCount: Int
    let empty: Value

    func value(slot: Int, group: Int) -> Value { values[slot * groupCount + group] ?? empty }
}

extension Pivoter {
    /// The aggregate of every cell.
    func fold(_ aggregate: BoundAggregate, _ cells: PivotCells, _ check: CancellationCheck) throws -> PivotResults {
        let empty = try Accumulator().result(aggregate.function, constant: aggregate.constant, range: aggregate.range)
        let values: [Value?]
        if aggregate.argument == nil && aggregate.function == .count {
            values = try foldIntegers(nil, [], aggregate, cells, check)
        } else if let argument = aggregate.argument, case .column(let c) = argument.kind,
                  case .integer(let integers, let nulls) = relation.table.columns[c].storage,
                  AggregateFunction.onIntegerArrays.contains(aggregate.function) {
            values = try foldIntegers(integers, nulls, aggregate, cells, check)
        } else {
            values = try foldValues(aggregate, cells, check)
        }
        return PivotResults(values: values, groupCount: cells.groupCount, empty: empty)
    }

    /// Calls `body` with each selected row that has a slot, and its cell.
    @inline(__always)
    private func forEachCell(_ cells: PivotCells, _ check: CancellationCheck, _ body: (Int, Int) throws -> Void) throws {
        var position = 0
        try relation.forEachRow { row in
            try check.at(position)
            let slot = Int(cells.slotOf[position])
            if slot >= 0 { try body(row, slot * cells.groupCount + Int(cells.groupOf[position])) }
            position += 1
        }
    }

    /// count, sum, avg, min and max of an integer column (`values` nil: `count()` of the rows).
    private func foldIntegers(_ values: [Int64]?, _ nulls: [Bool], _ aggregate: BoundAggregate, _ cells: PivotCells,
                              _ check: CancellationCheck) throws -> [Value?] {
        let cellCount = cells.slotValues.count * cells.groupCount
        var counts = [Int64](repeating: 0, count: cellCount)
        var sums = [ExactSum](repeating: ExactSum(), count: values == nil ? 0 : cellCount)   // sum and avg
        var extremes = [Int64](repeating: 0, count: values == nil ? 0 : cellCount)
        let function = aggregate.function
        try forEachCell(cells, check) { row, cell in
            guard let values else { counts[cell] += 1; return }
            if !nulls.isEmpty && nulls[row] { return }
            let v = values[row]
            counts[cell] += 1
            switch function {
            case .sum, .avg: sums[cell].add(v)
            case .min: extremes[cell] = counts[cell] == 1 ? v : Swift.min(extremes[cell], v)
            case .max: extremes[cell] = counts[cell] == 1 ? v : Swift.max(extremes[cell], v)
            default: break
            }
        }
        return try (0..<cellCount).map { cell -> Value? in
            if counts[cell] == 0 { return Value?.none }
            switch function {
            case .count: return .integer(counts[cell])
            case .sum: return try Accumulator.integer(sums[cell], range: aggregate.range)
            case .avg: return .float(sums[cell].mean(count: counts[cell]))
            default: return .integer(extremes[cell])
            }
        }
    }

    /// Any aggregate over any argument, with an accumulator for each cell that rows reach.
    private func foldValues(_ aggregate: BoundAggregate, _ cells: PivotCells, _ check: CancellationCheck) throws -> [Value?] {
        let compiler = ExpressionCompiler(table: relation.table, parameters: parameters)
        let f = aggregate.argument.map(compiler.compile)
        let takesNulls = aggregate.function.takesNulls || aggregate.argument == nil
        var accumulatorOfCell = [Int32](repeating: -1, count: cells.slotValues.count * cells.groupCount)
        var accumulators: [Accumulator] = []
        try forEachCell(cells, check) { row, cell in
            let value = try f?(row) ?? .null
            guard !value.isNull || takesNulls else { return }
            if accumulatorOfCell[cell] < 0 {
                accumulatorOfCell[cell] = Int32(accumulators.count)
                accumulators.append(Accumulator())
            }
            try accumulators[Int(accumulatorOfCell[cell])].add(value, aggregate.function, range: aggregate.range)
        }
        return try accumulatorOfCell.map { index -> Value? in
            guard index >= 0 else { return Value?.none }   // not `nil`, which could be read as Value.null
            return try accumulators[Int(index)].result(aggregate.function, constant: aggregate.constant, range: aggregate.range)
        }
    }
}
