// Streamed execution of each kind of sink, on small tables read in chunks of a few rows: the result is
// the in-memory one, whatever the chunk size (ties, first/last, exact sums, overflow), `limit` stops
// reading, a misfit column starts the statement again, and cancellation stops it.

import Testing
@testable import WekaQL

/// A table read in chunks, counting the chunks read.
struct CountingChunks: ChunkedSource {
    let chunks: TableChunks
    let read = Locked(0)
    /// Cancelled when this many chunks have been read, if set.
    var cancelAfter: (Int, CancellationToken)? = nil

    var fields: [Field] { chunks.fields }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        try chunks.forEachChunk(columns: columns, threads: threads, cancellation: cancellation) { number, rows in
            let count = read.withLock { $0 += 1; return $0 }
            if let (limit, token) = cancelAfter, count >= limit { token.cancel() }
            try body(number, rows)
        }
    }
}

/// A source whose sample typed column `column` as an integer, which meets a text far down: it throws
/// ``ChunkMisfit`` until read with the column as a string.
struct MisfitChunks: RetypableChunkedSource {
    let table: Table
    let column: Int
    var retyped = false

    var fields: [Field] {
        var fields = table.fields
        if !retyped { fields[column].type = .integer }
        return fields
    }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        if !retyped && columns.contains(column) { throw ChunkMisfit(column: column, type: .string) }
        try TableChunks(table, rowsPerChunk: 2).forEachChunk(columns: columns, threads: threads, cancellation: cancellation, body)
    }

    func reading(column: Int, as type: ValueType) -> any ChunkedSource {
        var copy = self
        copy.retyped = true
        return copy
    }
}

@Suite struct StreamingSinkTests {
    static let table = try! Table(columns: ["id", "g", "x", "d", "s"], rows: [
        [1, "b", 5, .decimal(ExactDecimal(units: 150, scale: 2)!), "Togo"],
        [2, "a", .null, .decimal(ExactDecimal(units: 25, scale: 1)!), "Benin"],
        [3, "b", 5, .null, "Togo"],
        [4, .null, 7, .decimal(ExactDecimal(units: 1, scale: 3)!), "Ghana"],
        [5, "a", 2, .decimal(ExactDecimal(units: 3, scale: 0)!), "Togo"],
        [6, "b", .null, .decimal(ExactDecimal(units: -5, scale: 1)!), "Mali"],
        [7, "c", 5, .decimal(ExactDecimal(units: 7, scale: 2)!), "Benin"],
    ])

    /// What running `query` over `table` as collection `t` reports: tables and notes, rendered.
    static func output(_ query: String, over table: Table = table, chunkRows: Int? = nil, budget: MemoryBudget? = nil) -> String {
        let collection = chunkRows.map { Dataset.Collection(name: "t", chunks: TableChunks(table, rowsPerChunk: $0)) }
            ?? Dataset.Collection(name: "t", table: table)
        var engine = Engine(dataset: Dataset(collections: [collection]))
        engine.streamsFiles = chunkRows != nil
        if let budget { engine.memoryBudget = budget }
        return StreamingCorpusTests.output(engine, "<query>", query, parameters: [:])
    }

    /// Streamed in chunks of 1, 2, 3 and 100 rows, `query` gives what it gives in memory.
    static func expectSame(_ query: String, over table: Table = table, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = output(query, over: table)
        for rows in [1, 2, 3, 100] {
            #expect(output(query, over: table, chunkRows: rows) == expected, "\(query) in chunks of \(rows)", sourceLocation: sourceLocation)
        }
    }

    static func split(_ query: String, over table: Table = table) -> StreamPlan? {
        let dataset = Dataset(collections: [Dataset.Collection(name: "t", chunks: TableChunks(table, rowsPerChunk: 2))])
        let (plans, errors) = Engine(dataset: dataset).compile(SourceFile(name: "", text: query))
        #expect(errors.isEmpty)
        return plans.first.flatMap { StreamPlan($0.query, dataset: dataset, parameters: [:]) }
    }

    @Test func aggregatesMergeExactly() {
        Self.expectSame("t count")
        Self.expectSame("t where id > 100 count")
        Self.expectSame("t count by g")
        Self.expectSame("t summarize n = count(), total = sum(x), low = min(x), high = max(x), mean = avg(x) by g")
        Self.expectSame("t summarize total = sum(d), mean = avg(d), low = min(d), high = max(d)")
        Self.expectSame("t summarize firsts = first(x), lasts = last(x), kinds = count_distinct(s), togo = count_if(s = \"Togo\") by g")
        Self.expectSame("t summarize share = round(sum(x) * 100.0 / count(), 1) by s sort by share desc")
        Self.expectSame("t summarize n = count() by year = id % 3, s")
    }

    @Test func integerOverflowIsTheSameError() {
        let big = try! Table(columns: ["n"], rows: [[.integer(.max)], [1], [-2]])
        Self.expectSame("t summarize total = sum(n)", over: big)
        let over = try! Table(columns: ["n"], rows: [[.integer(.max)], [1]])
        Self.expectSame("t summarize total = sum(n)", over: over)
        #expect(Self.output("t summarize total = sum(n)", over: over, chunkRows: 1).contains("E04"))
    }

    @Test func sortLimitBreaksTiesByInputOrder() {
        Self.expectSame("t sort by x limit 3")
        Self.expectSame("t sort by x desc limit 4")
        Self.expectSame("t sort by g, x limit 5 offset 1")
        Self.expectSame("t top 2 by s")
        Self.expectSame("t select id, s sort by s limit 100")
    }

    @Test func distinctKeepsFirstAppearance() {
        Self.expectSame("t distinct s")
        Self.expectSame("t distinct g, x")
        Self.expectSame("t where x > 1 distinct s | sort by s")
    }

    @Test func rowsAndLimitStream() {
        Self.expectSame("t where s = \"Togo\"")
        Self.expectSame("t extend y = x * 2 | where y > 5 | select id, y")
        Self.expectSame("t limit 2")
        Self.expectSame("t limit 0")
        Self.expectSame("t where s = \"Tgo\"")
        Self.expectSame("t where s = \"Tgo\" count")
        Self.expectSame("t where id in (t where s = \"Benin\" select id) select id")
        Self.expectSame("t sort by s | limit 3")
    }

    @Test func limitStopsReading() throws {
        let source = CountingChunks(chunks: TableChunks(Self.table, rowsPerChunk: 1))
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: source)]))
        engine.streamsFiles = true
        let result = try engine.run("t where id > 1 limit 2")[0].table
        #expect(result.rowCount == 2)
        #expect(source.read.withLock { $0 } == 3)
    }

    @Test func whatCannotMergeRunsInMemory() {
        // Nothing to stream before them: the collection is read whole, as without streaming.
        #expect(Self.split("t summarize m = median(x)") == nil)
        #expect(Self.split("t summarize l = list(x) by g") == nil)
        let floats = try! Table(columns: ["f"], rows: [[.float(0.1)], [.float(0.2)], [.float(0.3)]])
        Self.expectSame("t where f > 0 summarize total = sum(f), mean = avg(f)", over: floats)
        // After a filter, the rows it keeps are collected for them.
        guard case .rows? = Self.split("t where x > 1 summarize m = median(x)")?.sink else { Issue.record("median streamed"); return }
        #expect(Self.split("t count by g")?.columns == [1])
        Self.expectSame("t summarize m = median(x), v = variance(x) by g")
        Self.expectSame("t extend r = rank() over (sort by x) | where r < 3")
    }

    @Test func misfitColumnStartsAgainWithItsType() throws {
        let codes = try Table(columns: ["code"], rows: [["1"], ["2"], ["x"], ["1"]])
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: MisfitChunks(table: codes, column: 0))]))
        engine.streamsFiles = true
        let result = try engine.run("t count by code")[0].table
        #expect(result.fields[0].type == .string)
        #expect(result.map { $0["code"] ?? .null } == ["1", "2", "x"])
    }

    @Test func misfitWithoutRereadingIsAnError() {
        struct Stubborn: ChunkedSource {
            var fields: [Field] { [Field(name: "code", type: .integer)] }
            func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                              _ body: @Sendable (Int, Table) throws -> Void) throws {
                throw ChunkMisfit(column: 0, type: .string)
            }
        }
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: Stubborn())]))
        engine.streamsFiles = true
        #expect { try engine.run("t count by code") } throws: { ($0 as? Diagnostic)?.code == .streamedTypeChanged }
    }

    @Test func cancellationStopsBetweenChunks() {
        let token = CancellationToken()
        var source = CountingChunks(chunks: TableChunks(Self.table, rowsPerChunk: 1))
        source.cancelAfter = (2, token)
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: source)]))
        engine.streamsFiles = true
        #expect { try engine.run("t count by g", cancellation: token) } throws: { ($0 as? Diagnostic)?.code == .cancelled }
        #expect(source.read.withLock { $0 } < Self.table.rowCount)
    }

    @Test func aSinkOverTheBudgetGivesWayToASpilledGrouping() {
        // The sink's groups count against the budget; past it the query runs in memory, where the grouping spills.
        let many = try! Table(columns: ["k"], rows: (0..<500).map { [.integer(Int64($0))] })
        let output = Self.output("t count by k", over: many, chunkRows: 50, budget: MemoryBudget(bytes: 4096))
        #expect(!output.contains("E0406"))
        #expect(output == Self.output("t count by k", over: many, chunkRows: 50, budget: MemoryBudget(bytes: 1 << 30)))
        #expect(!Self.output("t count", over: many, chunkRows: 50, budget: MemoryBudget(bytes: 4096)).contains("E0406"))
    }
}
