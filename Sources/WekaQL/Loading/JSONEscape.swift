// What JSON's string escapes stand for: shared by the tree reader (JSONReader) and the column parser
// (JSONColumnParser), which differ only in how they report a bad escape.

enum JSONEscape {
    /// The byte a one-letter escape stands for (`n` → line feed, `"` → `"`); `nil` for `u` and any other.
    static func byte(forLetter letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return letter
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    /// Whether a `\u` code is the first half of a surrogate pair, which a second `\u` must complete.
    static func isHighSurrogate(_ code: UInt32) -> Bool { (0xD800..<0xDC00).contains(code) }

    /// The scalar a surrogate pair stands for; `nil` when `low` is not a second half.
    static func pair(high: UInt32, low: UInt32) -> UInt32? {
        guard (0xDC00..<0xE000).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }
}
