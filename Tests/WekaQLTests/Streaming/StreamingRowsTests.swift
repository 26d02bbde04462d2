// Engine.stream: a streamed query's result handed on a chunk at a time, before the whole result exists.

import Testing
@testable import WekaQL

@Suite struct StreamingRowsTests {
    static func engine(_ source: any ChunkedSource) -> Engine {
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: source)]))
        engine.streamsFiles = true
        return engine
    }

    static func rows(_ tables: [Table]) -> [[Value]] {
        tables.flatMap { table in table.map { row in table.fields.indices.map { row[$0] } } }
    }

    @Test func piecesComeInOrderAndMakeTheResult() throws {
        let engine = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 1))
        let query = "t where x > 1 select id, s"
        let pieces = Locked<[Table]>([])
        try engine.stream(query) { piece in pieces.withLock { $0.append(piece) } }
        let got = pieces.withLock { $0 }
        var inMemory = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", table: StreamingSinkTests.table)]))
        let whole = try inMemory.run(query)[0].table
        #expect(got.count == whole.rowCount && got.count > 1)
        #expect(got.allSatisfy { $0.fields.map(\.name) == ["id", "s"] })
        #expect(Self.rows(got) == Self.rows([whole]))
    }

    @Test func aQueryThatCannotStreamIsOnePiece() throws {
        let engine = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 1))
        let pieces = Locked<[Table]>([])
        try engine.stream("t count by g") { piece in pieces.withLock { $0.append(piece) } }
        #expect(pieces.withLock { $0.map(\.rowCount) } == [4])
    }

    @Test func throwingStopsReading() {
        struct Enough: Error {}
        let source = CountingChunks(chunks: TableChunks(StreamingSinkTests.table, rowsPerChunk: 1))
        let engine = Self.engine(source)
        #expect(throws: Enough.self) { try engine.stream("t select id") { _ in throw Enough() } }
        #expect(source.read.withLock { $0 } == 1)
    }
}
