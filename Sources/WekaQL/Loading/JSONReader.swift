// A byte-level JSON reader (RFC 8259) for dataset files and the built-in data.

/// A parsed JSON value. Objects keep their keys in file order.
enum JSON {
    case null
    case boolean(Bool)
    /// An integer that fits in 64 bits.
    case integer(Int64)
    /// A number with a point and at most 18 digits, kept exactly (`1.50`).
    case decimal(ExactDecimal)
    /// A number in scientific notation or of more digits.
    case float(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

    /// The value for `key` in an object.
    subscript(key: String) -> JSON? {
        if case .object(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    var arrayValue: [JSON]? { if case .array(let a) = self { return a } else { return nil } }
}

/// Reads JSON from UTF-8 bytes; a syntax error is thrown as a positioned failure.
struct JSONReader {
    /// Where and what went wrong; the loader turns it into a ``Diagnostic``.
    struct Failure: Error {
        var offset: Int
        var message: String
        /// A string longer than ``JSONReader/maximumStringBytes`` (error E0508 rather than malformed JSON).
        var isTooLong = false
        /// More text after a complete value: a `.json` file that may hold JSON lines.
        var isTrailingText = false
        /// A string that is not UTF-8 (error E0501, with the hint of the `encoding=` option).
        var isInvalidUTF8 = false
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position = 0
    private var depth = 0
    static let maximumDepth = 512
    /// The longest string accepted (lowered by tests).
    var maximumStringBytes = Dataset.maximumValueBytes

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses one complete document (surrounding white space allowed).
    mutating func readDocument() throws(Failure) -> JSON {
        let value = try readValue()
        skipSpace()
        guard position == bytes.count else {
            var failure = fail("unexpected text after the JSON value")
            failure.isTrailingText = true
            throw failure
        }
        return value
    }

    /// Parses one value starting at the cursor (for JSON lines).
    mutating func readValue() throws(Failure) -> JSON {
        skipSpace()
        guard position < bytes.count else { throw fail("unexpected end of input, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try nested { (reader) throws(Failure) in try reader.readObject() }
        case UInt8(ascii: "["): return try nested { (reader) throws(Failure) in try reader.readArray() }
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readWord("true"); return .boolean(true)
        case UInt8(ascii: "f"): try readWord("false"); return .boolean(false)
        case UInt8(ascii: "n"): try readWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        default: throw fail("unexpected character \(describe(bytes[position])), expected a value")
        }
    }

    private mutating func nested(_ body: (inout JSONReader) throws(Failure) -> JSON) throws(Failure) -> JSON {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        return try body(&self)
    }

    /// Reads an object, calling `body` with each key while the reader is on its value (which `body` must read).
    /// Untyped, unlike the rest of the reader: `body` may throw its own errors (the built-in data's decoder does).
    mutating func readObject(_ body: (String, inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "'{'")
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw fail("expected a key in double quotes") }
            let key = try readString()
            try expect(UInt8(ascii: ":"), "':' after the key")
            try body(key, &self)
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}' in an object")
            return
        }
    }

    /// Reads an array, calling `body` while the reader is on each element (which `body` must read).
    mutating func readArray(_ body: (inout JSONReader) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "'['")
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
        while true {
            try body(&self)
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "]"), "',' or ']' in an array")
            return
        }
    }

    /// Steps over one value without building it: brackets are counted, strings skipped.
    mutating func skipValue() throws(Failure) {
        skipSpace()
        if position < bytes.count, ![UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\"")].contains(bytes[position]) {
            _ = try readValue()   // a number, true, false or null
            return
        }
        var depth = 0
        repeat {
            guard position < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[position] {
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; position += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1; position += 1
            case UInt8(ascii: "\""):
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
                    position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                }
                position += 1
            default: position += 1
            }
        } while depth > 0 && position <= bytes.count
    }

    mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    func fail(_ message: String) -> Failure { Failure(offset: position, message: message) }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16))"
    }

    private mutating func readWord(_ word: String) throws(Failure) {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count,
              expected.indices.allSatisfy({ bytes[position + $0] == expected[$0] }) else {
            throw fail("invalid literal, expected \(word)")
        }
        position += expected.count
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else {
            throw fail(position < bytes.count ? "expected \(what), found \(describe(bytes[position]))" : "unexpected end of input, expected \(what)")
        }
        position += 1
    }

    private mutating func readObject() throws(Failure) -> JSON {
        position += 1
        var pairs: [(String, JSON)] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(pairs) }
        while true {
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw fail(position < bytes.count ? "expected a key in double quotes, found \(describe(bytes[position]))" : "unexpected end of input inside an object")
            }
            let key = try readString()
            try expect(UInt8(ascii: ":"), "':' after the key")
            pairs.append((key, try readValue()))
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "}"), "',' or '}' in an object")
            return .object(pairs)
        }
    }

    private mutating func readArray() throws(Failure) -> JSON {
        position += 1
        var items: [JSON] = []
        skipSpace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            items.append(try readValue())
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            try expect(UInt8(ascii: "]"), "',' or ']' in an array")
            return .array(items)
        }
    }

    private mutating func readNumber() throws(Failure) -> JSON {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let digitsStart = position
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
        guard position > digitsStart else { throw fail("invalid number") }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            let fractionStart = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            guard position > fractionStart else { throw fail("invalid number: digits expected after '.'") }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            let exponentStart = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            guard position > exponentStart else { throw fail("invalid number: digits expected in the exponent") }
        }
        let number = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let text = String(decoding: number, as: UTF8.self)
        if isInteger, let i = Int64(text) { return .integer(i) }
        if !number.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }), let exact = ExactDecimal.parse(number) { return .decimal(exact) }
        guard let d = Double(text), d.isFinite else { throw Failure(offset: start, message: "number \(text) is out of range") }
        return .float(d)
    }

    /// Reads a string at the cursor (which is on its opening quote), decoding escapes.
    mutating func readString() throws(Failure) -> String {
        let open = position
        position += 1
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                if position - start > maximumStringBytes { throw Failure(offset: open, message: "", isTooLong: true) }
                let text = try decodeUTF8(start..<position)
                position += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail("control character in a string; write it as an escape such as \\n") }
            position += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            if out.count > maximumStringBytes { throw Failure(offset: open, message: "", isTooLong: true) }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw Failure(offset: open, message: "invalid UTF-8 in a string", isInvalidUTF8: true) }
                return text
            }
            if b < 0x20 { throw fail("control character in a string; write it as an escape such as \\n") }
            if b == UInt8(ascii: "\\") { try readEscape(into: &out) } else { out.append(b); position += 1 }
        }
        throw Failure(offset: open, message: "unterminated string")
    }

    private func decodeUTF8(_ range: Range<Int>) throws(Failure) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw Failure(offset: range.lowerBound, message: "invalid UTF-8 in a string", isInvalidUTF8: true)
        }
        return text
    }

    private mutating func readEscape(into out: inout [UInt8]) throws(Failure) {
        position += 1
        guard position < bytes.count else { throw fail("unterminated escape") }
        let e = bytes[position]
        position += 1
        if let byte = JSONEscape.byte(forLetter: e) { out.append(byte); return }
        guard e == UInt8(ascii: "u") else {
            position -= 1
            throw fail("invalid escape \\\(Character(Unicode.Scalar(e)))")
        }
        var code = try readHex4()
        if JSONEscape.isHighSurrogate(code) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw fail("unpaired surrogate in \\u escape")
            }
            position += 2
            guard let paired = JSONEscape.pair(high: code, low: try readHex4()) else { throw fail("unpaired surrogate in \\u escape") }
            code = paired
        }
        guard let scalar = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
        out += Array(String(Character(scalar)).utf8)
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexValue(bytes[position]) else { throw fail("\\u needs four hex digits") }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }
}
