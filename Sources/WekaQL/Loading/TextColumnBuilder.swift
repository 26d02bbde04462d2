// Builds a string column from UTF-8 byte slices without making a `String` per row: distinct strings are
// dictionary-coded through a byte-keyed hash table; once most rows are distinct the column switches
// to plain text storage, where a dictionary would cost more than it saves.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct TextColumnBuilder {
    /// Past this many distinct strings, if most rows so far are distinct, a dictionary is not worth it.
    static let dictionaryLimit = 4_096

    private var arena: [UInt8] = []
    private var entryStarts: [Int] = [0]
    private var entryHashes: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 256)
    private var codes: [Int32] = []
    private var plain: TextStorage?
    private(set) var count = 0

    /// The number of rows expected, to size the plain text buffer once instead of growing it by doubling.
    private let expectedRows: Int

    init(capacity: Int = 0) {
        expectedRows = capacity
        codes.reserveCapacity(capacity)
    }

    private var entryCount: Int { entryHashes.count }

    mutating func appendNull() {
        count += 1
        if plain != nil { plain!.appendNull() } else { codes.append(-1) }
    }

    /// Appends a string's bytes, which must be valid UTF-8 (the loader checks them before they get here).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        count += 1
        if plain != nil { return plain!.append(bytes) }
        codes.append(code(for: bytes))
        if entryCount > Self.dictionaryLimit && entryCount > count / 2 { switchToPlain() }
    }

    /// The code of `bytes`, adding an entry if they are new (open addressing, linear probing).
    private mutating func code(for bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = slots[slot]
            if entry < 0 { break }
            if entryHashes[Int(entry)] == hash && equals(Int(entry), bytes) { return entry }
            slot = (slot + 1) & (slots.count - 1)
        }
        let code = Int32(entryCount)
        arena.append(contentsOf: bytes)
        entryStarts.append(arena.count)
        entryHashes.append(hash)
        slots[slot] = code
        if entryCount * 2 > slots.count { grow() }
        return code
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = entryStarts[entry], end = entryStarts[entry + 1]
        guard end - start == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return arena.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (entry, hash) in entryHashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(entry)
        }
    }

    /// A multiply-mix hash over eight bytes at a time.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        var tail: UInt64 = 0
        while i < bytes.count { tail = tail << 8 | UInt64(bytes[i]); i += 1 }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }

    private mutating func switchToPlain() {
        // Room for the expected rows at the average length so far (untouched room costs no memory).
        let averageLength = arena.count / max(1, entryCount) + 1
        plain = textStorage(reserving: max(count, expectedRows) * averageLength * 5 / 4)
        codes = []
        arena = []
        entryStarts = [0]
        entryHashes = []
        slots = []
    }

    /// The rows so far as plain text.
    private func textStorage(reserving bytes: Int = 0) -> TextStorage {
        if let plain { return plain }
        var text = TextStorage(reserving: bytes, rows: bytes > 0 ? max(count, expectedRows) : 0)
        arena.withUnsafeBufferPointer { arena in
            for code in codes {
                if code < 0 { text.appendNull(); continue }
                text.append(UnsafeBufferPointer(rebasing: arena[entryStarts[Int(code)]..<entryStarts[Int(code) + 1]]))
            }
        }
        return text
    }

    /// The dictionary's strings, by code.
    private func strings() -> [String] {
        arena.withUnsafeBufferPointer { arena in
            (0..<entryCount).map { String(decoding: UnsafeBufferPointer(rebasing: arena[entryStarts[$0]..<entryStarts[$0 + 1]]), as: UTF8.self) }
        }
    }

    /// This builder's rows followed by `other`'s.
    mutating func appendContents(of other: TextColumnBuilder) {
        if plain == nil && other.plain == nil {
            let remap: [Int32] = other.arena.withUnsafeBufferPointer { arena in
                (0..<other.entryCount).map { code(for: UnsafeBufferPointer(rebasing: arena[other.entryStarts[$0]..<other.entryStarts[$0 + 1]])) }
            }
            codes += other.codes.map { $0 < 0 ? -1 : remap[Int($0)] }
            count += other.count
            if entryCount > Self.dictionaryLimit && entryCount > count / 2 { switchToPlain() }
            return
        }
        var text = textStorage()
        text.appendContents(of: other.textStorage())
        plain = text
        codes = []
        count += other.count
    }

    func build() -> Column {
        if let plain { return Column(storage: .text(plain)) }
        return Column(storage: .string(codes, StringDictionary(distinct: strings())))
    }
}
