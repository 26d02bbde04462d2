// Orders over ``SortKeys``: a whole sort by a least-significant-digit radix sort (stable, so ties stay in
// input order), the first rows by a bounded heap, and where adjacent rows stop agreeing (for windows).

extension SortKeys {
    /// Rows per stretch of a loop between looks at the cancellation token.
    private static let stretch = 1 << 16

    /// The positions `0..<count` in key order, equal keys in position order: a stable counting sort per
    /// byte, from the last word's lowest byte to the first word's highest, skipping the bytes in which
    /// every row agrees (a key of a few hundred values takes one pass). With them, the first word in
    /// that order, when it was sorted on (a window reads where its keys change from it).
    func orderedPositions(_ check: CancellationCheck) throws(Diagnostic) -> (positions: [Int32], firstWords: [UInt64]?) {
        var order = Array(0..<Int32(count))
        guard count > 1 else { return (order, nil) }
        var spareOrder = [Int32](repeating: 0, count: count)
        var keys = [UInt64](repeating: 0, count: count), spareKeys = keys
        var sortedOnFirst = false
        for (index, word) in words.enumerated().reversed() {
            let bytes = Self.varyingBytes(word)
            if bytes.isEmpty { continue }
            for start in stride(from: 0, to: count, by: Self.stretch) {
                try check.at(0)
                word.withUnsafeBufferPointer { word in
                    order.withUnsafeBufferPointer { order in
                        keys.withUnsafeMutableBufferPointer { keys in
                            for i in start..<min(start + Self.stretch, count) { keys[i] = word[Int(order[i])] }
                        }
                    }
                }
            }
            for byte in bytes {
                try Self.pass(shift: UInt64(8 * byte), keys: keys, order: order, into: &spareKeys, &spareOrder, check)
                swap(&keys, &spareKeys)
                swap(&order, &spareOrder)
            }
            sortedOnFirst = index == 0
        }
        return (order, sortedOnFirst ? keys : nil)
    }

    /// The bytes (0 the lowest) in which some row's word differs from the first row's.
    private static func varyingBytes(_ words: [UInt64]) -> [Int] {
        guard let first = words.first else { return [] }
        var differing: UInt64 = 0
        for word in words { differing |= word ^ first }
        return (0..<8).filter { differing >> (8 * UInt64($0)) & 0xFF != 0 }
    }

    /// One stable counting sort of `keys` (and `order` with them) on the byte at `shift`.
    private static func pass(shift: UInt64, keys: [UInt64], order: [Int32], into sortedKeys: inout [UInt64],
                             _ sortedOrder: inout [Int32], _ check: CancellationCheck) throws(Diagnostic) {
        var starts = [Int](repeating: 0, count: 256)
        for key in keys { starts[Int(truncatingIfNeeded: key >> shift) & 0xFF] += 1 }
        var total = 0
        for digit in 0..<256 { (starts[digit], total) = (total, total + starts[digit]) }
        for start in stride(from: 0, to: keys.count, by: stretch) {
            try check.at(0)
            keys.withUnsafeBufferPointer { keys in
                order.withUnsafeBufferPointer { order in
                    sortedKeys.withUnsafeMutableBufferPointer { sortedKeys in
                        sortedOrder.withUnsafeMutableBufferPointer { sortedOrder in
                            for i in start..<min(start + stretch, keys.count) {
                                let digit = Int(truncatingIfNeeded: keys[i] >> shift) & 0xFF
                                let at = starts[digit]
                                starts[digit] = at + 1
                                sortedKeys[at] = keys[i]
                                sortedOrder[at] = order[i]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Whether position `a` comes before `b`: the first word where they differ decides, then the position.
    @inline(__always)
    func precedes(_ a: Int32, _ b: Int32) -> Bool {
        for word in words {
            let x = word[Int(a)], y = word[Int(b)]
            if x != y { return x < y }
        }
        return a < b
    }

    /// The first `k` positions in key order: a max-heap of the best so far, which most rows leave at
    /// one comparison with its top.
    func smallest(_ k: Int, _ check: CancellationCheck) throws(Diagnostic) -> [Int32] {
        guard k > 0 else { return [] }
        var heap: [Int32] = []
        heap.reserveCapacity(Swift.min(k, count))
        for position in 0..<Int32(count) {
            try check.at(Int(position))
            if heap.count < k {
                heap.append(position)
                var i = heap.count - 1
                while i > 0, precedes(heap[(i - 1) / 2], heap[i]) { heap.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
            } else if precedes(position, heap[0]) {
                heap[0] = position
                siftDown(&heap)
            }
        }
        return heap.sorted { precedes($0, $1) }
    }

    /// Restores the max-heap after its top was replaced.
    private func siftDown(_ heap: inout [Int32]) {
        siftDownFromTop(&heap) { precedes($1, $0) }   // the worst of the rows kept on top
    }

    /// The first key on which positions `a` and `b` differ, or `nil` when they are equal on every key.
    func firstDifferingKey(_ a: Int32, _ b: Int32) -> Int? {
        for field in fields where (words[field.word][Int(a)] ^ words[field.word][Int(b)]) >> field.shift & field.mask != 0 {
            return field.key
        }
        return nil
    }

    /// The first key on which two rows with these first words differ, for keys that all sit in the first word.
    func firstDifferingKey(first a: UInt64, _ b: UInt64) -> Int? {
        for field in fields where (a ^ b) >> field.shift & field.mask != 0 { return field.key }
        return nil
    }
}
