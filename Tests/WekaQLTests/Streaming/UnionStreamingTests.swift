// Streamed `union` and float sums: each shape gives what it gives in memory, whatever the chunk size
// (1, 3, 64 rows), the order the chunks come in, and the threads that read them.

import Testing
@testable import WekaQL

/// A table read in chunks on `threads` threads, each going through its share of the chunks (every
/// `threads`th) from the last: the merge must put them back in order.
struct ScrambledChunks: ChunkedSource {
    let table: Table
    let rowsPerChunk: Int
    let threads: Int

    var fields: [Field] { table.fields }

    func forEachChunk(columns: [Int], threads _: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        let parts = Locked<[Int: Table]>([:])
        try TableChunks(table, rowsPerChunk: rowsPerChunk).forEachChunk(columns: columns, threads: 1, cancellation: cancellation) { number, rows in
            parts.withLock { $0[number] = rows }
        }
        let chunks = parts.withLock { $0 }
        let failure = Locked<(any Error)?>(nil)
        let threads = self.threads
        withoutActuallyEscaping(body) { body in
            let jobs = (0..<threads).map { thread in {
                for number in stride(from: chunks.count - 1, through: 0, by: -1) where number % threads == thread {
                    do { try body(number, chunks[number]!) } catch { return failure.withLock { $0 = $0 ?? error } }
                }
            } }
            _ = runInParallel(jobs)
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

@Suite struct UnionStreamingTests {
    static let t = try! Table(columns: ["id", "g", "x", "f", "s"], rows: [
        [1, "b", 5, .float(0.1), "Togo"],
        [2, "a", .null, .float(1e16), "Benin"],
        [3, "b", 5, .float(-1e16), "Togo"],
        [4, .null, 7, .float(0.7), "Ghana"],
        [5, "a", 2, .null, "Togo"],
        [6, "b", .null, .float(1.0 / 3), "Mali"],
        [7, "c", 5, .float(2.5e-8), "Benin"],
    ])
    static let u = try! Table(columns: ["s", "x", "y"], rows: [
        ["Togo", .decimal(ExactDecimal(units: 15, scale: 1)!), "p"],
        ["Niger", .null, "q"],
        ["Benin", .decimal(ExactDecimal(units: 3, scale: 0)!), .null],
        ["Togo", .decimal(ExactDecimal(units: -25, scale: 2)!), "r"],
    ])

    /// What running `query` reports over `t` and `u` (and `v`, built-in rows held in memory); streamed
    /// when `chunks` makes the chunked sources.
    static func output(_ query: String, chunks: ((Table) -> any ChunkedSource)? = nil) -> String {
        let collections = [("t", t), ("u", u)].map { name, table in
            chunks.map { Dataset.Collection(name: name, chunks: $0(table)) } ?? Dataset.Collection(name: name, table: table)
        }
        var engine = Engine(dataset: Dataset(collections: collections + [Dataset.Collection(name: "v", table: u)]))
        engine.streamsFiles = chunks != nil
        return StreamingCorpusTests.output(engine, "<query>", query, parameters: [:])
    }

    /// `query` streamed in chunks of 1, 3 and 64 rows, and scrambled on 3 and 2 threads, gives what it gives in memory.
    static func expectSame(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = output(query)
        #expect(!expected.contains("error["), "\(query) fails: \(expected)", sourceLocation: sourceLocation)
        let sources: [(String, (Table) -> any ChunkedSource)] = [1, 3, 64].map { rows in ("chunks of \(rows)", { TableChunks($0, rowsPerChunk: rows) }) }
            + [(1, 3), (2, 2)].map { rows, threads in ("\(rows)-row chunks on \(threads) threads", { ScrambledChunks(table: $0, rowsPerChunk: rows, threads: threads) }) }
        for (name, chunks) in sources {
            #expect(output(query, chunks: chunks) == expected, "\(query) in \(name)", sourceLocation: sourceLocation)
        }
    }

    /// Whether `query` runs through a streamed union over `t` and `u` read in chunks.
    static func streams(_ query: String) -> Bool {
        let dataset = Dataset(collections: [Dataset.Collection(name: "t", chunks: TableChunks(t, rowsPerChunk: 2)),
                                            Dataset.Collection(name: "u", chunks: TableChunks(u, rowsPerChunk: 2)),
                                            Dataset.Collection(name: "v", table: u)])
        let (plans, errors) = Engine(dataset: dataset).compile(SourceFile(name: "", text: query))
        guard errors.isEmpty, let plan = plans.first?.query, let split = UnionStreamSplit(plan, dataset: dataset, bindings: [:]) else { return false }
        return split.tailStreams(dataset, bindings: [:], parameters: [:])
    }

    @Test func unionStreamsSideAfterSide() {
        for query in ["t union u", "t union u count", "t union u count by collection", "t union u count by s",
                      "t union u where x > 2 select id, s, x, y", "t union u summarize n = count(), total = sum(x), low = min(s) by collection",
                      "t union u sort by x desc limit 3", "t union u top 2 by s", "t union u limit 4", "t union u limit 2 offset 6",
                      "t union u distinct s", "t union t count by s", "t union t where id > 5"] {
            #expect(Self.streams(query), "\(query) does not stream")
            Self.expectSame(query)
        }
    }

    @Test func sidesWithStagesNullsAndWidenedTypes() {
        Self.expectSame("t where s = \"Togo\" select s, x union (u where x > 1 select s, x) sort by x limit 10")
        Self.expectSame("t select s, n = x union (u select s, n = x * 2) summarize total = sum(n), mean = avg(n) by s")
        Self.expectSame("t select id, s union (u select s) where id = null")
        Self.expectSame("t union u union t count by collection")
        Self.expectSame("t union u union (t where g = \"a\") where s = \"Togo\" select collection, id, x")
        Self.expectSame("t union distinct (u select s) count")
        Self.expectSame("t select s union distinct (u select s) union distinct (t select s)")
        Self.expectSame("t union u where s = \"Tgo\"")          // no rows: the note is found over both sides
        Self.expectSame("t where s = \"Tgo\" union u count")   // the left side's note
        Self.expectSame("t union (u where s = \"Nigr\") count")
        Self.expectSame("t union u join v on s count by collection")
    }

    @Test func aSideHeldInMemory() {
        #expect(Self.streams("t union v count by s"))
        #expect(Self.streams("v union t count by s"))
        #expect(!Self.streams("v union v count"))
        Self.expectSame("t union v count by s")
        Self.expectSame("v union t where x > 1 select s, x, id")
        Self.expectSame("t union (u count by s) count")
        Self.expectSame("t union (v sort by s limit 2) select s, collection")
    }

    @Test func aLimitBeforeASideWithStagesRunsInMemory() {
        // Reading would stop before the right side, whose "no rows" note the in-memory run gives.
        #expect(!Self.streams("t union (u where s = \"Nigr\") limit 2"))
        #expect(Self.streams("t union u limit 2"))
        Self.expectSame("t union (u where s = \"Nigr\") limit 2")
    }

    @Test func floatSumsStream() {
        #expect(StreamPlan.merges(BoundAggregate.floatSum))
        for query in ["t summarize total = sum(f), mean = avg(f)", "t summarize total = sum(f) by g", "t summarize total = sum(f * 3.0 + x) by s",
                      "t where f > 0 summarize mean = avg(f), n = count(f)", "t union u summarize total = sum(f), mixed = sum(f + x) by collection"] {
            Self.expectSame(query)
        }
    }
}

@Suite struct FloatSumTests {
    /// Doubles of many magnitudes and both signs, from a fixed sequence.
    static let values: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<500).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let exponent = UInt64(1023 - 40 + Int(state >> 58))   // 2^-40 … 2^23
            return Double(bitPattern: (state & (1 << 63)) | (exponent << 52) | (state & 0xF_FFFF_FFFF_FFFF))
        }
    }()

    static func sum(_ values: some Sequence<Double>) -> FloatSum { values.reduce(into: FloatSum()) { $0.add($1) } }

    @Test func theTotalIsRoundedOnce() {
        #expect(Self.sum([1e16, 1.0, -1e16]).value == 1.0)
        #expect(Self.sum(Array(repeating: 0.1, count: 10)).value == 1.0)
        #expect(Self.sum([1, 1e100, 1, -1e100]).value == 2.0)
        #expect(Self.sum([]).value == 0)
        #expect(Self.sum([2.0, 0x1p-52, 0x1p-53]).value == 2.0 + 0x1p-51)   // past a half-way case, rounded up
    }

    @Test func anyOrderAndAnySplitGiveTheSameTotal() {
        let whole = Self.sum(Self.values).value
        #expect(Self.sum(Self.values.reversed()).value == whole)
        #expect(Self.sum(Self.values.sorted()).value == whole)
        for size in [1, 3, 64, 77] {
            var merged = FloatSum()
            for start in stride(from: 0, to: Self.values.count, by: size).reversed() {
                merged.add(Self.sum(Self.values[start..<min(start + size, Self.values.count)]))
            }
            #expect(merged.value == whole, "parts of \(size)")
        }
    }

    @Test func overflowDoesNotDependOnTheOrder() {
        for order in [[1e308, 1e308, -1e308], [1e308, -1e308, 1e308], [-1e308, 1e308, 1e308]] {
            #expect(!Self.sum(order).value.isFinite)
        }
        #expect(Self.sum([1e308, -1e308, 5]).value == 5)
        #expect(Self.sum([.infinity, 1]).value == .infinity)
        #expect(Self.sum([.infinity, -.infinity]).value.isNaN)
    }
}

extension BoundAggregate {
    /// `sum` of a float column.
    static var floatSum: BoundAggregate {
        BoundAggregate(function: .sum, argument: BoundExpression(kind: .column(0), type: .float, range: SourceRange(0, 0)), type: .float,
                       range: SourceRange(0, 0))
    }
}
