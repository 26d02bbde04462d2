// CSV chunks read in two passes (late materialisation): the text columns read only for the rows asked
// for are those rows of the eager load, at every chunk size, on one and two threads, with quoted line
// breaks, doubled quotes, padded short rows and skipped bad rows; and whole-row queries streamed over a
// file with a bad value in a kept or a dropped row give the in-memory results and errors.

import Foundation
import Testing
@testable import WekaQL

@Suite struct CSVChunksLateTests {
    /// The rows at even positions of each chunk: the non-text columns read first, the text ones late.
    static func everyOtherRow(_ path: String, options: LoadOptions, chunkBytes: Int, threads: Int) throws -> (table: Table, rows: [Int]) {
        let source = try #require(try CSVChunks.open(path: path, options: options, chunkBytes: chunkBytes))
        let late = source.fields.indices.filter { source.fields[$0].type == .string }
        let early = source.fields.indices.filter { !late.contains($0) }
        let parts = Locked<[Int: (rows: Int, kept: [Int32], early: Table, late: [Column])]>([:])
        try source.forEachChunk(columns: early, late: late, threads: threads, cancellation: nil) { number, rows, lateRows in
            let kept = stride(from: 0, to: rows.rowCount, by: 2).map(Int32.init)
            let columns = try lateRows.read(kept)
            parts.withLock { $0[number] = (rows.rowCount, kept, rows, columns) }
        }
        var offset = 0, rows: [Int] = []
        var builders = source.fields.map { ColumnBuilder(type: $0.type) }
        for (_, part) in parts.withLock({ $0 }).sorted(by: { $0.key < $1.key }) {
            for (position, row) in part.kept.enumerated() {
                rows.append(offset + Int(row))
                for column in source.fields.indices {
                    if let slot = late.firstIndex(of: column) { builders[column].append(part.late[slot][position]) }
                    else { builders[column].append(part.early.columns[early.firstIndex(of: column)!][Int(row)]) }
                }
            }
            offset += part.rows
        }
        return (Table(fields: source.fields, columns: builders.map { $0.build() }, rowCount: rows.count), rows)
    }

    static func expectSame(_ name: String, _ text: String, options: LoadOptions = LoadOptions()) throws {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            let (whole, _) = try CSVChunksTests.eager(file.path, options: options)
            for size in [1, 3, 7, 64, 1 << 20] {
                for threads in [1, 2] {
                    let (table, rows) = try everyOtherRow(file.path, options: options, chunkBytes: size, threads: threads)
                    let expected = Relation(whole, selection: rows.map(Int32.init)).materialized()
                    #expect(CSVChunksTests.rendered(table) == CSVChunksTests.rendered(expected), "\(name), chunks of \(size) bytes, \(threads) threads")
                }
            }
        }
    }

    @Test func lateColumnsAreTheRowsOfTheEagerLoad() throws {
        try Self.expectSame("quoted.csv", "id,name,note,n\n1,\"a\nb\",x,3\n2,\"say \"\"hi\"\"\",,4\n3,é,\"c,d\",5\n4,😀,z,6\n5,w,\"\",7\n")
        try Self.expectSame("crlf.csv", "id,s\r\n1,a\r\n2,b\r\n3,\"c\r\nd\"\r\n4,e")
        try Self.expectSame("padded.csv", "id,a,b\n1,x\n2\n3,y,z\n4,w,v\n", options: try LoadOptions(["bad_rows=pad"]))
        try Self.expectSame("skipped.csv", "id,a\n1,x\n2\n3,y,z\n4,w\n5,v\n", options: try LoadOptions(["bad_rows=skip"]))
        try Self.expectSame("nulls.csv", "id,a\n1,NA\n2,x\n3,-\n4,y\n", options: try LoadOptions(["nulls=NA|-"]))
    }

    /// The file at `path` opened as `Dataset.open` opens it, read in chunks of `chunkBytes` when given.
    static func opened(_ path: String, chunkBytes: Int?) throws -> Dataset {
        var dataset = Dataset()
        try dataset.open(path: path)
        guard let chunkBytes else { return dataset }
        let chunks = try #require(try CSVChunks.open(path: path, options: LoadOptions(), chunkBytes: chunkBytes))
        let columns = FileColumns(chunks: chunks, path: path, options: LoadOptions(), seconds: 0)
        dataset.add(Dataset.Collection(name: dataset.collections[0].name, description: "", columns: columns))
        return dataset
    }

    /// Everything running `script` over `file` prints, streamed or in memory.
    static func output(_ file: TemporaryFile, _ script: String, streamed: Bool, chunkBytes: Int) throws -> String {
        try withExtendedLifetime(file) {
            var engine = Engine(dataset: try opened(file.path, chunkBytes: chunkBytes))
            engine.streamsFiles = streamed
            return StreamingCorpusTests.output(engine, "q.wql", script, parameters: [:])
        }
    }

    static func expectStreamedAsInMemory(_ text: String, _ script: String) throws {
        let file = try TemporaryFile(name: "t.csv", contents: Data(text.utf8))
        for size in [1, 16, 1 << 20] {
            let memory = try output(file, script, streamed: false, chunkBytes: size)
            let streamed = try output(file, script, streamed: true, chunkBytes: size)
            #expect(streamed == memory, "\(script), chunks of \(size) bytes:\n\(streamed)\nin memory:\n\(memory)")
        }
    }

    @Test func wholeRowQueriesWithBadValuesInKeptAndDroppedRows() throws {
        let rows = (1...40).map { "\($0),c\($0 % 3),text \($0),\($0 * 7 % 11)" }
        let clean = "id,country,details,n\n" + rows.joined(separator: "\n") + "\n"
        let queries = ["t where id = 5", "t where id > 30 or country = \"c1\"", "t where n > 3 sort by n desc, id limit 4",
                       "t sort by country, n limit 3", "t where id < 8 limit 2", "t where id = 500"]
        for script in queries { try Self.expectStreamedAsInMemory(clean, script) }
        // A text in the integer column `n`, in a row the filter drops and in one it keeps: the column is text.
        var misfit = rows
        misfit[20] = "21,c0,text 21,many"
        for script in queries { try Self.expectStreamedAsInMemory("id,country,details,n\n" + misfit.joined(separator: "\n") + "\n", script) }
        // A short row (an error) and a long one, each in a dropped row. (Not under `limit`: streamed, reading
        // stops once the rows are in, before the bad row, as it did before late reading.)
        for bad in ["21,c0", "21,c0,x,1,extra"] {
            var broken = rows
            broken[20] = bad
            for script in queries where !script.contains("limit 2") { try Self.expectStreamedAsInMemory("id,country,details,n\n" + broken.joined(separator: "\n") + "\n", script) }
        }
    }

    @Test func invalidTextInADroppedRowsLateColumnIsStillAnError() throws {
        let head = Data("id,details\n1,fine\n2,also fine\n3,".utf8) + Data([0xFF, 0xFE]) + Data("\n4,end\n".utf8)
        let file = try TemporaryFile(name: "bad.csv", contents: head)
        try withExtendedLifetime(file) {
            func run(_ streamed: Bool) throws -> String {
                var engine = Engine(dataset: try Self.opened(file.path, chunkBytes: streamed ? 8 : nil))
                engine.streamsFiles = streamed
                return StreamingCorpusTests.output(engine, "q.wql", "t where id = 1", parameters: [:])
            }
            let memory = try run(false)
            #expect(memory.contains("error"))
            #expect(try run(true) == memory)
        }
    }
}
