// The first rows of a `sort … limit` / `top` read straight from the key columns: a bounded max-heap of the
// best rows so far, where most rows cost one read and one comparison with the heap's worst. Only the rows
// that beat it have their keys copied into the heap; no key is built for the others (SortKeys builds and
// packs every row's keys, which costs more than the heap saves when the limit is small).

/// One sort key read from a typed column: each value as an unsigned word in the key's direction, nulls apart.
private struct DirectKey {
    enum Storage {
        case integers([Int64], nulls: [Bool])
        case days([Int32], nulls: [Bool])
        case flags([UInt8])
        /// Dictionary codes and each code's rank by code point.
        case ranks([Int32], ranks: [Int32])
    }

    let storage: Storage
    let descending: Bool

    /// A typed column's key, or `nil` for storage read only through values (text, decimals, floats, lists).
    init?(_ column: Column, descending: Bool) {
        switch column.storage {
        case .integer(let values, let nulls): storage = .integers(values, nulls: nulls)
        case .date(let days, let nulls): storage = .days(days, nulls: nulls)
        case .boolean(let flags): storage = .flags(flags)
        case .string(let codes, let dictionary): storage = .ranks(codes, ranks: dictionary.sortRanks())
        default: return nil
        }
        self.descending = descending
    }

    /// Row `row`'s word (ordered as the key orders values), or `nil` for null.
    @inline(__always)
    func word(_ row: Int) -> UInt64? {
        let ascending: UInt64
        switch storage {
        case .integers(let values, let nulls):
            if !nulls.isEmpty && nulls[row] { return nil }
            ascending = UInt64(bitPattern: values[row]) ^ (1 << 63)
        case .days(let days, let nulls):
            if !nulls.isEmpty && nulls[row] { return nil }
            ascending = UInt64(bitPattern: Int64(days[row])) ^ (1 << 63)
        case .flags(let flags):
            if flags[row] == 2 { return nil }
            ascending = UInt64(flags[row])
        case .ranks(let codes, let ranks):
            if codes[row] < 0 { return nil }
            ascending = UInt64(ranks[Int(codes[row])])
        }
        return descending ? ~ascending : ascending
    }
}

/// The first rows under sort keys that are all typed columns, found by a heap over the columns themselves.
struct DirectTopRows {
    private let keys: [DirectKey]

    /// `nil` unless every key is a column with typed storage (a column of nulls only orders nothing and is left out).
    init?(_ relation: Relation, keys: [(BoundExpression, descending: Bool)]) {
        var direct: [DirectKey] = []
        for (expression, descending) in keys {
            guard case .column(let c) = expression.kind else { return nil }
            let column = relation.table.columns[c]
            if case .null = column.storage { continue }
            guard let key = DirectKey(column, descending: descending) else { return nil }
            direct.append(key)
        }
        guard direct.count <= UInt64.bitWidth else { return nil }
        self.keys = direct
    }

    /// The first `k` positions of `rows` in key order, nulls last in either direction, ties in position order.
    func first(_ k: Int, of rows: [Int32], _ check: CancellationCheck) throws(Diagnostic) -> [Int32] {
        guard k > 0 else { return [] }
        var heap = KeyHeap(keys: keys.count, capacity: Swift.min(k, rows.count))
        for position in rows.indices {
            try check.at(position)
            let row = Int(rows[position])
            if heap.count < k {
                heap.push(Int32(position)) { keys[$0].word(row) }
            } else if beatsWorst(row, heap) {
                heap.replaceWorst(Int32(position)) { keys[$0].word(row) }
            }
        }
        return heap.ordered()
    }

    /// Whether the row comes before the heap's worst: read key by key, only until one differs. A tie
    /// keeps the heap's row, which came earlier.
    @inline(__always)
    private func beatsWorst(_ row: Int, _ heap: KeyHeap) -> Bool {
        for index in keys.indices {
            let order = heap.compareWorst(key: index, with: keys[index].word(row))
            if order != 0 { return order > 0 }
        }
        return false
    }
}

/// A max-heap of rows by their copied key words (slots hold the words; the heap orders slots).
private struct KeyHeap {
    let width: Int
    private var heap: [Int32] = []
    private var positions: [Int32] = []
    private var words: [UInt64] = []
    private var nulls: [UInt64] = []

    init(keys: Int, capacity: Int) {
        width = keys
        heap.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
        words.reserveCapacity(capacity * keys)
        nulls.reserveCapacity(capacity)
    }

    var count: Int { heap.count }

    mutating func push(_ position: Int32, _ word: (Int) -> UInt64?) {
        let slot = Int32(positions.count)
        positions.append(position)
        nulls.append(0)
        words.append(contentsOf: repeatElement(0, count: width))
        store(slot, word)
        heap.append(slot)
        var i = heap.count - 1
        while i > 0, precedes(heap[(i - 1) / 2], heap[i]) { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
    }

    mutating func replaceWorst(_ position: Int32, _ word: (Int) -> UInt64?) {
        let slot = heap[0]
        positions[Int(slot)] = position
        store(slot, word)
        siftDown()
    }

    private mutating func store(_ slot: Int32, _ word: (Int) -> UInt64?) {
        let base = Int(slot) * width
        var mask: UInt64 = 0
        for key in 0..<width {
            if let w = word(key) { words[base + key] = w } else { mask |= 1 << UInt64(key); words[base + key] = 0 }
        }
        nulls[Int(slot)] = mask
    }

    /// The worst row's key `key` against a word (`nil`: null): 1 when the word comes first, -1 after, 0 equal.
    @inline(__always)
    func compareWorst(key: Int, with word: UInt64?) -> Int {
        let slot = Int(heap[0])
        let worstIsNull = nulls[slot] >> UInt64(key) & 1 != 0
        guard let word else { return worstIsNull ? 0 : -1 }
        if worstIsNull { return 1 }
        let worst = words[slot * width + key]
        return word == worst ? 0 : word < worst ? 1 : -1
    }

    /// Whether slot `a`'s row comes before slot `b`'s: the first key that differs, nulls last, then the position.
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let (a, b) = (Int(a), Int(b))
        for key in 0..<width {
            let aNull = nulls[a] >> UInt64(key) & 1 != 0, bNull = nulls[b] >> UInt64(key) & 1 != 0
            if aNull != bNull { return bNull }
            if aNull { continue }
            let x = words[a * width + key], y = words[b * width + key]
            if x != y { return x < y }
        }
        return positions[a] < positions[b]
    }

    private mutating func siftDown() {
        var rows = heap   // moved out, so that `precedes` may read self while the heap changes
        heap = []
        siftDownFromTop(&rows) { precedes($1, $0) }   // the worst of the rows kept on top
        heap = rows
    }

    /// The positions held, first to last.
    func ordered() -> [Int32] {
        heap.sorted { precedes($0, $1) }.map { positions[Int($0)] }
    }
}
