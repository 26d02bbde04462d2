// A byte-level RFC 4180 CSV reader: quoted fields with delimiters, quotes and line breaks, a UTF-8 BOM,
// and CRLF line ends. Fields are handed out as byte ranges, so nothing is copied unless unquoting needs it.
// The delimiter is a comma unless told (`delim=;`). A quote inside an unquoted field (5'10") is kept as a
// character, as DuckDB and Python's csv module keep it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct CSVReader {
    /// A field: its bytes, and whether doubled quotes inside it must be undone.
    struct Field {
        var start: Int
        var end: Int
        var hasEscapedQuotes: Bool
        var isQuoted: Bool
    }

    /// What cannot be read, and where.
    struct Failure: Error {
        enum Kind { case unclosedQuote, textAfterQuote }
        var offset: Int
        var kind: Kind
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int
    /// The byte between fields.
    let delimiter: UInt8
    /// The delimiter in every byte of a word, for `nextSpecial`.
    private let delimiterPattern: UInt64

    init(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = 0x2C) {
        self.init(bytes, at: Self.bodyStart(bytes), delimiter: delimiter)
    }

    /// A reader that starts at `offset`, which must be the start of a record.
    init(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, delimiter: UInt8 = 0x2C) {
        self.bytes = bytes
        position = offset
        self.delimiter = delimiter
        delimiterPattern = UInt64(delimiter) &* 0x0101_0101_0101_0101
    }

    /// Where the text starts: after a UTF-8 byte order mark, if there is one.
    static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// Reads the next record's fields into `fields`; returns `false` at the end of input.
    /// Empty lines are skipped.
    mutating func nextRecord(into fields: inout [Field]) throws(Failure) -> Bool {
        fields.removeAll(keepingCapacity: true)
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D { position += 1 }
        guard position < bytes.count else { return false }
        while true {
            let field = try readField()
            fields.append(field)
            guard position < bytes.count else { return true }
            let b = bytes[position]
            position += 1
            if b == 0x0A { return true }
            if b == 0x0D {
                if position < bytes.count, bytes[position] == 0x0A { position += 1 }
                return true
            }
            // b is the delimiter: another field follows.
        }
    }

    /// Skips blank lines; returns `false` at the end of input (the start of a record otherwise).
    mutating func startRecord() -> Bool {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D { position += 1 }
        return position < bytes.count
    }

    /// Reads the next field of the current record and the delimiter after it; `isLast` when the record ends.
    @inline(__always)
    mutating func nextField() throws(Failure) -> (field: Field, isLast: Bool) {
        let field = try readField()
        guard position < bytes.count else { return (field, true) }
        let b = bytes[position]
        position += 1
        if b == delimiter { return (field, false) }
        if b == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
        return (field, true)
    }

    @inline(__always)
    private mutating func readField() throws(Failure) -> Field {
        if position < bytes.count, bytes[position] == 0x22 { return try readQuotedField() }
        let start = position
        position = nextSpecial(from: position)
        // A quote inside an unquoted field is one more character of it.
        while position < bytes.count, bytes[position] == 0x22 { position = nextSpecial(from: position + 1) }
        return Field(start: start, end: position, hasEscapedQuotes: false, isQuoted: false)
    }

    private mutating func readQuotedField() throws(Failure) -> Field {
        let open = position
        position += 1
        let start = position
        var escaped = false
        while let quote = nextQuote(from: position) {
            if quote + 1 < bytes.count, bytes[quote + 1] == 0x22 {
                escaped = true
                position = quote + 2
                continue
            }
            position = quote + 1
            if position < bytes.count, bytes[position] != delimiter, bytes[position] != 0x0A, bytes[position] != 0x0D {
                throw Failure(offset: position, kind: .textAfterQuote)
            }
            return Field(start: start, end: quote, hasEscapedQuotes: escaped, isQuoted: true)
        }
        throw Failure(offset: open, kind: .unclosedQuote)
    }

    private func nextQuote(from offset: Int) -> Int? {
        guard offset < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + offset, 0x22, bytes.count - offset) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// The offset of the next delimiter, quote, CR or LF at or after `offset` (or the end), eight bytes at a
    /// time: a byte equal to one of them shows up as a zero byte of `word ^ pattern`.
    @inline(__always)
    private func nextSpecial(from offset: Int) -> Int {
        var i = offset
        if let base = bytes.baseAddress {
            while i + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let found = Self.zeroBytes(word ^ delimiterPattern) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D) | Self.zeroBytes(word ^ 0x2222_2222_2222_2222)
                if found != 0 { return i + found.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == delimiter || b == 0x0A || b == 0x0D || b == 0x22 { return i }
            i += 1
        }
        return i
    }

    /// The high bit set in each zero byte of `x` (exact for the lowest one, which is all that is used).
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }

    /// The bytes of a field without its quotes (doubled quotes inside are left as they are).
    func unquoted(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// The bytes of a field with doubled quotes undone, into `out`.
    func unescape(_ field: Field, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var i = field.start
        while i < field.end {
            out.append(bytes[i])
            i += bytes[i] == 0x22 ? 2 : 1
        }
    }

    /// The text of a field, with doubled quotes undone.
    func text(_ field: Field) -> String {
        guard field.hasEscapedQuotes else { return String(decoding: unquoted(field), as: UTF8.self) }
        var out: [UInt8] = []
        unescape(field, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
