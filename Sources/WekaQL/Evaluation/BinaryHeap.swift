// The one sift-down and sift-up of the binary heaps that keep a sort's best rows (SortKeys, the direct heap)
// and merge sorted runs (RunMergeHeap, for ExternalSort and SortRuns).

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

/// Adds `element` to the heap `heap` and sifts it up to its place; `above` as for ``siftDownFromTop(_:above:)``.
func pushOntoHeap<Element>(_ heap: inout [Element], _ element: Element, above: (Element, Element) -> Bool) {
    heap.append(element)
    var i = heap.count - 1
    while i > 0, above(heap[i], heap[(i - 1) / 2]) {
        heap.swapAt(i, (i - 1) / 2)
        i = (i - 1) / 2
    }
}

/// Removes the top of the heap `heap` and restores it.
func popHeapTop<Element>(_ heap: inout [Element], above: (Element, Element) -> Bool) {
    heap[0] = heap[heap.count - 1]
    heap.removeLast()
    if !heap.isEmpty { siftDownFromTop(&heap, above: above) }
}
