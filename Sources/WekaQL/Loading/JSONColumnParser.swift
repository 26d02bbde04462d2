// Parses JSON row objects straight into columns, without a tree of values per row: each row's object is
// scanned once, the selected keys' values go into their columns, the other values are checked and
// stepped over. It takes only what it reads exactly as JSONReader does; on anything else (an error, a row
// that is no object, a key repeated in a row, deep nesting) it stops, and the tree reader takes over and
// gives the error or the answer. Arrays and objects of the selected keys are read as trees (JSONReader).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct JSONColumnParser {
    /// Why parsing stopped: the tree reader must read this file.
    struct Stop: Error {}

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private(set) var position: Int
    private var selection: ColumnSelection
    /// The longest string taken (longer ones are error E0508, which the tree reader reports).
    var maximumStringBytes = Dataset.maximumValueBytes

    /// Every key seen, in first-seen order, and the column each one fills (-1: not selected).
    private(set) var keys: [String] = []
    private(set) var slots: [Int] = []
    private var keyBytes: [[UInt8]] = []
    private var keyIndex: [String: Int] = [:]
    /// Every key's bytes end to end, and where each one is in them (`plain`: with no byte that needs an escape).
    private var keyArena: [UInt8] = []
    private var keySpans: [(start: Int, count: Int, plain: Bool)] = []
    /// The selected keys' columns, and which key each one is.
    private(set) var columns: [JSONColumnValues] = []
    private(set) var columnKeys: [Int] = []
    private(set) var rows = 0
    /// The keys of the last row, in order: rows usually repeat them, so a key is first compared with its guess.
    private var order: [Int] = []
    private var scratch: [UInt8] = []

    /// A parser of the rows in `bytes` from `position`, filling the columns `selection` includes (or
    /// whose dotted fields it includes).
    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0, selection: ColumnSelection) {
        // An empty buffer has no base address; one byte of nothing stands in (nothing is read past `end`).
        base = bytes.baseAddress ?? UnsafePointer(Self.nothing)
        end = bytes.count
        self.position = position
        self.selection = selection
    }

    private nonisolated(unsafe) static let nothing = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    private func wants(_ key: String) -> Bool {
        selection.includes(key) || selection.includesAny(startingWith: key + ".")
    }

    // MARK: - Rows

    /// Parses JSON lines (objects, separated by white space) that start before `limit`, giving parsed
    /// pages of `file` back as it goes. Returns where the last row ended.
    mutating func parseLines(to limit: Int, file: MappedFile?) throws(Stop) -> Int {
        var lastEnd = position
        var released = position
        skipSpace()
        while position < limit {
            guard base[position] == UInt8(ascii: "{") else { throw Stop() }
            try row()
            lastEnd = position
            if let file, position - released >= 4 << 20 {
                file.release(released..<position)
                released = position
            }
            skipSpace()
        }
        return lastEnd
    }

    /// Parses an array of row objects at the cursor (a JSON document's rows).
    mutating func parseArray() throws(Stop) {
        try expect(UInt8(ascii: "["))
        skipSpace()
        if peek == UInt8(ascii: "]") { position += 1; return }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "{") else { throw Stop() }
            try row()
            skipSpace()
            if peek == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "]"))
            return
        }
    }

    /// Parses one row object at the cursor into the columns.
    mutating func row() throws(Stop) {
        position += 1
        skipSpace()
        if peek == UInt8(ascii: "}") {
            position += 1
        } else {
            var ordinal = 0
            while true {
                skipSpace()
                let key = try self.key(ordinal: ordinal)
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                let slot = slots[key]
                if slot >= 0 {
                    if columns[slot].count > rows { throw Stop() }   // a key repeated in a row: the last value wins there
                    try value(into: slot)
                } else {
                    try skipValue(depth: 1)
                }
                skipSpace()
                ordinal += 1
                if peek == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                break
            }
        }
        rows += 1
        for slot in columns.indices where columns[slot].count < rows { columns[slot].appendNull() }
    }

    /// Reads a key and returns its index, adding it if new.
    private mutating func key(ordinal: Int) throws(Stop) -> Int {
        guard peek == UInt8(ascii: "\"") else { throw Stop() }
        if ordinal < order.count, spelledAtCursor(key: order[ordinal]) { return order[ordinal] }
        let range = try string()
        if let range, ordinal < order.count {
            let guess = order[ordinal]
            let known = keyBytes[guess]
            if known.count == range.count, range.isEmpty || known.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base + range.lowerBound, range.count) == 0 }) {
                return guess
            }
        }
        let name = range.map { String(decoding: UnsafeBufferPointer(start: base + $0.lowerBound, count: $0.count), as: UTF8.self) }
            ?? String(decoding: scratch, as: UTF8.self)
        let index = keyIndex[name] ?? newKey(name)
        if ordinal < order.count { order[ordinal] = index } else { order.append(index) }
        return index
    }

    /// Steps over the key `index` if the string at the cursor is its bytes as they are, with no escape:
    /// then `string()` would read that key from them (they are UTF-8 and hold no quote, backslash or
    /// control character), so a row repeating the last row's keys is read without scanning each one.
    @inline(__always)
    private mutating func spelledAtCursor(key index: Int) -> Bool {
        let span = keySpans[index]
        guard span.plain, position + span.count + 1 < end, base[position + span.count + 1] == UInt8(ascii: "\"") else { return false }
        let same = span.count == 0 || keyArena.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + span.start, base + position + 1, span.count) == 0
        }
        if same { position += span.count + 2 }
        return same
    }

    private mutating func newKey(_ name: String) -> Int {
        let index = keys.count
        keys.append(name)
        keyBytes.append(Array(name.utf8))
        let bytes = keyBytes[index]
        keySpans.append((keyArena.count, bytes.count, !bytes.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }))
        keyArena += bytes
        keyIndex[name] = index
        if wants(name) {
            slots.append(columns.count)
            columns.append(JSONColumnValues(nulls: rows))
            columnKeys.append(index)
        } else {
            slots.append(-1)
        }
        return index
    }

    /// Forgets the rows and keys read so far, to read other rows (of another collection) from the cursor.
    mutating func restart(selection: ColumnSelection) {
        let longest = maximumStringBytes
        self = JSONColumnParser(UnsafeBufferPointer(start: base, count: end), at: position, selection: selection)
        maximumStringBytes = longest
    }

    /// The byte at the cursor, or 0 at the end.
    var peekByte: UInt8 { peek }

    /// Steps over `byte`, which must be at the cursor.
    mutating func expectByte(_ byte: UInt8) throws(Stop) { try expect(byte) }

    /// Reads a string at the cursor (a collection's name).
    mutating func readName() throws(Stop) -> String {
        guard peek == UInt8(ascii: "\"") else { throw Stop() }
        guard let range = try string() else { return String(decoding: scratch, as: UTF8.self) }
        return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    // MARK: - Values

    private mutating func value(into slot: Int) throws(Stop) {
        switch peek {
        case UInt8(ascii: "\""):
            if let range = try string() {
                columns[slot].appendString(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count))
            } else {
                scratch.withUnsafeBufferPointer { columns[slot].appendString($0) }
            }
        case UInt8(ascii: "t"): try word("true"); columns[slot].appendBoolean(true)
        case UInt8(ascii: "f"): try word("false"); columns[slot].appendBoolean(false)
        case UInt8(ascii: "n"): try word("null"); columns[slot].appendNull()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            switch try number() {
            case .integer(let i): columns[slot].appendInteger(i)
            case .decimal(let d): columns[slot].appendDecimal(d)
            case .float(let d): columns[slot].appendFloat(d)
            default: throw Stop()
            }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            let start = position
            try skipValue(depth: 1)
            var reader = JSONReader(UnsafeBufferPointer(start: base + start, count: position - start))
            guard let tree = try? reader.readDocument() else { throw Stop() }   // the tree reader, run next, reports it
            columns[slot].appendNested(tree)
        default:
            throw Stop()
        }
    }

    /// Steps over one value, checking it as JSONReader would read it.
    private mutating func skipValue(depth: Int) throws(Stop) {
        switch peek {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        case UInt8(ascii: "["):
            guard depth < JSONReader.maximumDepth - 8 else { throw Stop() }
            position += 1
            skipSpace()
            if peek == UInt8(ascii: "]") { position += 1; return }
            while true {
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "{"):
            guard depth < JSONReader.maximumDepth - 8 else { throw Stop() }
            position += 1
            skipSpace()
            if peek == UInt8(ascii: "}") { position += 1; return }
            while true {
                skipSpace()
                guard peek == UInt8(ascii: "\"") else { throw Stop() }
                _ = try string()
                skipSpace()
                try expect(UInt8(ascii: ":"))
                skipSpace()
                try skipValue(depth: depth + 1)
                skipSpace()
                if peek == UInt8(ascii: ",") { position += 1; continue }
                try expect(UInt8(ascii: "}"))
                return
            }
        default:
            throw Stop()
        }
    }

    // MARK: - Scalars

    /// The byte at the cursor, or 0 at the end (no JSON token starts with 0).
    private var peek: UInt8 { position < end ? base[position] : 0 }

    private mutating func expect(_ byte: UInt8) throws(Stop) {
        guard peek == byte else { throw Stop() }
        position += 1
    }

    mutating func skipSpace() {
        while position < end {
            switch base[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private mutating func word(_ word: StaticString) throws(Stop) {
        let count = word.utf8CodeUnitCount
        guard position + count <= end, memcmp(base + position, word.utf8Start, count) == 0 else { throw Stop() }
        position += count
    }

    /// Reads a number as JSONReader does: an integer when it fits in 64 bits, a decimal when it has a
    /// point and at most 18 digits, else a finite double.
    private mutating func number() throws(Stop) -> JSON {
        let start = position
        if base[position] == UInt8(ascii: "-") { position += 1 }
        var value: Int64 = 0
        let digitsStart = position
        while position < end, base[position] &- 0x30 < 10, position - digitsStart < 18 {
            value = value &* 10 &+ Int64(base[position] &- 0x30)
            position += 1
        }
        guard position > digitsStart else { throw Stop() }
        let next = peek
        if next &- 0x30 >= 10 && next != UInt8(ascii: ".") && next | 0x20 != UInt8(ascii: "e") {
            return .integer(start == digitsStart ? value : -value)
        }
        return try longNumber(from: start)
    }

    /// A number with a fraction, an exponent or more than 18 digits: read as JSONReader reads it.
    private mutating func longNumber(from start: Int) throws(Stop) -> JSON {
        position = start
        if base[position] == UInt8(ascii: "-") { position += 1 }
        var isInteger = true
        skipDigits()
        if peek == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard skipDigits() else { throw Stop() }
        }
        if peek | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard skipDigits() else { throw Stop() }
        }
        let number = UnsafeBufferPointer(start: base + start, count: position - start)
        let text = String(decoding: number, as: UTF8.self)
        if isInteger, let i = Int64(text) { return .integer(i) }
        if !number.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }), let exact = ExactDecimal.parse(number) { return .decimal(exact) }
        guard let d = Double(text), d.isFinite else { throw Stop() }
        return .float(d)
    }

    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = position
        while position < end, base[position] &- 0x30 < 10 { position += 1 }
        return position > start
    }

    /// Reads a string at the cursor (on its opening quote): its bytes' range in the buffer, or `nil` when
    /// it has escapes and its decoded bytes are in `scratch`. Its bytes are checked as UTF-8.
    private mutating func string() throws(Stop) -> Range<Int>? {
        let start = position + 1
        var high: UInt64 = 0
        let i = plainRun(from: start, high: &high)
        guard i < end else { throw Stop() }
        switch base[i] {
        case UInt8(ascii: "\""): break
        case UInt8(ascii: "\\"):
            position = i
            try escapedString(from: start)
            return nil
        default: throw Stop()   // a control character
        }
        guard i - start <= maximumStringBytes else { throw Stop() }
        if high & 0x8080_8080_8080_8080 != 0, !UTF8Validation.isValid(UnsafeBufferPointer(start: base + start, count: i - start)) {
            throw Stop()
        }
        position = i + 1
        return start..<i
    }

    /// Where the run of string bytes from `start` ends: the offset of the first quote, backslash or
    /// control character, or `end`. The run's bytes are ORed into `high` (to tell whether any is not ASCII).
    /// Eight bytes at a time; the word that ends the run gives the ending byte's place by its lowest flag.
    @inline(__always)
    private func plainRun(from start: Int, high: inout UInt64) -> Int {
        var i = start
        while i + 8 <= end {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let flags = Self.stringEnds(word)
            if flags == 0 {
                high |= word
                i += 8
                continue
            }
            let before = flags.trailingZeroBitCount & ~7   // bits of the bytes before the first flagged one
            high |= word & ((1 &<< UInt64(before)) &- 1)
            return i + (before >> 3)
        }
        while i < end {
            let b = base[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { return i }
            high |= UInt64(b)
            i += 1
        }
        return i
    }

    /// The high bit of each byte of a word of eight that may be a quote, a backslash or a control
    /// character. Only bytes after a flagged one can be flagged wrongly (by a borrow), so the lowest flag
    /// (the first byte, as words are loaded little-endian) is always exact.
    @inline(__always)
    private static func stringEnds(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
        let zeroQuote = (quote &- ones) & ~quote, zeroBackslash = (backslash &- ones) & ~backslash
        let control = (w &- ones &* 0x20) & ~w
        return (zeroQuote | zeroBackslash | control) & highs
    }

    /// The rest of a string with escapes (the cursor on the first backslash), decoded into `scratch`:
    /// the runs between escapes are copied whole.
    private mutating func escapedString(from start: Int) throws(Stop) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: position - start))
        while true {
            guard position < end, scratch.count <= maximumStringBytes else { throw Stop() }
            let b = base[position]
            if b == UInt8(ascii: "\"") { break }
            guard b >= 0x20 else { throw Stop() }
            if b == UInt8(ascii: "\\") {
                try escape()
            } else {
                var high: UInt64 = 0
                let runEnd = plainRun(from: position, high: &high)
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + position, count: runEnd - position))
                position = runEnd
            }
        }
        guard scratch.withUnsafeBufferPointer(UTF8Validation.isValid) else { throw Stop() }
        position += 1
    }

    private mutating func escape() throws(Stop) {
        position += 1
        let e = peek
        position += 1
        if let byte = JSONEscape.byte(forLetter: e) { scratch.append(byte); return }
        guard e == UInt8(ascii: "u") else { throw Stop() }
        var code = try hex4()
        if JSONEscape.isHighSurrogate(code) {
            guard peek == UInt8(ascii: "\\"), position + 1 < end, base[position + 1] == UInt8(ascii: "u") else { throw Stop() }
            position += 2
            guard let paired = JSONEscape.pair(high: code, low: try hex4()) else { throw Stop() }
            code = paired
        }
        guard let scalar = Unicode.Scalar(code) else { throw Stop() }
        UTF8.encode(scalar) { scratch.append($0) }
    }

    private mutating func hex4() throws(Stop) -> UInt32 {
        guard position + 4 <= end else { throw Stop() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = base[position]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - 0x41 + 10
            default: throw Stop()
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
