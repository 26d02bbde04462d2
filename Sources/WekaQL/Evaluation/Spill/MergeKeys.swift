// The sort keys of a block of a spilled run, read for the merge without boxing: a column key of integers,
// dates, booleans, floats or text is compared on its typed array (text by its UTF-8 bytes, which order as
// code points); decimals, lists and computed keys compare as values, as ``SortKeys/compare(_:_:descending:)``.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One key's cells in a block.
enum KeyCells {
    /// Integers, dates (days) and booleans (0, 1), with their nulls (empty when none is).
    case integers([Int64], nulls: [Bool])
    case floats([Double], nulls: [Bool])
    case text(TextSegment)
    case values([Value])

    /// The cells of `column`, or of the values `compute` gives each of its `rows` rows.
    init(_ column: Column) {
        switch column.storage {
        case .integer(let values, let nulls): self = .integers(values, nulls: nulls)
        case .date(let days, let nulls): self = .integers(days.map { Int64($0) }, nulls: nulls)
        case .boolean(let flags): self = .integers(flags.map { Int64($0) }, nulls: flags.contains(2) ? flags.map { $0 == 2 } : [])
        case .float(let values, let nulls) where !values.contains(where: \.isNaN): self = .floats(values, nulls: nulls)
        case .text(let storage) where storage.segments.count == 1: self = .text(storage.segments[0])
        default: self = .values((0..<column.count).map { column[$0] })
        }
    }

    private func value(_ row: Int) -> Value {
        switch self {
        case .integers(let values, let nulls): return !nulls.isEmpty && nulls[row] ? .null : .integer(values[row])
        case .floats(let values, let nulls): return !nulls.isEmpty && nulls[row] ? .null : .float(values[row])
        case .text(let segment):
            if !segment.nulls.isEmpty && segment.nulls[row] { return .null }
            return .string(String(decoding: segment.bytes[segment.offsets[row]..<segment.offsets[row + 1]], as: UTF8.self))
        case .values(let values): return values[row]
        }
    }

    /// How the cell at `a` compares with `other`'s at `b` as a sort key: nulls last in either direction.
    /// Only an integer key read as a date in one block and an integer in another would mix kinds: they
    /// then compare as values, as do cells of any two different kinds.
    @inline(__always)
    func compare(_ a: Int, with other: KeyCells, _ b: Int, descending: Bool) -> Int {
        let order: Int
        switch (self, other) {
        case (.integers(let x, let xn), .integers(let y, let yn)):
            let an = !xn.isEmpty && xn[a], bn = !yn.isEmpty && yn[b]
            if an || bn { return an == bn ? 0 : an ? 1 : -1 }
            order = x[a] < y[b] ? -1 : x[a] == y[b] ? 0 : 1
        case (.floats(let x, let xn), .floats(let y, let yn)):
            let an = !xn.isEmpty && xn[a], bn = !yn.isEmpty && yn[b]
            if an || bn { return an == bn ? 0 : an ? 1 : -1 }
            order = x[a] < y[b] ? -1 : x[a] == y[b] ? 0 : 1
        case (.text(let x), .text(let y)):
            let an = !x.nulls.isEmpty && x.nulls[a], bn = !y.nulls.isEmpty && y.nulls[b]
            if an || bn { return an == bn ? 0 : an ? 1 : -1 }
            order = Self.compareBytes(x, a, y, b)
        default:
            return SortKeys.compare(value(a), other.value(b), descending: descending)
        }
        return descending ? -order : order
    }

    /// Two rows' UTF-8 bytes compared as unsigned bytes, a prefix first.
    @inline(__always)
    private static func compareBytes(_ x: TextSegment, _ a: Int, _ y: TextSegment, _ b: Int) -> Int {
        let xStart = x.offsets[a], xCount = x.offsets[a + 1] - xStart
        let yStart = y.offsets[b], yCount = y.offsets[b + 1] - yStart
        return x.bytes.withUnsafeBufferPointer { xb in
            y.bytes.withUnsafeBufferPointer { yb in
                let common = min(xCount, yCount)
                if common > 0 {
                    let c = memcmp(xb.baseAddress! + xStart, yb.baseAddress! + yStart, common)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return xCount < yCount ? -1 : xCount == yCount ? 0 : 1
            }
        }
    }
}
