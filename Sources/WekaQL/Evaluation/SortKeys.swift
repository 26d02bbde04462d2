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

/// The keys of the selected rows as words: comparing two positions' words one after another, as
/// unsigned numbers, orders them as `sort by` does (each key in its direction, nulls last in either
/// direction, numbers by value whatever their type, strings by code point). Each key is first a lane of
/// offsets from its smallest value (two lanes when its nulls need one of their own; none when every row
/// holds the same value); then lanes are packed, in order, into as few 64-bit words as their widths allow
/// (`by country sort by arrested desc` is one word of 13 bits), so a sort moves one word per row.
struct SortKeys {
    /// `words[w][p]`: word `w` of the row at position `p` of the selection.
    private(set) var words: [[UInt64]] = []
    /// Where each lane sits, in key order: its word, its shift in it and its mask, and its key.
    private(set) var fields: [(word: Int, shift: UInt64, mask: UInt64, key: Int)] = []
    /// The number of positions.
    let count: Int

    init(_ relation: Relation, keys: [(BoundExpression, descending: Bool)], compiler: ExpressionCompiler,
         check: CancellationCheck) throws {
        let rows = relation.rows
        count = rows.count
        var lanes: [[UInt64]] = [], keyOfLane: [Int] = []
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
        try pack(lanes, keyOfLane, check)
    }

    /// Packs consecutive lanes into words while their bits fit in 64, the first lane highest.
    private mutating func pack(_ lanes: [[UInt64]], _ keyOfLane: [Int], _ check: CancellationCheck) throws(Diagnostic) {
        let bits = lanes.map { lane in max(1, UInt64.bitWidth - (lane.max() ?? 0).leadingZeroBitCount) }
        var groups: [[Int]] = []
        var used = UInt64.bitWidth
        for lane in lanes.indices {
            if used + bits[lane] > UInt64.bitWidth { groups.append([]); used = 0 }
            groups[groups.count - 1].append(lane)
            used += bits[lane]
        }
        for group in groups {
            var shift = group.reduce(0) { $0 + bits[$1] }
            var word = group.count == 1 ? lanes[group[0]] : [UInt64](repeating: 0, count: count)
            for lane in group {
                shift -= bits[lane]
                let mask: UInt64 = bits[lane] == UInt64.bitWidth ? .max : (1 << UInt64(bits[lane])) - 1
                fields.append((word: words.count, shift: UInt64(shift), mask: mask, key: keyOfLane[lane]))
                guard group.count > 1 else { continue }
                for position in 0..<count {
                    try check.at(position)
                    word[position] |= lanes[lane][position] << UInt64(shift)
                }
            }
            words.append(word)
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
    /// from the smallest (from the largest when descending), nulls one past the largest distance; two
    /// lanes, nulls then values, when the values span the whole 64 bits and some are null.
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
        let span = UInt64(bitPattern: high &- low), roomForNull = span < UInt64.max
        var values = [UInt64](repeating: 0, count: count)
        var nullLane = roomForNull || !hasNull ? [] : [UInt64](repeating: 0, count: count)
        for position in 0..<count {
            try check.at(position)
            guard let v = read(position) else {
                if roomForNull { values[position] = span + 1 } else { nullLane[position] = 1 }
                continue
            }
            values[position] = UInt64(bitPattern: descending ? high &- v : v &- low)
        }
        return nullLane.isEmpty ? [values] : [nullLane, values]
    }
}
