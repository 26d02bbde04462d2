// Sort keys made once per selected row as unsigned words in the keys' order, so that `sort by`, `top`
// and window orders compare plain integers instead of calling a comparator on boxed values.

/// Looks at a cancellation token every 64K rows of a loop (well under a millisecond of work).
struct CancellationCheck {
    let token: CancellationToken?
    /// Where the stage is written, for the error.
    let range: SourceRange?

    /// Throws "query cancelled" when `index` is a multiple of 64K and the token is set.
    @inline(__always)
    func at(_ index: Int) throws(Diagnostic) {
        if index & 0xFFFF == 0, token?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
    }
}

/// The keys of the selected rows as lanes of words: comparing two positions' words lane by lane, as
/// unsigned numbers, orders them as `sort by` does (each key in its direction, nulls last in either
/// direction, numbers by value whatever their type, strings by code point). A key takes one lane,
/// two when its nulls need a lane of their own, and none when every row holds the same value.
struct SortKeys {
    /// `lanes[l][p]`: lane `l` of the row at position `p` of the selection.
    private(set) var lanes: [[UInt64]] = []
    /// The key each lane comes from.
    private(set) var keyOfLane: [Int] = []
    /// The number of positions.
    let count: Int

    init(_ relation: Relation, keys: [(BoundExpression, descending: Bool)], compiler: ExpressionCompiler,
         check: CancellationCheck) throws {
        let rows = relation.rows
        count = rows.count
        for (index, (expression, descending)) in keys.enumerated() {
            let encoded: [[UInt64]]
            if case .column(let c) = expression.kind {
                encoded = try Self.lanes(relation.table.columns[c], rows: rows, descending: descending, check: check)
            } else {
                encoded = try Self.lanes(computing: compiler.compile(expression), rows: rows, descending: descending, check: check)
            }
            lanes += encoded
            keyOfLane += encoded.map { _ in index }
        }
    }

    /// A column's lanes at `rows`: typed storage is read in place; text, lists and decimals whose
    /// units do not fit one scale are ranked by comparing their values.
    private static func lanes(_ column: Column, rows: [Int32], descending: Bool, check: CancellationCheck) throws -> [[UInt64]] {
        switch column.storage {
        case .null:
            return []
        case .integer(let values, let nulls):
            return try integerLanes(rows.count, descending, check) { p in
                let row = Int(rows[p])
                return !nulls.isEmpty && nulls[row] ? nil : values[row]
            }
        case .date(let days, let nulls):
            return try integerLanes(rows.count, descending, check) { p in
                let row = Int(rows[p])
                return !nulls.isEmpty && nulls[row] ? nil : Int64(days[row])
            }
        case .boolean(let flags):
            return try integerLanes(rows.count, descending, check) { p in
                let flag = flags[Int(rows[p])]
                return flag == 2 ? nil : Int64(flag)
            }
        case .string(let codes, let dictionary):
            let ranks = dictionary.sortRanks()
            return try integerLanes(rows.count, descending, check) { p in
                let code = codes[Int(rows[p])]
                return code < 0 ? nil : Int64(ranks[Int(code)])
            }
        case .decimal(let units, let scales, let nulls):
            if let scaled = try commonScaleUnits(units, scales, nulls, rows: rows, check: check) {
                return try integerLanes(rows.count, descending, check) { scaled[$0] }
            }
        case .float(let values, let nulls):
            if !rows.contains(where: { values[Int($0)].isNaN && (nulls.isEmpty || !nulls[Int($0)]) }) {
                return try integerLanes(rows.count, descending, check) { p in
                    let row = Int(rows[p])
                    return !nulls.isEmpty && nulls[row] ? nil : orderedBits(values[row])
                }
            }
        case .text, .list:
            break
        }
        return try rankLanes(rows.map { column[Int($0)] }, descending: descending, check: check)
    }

    /// The lanes of an expression computed at each row: values all of one kind become a typed column
    /// (strings a dictionary, so they are ranked once per distinct string); mixed kinds are ranked.
    private static func lanes(computing f: RowFunction, rows: [Int32], descending: Bool, check: CancellationCheck) throws -> [[UInt64]] {
        var values: [Value] = []
        values.reserveCapacity(rows.count)
        var kinds = Set<ValueType>()
        for (position, row) in rows.enumerated() {
            try check.at(position)
            let value = try f(Int(row))
            values.append(value)
            if !value.isNull { kinds.insert(value.type) }
        }
        let type: ValueType? = kinds.count <= 1 ? kinds.first ?? .null : kinds == [.integer, .decimal] ? .decimal : nil
        guard let type, !type.isList else { return try rankLanes(values, descending: descending, check: check) }
        let column = Column(type: type, values: values)
        return try lanes(column, rows: Array(0..<Int32(values.count)), descending: descending, check: check)
    }

    /// Values ranked by ``Value/sortOrder(_:_:)`` (equal values share a rank), for keys with no typed reading.
    private static func rankLanes(_ values: [Value], descending: Bool, check: CancellationCheck) throws -> [[UInt64]] {
        var comparisons = 0
        let order = try values.indices.sorted { (a: Int, b: Int) throws(Diagnostic) -> Bool in
            comparisons &+= 1
            try check.at(comparisons)
            return Value.sortOrder(values[a], values[b]) < 0
        }
        var ranks = [Int64](repeating: 0, count: values.count)
        var rank: Int64 = 0
        for (index, position) in order.enumerated() {
            if index > 0 && Value.sortOrder(values[order[index - 1]], values[position]) != 0 { rank += 1 }
            ranks[position] = rank
        }
        return try integerLanes(values.count, descending, check) { values[$0].isNull ? nil : ranks[$0] }
    }

    /// Decimal units at the largest scale of the selected rows, by position; `nil` when one does not fit 64 bits.
    private static func commonScaleUnits(_ units: [Int64], _ scales: DecimalScales, _ nulls: [Bool], rows: [Int32],
                                         check: CancellationCheck) throws -> [Int64?]? {
        var scale = scales.uniform
        if !scales.perRow.isEmpty { scale = rows.lazy.map { Int(scales.perRow[Int($0)]) }.max() ?? 0 }
        var scaled = [Int64?](repeating: nil, count: rows.count)
        for (position, row) in rows.lazy.map({ Int($0) }).enumerated() {
            try check.at(position)
            if !nulls.isEmpty && nulls[row] { continue }
            let wide = ExactDecimal.powersOfTen[scale - scales[row]].multipliedReportingOverflow(by: Int128(units[row]))
            guard !wide.overflow, let narrow = Int64(exactly: wide.partialValue) else { return nil }
            scaled[position] = narrow
        }
        return scaled
    }

    /// A float as a signed integer in the same order (-0 as 0; no NaN).
    @inline(__always)
    private static func orderedBits(_ d: Double) -> Int64 {
        let bits = (d == 0 ? 0.0 : d).bitPattern
        let ordered = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        return Int64(bitPattern: ordered ^ (1 << 63))
    }

    /// The lanes of `count` integers read by position (`nil` for null): one lane of each value's distance
    /// from the smallest (from the largest when descending) with nulls as the largest word; two lanes,
    /// nulls then values, when the values span the whole 64 bits and some are null.
    private static func integerLanes(_ count: Int, _ descending: Bool, _ check: CancellationCheck,
                                     _ read: (Int) -> Int64?) throws -> [[UInt64]] {
        var low = Int64.max, high = Int64.min, hasNull = false
        for position in 0..<count {
            try check.at(position)
            guard let v = read(position) else { hasNull = true; continue }
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high, low < high || hasNull else { return [] }   // one value for every row: no order
        let roomForNull = UInt64(bitPattern: high &- low) < UInt64.max
        var values = [UInt64](repeating: 0, count: count)
        var nullLane = roomForNull || !hasNull ? [] : [UInt64](repeating: 0, count: count)
        for position in 0..<count {
            try check.at(position)
            guard let v = read(position) else {
                if roomForNull { values[position] = .max } else { nullLane[position] = 1 }
                continue
            }
            values[position] = UInt64(bitPattern: descending ? high &- v : v &- low)
        }
        return nullLane.isEmpty ? [values] : [nullLane, values]
    }
}
