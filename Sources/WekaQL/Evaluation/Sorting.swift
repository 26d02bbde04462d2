// `sort by`: a stable sort of the selection on one or more keys; nulls last in either direction.

struct Sorter {
    let relation: Relation
    let compiler: ExpressionCompiler

    /// One key's values for each selected row, by position in the selection.
    private enum Key {
        /// Code-point ranks of strings; -1 for null.
        case ranks([Int32])
        /// Integers without nulls.
        case integers([Int64])
        /// Anything else.
        case values([Value])
    }

    func sorted(by keys: [(BoundExpression, descending: Bool)]) throws -> [Int32] {
        let rows = relation.rows
        let prepared = try keys.map { (try prepare($0.0, rows), $0.descending) }
        // Merge sort is stable, so ties keep their input order and the output is deterministic.
        let positions = mergeSorted(Array(0..<Int32(rows.count))) { a, b in
            for (key, descending) in prepared {
                let c = Self.compare(key, Int(a), Int(b), descending: descending)
                if c != 0 { return c < 0 }
            }
            return false
        }
        return positions.map { rows[Int($0)] }
    }

    private func prepare(_ expression: BoundExpression, _ rows: [Int32]) throws -> Key {
        if case .column(let c) = expression.kind {
            switch relation.table.columns[c].storage {
            case .string(let codes, let dictionary):
                let ranks = dictionary.sortRanks()
                return .ranks(rows.map { codes[Int($0)] < 0 ? -1 : ranks[Int(codes[Int($0)])] })
            case .integer(let values, let nulls) where nulls.isEmpty:
                return .integers(rows.map { values[Int($0)] })
            default: break
            }
        }
        let f = compiler.compile(expression)
        return .values(try rows.map { try f(Int($0)) })
    }

    /// Negative, zero or positive; nulls last whatever the direction.
    private static func compare(_ key: Key, _ a: Int, _ b: Int, descending: Bool) -> Int {
        let c: Int
        switch key {
        case .ranks(let ranks):
            let x = ranks[a], y = ranks[b]
            if x < 0 || y < 0 { return x < 0 ? (y < 0 ? 0 : 1) : -1 }
            c = x < y ? -1 : (x == y ? 0 : 1)
        case .integers(let values):
            c = values[a] < values[b] ? -1 : (values[a] == values[b] ? 0 : 1)
        case .values(let values):
            let x = values[a], y = values[b]
            if x.isNull || y.isNull { return Value.sortOrder(x, y) }
            c = Value.sortOrder(x, y)
        }
        return descending ? -c : c
    }
}

/// A stable merge sort (the standard library's sort is not guaranteed stable).
func mergeSorted<T>(_ items: [T], by areInIncreasingOrder: (T, T) -> Bool) -> [T] {
    if items.count < 2 { return items }
    var source = items
    var target = items
    var width = 1
    while width < source.count {
        var start = 0
        while start < source.count {
            let middle = min(start + width, source.count), end = min(start + 2 * width, source.count)
            var i = start, j = middle, k = start
            while i < middle && j < end {
                if areInIncreasingOrder(source[j], source[i]) { target[k] = source[j]; j += 1 }
                else { target[k] = source[i]; i += 1 }
                k += 1
            }
            while i < middle { target[k] = source[i]; i += 1; k += 1 }
            while j < end { target[k] = source[j]; j += 1; k += 1 }
            start = end
        }
        swap(&source, &target)
        width *= 2
    }
    return source
}
