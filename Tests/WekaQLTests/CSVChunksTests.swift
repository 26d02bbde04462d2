// CSV files read in chunks against the eager loader: the same fields, rows and errors for every CSV
// fixture of the tests and for generated tricky files, at chunk sizes from one byte up and on one or
// two threads; and the edges where a chunk may be cut wrong (a quoted line break, CRLF, a character of
// several bytes, a last record without a line end, a header and nothing else).

import Foundation
import Testing
@testable import WekaQL

@Suite struct CSVChunksTests {
    static let chunkSizes = [1, 2, 3, 5, 8, 13, 64, 1_000, 1 << 20]

    /// The table of reading `path` in chunks of `chunkBytes`, the chunks put in order; a misfit starts
    /// the read again with the column's true type, as a streamed query does.
    static func chunked(_ path: String, options: LoadOptions = LoadOptions(), chunkBytes: Int, threads: Int = 2,
                        columns: [Int]? = nil) throws -> (table: Table, source: CSVChunks) {
        var source = try #require(try CSVChunks.open(path: path, options: options, chunkBytes: chunkBytes))
        while true {
            let parts = Locked<[Int: Table]>([:])
            let selected = columns ?? Array(source.fields.indices)
            do {
                try source.forEachChunk(columns: selected, threads: threads, cancellation: nil) { number, rows in
                    parts.withLock { parts in
                        #expect(parts[number] == nil, "chunk \(number) came twice")
                        parts[number] = rows
                    }
                }
            } catch let misfit as ChunkMisfit {
                #expect(source.fields[misfit.column].type != misfit.type)
                source = source.retyped(misfit)
                continue
            }
            let tables = parts.withLock { $0 }.sorted { $0.key < $1.key }
            #expect(tables.map(\.key) == Array(tables.indices), "chunk numbers are 0, 1, 2, …")
            return (Self.joined(tables.map(\.value), fields: selected.map { source.fields[$0] }), source)
        }
    }

    static func joined(_ tables: [Table], fields: [Field]) -> Table {
        let rows = tables.reduce(0) { $0 + $1.rowCount }
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
        for table in tables {
            for column in builders.indices { for row in 0..<table.rowCount { builders[column].append(table.columns[column][row]) } }
        }
        return Table(fields: fields, columns: builders.map { $0.build() }, rowCount: rows)
    }

    static func eager(_ path: String, options: LoadOptions = LoadOptions()) throws -> (table: Table, warnings: [Diagnostic]) {
        var dataset = Dataset()
        let warnings = try dataset.load(path: path, options: options)
        return (try #require(dataset.collections.first).table, warnings.filter { $0.code == .skippedRows })
    }

    /// Field names and types, then each row's values as text.
    static func rendered(_ table: Table) -> [String] {
        [table.fields.map { "\($0.name):\($0.type)" }.joined(separator: ",")]
            + (0..<table.rowCount).map { row in table.fields.indices.map { table[row, $0].description }.joined(separator: "\u{1F}") }
    }

    static func expectSame(_ name: String, _ text: String, options: LoadOptions = LoadOptions(), sizes: [Int] = chunkSizes) throws {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            let (expected, warnings) = try eager(file.path, options: options)
            for size in sizes {
                for threads in [1, 2] {
                    let (table, source) = try chunked(file.path, options: options, chunkBytes: size, threads: threads)
                    #expect(rendered(table) == rendered(expected), "\(name), chunks of \(size) bytes on \(threads) threads")
                    #expect(source.skippedRowsWarning?.message == warnings.first?.message, "\(name): the skipped rows")
                }
            }
        }
    }

    // MARK: - The same rows as the eager loader

    @Test(arguments: CSVConformanceTests.cases.map(\.0))
    func conformanceFixtures(_ name: String) throws {
        let text = try #require(CSVConformanceTests.cases.first { $0.0 == name }).1
        try Self.expectSame(name, text)
    }

    @Test func lineageFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/lineage/people.csv")
        try Self.expectSame("people.csv", String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }

    /// Random files of quoted line breaks, doubled quotes, CRLF and lone LF, characters of two to four
    /// bytes, empty fields and numbers, with and without a last line end.
    @Test(arguments: 0..<6)
    func generatedTrickyFiles(_ seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed) + 40)
        let pieces = ["a", "é", "😀", "名", "\n", "\r\n", ",", "\"", " ", "7", "Côte d'Ivoire"]
        func field() -> String {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: return ""
            case 1: return String(Int.random(in: -999...999, using: &random))
            case 2: return "2022-0\(Int.random(in: 1...9, using: &random))-1\(Int.random(in: 0...9, using: &random))"
            default:
                let text = (0..<Int.random(in: 1...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
        }
        let end = seed % 2 == 0 ? "\r\n" : "\n"
        var text = "id,one,two,three" + end
        for row in 0..<(40 + seed * 7) { text += "\(row),\(field()),\(field()),\(field())" + end }
        if seed % 3 == 0 { text.removeLast(end.count) }
        try Self.expectSame("tricky\(seed).csv", text, sizes: [1, 2, 3, 4, 7, 16, 50, 333, 4096])
    }

    @Test func optionsAreThoseOfTheEagerLoader() throws {
        let text = "title line\nid;when;n\n1;01/02/2022;NA\n2;;-\n3;05/06/2022;7\n"
        let options = try LoadOptions(["skip=1", "nulls=NA|-", "dateformat=%d/%m/%Y", "types=n:decimal"])
        try Self.expectSame("options.csv", text, options: options)
        try Self.expectSame("headerless.csv", "1,x\n2,y\n", options: try LoadOptions(["header=false"]))
        try Self.expectSame("tabs.tsv", "a\tb\n1\t\"x\ty\"\n")
        try Self.expectSame("padded.csv", "a,b,c\n1,2\n3\n4,5,6\n", options: try LoadOptions(["bad_rows=pad"]))
        try Self.expectSame("skipped.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n", options: try LoadOptions(["bad_rows=skip"]))
    }

    // MARK: - Chunk edges

    /// Each case puts a hard edge at every byte, with one-byte chunks and everything larger.
    @Test(arguments: [
        ("a quoted field with line breaks", "a,b\n1,\"x\ny\n\nz\"\n2,\"\n\"\n"),
        ("CRLF line ends", "a,b\r\n1,2\r\n\"3\r\n4\",5\r\n"),
        ("characters of several bytes", "a,b\nçé,😀\n名前,\"ü\nß\"\n"),
        ("no line end after the last record", "a,b\n1,2\n3,\"4\n5\""),
        ("blank lines", "a,b\n\n\n1,2\n\r\n3,4\n\n"),
    ])
    func chunkEdges(_ name: String, _ text: String) throws {
        try Self.expectSame("edge.csv", text)
    }

    @Test func aHeaderAloneHasNoChunks() throws {
        for text in ["a,b\n", "a,b"] {
            let file = try TemporaryFile(name: "header.csv", contents: Data(text.utf8))
            let (table, source) = try withExtendedLifetime(file) { try Self.chunked(file.path, chunkBytes: 1) }
            #expect(table.rowCount == 0)
            #expect(source.fields.map(\.name) == ["a", "b"])
        }
    }

    @Test func onlyTheSelectedColumnsAreRead() throws {
        let file = try TemporaryFile(name: "some.csv", contents: Data("a,b,c\n1,x,2022-01-01\n2,y,\n".utf8))
        let (table, _) = try withExtendedLifetime(file) { try Self.chunked(file.path, chunkBytes: 4, columns: [0, 2]) }
        #expect(Self.rendered(table) == ["a:integer,c:date", "1\u{1F}2022-01-01", "2\u{1F}"])
    }

    /// A value far past the type sample, in a late chunk: the read stops with the column's true type.
    @Test func aMisfitInALateChunkGivesTheTrueType() throws {
        let text = "id,n\n" + (0..<3_000).map { "\($0),\($0 == 2_900 ? "many" : String($0))\n" }.joined()
        let file = try TemporaryFile(name: "late.csv", contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            let source = try #require(try CSVChunks.open(path: file.path, options: LoadOptions(), chunkBytes: 1_000))
            #expect(source.fields.map(\.type) == [.integer, .integer])
            let seen = Locked(0)
            #expect(throws: ChunkMisfit.self) {
                try source.forEachChunk(columns: [1], threads: 2, cancellation: nil) { _, rows in seen.withLock { $0 += rows.rowCount } }
            }
            do {
                try source.forEachChunk(columns: [1], threads: 1, cancellation: nil) { _, _ in }
            } catch let misfit as ChunkMisfit {
                #expect(misfit.column == 1 && misfit.type == .string)
            }
            #expect(seen.withLock { $0 } < 3_000, "the chunks after the misfit were not passed on")
            try source.forEachChunk(columns: [0], threads: 2, cancellation: nil) { _, _ in }   // the other column reads
            try Self.expectSame("late.csv", text, sizes: [100, 1_000, 1 << 20])
        }
    }

    // MARK: - Errors

    /// The same error, at the same line and column, as the eager loader, whatever the chunk size.
    @Test(arguments: [
        ("a short row", "a,b\n1,2\n3\n", ""),
        ("a long row", "a,b\n1,2\n3,4,5\n", ""),
        ("an unclosed quote", "a,b\n1,2\n3,\"4\n", ""),
        ("text after a quote", "a,b\n1,\"2\"x\n", ""),
        ("not UTF-8", "a,b\n1,2\n3,C\u{F4}te\n", "latin1"),
        ("a duplicate header", "a,a\n1,2\n", ""),
        ("a value not of its given type", "a,b\n1,2\n3,x\n4,5\n", "types=b:integer"),
        ("a misfit before a short row", "a,b\n1,2\n3,x\n4\n", "types=b:integer"),
        ("types= naming no column", "a,b\n1,2\n", "types=c:integer"),
    ])
    func errorsAreThoseOfTheEagerLoader(_ name: String, _ text: String, _ option: String) throws {
        let bytes = option == "latin1" ? text.unicodeScalars.map { UInt8($0.value) } : Array(text.utf8)
        let options = try LoadOptions(option.isEmpty || option == "latin1" ? [] : [option])
        let file = try TemporaryFile(name: "bad.csv", contents: Data(bytes))
        try withExtendedLifetime(file) {
            var expected: Diagnostic?
            do { _ = try Self.eager(file.path, options: options) } catch let diagnostic as Diagnostic { expected = diagnostic }
            let error = try #require(expected, "\(name): the eager loader read it")
            for size in [1, 2, 5, 1 << 20] {
                do {
                    _ = try Self.chunked(file.path, options: options, chunkBytes: size)
                    Issue.record("\(name): read in chunks of \(size)")
                } catch let diagnostic as Diagnostic {
                    #expect(diagnostic.description == error.description, "\(name), chunks of \(size)")
                    #expect(diagnostic.code == error.code && diagnostic.location?.line == error.location?.line)
                }
            }
        }
    }
}
