// RowSequence and RowCursor: a query's rows read as they are made, in chunks, never far ahead of the
// reader, stopped by break, by a cancelled task or token, and never given twice when a run starts again.

import Testing
@testable import WekaQL

@Suite struct RowStreamTests {
    static func engine(_ source: any ChunkedSource) -> Engine {
        Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: source)]))
    }

    /// `count` rows of `id` 0, 1, 2, … read a row per chunk.
    static func counting(_ count: Int) -> CountingChunks {
        let table = try! Table(columns: ["id"], rows: (0..<count).map { [Value.integer(Int64($0))] })
        return CountingChunks(chunks: TableChunks(table, rowsPerChunk: 1))
    }

    static func values(_ rows: [Row]) -> [[Value]] { rows.map(\.values) }

    static func collect(_ rows: RowSequence) async throws(Diagnostic) -> [Row] {
        var all: [Row] = []
        for try await row in rows { all.append(row) }
        return all
    }

    @Test func streamedRowsAreTheRowsOfRun() async throws {
        let engine = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 2))
        for query in ["t where x > 1 select id, s", "t count by g", "t sort by id desc", "t where s = \"Togo\" limit 2"] {
            let prepared = try engine.prepare(query)
            let whole = try prepared.run()
            #expect(Self.values(try await Self.collect(prepared.rows())) == Self.values(Array(whole)), "\(query)")
            #expect(Self.values(try await Self.collect(try engine.rows(query))) == Self.values(Array(whole)), "\(query)")
            let cursor = try prepared.cursor()
            var read: [Row] = []
            while let row = try cursor.next() { read.append(row) }
            #expect(Self.values(read) == Self.values(Array(whole)), "\(query)")
        }
    }

    @Test func aStreamingPlanComesInChunksAnotherAsOne() throws {
        let engine = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 2))
        var sizes: [Int] = []
        let streamed = try engine.cursor("t select id")
        while let chunk = try streamed.nextChunk() { sizes.append(chunk.rowCount) }
        #expect(sizes == [2, 2, 2, 1])
        let whole = try engine.cursor("t count by g")
        #expect(try whole.nextChunk()?.rowCount == 4)
        #expect(try whole.nextChunk() == nil)
    }

    @Test func aCollectionInMemoryStreamsInChunks() throws {
        let table = try Table(columns: ["id"], rows: (0..<40_000).map { [Value.integer(Int64($0))] })
        let engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", table: table)]))
        let cursor = try engine.cursor("t where id % 2 = 0 select id")
        var sizes: [Int] = []
        while let chunk = try cursor.nextChunk() { sizes.append(chunk.rowCount) }
        #expect(sizes.count == 3 && sizes.reduce(0, +) == 20_000)
        #expect(sizes.allSatisfy { $0 <= RowStreamRun.rowsPerChunk })
    }

    @Test func theRunStaysWithinItsBuffer() throws {
        let source = Self.counting(200)
        let cursor = try Self.engine(source).cursor("t select id")
        var taken = 0, mostAhead = 0
        while try cursor.nextChunk() != nil {
            taken += 1
            mostAhead = max(mostAhead, source.read.withLock { $0 } - taken)
        }
        #expect(taken == 200)
        let counts = cursor.reader.buffer.counts
        #expect(counts.mostHeld <= ChunkBuffer.defaultCapacity && counts.taken == 200)
        // In the buffer, and one each being merged and read: nothing more is read ahead.
        #expect(mostAhead <= ChunkBuffer.defaultCapacity + 2)
    }

    @Test func breakingOutStopsTheRun() async throws {
        let source = Self.counting(10_000)
        let buffers = Locked<[ChunkBuffer]>([])
        var rows = try Self.engine(source).rows("t select id")
        rows.observer = { buffer in buffers.withLock { $0.append(buffer) } }
        var seen = 0
        for try await _ in rows {
            seen += 1
            if seen == 3 { break }
        }
        let buffer = try #require(buffers.withLock { $0.first })
        buffer.waitForProducer()
        #expect(buffer.counts.held == 0)
        #expect(source.read.withLock { $0 } <= 3 + ChunkBuffer.defaultCapacity + 3)
    }

    @Test func cancellingTheTaskStopsTheRun() async throws {
        let source = Self.counting(10_000)
        let buffers = Locked<[ChunkBuffer]>([])
        var rows = try Self.engine(source).rows("t select id")
        rows.observer = { buffer in buffers.withLock { $0.append(buffer) } }
        let (started, starting) = AsyncStream<Void>.makeStream()
        let task = Task { () async throws -> Int in
            var seen = 0
            for try await _ in rows {
                seen += 1
                if seen == 1 {
                    starting.yield()
                    try? await Task.sleep(for: .seconds(60))   // ends when the task is cancelled
                }
            }
            return seen
        }
        for await _ in started { break }
        task.cancel()
        let result = await task.result
        guard case .failure(let error) = result else { Issue.record("the cancelled loop ended without an error"); return }
        #expect((error as? Diagnostic)?.code == .cancelled)
        let buffer = try #require(buffers.withLock { $0.first })
        buffer.waitForProducer()
        #expect(source.read.withLock { $0 } < 10)
    }

    @Test func cancellingTheTokenOrTheCursorStopsIt() throws {
        let token = CancellationToken()
        let engine = Self.engine(Self.counting(10_000))
        let cursor = try engine.cursor("t select id", cancellation: token)
        #expect(try cursor.next() != nil)
        token.cancel()
        #expect(throws: Diagnostic.self) { try cursor.next() }
        #expect(try cursor.next() == nil)

        let other = try engine.cursor("t select id")
        #expect(try other.next() != nil)
        other.cancel()
        do {
            _ = try other.next()
            Issue.record("a cancelled cursor gave a row")
        } catch {
            #expect(error.code == .cancelled)
        }
    }

    @Test func aMisfitBeforeAnyRowIsTakenStartsAgain() async throws {
        let source = LateStringChunks(count: 6, misfitChunk: 0)
        let rows = try await Self.collect(try Self.engine(source).rows("t select x"))
        #expect(Self.values(rows) == (0..<6).map { [Value.string(LateStringChunks.text($0, misfit: 0))] })
    }

    @Test func aMisfitAfterRowsWereTakenIsAnErrorAfterThem() async throws {
        let misfit = ChunkBuffer.defaultCapacity + 2
        let source = LateStringChunks(count: 10, misfitChunk: misfit)
        var rows: [Row] = []
        do {
            for try await row in try Self.engine(source).rows("t select x") { rows.append(row) }
            Issue.record("no error")
        } catch {
            #expect((error as? Diagnostic)?.code == .streamedTypeChanged)
        }
        // Every row given once, in order, all read as the sample's integers: none of the run started again.
        #expect(Self.values(rows) == (0..<misfit).map { [Value.integer(Int64($0))] })
    }

    struct Item: Decodable, Equatable {
        var id: Int
        var s: String
    }

    @Test func rowsDecodeAsTheyStream() async throws {
        let engine = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 2))
        let prepared = try engine.prepare("t where id > $n select id, s")
        var items: [Item] = []
        for try await item in prepared.rows(as: Item.self, ["n": 4]) { items.append(item) }
        #expect(items == [Item(id: 5, s: "Togo"), Item(id: 6, s: "Mali"), Item(id: 7, s: "Benin")])
        let cursor = try prepared.cursor(["n": 5])
        #expect(try cursor.next(as: Item.self) == Item(id: 6, s: "Mali"))

        // A decoding error names the row's place in the whole result, not in its chunk.
        struct Strict: Decodable { var x: Int }
        var decoded = 0
        let rowPerChunk = Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 1))
        do {
            for try await _ in try rowPerChunk.rows(as: Strict.self, "t select x") { decoded += 1 }
            Issue.record("a null decoded as Int")
        } catch {
            #expect(decoded == 1 && error.message.hasPrefix("row 2:"))
        }
    }

    @Test func parameterErrorsComeFirst() async throws {
        let prepared = try Self.engine(TableChunks(StreamingSinkTests.table, rowsPerChunk: 2)).prepare("t where id > $n")
        #expect(throws: Diagnostic.self) { try prepared.cursor() }
        await #expect(throws: Diagnostic.self) { try await Self.collect(prepared.rows()) }
    }
}

/// One column `x` whose sample makes it integers, while chunk `misfitChunk` holds a string: read as
/// integers, that chunk throws a ``ChunkMisfit``; read as strings, every chunk comes. A row per chunk.
struct LateStringChunks: RetypableChunkedSource {
    let count: Int
    let misfitChunk: Int
    var asStrings = false

    static func text(_ row: Int, misfit: Int) -> String { row == misfit ? "many" : String(row) }

    var fields: [Field] { [Field(name: "x", type: asStrings ? .string : .integer)] }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        let values: [Value] = (0..<count).map { asStrings ? .string(Self.text($0, misfit: misfitChunk)) : .integer(Int64($0)) }
        let table = Table(fields: fields, columns: [Column(type: fields[0].type, values: values)], rowCount: count)
        let misfit = asStrings ? -1 : misfitChunk
        try TableChunks(table, rowsPerChunk: 1).forEachChunk(columns: columns, threads: threads, cancellation: cancellation) { number, rows in
            if number == misfit { throw ChunkMisfit(column: 0, type: .string) }
            try body(number, rows)
        }
    }

    func reading(column: Int, as type: ValueType) -> any ChunkedSource {
        var retyped = self
        retyped.asStrings = true
        return retyped
    }
}
