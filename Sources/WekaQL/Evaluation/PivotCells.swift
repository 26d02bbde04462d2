// `pivot` in one pass over the rows: each row's group of keys and column of values, looked up by code
// when the fields are dictionary-coded text (by hashing their values otherwise), then the aggregate
// folded per cell (a group and a column), in typed arrays for count and for integer columns.

/// Where each selected row of a pivot goes.
struct PivotCells {
    /// Per position of the selection: its group of keys, numbered in order of first appearance.
    var groupOf: [Int32]
    /// A row of each group (a row index of the table); empty without keys.
    var firstRows: [Int32]
    /// The number of groups: one without keys, even over no rows (as `summarize` without `by`).
    var groupCount: Int
    /// Per position: its value's slot, or -1 when its value makes no column (null, or not in `in (…)`).
    var slotOf: [Int32]
    /// The value of each slot.
    var slotValues: [Value]
    /// The slots in the output's column order: the list's order, or the values sorted as `sort by` sorts.
    var columnOrder: [Int]
}

extension Pivoter {
    /// Each selected row's group and slot.
    func cells(_ plan: PivotPlan, _ check: CancellationCheck) throws -> PivotCells {
        let (groupOf, firstRows, groupCount) = try groups(plan.keys, check)
        let (slotOf, slotValues) = try slots(plan.column, listed: plan.values, check)
        let columnOrder = plan.values != nil ? Array(slotValues.indices)
            : slotValues.indices.sorted { Value.sortOrder(slotValues[$0], slotValues[$1]) < 0 }
        return PivotCells(groupOf: groupOf, firstRows: firstRows, groupCount: groupCount, slotOf: slotOf,
                          slotValues: slotValues, columnOrder: columnOrder)
    }

    /// Groups by the key columns: by a table of codes when they are dictionary-coded text with few
    /// combinations, else by hashing each row's key values (equal numbers of any type are one group).
    private func groups(_ keys: [Int], _ check: CancellationCheck) throws -> ([Int32], [Int32], Int) {
        let columns = keys.map { relation.table.columns[$0] }
        var groupOf = [Int32](repeating: 0, count: relation.count)
        guard !keys.isEmpty else { return (groupOf, [], 1) }
        var firstRows: [Int32] = []
        var position = 0
        if let coded = CodedKeys(columns, rows: relation.count) {
            var groupOfCombination = [Int32](repeating: -1, count: coded.combinations)
            try relation.forEachRow { row in
                try check.at(position)
                let combination = coded.combination(at: row)
                if groupOfCombination[combination] < 0 {
                    groupOfCombination[combination] = Int32(firstRows.count)
                    firstRows.append(Int32(row))
                }
                groupOf[position] = groupOfCombination[combination]
                position += 1
            }
            return (groupOf, firstRows, firstRows.count)
        }
        var groupOfKey: [[Value]: Int32] = [:]
        try relation.forEachRow { row in
            try check.at(position)
            let key = columns.map { $0[row].normalizedForDistinct }
            if let group = groupOfKey[key] {
                groupOf[position] = group
            } else {
                groupOf[position] = Int32(firstRows.count)
                groupOfKey[key] = Int32(firstRows.count)
                firstRows.append(Int32(row))
            }
            position += 1
        }
        return (groupOf, firstRows, firstRows.count)
    }

    /// Each row's slot: the index of its value in `listed`, or with no list a slot per distinct
    /// non-null value in order of first appearance; a dictionary-coded column is looked up per code.
    private func slots(_ column: Int, listed: [Value]?, _ check: CancellationCheck) throws -> ([Int32], [Value]) {
        var slotOfValue: [Value: Int32] = [:]
        var values = listed ?? []
        for (index, value) in values.enumerated() where slotOfValue[value.normalizedForDistinct] == nil {
            slotOfValue[value.normalizedForDistinct] = Int32(index)
        }
        /// The slot of a non-null value, adding one for a new value when there is no list.
        func slot(_ value: Value) -> Int32 {
            if let slot = slotOfValue[value.normalizedForDistinct] { return slot }
            guard listed == nil else { return -1 }
            values.append(value)
            slotOfValue[value.normalizedForDistinct] = Int32(values.count - 1)
            return Int32(values.count - 1)
        }
        var slotOf = [Int32](repeating: -1, count: relation.count)
        var position = 0
        let storage = relation.table.columns[column]
        if case .string(let codes, let dictionary) = storage.storage {
            var slotOfCode = [Int32?](repeating: nil, count: dictionary.values.count)   // nil: not looked up yet
            try relation.forEachRow { row in
                try check.at(position)
                let code = Int(codes[row])
                if code >= 0 {
                    if slotOfCode[code] == nil { slotOfCode[code] = slot(.string(dictionary.values[code])) }
                    slotOf[position] = slotOfCode[code]!
                }
                position += 1
            }
        } else {
            try relation.forEachRow { row in
                try check.at(position)
                let value = storage[row]
                if !value.isNull { slotOf[position] = slot(value) }
                position += 1
            }
        }
        return (slotOf, values)
    }
}

/// Dictionary-coded text key columns whose combinations of codes (null as one more) are few enough to
/// number in a table: a row's combination is its codes in mixed radix.
private struct CodedKeys {
    let codes: [[Int32]]
    /// The place value of each column's code.
    let strides: [Int]
    let combinations: Int

    init?(_ columns: [Column], rows: Int) {
        var codes: [[Int32]] = [], strides: [Int] = [], combinations = 1
        for column in columns {
            guard case .string(let columnCodes, let dictionary) = column.storage else { return nil }
            let (product, overflow) = combinations.multipliedReportingOverflow(by: dictionary.values.count + 1)
            guard !overflow, product <= max(1 << 16, 2 * rows) else { return nil }
            codes.append(columnCodes)
            strides.append(combinations)
            combinations = product
        }
        (self.codes, self.strides, self.combinations) = (codes, strides, combinations)
    }

    @inline(__always)
    func combination(at row: Int) -> Int {
        var combination = 0
        for index in codes.indices { combination += (Int(codes[index][row]) + 1) * strides[index] }
        return combination
    }
}
