// Strings stored end to end in one byte buffer: for columns with too many distinct values to dictionary-code.

/// The text of a column, one string per row, in one UTF-8 buffer with row offsets.
struct TextStorage: Sendable {
    /// Every row's UTF-8 bytes, end to end.
    var bytes: [UInt8] = []
    /// Where each row starts in `bytes`, plus the end: `count + 1` entries.
    var offsets: [Int] = [0]
    /// Whether each row is null; empty when no row is.
    var nulls: [Bool] = []

    var count: Int { offsets.count - 1 }

    func isNull(_ row: Int) -> Bool { !nulls.isEmpty && nulls[row] }

    /// The string of `row`, or `nil` for null.
    func string(at row: Int) -> String? {
        if isNull(row) { return nil }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[row]..<offsets[row + 1]]), as: UTF8.self) }
    }

    mutating func append(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
        if !nulls.isEmpty { nulls.append(false) }
    }

    mutating func appendNull() {
        if nulls.isEmpty { nulls = [Bool](repeating: false, count: count) }
        offsets.append(bytes.count)
        nulls.append(true)
    }

    /// The rows at `rows`, in that order; an index of -1 gives null.
    func gathering(_ rows: [Int32]) -> TextStorage {
        var result = TextStorage()
        result.offsets.reserveCapacity(rows.count + 1)
        bytes.withUnsafeBufferPointer { buffer in
            for row in rows {
                if row < 0 || isNull(Int(row)) { result.appendNull(); continue }
                result.append(UnsafeBufferPointer(rebasing: buffer[offsets[Int(row)]..<offsets[Int(row) + 1]]))
            }
        }
        return result
    }

    /// This text followed by `other`'s.
    mutating func appendContents(of other: TextStorage) {
        let base = bytes.count
        if !other.nulls.isEmpty && nulls.isEmpty { nulls = [Bool](repeating: false, count: count) }
        bytes.reserveCapacity(bytes.count + other.bytes.count)
        offsets.reserveCapacity(offsets.count + other.count)
        bytes += other.bytes
        offsets += other.offsets.dropFirst().map { $0 + base }
        if !nulls.isEmpty { nulls += other.nulls.isEmpty ? [Bool](repeating: false, count: other.count) : other.nulls }
    }
}
