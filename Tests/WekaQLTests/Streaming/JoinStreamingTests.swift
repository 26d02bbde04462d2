// Joins whose output streams into the next stage: every join kind followed by every kind of sink gives
// what the join made whole gives, with pieces of a few rows and with the left side streamed in chunks;
// a self-join of billions of rows is counted under a small budget; a streamed join can be cancelled.

import Glibc
import Testing
@testable import WekaQL

@Suite struct JoinStreamingTests {
    /// Keys with duplicates, nulls, an empty string and text outside ASCII.
    static let keys: [Value] = ["Togo", "Côte d’Ivoire", "São Tomé", "日本", "Ελλάδα", "", .null, "Ghana", "ghana", "🇹🇬"]

    /// A table of `rows` rows, made the same on every run: `id`, a key `k`, an integer `n` with nulls and a text `v`.
    static func table(rows: Int, seed: UInt64, keys: [Value] = keys, extra: String) -> Table {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var columns = [ColumnBuilder(type: .integer), ColumnBuilder(type: .string), ColumnBuilder(type: .integer), ColumnBuilder(type: .string)]
        for id in 0..<rows {
            columns[0].append(.integer(Int64(id)))
            columns[1].append(keys[next() % keys.count])
            columns[2].append(next() % 7 == 0 ? .null : .integer(Int64(next() % 50)))
            columns[3].append(.string("\(extra)\(next() % 5)"))
        }
        let fields = [Field(name: "id", type: .integer), Field(name: "k", type: .string), Field(name: "n", type: .integer),
                      Field(name: extra, type: .string)]
        return Table(fields: fields, columns: columns.map { $0.build() }, rowCount: rows)
    }

    static let left = table(rows: 240, seed: 7, extra: "v")
    /// Only some of the keys, so that a left or anti join has rows without matches, and a full join right rows.
    static let right = table(rows: 90, seed: 11, keys: Array(keys.prefix(5)) + [.null, "Mali"], extra: "w")

    static let kinds = ["join", "left join", "full join", "semi join", "anti join"]
    /// Follow-on stages ending in each kind of sink (`w` only where the right's columns are kept).
    static let followOns = [
        "count", "where n > 20 count", "count by k", "summarize total = sum(n), most = max(n), firsts = first(id) by k",
        "distinct k", "sort by n desc, id limit 7", "top 4 by k, id desc", "limit 9", "where n < 5",
        "select k, n | extend twice = n * 2 | count by twice", "summarize c = count(), lasts = last(id)",
    ]
    static let rightFollowOns = ["count by w", "where w = \"w3\" | distinct k, w", "sort by w, id desc limit 5", "summarize m = min(w) by k"]

    /// What running `query` gives: its tables and notes rendered, or its error.
    static func output(_ query: String, chunkRows: Int? = nil, streams: Bool = true, piece: Int? = nil,
                       budget: MemoryBudget? = nil) -> String {
        let left = chunkRows.map { Dataset.Collection(name: "l", chunks: TableChunks(Self.left, rowsPerChunk: $0)) }
            ?? Dataset.Collection(name: "l", table: Self.left)
        var engine = Engine(dataset: Dataset(collections: [left, Dataset.Collection(name: "r", table: Self.right)]))
        engine.streamsFiles = chunkRows != nil
        if let budget { engine.memoryBudget = budget }
        return JoinStreamSplit.$isEnabled.withValue(streams) {
            JoinStreamSplit.$rowsPerPiece.withValue(piece) {
                StreamingCorpusTests.output(engine, "<query>", query, parameters: [:])
            }
        }
    }

    static var queries: [String] {
        kinds.flatMap { kind in
            let keepsRight = kind != "semi join" && kind != "anti join"
            return (followOns + (keepsRight ? rightFollowOns : [])).map { "l \(kind) r on k | \($0)" }
        }
    }

    @Test(arguments: queries)
    func aStreamedJoinGivesTheWholeJoinsResult(_ query: String) {
        let whole = Self.output(query, streams: false)
        #expect(!whole.contains("error"), "\(whole)")
        #expect(Self.output(query) == whole, "pieces of the default size")
        for piece in [1, 3, 64] {
            #expect(Self.output(query, piece: piece) == whole, "pieces of \(piece) rows")
        }
        for rows in [1, 17] {
            #expect(Self.output(query, chunkRows: rows, piece: 5) == whole, "left in chunks of \(rows) rows")
        }
    }

    @Test(arguments: [
        "l where n > 10 | join r on k | where r_n < 30 | count by k",
        "l join r on k and n | count",
        "l join r on k, n = n | select id, k | limit 5",
        "l join r on k | join r on k | count by k",
        "l left join r on k | where r_n is null | count",
        "l join r on k | count by k | sort by count desc",
        "l semi join r on k | join r on k | summarize c = count() by w",
        "l join r on k | where k = \"Benin\" | count",
    ])
    func aStreamedJoinAmongOtherStagesGivesTheWholeJoinsResult(_ query: String) {
        let whole = Self.output(query, streams: false)
        #expect(!whole.contains("error:"), "\(whole)")
        for piece in [nil, 2] {
            #expect(Self.output(query, piece: piece) == whole)
            #expect(Self.output(query, chunkRows: 13, piece: piece) == whole)
        }
    }

    @Test func aJoinWhoseOutputMustBeHeldWholeIsStillBudgeted() {
        // A sort needs every joined row; the count does not.
        #expect(Self.output("l join r on k | sort by n", budget: MemoryBudget(bytes: 4096)).contains("E0406"))
        #expect(!Self.output("l join r on k | count", budget: MemoryBudget(bytes: 4096)).contains("error"))
    }

    /// A 100,000-row self-join on a key of four values: 2.5 billion rows, far past the budget made whole.
    @Test func aSelfJoinOfBillionsOfRowsIsCountedUnderASmallBudget() throws {
        let keys: [Value] = ["a", "b", "c", "d"]
        var builder = ColumnBuilder(type: .string)
        for row in 0..<100_000 { builder.append(keys[row % 4]) }
        let table = Table(fields: [Field(name: "k", type: .string)], columns: [builder.build()], rowCount: 100_000)
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "f", table: table)]))
        engine.memoryBudget = MemoryBudget(bytes: 8 << 20)
        let count = try engine.run("f join f on k count").last?.table.first?["count"]
        #expect(count == .integer(4 * 25_000 * 25_000))
        let whole = JoinStreamSplit.$isEnabled.withValue(false) { Result { try engine.run("f join f on k count") } }
        #expect(throws: Diagnostic.self) { try whole.get() }
    }

    @Test func aStreamedJoinStopsWhenCancelled() throws {
        var builder = ColumnBuilder(type: .string)
        for row in 0..<100_000 { builder.append(row % 2 == 0 ? "a" : "b") }
        let table = Table(fields: [Field(name: "k", type: .string)], columns: [builder.build()], rowCount: 100_000)
        let engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "f", table: table)]))
        let token = CancellationToken()
        runInParallel([{ sleepBriefly(); token.cancel() }, {
            // Five billion rows grouped: far too many to finish before the token is set.
            let error = #expect(throws: Diagnostic.self) {
                var engine = engine
                try engine.run("f join f on k count by k", cancellation: token)
            }
            #expect(error?.code == .cancelled)
        }])
    }
}

/// Waits about 50 ms.
private func sleepBriefly() {
    var request = timespec(tv_sec: 0, tv_nsec: 50_000_000)
    nanosleep(&request, nil)
}
