// A JSON lines file read a chunk at a time (JSONLinesChunks): the chunks together are the file loaded
// whole, for chunks of any size (a few bytes: every row its own chunk; a line longer than a chunk), on
// one thread or two; a value past the sample that the sampled type cannot hold is a ChunkMisfit with the
// whole file's type; an error is the whole load's.

import Foundation
import Testing
@testable import WekaQL

@Suite struct JSONLinesChunksTests {
    /// A file on disk with its mapping, opened for chunks.
    final class Opened {
        let temporary: TemporaryFile
        let chunks: JSONLinesChunks
        let warnings: [Diagnostic]

        init(_ text: String, chunkBytes: Int, name: String = "c.jsonl") throws {
            temporary = try TemporaryFile(name: name, contents: Data(text.utf8))
            var warnings: [Diagnostic] = []
            var chunks = try JSONLinesChunks(path: temporary.path, file: try #require(try FileBytes.map(temporary.path)),
                                             collection: "c", warnings: &warnings)
            chunks.chunkBytes = chunkBytes
            self.chunks = chunks
            self.warnings = warnings
        }

        /// The whole load of the same file.
        func eager() throws -> Table {
            var dataset = Dataset()
            var options = LoadOptions()
            options.name = "c"
            try dataset.load(path: temporary.path, options: options)
            return try #require(dataset["c"]).table
        }

        /// The chunks' rows of `columns` (every field when `nil`), put back in order.
        func read(columns: [Int]? = nil, threads: Int = 1) throws -> (table: Table, chunks: Int) {
            let columns = columns ?? Array(chunks.fields.indices)
            let parts = Locked<[Int: Table]>([:])
            try chunks.forEachChunk(columns: columns, threads: threads, cancellation: nil) { number, rows in
                parts.withLock { $0[number] = rows }
            }
            let tables = parts.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
            #expect(tables.count == parts.withLock { $0.count })
            let fields = columns.map { chunks.fields[$0] }
            let values = fields.indices.map { column in tables.flatMap { $0.values(ofColumn: column) } }
            let rows = tables.reduce(0) { $0 + $1.rowCount }
            return (Table(fields: fields, columns: zip(fields, values).map { Column(type: $0.type, values: $1) }, rowCount: rows), tables.count)
        }
    }

    static func same(_ a: Table, _ b: Table) -> Bool {
        a.fields == b.fields && a.rowCount == b.rowCount && a.fields.indices.allSatisfy { a.values(ofColumn: $0) == b.values(ofColumn: $0) }
    }

    static let rows = (0..<40).map { i in
        "{\"id\": \(i), \"country\": \"\(["Togo", "Côte d'Ivoire", "Bénin", "日本"][i % 4])\", \"n\": \(i % 3 == 0 ? "null" : "\(i).5"), " +
            "\"addr\": {\"city\": \"c\(i)\"}, \"tags\": [\"t\(i)\"]" + (i % 5 == 0 ? ", \"extra\": \"é\\u00e9\"" : "") + "}"
    }.joined(separator: "\n") + "\n"

    @Test(arguments: [1, 7, 64, 300, 1 << 20])
    func chunksAreTheWholeLoad(_ chunkBytes: Int) throws {
        let opened = try Opened(Self.rows, chunkBytes: chunkBytes)
        let eager = try opened.eager()
        for threads in [1, 2] {
            let (table, count) = try opened.read(threads: threads)
            #expect(Self.same(table, eager), "\(chunkBytes) bytes, \(threads) threads")
            if chunkBytes == 1 { #expect(count == 40) }   // every row a chunk of its own
        }
    }

    @Test func onlyTheSelectedColumnsAreRead() throws {
        let opened = try Opened(Self.rows, chunkBytes: 50)
        let eager = try opened.eager()
        let names = opened.chunks.fields.map(\.name)
        let picked = [names.firstIndex(of: "country")!, names.firstIndex(of: "addr.city")!]
        let (table, _) = try opened.read(columns: picked, threads: 2)
        #expect(table.fields.map(\.name) == ["country", "addr.city"])
        #expect(table.values(ofColumn: 0) == eager.values(ofColumn: picked[0]))
        #expect(table.values(ofColumn: 1) == eager.values(ofColumn: picked[1]))
    }

    @Test func aCharacterOfSeveralBytesIsNeverSplit() throws {
        // Chunk targets that fall inside "日本" (three bytes a character) and inside an escape.
        let text = (0..<20).map { "{\"s\": \"日本語\($0)\", \"e\": \"\\u65e5\"}" }.joined(separator: "\n")
        for chunkBytes in 1...12 {
            let opened = try Opened(text, chunkBytes: chunkBytes)
            #expect(Self.same(try opened.read().table, try opened.eager()), "\(chunkBytes)")
        }
    }

    @Test func rowBoundariesAreNeverInsideAnObjectThatSpansLines() throws {
        let text = (0..<30).map { "{\"i\": \($0),\n  \"o\": {\"k\": [1,\n 2]}\n}" }.joined(separator: "\n")
        for chunkBytes in [1, 5, 17, 40] {
            let opened = try Opened(text, chunkBytes: chunkBytes)
            #expect(Self.same(try opened.read(threads: 2).table, try opened.eager()), "\(chunkBytes)")
        }
    }

    /// The sample's lines, then `tail`.
    static func pastTheSample(_ tail: String) -> String {
        (0..<JSONLinesChunks.sampleLines).map { "{\"n\": \($0), \"s\": \"x\"}" }.joined(separator: "\n") + "\n" + tail + "\n"
    }

    @Test(arguments: [
        (#"{"n": "many", "s": "y"}"#, ValueType.string),
        (#"{"n": 2.5, "s": "y"}"#, .decimal),
        (#"{"n": 1e3, "s": "y"}"#, .float),
    ])
    func aMisfitInALateChunkNamesTheWholeFilesType(_ tail: String, _ type: ValueType) throws {
        let opened = try Opened(Self.pastTheSample(tail), chunkBytes: 4096)
        #expect(opened.chunks.fields.map(\.type) == [.integer, .string])
        do {
            _ = try opened.read(threads: 2)
            Issue.record("no misfit")
        } catch let misfit as ChunkMisfit {
            #expect(misfit.column == 0)
            #expect(misfit.type == type)
            #expect(try opened.eager().fields[0].type == type)
            // Read again with the column's true type, the chunks are the whole load.
            let retyped: JSONLinesChunks = opened.chunks.reading(column: misfit.column, as: misfit.type)
            let parts = Locked<[Int: Table]>([:])
            try retyped.forEachChunk(columns: [0, 1], threads: 2, cancellation: nil) { number, rows in parts.withLock { $0[number] = rows } }
            let values = parts.withLock { $0 }.sorted { $0.key < $1.key }.flatMap { $0.value.values(ofColumn: 0) }
            #expect(values == (try opened.eager()).values(ofColumn: 0))
        }
    }

    @Test func aLaterIntegerInADecimalColumnFits() throws {
        let text = (0..<10).map { "{\"n\": \($0).5}" }.joined(separator: "\n") + "\n{\"n\": 3}\n"
        let opened = try Opened(text, chunkBytes: 8)
        #expect(Self.same(try opened.read().table, try opened.eager()))
    }

    @Test(arguments: [
        #"{"n": 1, "s": "x",}"#, #"{"n": 1, "s": "\x"}"#, #"[1]"#, #"{"n": 1, "s": "x"} {"n""#,
    ])
    func anErrorInALateChunkIsTheWholeLoads(_ tail: String) throws {
        let opened = try Opened(Self.pastTheSample(tail), chunkBytes: 1024)
        var eager = "no error", chunked = "no error"
        do { _ = try opened.eager() } catch { eager = "\(error)" }
        do { _ = try opened.read(threads: 2) } catch { chunked = "\(error)" }
        #expect(eager != "no error")
        #expect(chunked == eager)
    }

    @Test func anErrorInTheSampleIsTheWholeLoads() throws {
        let text = "{\"a\": 1}\n{\"a\": }\n"
        let file = try TemporaryFile(name: "bad.jsonl", contents: Data(text.utf8))
        var eager = "", opened = ""
        try withExtendedLifetime(file) {
            var dataset = Dataset()
            do { try dataset.load(path: file.path) } catch { eager = "\(error)" }
            var lazy = Dataset()
            do { try lazy.open(path: file.path) } catch { opened = "\(error)" }
        }
        #expect(!eager.isEmpty)
        #expect(opened == eager)
    }

    @Test func aFieldPastTheSampleStopsWholeRowsOnly() throws {
        let opened = try Opened(Self.pastTheSample(#"{"n": 5, "s": "y", "late": true}"#), chunkBytes: 2048)
        #expect(throws: Diagnostic.self) { _ = try opened.read() }
        do { _ = try opened.read() } catch let error as Diagnostic {
            #expect(error.code == .fieldAfterSample)
            #expect(error.description.contains("c.jsonl:\(JSONLinesChunks.sampleLines + 1):"))
        }
        #expect(try opened.read(columns: [1]).table.rowCount == JSONLinesChunks.sampleLines + 1)
    }

    @Test func anOpenedFileIsALazyCollection() throws {
        let file = try TemporaryFile(name: "lazy.jsonl", contents: Data(Self.rows.utf8))
        try withExtendedLifetime(file) {
            var opened = Dataset()
            let warnings = try opened.open(path: file.path)
            #expect(warnings.isEmpty)
            let collection = try #require(opened["lazy"])
            #expect(collection.chunks != nil)
            var dataset = Dataset()
            try dataset.load(path: file.path)
            #expect(Self.same(try collection.table, try #require(dataset["lazy"]).table))
        }
    }

    @Test func datasetOpenOpensJSONLinesLazily() throws {
        let text = Self.rows + #"{"id": 99, "n": "many"}"# + "\n"
        let file = try TemporaryFile(name: "lazy.jsonl", contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            var eager = Dataset(), opened = Dataset()
            let eagerWarnings = try eager.load(path: file.path)
            let openWarnings = try opened.open(path: file.path)
            #expect(openWarnings.isEmpty)
            var collection = try #require(opened["lazy"])
            #expect(collection.isOpenedLazily)
            var warnings: [Diagnostic] = []
            try collection.materialize(.all, warnings: &warnings)
            #expect(warnings.map(\.description) == eagerWarnings.map(\.description))
            let whole = try #require(eager["lazy"]).table
            #expect(collection.fields == whole.fields)
            #expect(Self.same(try #require(collection.rowsRead), whole))
        }
    }
}
