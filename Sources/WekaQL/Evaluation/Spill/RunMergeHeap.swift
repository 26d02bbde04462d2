// The heap of sorted runs that a merge takes its next row from: ExternalSort's runs (boxed keys) and
// SortRuns' (typed key cells) differ only in how two runs' current rows compare.

/// A run being merged, as the heap sees it: the row at its head, compared with another run's.
protocol MergeHead {
    /// Negative when `a`'s head row comes before `b`'s in the order the keys' `descending` give, 0 when tied.
    static func compare(_ a: Self, _ b: Self, descending: [Bool]) -> Int
}

/// A min-heap of runs by their head's key, ties to the earlier run (so the merge is stable).
struct RunMergeHeap<Head: MergeHead> {
    var heads: [Head]
    /// Indexes into `heads`, as a heap.
    private var order: [Int]
    let descending: [Bool]

    init(heads: [Head], descending: [Bool]) {
        self.heads = heads
        self.descending = descending
        order = []
        var runs: [Int] = []   // built apart, so that `precedes` may read self
        for index in self.heads.indices { pushOntoHeap(&runs, index, above: precedes) }
        order = runs
    }

    /// The run whose head comes first; `nil` once every run is done.
    var top: Int? { order.first }

    private func precedes(_ a: Int, _ b: Int) -> Bool {
        let c = Head.compare(heads[a], heads[b], descending: descending)
        return c < 0 || (c == 0 && a < b)
    }

    /// Drops the top run, which is done.
    mutating func popTop() {
        var runs = order   // moved out, so that `precedes` may read self while the heap changes
        order = []
        popHeapTop(&runs, above: precedes)
        order = runs
    }

    /// Restores the heap after its top run's head moved on.
    mutating func siftDown() {
        var runs = order   // moved out, so that `precedes` may read self while the heap changes
        order = []
        siftDownFromTop(&runs, above: precedes)
        order = runs
    }
}
