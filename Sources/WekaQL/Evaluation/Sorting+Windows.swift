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
        let selected = relation.rows
        var starts = [UInt8](repeating: 0, count: selected.count)
        guard !selected.isEmpty else { return WindowOrder(rows: selected, starts: starts) }
        starts[0] = WindowOrder.partitionStart
        guard !keys.isEmpty else { return WindowOrder(rows: selected, starts: starts) }
        let check = CancellationCheck(token: cancellation, range: range)
        let sortKeys = try SortKeys(relation, keys: keys, compiler: compiler, check: check)
        let (positions, firstWords) = try sortKeys.orderedPositions(check)
        // With one word, its sorted copy says where the keys change, read in order rather than by position.
        let sortedWords = sortKeys.words.count == 1 ? firstWords : nil
        for index in 1..<positions.count {
            try check.at(index)
            let key = if let sortedWords {
                sortKeys.firstDifferingKey(first: sortedWords[index - 1], sortedWords[index])
            } else {
                sortKeys.firstDifferingKey(positions[index - 1], positions[index])
            }
            guard let key else { continue }
            starts[index] = key < partition.count ? WindowOrder.partitionStart : WindowOrder.peerStart
        }
        return WindowOrder(rows: positions.map { selected[Int($0)] }, starts: starts)
    }
}
