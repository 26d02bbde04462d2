// The line where each row's record starts in its file, noted while the file is parsed, for lineage
// (`why` shows `arrests.csv:8`). In most files each record is one line, so the index keeps only the rows
// where that breaks (a line break in a quoted field, a blank line, a record left out): nothing for most
// files, and a few bytes a row at worst.

/// The 1-based line of each row of a collection loaded from a file.
///
/// Stored as runs: within a run the line is the row plus the run's offset; a new run starts at each row
/// whose record does not start on the line after the previous one's.
struct RecordLineIndex: Sendable {
    /// The first row of each run, ascending (the first is 0).
    private var runStarts: [Int32] = []
    /// Line minus row, over each run.
    private var offsets: [Int] = []
    /// The rows noted so far.
    private(set) var count = 0

    /// Notes that the next row (`count`) starts at `line`.
    @inline(__always)
    mutating func append(line: Int) {
        if offsets.last != line - count {
            runStarts.append(Int32(truncatingIfNeeded: count))
            offsets.append(line - count)
        }
        count += 1
    }

    /// Appends the rows of `other`, whose lines are counted from the end of these: `lineOffset` is added to each.
    mutating func append(contentsOf other: RecordLineIndex, lineOffset: Int) {
        for (start, offset) in zip(other.runStarts, other.offsets) {
            let row = count + Int(start)
            if offsets.last != offset + lineOffset - count {   // the same run when the parts meet on consecutive lines
                runStarts.append(Int32(truncatingIfNeeded: row))
                offsets.append(offset + lineOffset - count)
            }
        }
        count += other.count
    }

    /// The line where row `row` (from 0) starts, or `nil` for a row the index does not have.
    func line(ofRow row: Int) -> Int? {
        guard row >= 0, row < count else { return nil }
        var low = 0, high = runStarts.count - 1   // the last run starting at or before `row`
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(runStarts[middle]) <= row { low = middle } else { high = middle - 1 }
        }
        return row + offsets[low]
    }

    /// The index of records starting at the ascending byte `offsets` of `bytes`, counting line breaks in one pass.
    init(recordsAt starts: [Int], in bytes: UnsafeBufferPointer<UInt8>) {
        var counter = RecordLineCounter(bytes, from: 0)
        for start in starts { counter.record(startingAt: start) }
        self.init(counter.index, lineOffset: 1)   // the counter counts from line 0
    }

    /// The rows of `index` with `lineOffset` added to each line.
    init(_ index: RecordLineIndex, lineOffset: Int) {
        append(contentsOf: index, lineOffset: lineOffset)
    }

    init() {}
}

/// Counts the line breaks a parse passes, to note the line of each record it keeps. A record read
/// without a quoted field ends at its line break, so for it the count goes up by one without looking
/// at its bytes again; only other records (a quoted field, a gap before them) are counted byte by byte.
struct RecordLineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where counting has reached, and the line breaks before it (from where counting began).
    private var position: Int
    private var breaks = 0
    /// The lines of the records noted, counted from 0 at the start.
    private(set) var index = RecordLineIndex()

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.bytes = bytes
        position = start
    }

    /// Notes a record kept as a row: it starts at `start` and its line break (if any) ends before `end`;
    /// `quoted` when a field of it was quoted (only a quoted field can hold a line break).
    @inline(__always)
    mutating func record(start: Int, end: Int, quoted: Bool) {
        record(startingAt: start)
        if !quoted && end > start && bytes[end - 1] == 0x0A {
            breaks += 1
            position = end
        }
    }

    /// Notes a row whose record starts at `start` (at or after where counting has reached).
    mutating func record(startingAt start: Int) {
        if start != position { count(to: start) }
        index.append(line: breaks)
    }

    /// The line breaks before `end`, from where counting began.
    mutating func lineBreaks(before end: Int) -> Int {
        count(to: end)
        return breaks
    }

    private mutating func count(to end: Int) {
        guard end > position, let base = bytes.baseAddress else { return }
        var i = position
        // Eight bytes at a time: a byte equal to "\n" is a zero byte of word ^ pattern.
        while i + 8 <= end {
            breaks += Self.zeroBytes(in: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A)
            i += 8
        }
        while i < end {
            if base[i] == 0x0A { breaks += 1 }
            i += 1
        }
        position = end
    }

    /// The number of zero bytes in `word`: a byte's high bit survives `(b & 0x7F) + 0x7F | b` unless it is zero.
    @inline(__always)
    private static func zeroBytes(in word: UInt64) -> Int {
        let high = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word
        return (~high & 0x8080_8080_8080_8080).nonzeroBitCount
    }
}
