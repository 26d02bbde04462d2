// A streamed sort or grouping whose result is handed on a block at a time (the `pieces` of
// `Engine.run(_:…:pieces:report:)`, and `Engine.stream`): past a tiny budget it spills, hands on its
// merge's blocks — never its result whole — and gives the rows of the unlimited run, in order, with the
// memory it tracks (the held groups' final sort included) within the budget and its files removed.

import Foundation
import Testing
@testable import WekaQL

@Suite struct HandedOnResultTests {
    /// An engine streaming StreamedSpillTests' rows from `file` (chunks of about 25 rows), with `budget`.
    static func engine(file: String, budget: MemoryBudget, directory: String? = nil, statistics: SpillStatistics? = nil) throws -> Engine {
        let chunks = try #require(try CSVChunks.open(path: file, options: LoadOptions(), chunkBytes: 1024))
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: chunks)]))
        engine.streamsFiles = true
        engine.memoryBudget = budget
        engine.spillSettings = SpillSettings(parent: directory, statistics: statistics)
        return engine
    }

    /// The blocks `query` hands on, and the results it reports.
    static func handedOn(_ query: String, engine: Engine) -> (blocks: [Table], results: [StatementResult], errors: [Diagnostic]) {
        var engine = engine
        var blocks: [Table] = [], results: [StatementResult] = [], errors: [Diagnostic] = []
        engine.run(SourceFile(name: "<test>", text: query), pieces: { blocks.append($0) }) { event in
            switch event {
            case .result(let result): results.append(result)
            case .failure(let diagnostic): errors.append(diagnostic)
            }
        }
        return (blocks, results, errors)
    }

    /// A scratch directory holding the rows as `t.csv` and an empty `spill` directory.
    static func scratch() throws -> (folder: String, file: String, spills: String) {
        let folder = try SpillTests.scratch()
        let file = folder + "/t.csv"
        try Data(StreamedSpillTests.csv.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createDirectory(atPath: folder + "/spill", withIntermediateDirectories: true)
        return (folder, file, folder + "/spill")
    }

    @Test(arguments: [
        "t sort by name desc, g select id, name",
        "t where id % 3 = 0 sort by g, id desc",
        "t sort by price desc, day | where flag select id, price",
        "t count by id % 5000",
        "t count by name, g | where count > 1",
        "t summarize n = count(), s = sum(g), lo = min(name), f = first(day), l = last(price) by name",
    ])
    func aSpilledSortOrGroupingHandsOnItsMergeInBlocks(_ query: String) throws {
        let (folder, file, spills) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var unlimited = try Self.engine(file: file, budget: MemoryBudget(bytes: 1 << 40))
        let expected = try unlimited.run(query)[0].table
        let statistics = SpillStatistics()
        let engine = try Self.engine(file: file, budget: SpillTests.tinyBudget, directory: spills, statistics: statistics)
        let (blocks, results, errors) = Self.handedOn(query, engine: engine)
        #expect(errors.isEmpty, "\(errors)")
        let result = try #require(results.first)
        #expect(result.rowsHandedOn && result.table.rowCount == 0 && result.table.fields == expected.fields)
        #expect(blocks.count > 1, "\(query): the result came whole")
        #expect(blocks.allSatisfy { $0.fields == expected.fields })
        #expect(SpillTests.cells(Table.stacking(blocks, fields: expected.fields)) == SpillTests.cells(expected), "\(query)")
        #expect(statistics.streamedSpills == 1, "\(query) did not spill as it streamed")
        #expect(statistics.peakTrackedBytes <= SpillTests.tinyBudget.bytes, "\(query): peak \(statistics.peakTrackedBytes)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills).isEmpty, "spill files left behind")
    }

    @Test func aSortOrGroupingWithinTheBudgetHandsOnTheSameRows() throws {
        let (folder, file, _) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for query in ["t sort by ratio, flag desc select id", "t count by g"] {
            var unlimited = try Self.engine(file: file, budget: MemoryBudget(bytes: 1 << 40))
            let expected = try unlimited.run(query)[0].table
            let (blocks, results, _) = Self.handedOn(query, engine: unlimited)
            #expect(results.first?.rowsHandedOn == true)
            #expect(SpillTests.cells(Table.stacking(blocks, fields: expected.fields)) == SpillTests.cells(expected), "\(query)")
        }
    }

    @Test(arguments: ["let s = t sort by id", "t sort by id limit 5", "t where id < 10", "assert t count by g | where count > 5000 is empty",
                      "t sort by g extend r = row_number() over ()"])
    func otherStatementsAreNotHandedOn(_ query: String) throws {
        let (folder, file, _) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (blocks, results, errors) = Self.handedOn(query, engine: try Self.engine(file: file, budget: MemoryBudget(bytes: 1 << 40)))
        #expect(errors.isEmpty, "\(errors)")
        #expect(blocks.isEmpty)
        #expect(results.allSatisfy { !$0.rowsHandedOn })
    }

    @Test func streamGivesASpilledSortsMergeAPieceAtATime() throws {
        let (folder, file, spills) = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let query = "t sort by name, id desc select id, name"
        var unlimited = try Self.engine(file: file, budget: MemoryBudget(bytes: 1 << 40))
        let expected = try unlimited.run(query)[0].table
        let statistics = SpillStatistics()
        let engine = try Self.engine(file: file, budget: SpillTests.tinyBudget, directory: spills, statistics: statistics)
        let pieces = Locked<[Table]>([])
        try engine.stream(query) { piece in pieces.withLock { $0.append(piece) } }
        let got = pieces.withLock { $0 }
        #expect(got.count > 1)
        #expect(SpillTests.cells(Table.stacking(got, fields: expected.fields)) == SpillTests.cells(expected))
        #expect(statistics.peakTrackedBytes <= SpillTests.tinyBudget.bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills).isEmpty)
    }

    @Test(arguments: [OutputFormat.csv, .json, .jsonl])
    func piecesRenderAsTheWholeResult(_ format: OutputFormat) {
        let table = SpillTests.table
        let renderer = Renderer(format: format)
        var text = "", pieces = 0
        for start in stride(from: 0, to: 1_000, by: 300) {
            let piece = Relation(table, selection: (start..<min(start + 300, 1_000)).map { Int32($0) }).materialized()
            text += renderer.render(piece: piece, first: pieces == 0)
            pieces += 1
        }
        let empty = Relation(table, selection: []).materialized()
        text += renderer.end(of: empty, afterPieces: pieces)
        #expect(text == renderer.render(Relation(table, selection: (0..<1_000).map { Int32($0) }).materialized()))
        #expect(renderer.end(of: empty, afterPieces: 0) == renderer.render(empty))
    }
}
