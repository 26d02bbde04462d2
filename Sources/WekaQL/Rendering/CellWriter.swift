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
            !bytes.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } && bytes.first != 0x20 && bytes.last != 0x20
        },
        string: { CSVRenderer.quote($0) },
        value: { CSVRenderer.quote($0.listJSON ?? $0.description) })

    /// JSON values; see ``JSONRenderer/value(_:)``.
    static let json = CellSyntax(
        null: Array("null".utf8), stringDelimiter: [UInt8(ascii: "\"")],
        // Printable ASCII other than `"` and `\`: what `JSONText.quote` leaves as it is.
        isPlain: { bytes in !bytes.contains { $0 < 0x20 || $0 > 0x7E || $0 == 0x22 || $0 == 0x5C } },
        string: { JSONText.quote($0) },
        value: { JSONRenderer.value($0) })
}

/// The cells of one column, written row by row.
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
    /// The cells of the dictionary's strings, by code, as they are written.
    private var dictionaryCells: [[UInt8]?] = []

    init(_ column: Column, syntax: CellSyntax) {
        self.syntax = syntax
        switch column.storage {
        case .string(let codes, let dictionary):
            source = .codes(codes, dictionary)
            dictionaryCells = Array(repeating: nil, count: dictionary.values.count)
        case .text(let text): source = .text(text)
        case .integer(let values, let nulls): source = .integers(values, nulls: nulls)
        default: source = .values(column)
        }
    }

    /// Appends the cell of `row` to `out`.
    @inline(__always)
    mutating func write(_ row: Int, to out: inout [UInt8]) {
        switch source {
        case .codes(let codes, let dictionary):
            let code = Int(codes[row])
            guard code >= 0 else { return out += syntax.null }
            if let cell = dictionaryCells[code] { return out += cell }
            let cell = stringCell(dictionary.values[code])
            dictionaryCells[code] = cell
            out += cell
        case .text(let text):
            text.withBytes(at: row) { bytes in
                guard let bytes else { return out += syntax.null }
                if syntax.isPlain(bytes) {
                    out += syntax.stringDelimiter
                    out.append(contentsOf: bytes)
                    out += syntax.stringDelimiter
                } else {
                    out += syntax.string(String(decoding: bytes, as: UTF8.self)).utf8
                }
            }
        case .integers(let values, let nulls):
            if !nulls.isEmpty && nulls[row] { return out += syntax.null }
            Digits.append(values[row], to: &out)
        case .values(let column):
            let value = column[row]
            out += value.isNull ? syntax.null : Array(syntax.value(value).utf8)
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
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var n = number, index = end - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                index -= 1
            } while n > 0
        }
    }
}

/// A table's cells, row by row, into one buffer.
struct TableCells {
    private var columns: [ColumnCells]
    let rowCount: Int

    init(_ table: Table, syntax: CellSyntax) {
        columns = table.columns.map { ColumnCells($0, syntax: syntax) }
        rowCount = table.rowCount
    }

    /// Appends the cells of `row`, `separator` between them, each after its `prefixes` entry when given.
    @inline(__always)
    mutating func write(row: Int, separator: UInt8, prefixes: [[UInt8]]? = nil, to out: inout [UInt8]) {
        for index in columns.indices {
            if index > 0 { out.append(separator) }
            if let prefixes { out += prefixes[index] }
            columns[index].write(row, to: &out)
        }
    }
}
