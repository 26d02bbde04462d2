// The column parser's string scan (JSONColumnParser.string, eight bytes at a time, the first quote,
// backslash or control byte found from a word's lowest flag) and its key shortcut (a row's key taken
// when it is spelled as the last row's key at that place): every escape, character width and bad byte,
// at every offset of a word and at the end of the buffer, reads as the tree reader reads it, and a bad
// string still stops the column parser (so the tree reader gives the error), in a selected column or a
// skipped one.

import Foundation
import Testing
@testable import WekaQL

@Suite struct JSONStringScanTests {
    typealias Selection = JSONColumnSelectionTests

    /// Pieces of a JSON string's text: escapes (one-letter, `\u`, a surrogate pair) and characters of one to four bytes.
    static let pieces = [#"\""#, #"\\"#, #"\/"#, #"\n"#, #"\t"#, #"\u00e9"#, #"\u65E5"#, #"\ud83d\ude00"#, "é", "日", "😀", "x"]

    /// A string of `length` letters with `piece` at `offset` (the letters differ, so that no two rows agree by chance).
    static func text(length: Int, piece: String, at offset: Int) -> String {
        let letters = (0..<length).map { String(UnicodeScalar(UInt8(ascii: "a") + UInt8($0 % 26))) }
        return letters[..<offset].joined() + piece + letters[offset...].joined()
    }

    /// Rows holding `strings` as a value of `s` and as a key, between other fields.
    static func rows(_ strings: [String]) -> String {
        strings.map { #"{"id": 1, "s": "\#($0)", "\#($0)": 2, "t": "end"}"# }.joined(separator: "\n")
    }

    static func expectAgreement(_ text: String, names: [Set<String>?], _ comment: Comment) throws {
        let whole = try Selection.treeLines(text, names: nil)
        for selected in names {
            let expected = selected.map { whole.restricted(to: $0) } ?? whole
            for parts in [1, 2] {
                let columns = Selection.columnLines(text, names: selected, parts: parts)
                #expect(columns != nil, "the column parser fell back: \(comment)")
                if let columns { #expect(columns == expected, "\(comment), \(selected.map { "\($0)" } ?? "all"), \(parts) parts") }
            }
        }
    }

    @Test(arguments: pieces)
    func everyPieceAtEveryOffsetReadsAsTheTreeReaderReadsIt(_ piece: String) throws {
        for length in 0...19 {
            let strings = (0...length).map { Self.text(length: length, piece: piece, at: $0) }
            let text = Self.rows(strings)
            // With and without a line break after the last row: the last string ends within a word of the buffer's end.
            for file in [text, text + "\n"] {
                try Self.expectAgreement(file, names: [nil, ["s"], ["id"]], "\(piece) in \(length) letters")
            }
        }
    }

    @Test func aStringThatEndsTheBufferIsRead() throws {
        // The closing quote is the buffer's last byte or close to it: the scan's tail goes byte by byte.
        for length in 0...17 {
            let text = #"{"s": "\#(Self.text(length: length, piece: "", at: 0))"}"#
            try Self.expectAgreement(text, names: [nil, ["s"], []], "\(length) letters")
        }
    }

    /// Bytes a string must not hold (raw), or escapes that stand for nothing: each one is an error.
    static let badPieces: [[UInt8]] = [
        [0x01], [0x09], [0x0A], [0x1F], [0xFF], [0xC0, 0x80], [0xE6, 0x97], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80],
        Array(#"\x"#.utf8), Array(#"\ud800"#.utf8), Array(#"\udc00"#.utf8), Array(#"\ud800\u0041"#.utf8), Array(#"\u00g0"#.utf8),
    ]

    @Test(arguments: badPieces.indices)
    func aBadPieceAtAnyOffsetStopsTheColumnParser(_ index: Int) throws {
        for offset in 0...17 {
            for escapedBefore in [false, true] {
                // In a selected value, in a skipped value, in a key; after an escape or in a plain string.
                for spot in 0..<3 {
                    var string = Array(Self.text(length: 17, piece: escapedBefore ? #"\n"# : "", at: 0).utf8)
                    string.insert(contentsOf: Self.badPieces[index], at: min(offset + (escapedBefore ? 2 : 0), string.count))
                    var bytes = Array(#"{"id": 1, "s": "ok"}"#.utf8) + [0x0A]
                    let quoted = [UInt8(ascii: "\"")] + string + [UInt8(ascii: "\"")]
                    switch spot {
                    case 0: bytes += Array(#"{"id": 2, "s": "#.utf8) + quoted + Array("}\n".utf8)
                    case 1: bytes += Array(#"{"id": 2, "u": "#.utf8) + quoted + Array("}\n".utf8)
                    default: bytes += Array(#"{"id": 2, "#.utf8) + quoted + Array(": 3}\n".utf8)
                    }
                    let stopped = bytes.withUnsafeBufferPointer {
                        JSONLoader.parseLines($0, selection: ColumnSelection(names: ["s"]), file: nil, threads: 1, parallelAbove: 0) == nil
                    }
                    #expect(stopped, "bad piece \(index) at \(offset), spot \(spot), escape before: \(escapedBefore)")
                    let text = String(decoding: bytes, as: UTF8.self)
                    if String(validatingUTF8: bytes.map { CChar(bitPattern: $0) } + [0]) != nil {
                        #expect(throws: (any Error).self) { try Selection.treeLines(text, names: nil) }
                    }
                }
            }
        }
    }

    @Test func invalidUTF8AfterAnEscapeIsAnErrorOfTheLoad() throws {
        var bytes = Array(#"{"a": 1, "b": "say \"no\" "#.utf8)
        bytes += [0xE6, 0x97]
        bytes += Array("\"}\n".utf8)
        let file = try TemporaryFile(name: "escaped.jsonl", contents: Data(bytes))
        for names: Set<String>? in [nil, ["a"], ["b"]] {
            var dataset = Dataset()
            #expect(throws: Diagnostic.self) {
                try withExtendedLifetime(file) { _ = try dataset.load(path: file.path, columns: ColumnSelection(names: names)) }
            }
        }
    }

    @Test func keysThatDifferFromTheLastRowsAreReadAsThemselves() throws {
        // A key that is the last row's key with more or fewer letters, the same key escaped, a key that
        // needs an escape (kept decoded: its spelling in the file is not its bytes), an empty key.
        let text = [
            #"{"ab": 1, "c": "x"}"#, #"{"abc": 2, "c": "y"}"#, #"{"a": 3, "c": "z"}"#, #"{"ab": 4, "a": 5}"#,
            #"{"a\u0062": 6, "c": "w"}"#, #"{"a\"b": 7, "c": "v"}"#, #"{"a\"b": 8, "c": "u"}"#, #"{"a\\b": 9}"#,
            #"{"": 10, "c": "t"}"#, #"{"": 11, "ab": 12}"#, #"{"c": "s", "ab": 13}"#,
            // The key `a\` (decoded), then the key `a"`, whose spelling starts with the bytes of `a\` and a quote.
            #"{"a\\": 14, "c": "r"}"#, #"{"a\"": 15, "c": "q"}"#,
        ].joined(separator: "\n")
        #expect(Selection.columnLines(text, names: ["a\""], parts: 1)?.values == [[Value](repeating: nil, count: 12) + [15]])
        try Self.expectAgreement(text, names: [nil, ["ab"], ["a\"b"], ["c", ""], ["a\\b"], ["a\\", "a\""]], "keys")
    }

    @Test(arguments: [1, 9, 64, 1 << 20])
    func chunksOfEscapedTextAreTheWholeLoad(_ chunkBytes: Int) throws {
        // Long strings with escapes and wide characters, chunks ending anywhere near them, one thread or two.
        let rows = (0..<30).map { i in
            #"{"id": \#(i), "details": "said \"no comment\" near the border \u00e9\ud83d\ude00 Lomé \#(String(repeating: "x", count: i * 7))\\end"}"#
        }.joined(separator: "\n") + "\n"
        let opened = try JSONLinesChunksTests.Opened(rows, chunkBytes: chunkBytes)
        let eager = try opened.eager()
        for threads in [1, 2] {
            #expect(JSONLinesChunksTests.same(try opened.read(threads: threads).table, eager), "\(chunkBytes) bytes, \(threads) threads")
        }
        #expect(try eager.values(ofColumn: 1)[1] == "said \"no comment\" near the border é😀 Lomé xxxxxxx\\end")
    }
}
