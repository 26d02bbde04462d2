// UTF-8 validation over bytes, eight ASCII bytes at a time: data files are checked as they load.

enum UTF8Validation {
    /// The offset of the first byte of an invalid sequence, or `nil` if all of `bytes` is UTF-8.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = bytes[i]
            if c < 0x80 { i += 1; continue }
            let width: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return i
            }
            guard i + width <= n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<width where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += width
        }
        return nil
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { firstInvalid(bytes) == nil }

    /// Whether every byte is ASCII, eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= bytes.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}

/// Checks bytes as UTF-8 a chunk at a time, just ahead of a parser: checking all of a large file first
/// would fault every page of it in at once, which is what the loader's peak memory was made of.
struct UTF8Frontier {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Everything from where checking started up to here is UTF-8; it is always at a character's start.
    private(set) var checked: Int

    static let chunk = 1 << 20

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) {
        self.bytes = bytes
        checked = start
    }

    /// Checks on past `offset` (at least a chunk further); returns the offset of the first invalid byte, if any.
    @inline(__always)
    mutating func check(through offset: Int) -> Int? {
        offset <= checked ? nil : advance(to: offset)
    }

    private mutating func advance(to offset: Int) -> Int? {
        var end = min(bytes.count, max(offset, checked + Self.chunk))
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }   // not in the middle of a character
        if let bad = UTF8Validation.firstInvalid(UnsafeBufferPointer(rebasing: bytes[checked..<end])) { return checked + bad }
        checked = end
        return nil
    }
}
