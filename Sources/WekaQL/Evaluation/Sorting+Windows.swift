// The order of a window: the selected rows sorted by partition keys then order keys (once per distinct
// window), with where each partition and each group of peers (rows equal on the order keys) starts.

/// The rows of one window specification, in window order.
struct WindowOrder {
    /// Row indexes of the table, partition after partition, each in its `sort by` order (input order
    /// among equal rows).
    var rows: [Int32]
    /// For each position of `rows`: ``partitionStart``, ``peerStart`` (a new value of the order keys in
    /// the same partition), or 0.
    var starts: [UInt8]

    static let partitionStart: UInt8 = 2
    static let peerStart: UInt8 = 1
}

extension Sorter {
    /// The selected rows ordered for a window; without keys, the selection as it is, one partition of peers.
    func windowOrder(partition: [BoundExpression], order: [(BoundExpression, descending: Bool)]) throws -> WindowOrder {
        let keys = partition.map { ($0, descending: false) } + order
        if let fast = packedOrder(keys, partitionKeys: partition.count) { return fast }
        let rows = keys.isEmpty ? relation.rows : try sorted(by: keys)
        var starts = [UInt8](repeating: 0, count: rows.count)
        guard !rows.isEmpty else { return WindowOrder(rows: rows, starts: starts) }
        starts[0] = WindowOrder.partitionStart
        guard !keys.isEmpty else { return WindowOrder(rows: rows, starts: starts) }
        let sources = try keys.map { try source(for: $0.0, rows) }
        let descending = keys.map(\.descending)
        let partitionKeys = partition.count
        let cancellation = self.cancellation, range = self.range
        try withAccess(sources) { access in
            for position in 1..<rows.count {
                if position & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
                let a = Int(rows[position - 1]), b = Int(rows[position])
                for key in access.indices where Self.compare(access[key], a, b, descending: descending[key]) != 0 {
                    starts[position] = key < partitionKeys ? WindowOrder.partitionStart : WindowOrder.peerStart
                    break
                }
            }
        }
        return WindowOrder(rows: rows, starts: starts)
    }
}

/// A row's place under at most two keys, each an integer, a date or a dictionary-coded string column,
/// packed so that sorting needs no key lookups: each key as an unsigned number in its order (a null
/// flag first, so nulls come last in either direction), then the row's position (ties in input order).
private struct PackedKey: Comparable {
    var nulls: UInt8   // bit 1: the first key is null; bit 0: the second
    var first: UInt64
    var second: UInt64
    var position: Int32

    static func < (a: PackedKey, b: PackedKey) -> Bool {
        let (n, m) = (a.nulls >> 1, b.nulls >> 1)
        if n != m { return n < m }
        if a.first != b.first { return a.first < b.first }
        let (p, q) = (a.nulls & 1, b.nulls & 1)
        if p != q { return p < q }
        if a.second != b.second { return a.second < b.second }
        return a.position < b.position
    }

    func sameFirst(_ other: PackedKey) -> Bool { nulls >> 1 == other.nulls >> 1 && first == other.first }
    func sameSecond(_ other: PackedKey) -> Bool { nulls & 1 == other.nulls & 1 && second == other.second }
}

extension Sorter {
    /// The window order by a sort of packed keys, for one or two keys that are integer, date or
    /// dictionary-coded string columns (the common `by FIELD sort by FIELD`); `nil` for other keys.
    fileprivate func packedOrder(_ keys: [(BoundExpression, descending: Bool)], partitionKeys: Int) -> WindowOrder? {
        guard (1...2).contains(keys.count) else { return nil }
        var readers: [(Int) -> (isNull: Bool, value: UInt64)] = []
        for (expression, descending) in keys {
            guard case .column(let c) = expression.kind else { return nil }
            let flip: (UInt64) -> UInt64 = descending ? { ~$0 } : { $0 }
            switch relation.table.columns[c].storage {
            case .integer(let values, let nulls):
                readers.append { row in (!nulls.isEmpty && nulls[row], flip(UInt64(bitPattern: values[row]) ^ (1 << 63))) }
            case .date(let days, let nulls):
                readers.append { row in (!nulls.isEmpty && nulls[row], flip(UInt64(bitPattern: Int64(days[row])) ^ (1 << 63))) }
            case .string(let codes, let dictionary):
                let ranks = dictionary.sortRanks()
                readers.append { row in codes[row] < 0 ? (true, 0) : (false, flip(UInt64(ranks[Int(codes[row])]))) }
            default:
                return nil
            }
        }
        var packed: [PackedKey] = []
        packed.reserveCapacity(relation.count)
        var position: Int32 = 0
        relation.forEachRow { row in
            let a = readers[0](row)
            let b = readers.count > 1 ? readers[1](row) : (isNull: false, value: 0)
            packed.append(PackedKey(nulls: (a.isNull ? 2 : 0) | (b.isNull ? 1 : 0), first: a.isNull ? 0 : a.value,
                                    second: b.isNull ? 0 : b.value, position: position))
            position += 1
        }
        packed.sort()
        let selected = relation.rows
        var rows = [Int32](repeating: 0, count: packed.count)
        var starts = [UInt8](repeating: 0, count: packed.count)
        for index in packed.indices {
            rows[index] = selected[Int(packed[index].position)]
            guard index > 0 else { starts[0] = WindowOrder.partitionStart; continue }
            let (a, b) = (packed[index - 1], packed[index])
            if !a.sameFirst(b) {
                starts[index] = partitionKeys >= 1 ? WindowOrder.partitionStart : WindowOrder.peerStart
            } else if !a.sameSecond(b) {
                starts[index] = partitionKeys == 2 ? WindowOrder.partitionStart : WindowOrder.peerStart
            }
        }
        return WindowOrder(rows: rows, starts: starts)
    }
}
