// Strings stored end to end in byte buffers: for columns with too many distinct values to dictionary-code.
// A column loaded in parts keeps one segment per part, so joining the parts copies nothing.

/// One run of rows: their UTF-8 bytes end to end, with offsets.
struct TextSegment: Sendable {
    /// Every row's UTF-8 bytes, end to end.
    var bytes: [UInt8] = []
    /// Where each row starts in `bytes`, plus the end: `count + 1` entries.
    var offsets: [Int] = [0]
    /// Whether each row is null; empty when no row is.
    var nulls: [Bool] = []

    var count: Int { offsets.count - 1 }
}

/// The text of a column, one string per row.
struct TextStorage: Sendable {
    private(set) var segments: [TextSegment] = [TextSegment()]
    /// The first row of each segment, and the total count at the end.
    private(set) var starts: [Int] = [0, 0]

    var count: Int { starts[starts.count - 1] }

    init() {}

    /// Empty, with room for `bytes` bytes of text in `rows` rows.
    init(reserving bytes: Int, rows: Int) {
        segments[0].bytes.reserveCapacity(bytes)
        segments[0].offsets.reserveCapacity(rows + 1)
    }

    /// The rows of one segment, built whole.
    init(_ segment: TextSegment) {
        segments = [segment]
        starts = [0, segment.count]
    }

    /// The segment holding `row`, and the row's index inside it.
    @inline(__always)
    private func locate(_ row: Int) -> (Int, Int) {
        if segments.count == 1 { return (0, row) }
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= row { low = mid } else { high = mid - 1 }
        }
        return (low, row - starts[low])
    }

    func isNull(_ row: Int) -> Bool {
        let (s, i) = locate(row)
        return !segments[s].nulls.isEmpty && segments[s].nulls[i]
    }

    /// Calls `body` with the bytes of `row`, or `nil` for null.
    @inline(__always)
    func withBytes<R>(at row: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        let (s, i) = locate(row)
        let segment = segments[s]
        if !segment.nulls.isEmpty && segment.nulls[i] { return body(nil) }
        return segment.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[segment.offsets[i]..<segment.offsets[i + 1]])) }
    }

    /// The string of `row`, or `nil` for null.
    func string(at row: Int) -> String? {
        withBytes(at: row) { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        let last = segments.count - 1
        segments[last].bytes.append(contentsOf: utf8)
        segments[last].offsets.append(segments[last].bytes.count)
        if !segments[last].nulls.isEmpty { segments[last].nulls.append(false) }
        starts[starts.count - 1] += 1
    }

    mutating func appendNull() {
        let last = segments.count - 1
        if segments[last].nulls.isEmpty { segments[last].nulls = [Bool](repeating: false, count: segments[last].count) }
        segments[last].offsets.append(segments[last].bytes.count)
        segments[last].nulls.append(true)
        starts[starts.count - 1] += 1
    }

    /// The rows at `rows`, in that order; an index of -1 gives null.
    func gathering(_ rows: [Int32]) -> TextStorage {
        var result = TextStorage()
        result.segments[0].offsets.reserveCapacity(rows.count + 1)
        for row in rows {
            if row < 0 { result.appendNull(); continue }
            withBytes(at: Int(row)) { bytes in
                if let bytes { result.append(bytes) } else { result.appendNull() }
            }
        }
        return result
    }

    /// This text followed by `other`'s, as further segments (nothing is copied).
    mutating func appendContents(of other: TextStorage) {
        if count == 0 { self = other; return }
        for (index, segment) in other.segments.enumerated() where segment.count > 0 {
            segments.append(segment)
            starts.append(starts[starts.count - 1] + other.starts[index + 1] - other.starts[index])
        }
    }
}
