// Comparing two rows' key values one by one, in the order ``SortKeys`` packs into words: for merging
// runs that were each sorted by SortKeys (an external sort), where the rows of two runs share no words.

extension SortKeys {
    /// How `a` compares with `b` as a sort key (-1, 0, 1): nulls last in either direction, otherwise
    /// ``Value/sortOrder(_:_:)`` (numbers by value whatever their type, strings by code point), reversed
    /// when `descending` — the order the words of ``SortKeys`` encode.
    @inline(__always)
    static func compare(_ a: Value, _ b: Value, descending: Bool) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default:
            let order = Value.sortOrder(a, b)
            return descending ? -order : order
        }
    }

    /// How two rows' keys compare, the first key that differs deciding.
    static func compare(_ a: [Value], _ b: [Value], descending: [Bool]) -> Int {
        for index in a.indices {
            let order = compare(a[index], b[index], descending: descending[index])
            if order != 0 { return order }
        }
        return 0
    }
}
