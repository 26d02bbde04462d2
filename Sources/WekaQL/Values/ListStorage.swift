// The typed column of lists: every row's elements end to end in one column of the element type, with
// each row's bounds, as Arrow and DuckDB store lists, so a million short lists are not a million arrays.

/// A column of lists.
struct ListStorage: Sendable {
    /// Row `i`'s elements are `elements[offsets[i]..<offsets[i + 1]]`; `count + 1` entries.
    let offsets: [Int]
    /// Every element, row after row; typed as the lists' element type.
    let elements: Column
    /// Whether each row is a null list (empty when none is); a null list has no elements.
    let nulls: [Bool]

    var count: Int { offsets.count - 1 }

    /// The list at `row`, or null.
    subscript(row: Int) -> Value {
        if !nulls.isEmpty && nulls[row] { return .null }
        return .list((offsets[row]..<offsets[row + 1]).map { elements[$0] })
    }

    /// The number of elements at `row`; `nil` for a null list.
    func elementCount(at row: Int) -> Int? {
        if !nulls.isEmpty && nulls[row] { return nil }
        return offsets[row + 1] - offsets[row]
    }

    /// The lists at `rows`, in that order; an index of -1 gives a null list.
    func gathering(_ rows: [Int32]) -> ListStorage {
        var offsets = [0]
        offsets.reserveCapacity(rows.count + 1)
        var picked: [Int32] = []
        var nulls = [Bool](repeating: false, count: rows.count)
        var hasNull = false
        for (index, row) in rows.enumerated() {
            if row < 0 || (!self.nulls.isEmpty && self.nulls[Int(row)]) {
                nulls[index] = true
                hasNull = true
            } else {
                for element in self.offsets[Int(row)]..<self.offsets[Int(row) + 1] { picked.append(Int32(element)) }
            }
            offsets.append(picked.count)
        }
        return ListStorage(offsets: offsets, elements: elements.gathering(picked), nulls: hasNull ? nulls : [])
    }
}

/// Builds a ``ListStorage`` row by row.
struct ListBuilder {
    private var offsets = [0]
    private var elements: [Value] = []
    private var nulls: [Bool] = []
    private var hasNull = false

    /// Appends a row's list, or a null list for `nil`.
    mutating func append(_ list: [Value]?) {
        if let list { elements += list }
        nulls.append(list == nil)
        hasNull = hasNull || list == nil
        offsets.append(elements.count)
    }

    /// The finished lists, their elements a column of `elementType` (integers widen to decimals).
    func build(elementType: ValueType) -> ListStorage {
        ListStorage(offsets: offsets, elements: Column(type: elementType, values: elements), nulls: hasNull ? nulls : [])
    }
}
