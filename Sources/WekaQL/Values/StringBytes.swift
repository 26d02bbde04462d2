// Equality, order and hashing of strings as UTF-8 bytes: the one rule for data values.
//
// Swift's `String ==`, `<` and hashing follow canonical equivalence ("é" as one scalar equals "e" plus a
// combining accent). Data values do not: like DuckDB, SQLite and PostgreSQL with their default
// collation, wekaql treats two strings as equal only when their bytes are, and orders them by code point
// (which is the byte order of UTF-8). Only the folded operators (`=~`, `contains`, …) see both spellings
// as one, because folding decomposes.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum StringBytes {
    /// Whether `a` and `b` are the same bytes.
    @inline(__always)
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    /// Negative, zero or positive as `a` sorts before, with or after `b` by code point.
    @inline(__always)
    static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let c = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if c != 0 { return c < 0 ? -1 : 1 }
                }
                return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
            }
        }
    }

    /// Feeds the bytes of `text` to `hasher`.
    @inline(__always)
    static func hash(_ text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// A string as a hash key compared by its bytes (a `String` key would merge canonically equivalent spellings).
struct UTF8Key: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool { StringBytes.equal(a.text, b.text) }

    func hash(into hasher: inout Hasher) { StringBytes.hash(text, into: &hasher) }
}
