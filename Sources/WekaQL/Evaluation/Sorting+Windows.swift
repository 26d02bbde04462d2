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
