// `sort by`: a stable sort of the selection on one or more keys, nulls last in either direction.
// Followed by `limit`, only the first rows are kept, through a bounded heap instead of a full sort.

struct Sorter {
    let relation: Relation
    let compiler: ExpressionCompiler
    var cancellation: CancellationToken? = nil
    /// Where the sort is written, for a cancellation's error.
    var range: SourceRange? = nil

    /// How one key reads a row: raw pointers into the columns, so comparing costs no reference counting.
    /// Integer, date and dictionary-coded string columns are read in place; other keys are computed once
    /// per selected row into `values` (indexed by row).
    enum KeyAccess {
        case integers(UnsafeBufferPointer<Int64>, nulls: UnsafeBufferPointer<Bool>)
        case days(UnsafeBufferPointer<Int32>, nulls: UnsafeBufferPointer<Bool>)
        case codes(UnsafeBufferPointer<Int32>, ranks: UnsafeBufferPointer<Int32>)
        case values(UnsafeBufferPointer<Value>)
    }

    /// What a key needs kept alive while sorting.
    enum KeySource {
        case column(Column)
        case ranked(codes: [Int32], ranks: [Int32])
        case computed([Value])
    }

    /// The selected rows in order; with `limit`, only the first `limit` of them.
    func sorted(by keys: [(BoundExpression, descending: Bool)], limit: Int? = nil) throws -> [Int32] {
        let rows = relation.rows
        let sources = try keys.map { try source(for: $0.0, rows) }
        let descending = keys.map(\.descending)
        let cancellation = self.cancellation, range = self.range
        var comparisons = 0
        return try rows.withUnsafeBufferPointer { rowAt in
            try withAccess(sources) { access -> [Int32] in
                // Ties are broken by position in the input, which keeps the sort stable and deterministic.
                // Every 64K comparisons (well under a millisecond) it looks whether it has been cancelled.
                let precedes = { (a: Int32, b: Int32) throws(Diagnostic) -> Bool in
                    comparisons &+= 1
                    if comparisons & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
                    let x = Int(rowAt[Int(a)]), y = Int(rowAt[Int(b)])
                    for index in access.indices {
                        let c = Self.compare(access[index], x, y, descending: descending[index])
                        if c != 0 { return c < 0 }
                    }
                    return a < b
                }
                let positions = limit.map { $0 < rows.count / 8 } == true
                    ? try Self.smallest(limit!, of: rows.count, by: precedes)
                    : try Array(0..<Int32(rows.count)).sorted(by: precedes)
                return positions.map { rowAt[Int($0)] }
            }
        }
    }

    func source(for expression: BoundExpression, _ rows: [Int32]) throws -> KeySource {
        if case .column(let c) = expression.kind {
            let column = relation.table.columns[c]
            switch column.storage {
            case .integer, .date: return .column(column)
            case .string(let codes, let dictionary): return .ranked(codes: codes, ranks: dictionary.sortRanks())
            default: break
            }
        }
        let f = compiler.compile(expression)
        var values = [Value](repeating: .null, count: relation.table.rowCount)
        for row in rows { values[Int(row)] = try f(Int(row)) }
        return .computed(values)
    }

    /// Calls `body` with every key's access, nesting the pointer scopes one key at a time.
    func withAccess<R>(_ sources: [KeySource], _ collected: [KeyAccess] = [], _ body: ([KeyAccess]) throws -> R) throws -> R {
        guard collected.count < sources.count else { return try body(collected) }
        func next(_ access: KeyAccess) throws -> R { try withAccess(sources, collected + [access], body) }
        switch sources[collected.count] {
        case .column(let column):
            switch column.storage {
            case .integer(let values, let nulls):
                return try values.withUnsafeBufferPointer { v in try nulls.withUnsafeBufferPointer { n in try next(.integers(v, nulls: n)) } }
            case .date(let days, let nulls):
                return try days.withUnsafeBufferPointer { v in try nulls.withUnsafeBufferPointer { n in try next(.days(v, nulls: n)) } }
            default:
                preconditionFailure("only integer and date columns are read in place")
            }
        case .ranked(let codes, let ranks):
            return try codes.withUnsafeBufferPointer { c in try ranks.withUnsafeBufferPointer { r in try next(.codes(c, ranks: r)) } }
        case .computed(let values):
            return try values.withUnsafeBufferPointer { try next(.values($0)) }
        }
    }

    /// Negative, zero or positive for rows `a` and `b`; nulls last whatever the direction.
    @inline(__always)
    static func compare(_ key: KeyAccess, _ a: Int, _ b: Int, descending: Bool) -> Int {
        let c: Int
        switch key {
        case .integers(let v, let nulls):
            if !nulls.isEmpty, nulls[a] || nulls[b] { return nulls[a] == nulls[b] ? 0 : (nulls[a] ? 1 : -1) }
            c = v[a] < v[b] ? -1 : (v[a] == v[b] ? 0 : 1)
        case .days(let v, let nulls):
            if !nulls.isEmpty, nulls[a] || nulls[b] { return nulls[a] == nulls[b] ? 0 : (nulls[a] ? 1 : -1) }
            c = v[a] < v[b] ? -1 : (v[a] == v[b] ? 0 : 1)
        case .codes(let codes, let ranks):
            let x = codes[a], y = codes[b]
            if x < 0 || y < 0 { return x == y ? 0 : (x < 0 ? 1 : -1) }
            let rx = ranks[Int(x)], ry = ranks[Int(y)]
            c = rx < ry ? -1 : (rx == ry ? 0 : 1)
        case .values(let values):
            let x = values[a], y = values[b]
            if x.isNull || y.isNull { return Value.sortOrder(x, y) }
            c = Value.sortOrder(x, y)
        }
        return descending ? -c : c
    }

    /// The `k` first positions of `0..<count` under `precedes`, in order: a max-heap of the best so far.
    static func smallest(_ k: Int, of count: Int, by precedes: (Int32, Int32) throws -> Bool) rethrows -> [Int32] {
        guard k > 0 else { return [] }
        var heap: [Int32] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) throws {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count, try precedes(heap[worst], heap[l]) { worst = l }
                if r < heap.count, try precedes(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        for position in 0..<Int32(count) {
            if heap.count < k {
                heap.append(position)
                var i = heap.count - 1
                while i > 0, try precedes(heap[(i - 1) / 2], heap[i]) { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
            } else if try precedes(position, heap[0]) {
                heap[0] = position
                try siftDown(0)
            }
        }
        return try heap.sorted(by: precedes)
    }
}
