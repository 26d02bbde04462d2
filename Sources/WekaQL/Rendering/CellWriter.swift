// CSV and JSON cells written as bytes into one buffer, a column at a time, rather than a `Value` and a
// `String` per cell: a dictionary's strings are quoted once, a text column's bytes copied when they
// need no quoting, integers written as digits. Anything else (and any string that does need quoting or
// escaping) takes the format's own per-value path, so the text is the same as cell by cell.

/// How a format writes one cell.
struct CellSyntax: Sendable {
    /// A null cell.
    let null: [UInt8]
    /// What goes either side of a string that needs no quoting or escaping (nothing in CSV, `"` in JSON).
    let stringDelimiter: [UInt8]
    /// Whether a string's bytes can be written as they are, between delimiters.
    let isPlain: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool
    /// A string's cell, quoted or escaped as the format wants.
    let string: @Sendable (String) -> String
    /// A cell of any value but null.
    let value: @Sendable (Value) -> String

    /// RFC 4180 fields: a null is empty; see ``CSVRenderer/quote(_:)``.
    static let csv = CellSyntax(
        null: [], stringDelimiter: [],
        isPlain: { bytes in
            // A leading or trailing space is left to `quote`: it compares characters, not bytes.
            bytes.first != 0x20 && bytes.last != 0x20 && !CellSyntax.containsCSVSpecial(bytes)
        },
        string: { CSVRenderer.quote($0) },
        value: { CSVRenderer.quote($0.listJSON ?? $0.description) })

    /// Whether `bytes` holds a comma, a quote or a line break: eight bytes at a time (a byte equal to
    /// one of them is a zero byte of the word xor that byte repeated).
    static func containsCSVSpecial(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        @inline(__always) func hasZeroByte(_ word: UInt64) -> Bool {
            (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        var i = 0
        while i + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ 0x2C2C_2C2C_2C2C_2C2C) || hasZeroByte(word ^ 0x2222_2222_2222_2222)
                || hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A) || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D) { return true }
            i += 8
        }
        while i < bytes.count {
            if base[i] == 0x2C || base[i] == 0x22 || base[i] == 0x0A || base[i] == 0x0D { return true }
            i += 1
        }
        return false
    }

    /// JSON values; see ``JSONRenderer/value(_:)``.
    static let json = CellSyntax(
        null: Array("null".utf8), stringDelimiter: [UInt8(ascii: "\"")],
        // Printable ASCII other than `"` and `\`: what `JSONText.quote` leaves as it is.
        isPlain: { bytes in !bytes.contains { $0 < 0x20 || $0 > 0x7E || $0 == 0x22 || $0 == 0x5C } },
        string: { JSONText.quote($0) },
        value: { JSONRenderer.value($0) })
}

/// The cells of one column, written a stretch of rows at a time (one look at the column's kind per
/// stretch, no array copied out of another per cell: a table of 150,000 rows was half retains).
struct ColumnCells {
    private enum Source {
        /// Dictionary codes, each code's cell written once it is first needed.
        case codes([Int32], StringDictionary)
        case text(TextStorage)
        case integers([Int64], nulls: [Bool])
        /// Any other column: a `Value` per cell.
        case values(Column)
    }

    private let source: Source
    private let syntax: CellSyntax
    /// The cells of the dictionary's strings written so far, end to end: code c's at
    /// `dictionaryBytes[dictionaryStarts[c]..<dictionaryEnds[c]]`, -1 for a code not yet written.
    private var dictionaryBytes: [UInt8] = []
    private var dictionaryStarts: [Int] = []
    private var dictionaryEnds: [Int] = []

    init(_ column: Column, syntax: CellSyntax) {
        self.syntax = syntax
        switch column.storage {
        case .string(let codes, let dictionary):
            source = .codes(codes, dictionary)
            dictionaryStarts = Array(repeating: -1, count: dictionary.values.count)
            dictionaryEnds = dictionaryStarts
        case .text(let text): source = .text(text)
        case .integer(let values, let nulls): source = .integers(values, nulls: nulls)
        default: source = .values(column)
        }
    }

    /// Appends the cells of `rows` to `out`, and after each the count of `out` to `ends`.
    mutating func write(_ rows: Range<Int>, to out: inout [UInt8], ends: inout [Int]) {
        let null = syntax.null
        switch source {
        case .codes(let codes, let dictionary):
            for row in rows where codes[row] >= 0 && dictionaryStarts[Int(codes[row])] < 0 {
                let code = Int(codes[row])
                dictionaryStarts[code] = dictionaryBytes.count
                dictionaryBytes += stringCell(dictionary.values[code])
                dictionaryEnds[code] = dictionaryBytes.count
            }
            dictionaryBytes.withUnsafeBufferPointer { cells in
                for row in rows {
                    let code = Int(codes[row])
                    if code < 0 {
                        out += null
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: cells[dictionaryStarts[code]..<dictionaryEnds[code]]))
                    }
                    ends.append(out.count)
                }
            }
        case .text(let text):
            writeText(text, rows, to: &out, ends: &ends)
        case .integers(let values, let nulls):
            for row in rows {
                if !nulls.isEmpty && nulls[row] { out += null } else { Digits.append(values[row], to: &out) }
                ends.append(out.count)
            }
        case .values(let column):
            for row in rows {
                let value = column[row]
                out += value.isNull ? null : Array(syntax.value(value).utf8)
                ends.append(out.count)
            }
        }
    }

    /// The cells of `rows` of a text column, a segment of it at a time.
    private func writeText(_ text: TextStorage, _ rows: Range<Int>, to out: inout [UInt8], ends: inout [Int]) {
        let null = syntax.null, delimiter = syntax.stringDelimiter
        var row = rows.lowerBound
        var index = text.starts.lastIndex { $0 <= row }!   // the segment holding `row`
        while row < rows.upperBound {
            while text.starts[index + 1] <= row { index += 1 }   // past empty segments
            let segment = text.segments[index], first = text.starts[index]
            let end = min(rows.upperBound, text.starts[index + 1])
            segment.bytes.withUnsafeBufferPointer { bytes in
                for i in row - first..<end - first {
                    if !segment.nulls.isEmpty && segment.nulls[i] {
                        out += null
                    } else {
                        let cell = UnsafeBufferPointer(rebasing: bytes[segment.offsets[i]..<segment.offsets[i + 1]])
                        if syntax.isPlain(cell) {
                            if !delimiter.isEmpty { out += delimiter }
                            out.append(contentsOf: cell)
                            if !delimiter.isEmpty { out += delimiter }
                        } else {
                            out += syntax.string(String(decoding: cell, as: UTF8.self)).utf8
                        }
                    }
                    ends.append(out.count)
                }
            }
            row = end
        }
    }

    private func stringCell(_ text: String) -> [UInt8] {
        let plain = text.utf8.withContiguousStorageIfAvailable(syntax.isPlain) ?? false
        return plain ? syntax.stringDelimiter + Array(text.utf8) + syntax.stringDelimiter : Array(syntax.string(text).utf8)
    }
}

/// Integers in decimal, as `String(_:)` writes them, straight into bytes.
enum Digits {
    static func append(_ number: Int64, to bytes: inout [UInt8]) {
        guard number >= 0 else { return bytes += String(number).utf8 }   // the sign, and Int64.min
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in   // Int64.max has 19
            var n = number, start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
            } while n > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}

/// A table's cells, row by row, into one buffer: written a stretch of rows at a time, column after
/// column, into a scratch buffer, and copied from there row by row.
struct TableCells {
    private var columns: [ColumnCells]
    let rowCount: Int
    /// The rows in `scratch`; cell (column c, row `stretch.lowerBound + k`) ends at `ends[c * stretch.count + k]`
    /// and starts where the cell before it in that order ends.
    private var stretch = 0..<0
    private var scratch: [UInt8] = []
    private var ends: [Int] = []
    private static let stretchRows = 1024

    init(_ table: Table, syntax: CellSyntax) {
        columns = table.columns.map { ColumnCells($0, syntax: syntax) }
        rowCount = table.rowCount
    }

    /// Appends the cells of `row`, `separator` between them, each after its `prefixes` entry when given.
    mutating func write(row: Int, separator: UInt8, prefixes: [[UInt8]]? = nil, to out: inout [UInt8]) {
        if !stretch.contains(row) { fill(from: row) }
        let k = row - stretch.lowerBound, n = stretch.count
        scratch.withUnsafeBufferPointer { scratch in
            for index in columns.indices {
                if index > 0 { out.append(separator) }
                if let prefixes { out += prefixes[index] }
                let cell = index * n + k
                out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[(cell == 0 ? 0 : ends[cell - 1])..<ends[cell]]))
            }
        }
    }

    private mutating func fill(from row: Int) {
        stretch = row..<min(rowCount, row + Self.stretchRows)
        scratch.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        for index in columns.indices { columns[index].write(stretch, to: &scratch, ends: &ends) }
    }
}
