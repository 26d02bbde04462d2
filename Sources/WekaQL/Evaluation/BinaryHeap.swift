// The one sift-down of the binary heaps that keep a sort's best rows (SortKeys, the direct heap) and merge
// spilled runs (ExternalSort).

/// Restores the heap `heap` after its top element was replaced. `above(a, b)` says that `a` belongs nearer
/// the top than `b`: for a heap of the k best rows, the worst is on top; for a merge, the least.
func siftDownFromTop<Element>(_ heap: inout [Element], above: (Element, Element) -> Bool) {
    var i = 0
    while true {
        let l = 2 * i + 1, r = l + 1
        var top = i
        if l < heap.count, above(heap[l], heap[top]) { top = l }
        if r < heap.count, above(heap[r], heap[top]) { top = r }
        if top == i { return }
        heap.swapAt(i, top)
        i = top
    }
}
