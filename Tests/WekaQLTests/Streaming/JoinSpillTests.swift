// Joins whose right side would index past the memory budget spill both sides in partitions (a grace hash
// join) and give what the join gives in memory: every join kind followed by stages that can tell the rows'
// order and stages that cannot, under a budget of a few KB, with keys that are null, Unicode or heavily
// skewed, the left side in memory or streamed in chunks; the files are removed, also on cancellation.

import Foundation
import Testing
@testable import WekaQL

@Suite struct JoinSpillTests {
    static let tinyBudget = MemoryBudget(bytes: 12 << 10)

    /// Keys of many values (so that partitions are even), text outside ASCII, a composed and a decomposed
    /// `é`, an empty string and nulls.
    static func key(_ i: Int) -> Value {
        if i % 97 == 0 { return .null }
        if i % 89 == 0 { return "" }
        let words = ["Togo", "Côte d’Ivoire", "日本", "Ελλάδα", "🇹🇬", "e\u{301}clair", "éclair", "Ghana", "ghana"]
        return .string("\(words[i % words.count]) \(i % 311)")
    }

    /// `rows` rows made the same on every run: `id`, a key `k`, an integer `n` with nulls, and a text column.
    static func table(rows: Int, seed: UInt64, keys: Int, skew: Bool = false, extra: String) -> Table {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let built: [[Value]] = (0..<rows).map { id in
            let k = skew && next() % 10 < 6 ? key(1) : key(next() % keys)
            return [.integer(Int64(id)), k, next() % 7 == 0 ? .null : .integer(Int64(next() % 50)), .string("\(extra)\(next() % 5)")]
        }
        return try! Table(columns: ["id", "k", "n", extra], rows: built)
    }

    static let left = table(rows: 400, seed: 7, keys: 300, extra: "v")
    /// Keys the left has and some it has not, so that each side has unmatched rows.
    static let right = table(rows: 700, seed: 11, keys: 350, extra: "w")
    static let skewedLeft = table(rows: 200, seed: 3, keys: 300, skew: true, extra: "v")
    static let skewedRight = table(rows: 500, seed: 5, keys: 350, skew: true, extra: "w")

    static let kinds = ["join", "left join", "full join", "semi join", "anti join"]
    /// Follow-on stages: order-blind groupings (the partitions' rows as they come), then stages that can
    /// tell the order (the rows merged back into the in-memory join's order).
    static let followOns = [
        "count", "where n > 20 count", "count by v", "summarize total = sum(n), most = max(n), kinds = count_distinct(k) by v",
        "summarize firsts = first(id), lasts = last(id) by v", "distinct v", "sort by n desc, id limit 7", "top 4 by k, id desc",
        "limit 9", "where id < 12", "select k, n | where n = 3 | limit 20", "summarize m = min(k), c = count_if(n > 10) by v",
    ]
    static let rightFollowOns = ["count by w", "sort by w, n desc limit 5", "where w = \"w3\" and n < 3 | count by v, w"]

    static var queries: [String] {
        kinds.flatMap { kind in
            let keepsRight = kind != "semi join" && kind != "anti join"
            return (followOns + (keepsRight ? rightFollowOns : [])).map { "l \(kind) r on k | \($0)" }
        }
    }

    /// What running `query` gives, rendered (or its error), with the left side in memory or in chunks of `chunkRows`.
    static func output(_ query: String, left: Table = left, right: Table = right, budget: MemoryBudget? = nil, chunkRows: Int? = nil,
                       statistics: SpillStatistics? = nil, directory: String? = nil, cancellation: CancellationToken? = nil) -> String {
        let leftCollection = chunkRows.map { Dataset.Collection(name: "l", chunks: TableChunks(left, rowsPerChunk: $0)) }
            ?? Dataset.Collection(name: "l", table: left)
        var engine = Engine(dataset: Dataset(collections: [leftCollection, Dataset.Collection(name: "r", table: right)]))
        engine.streamsFiles = chunkRows != nil
        if let budget { engine.memoryBudget = budget }
        engine.spillSettings = SpillSettings(parent: directory, statistics: statistics)
        do {
            let results = try engine.run(query, cancellation: cancellation)
            return results.map { Renderer(format: .table).render($0.table) }.joined()
        } catch {
            return "error \(error.code)"
        }
    }

    /// Checks that `query` spilled under the tiny budget gives what it gives with no budget, that files
    /// were written and removed, and (unless the keys are skewed) that the tracked memory kept within it.
    static func expectSameSpilled(_ query: String, left: Table = left, right: Table = right, chunkRows: Int? = nil,
                                  peakUnderBudget: Bool = true) throws {
        let whole = output(query, left: left, right: right)
        #expect(!whole.hasPrefix("error"), "\(query): \(whole)")
        let directory = try SpillTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let statistics = SpillStatistics()
        let spilled = output(query, left: left, right: right, budget: tinyBudget, chunkRows: chunkRows, statistics: statistics, directory: directory)
        #expect(spilled == whole, "\(query)")
        #expect(statistics.filesWritten > 2, "\(query): it did not spill")
        if peakUnderBudget { #expect(statistics.peakTrackedBytes <= tinyBudget.bytes, "\(query): peak \(statistics.peakTrackedBytes)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "spill files left behind")
    }

    @Test(arguments: queries)
    func aSpilledJoinGivesTheInMemoryResult(_ query: String) throws {
        try Self.expectSameSpilled(query)
    }

    @Test(arguments: ["join", "left join", "semi join", "anti join"].flatMap { kind in
        ["count", "count by v", "where id < 12", "sort by n desc, id limit 7", "distinct v"].map { "l \(kind) r on k | \($0)" }
    })
    func aSpilledJoinOverAStreamedLeftGivesTheInMemoryResult(_ query: String) throws {
        try Self.expectSameSpilled(query, chunkRows: 37)
    }

    @Test(arguments: ["l join r on k, n | count by v", "l full join r on k, n | where id < 30", "l left join r on n, k | limit 15"])
    func aJoinOnTwoKeysSpillsTheSame(_ query: String) throws {
        try Self.expectSameSpilled(query)
    }

    /// Six rows in ten of each side share one key: its partition passes the budget (there is no
    /// repartitioning of one key), but the answers are the same.
    @Test(arguments: ["l join r on k | count", "l left join r on k | count by v", "l full join r on k | sort by id desc, n limit 5",
                      "l join r on k | where id < 4 | limit 40"])
    func heavilySkewedKeysGiveTheSameResult(_ query: String) throws {
        try Self.expectSameSpilled(query, left: Self.skewedLeft, right: Self.skewedRight, peakUnderBudget: false)
    }

    @Test(arguments: ["l join r on k | count", "l join r on k | where id < 12", "l full join r on k | count by v"])
    func cancellingASpilledJoinRemovesTheFiles(_ query: String) throws {
        let directory = try SpillTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = CancellationToken()
        let files = Locked(0)
        let statistics = SpillStatistics(onFile: { if files.withLock({ $0 += 1; return $0 }) > 3 { token.cancel() } })
        let result = Self.output(query, budget: Self.tinyBudget, statistics: statistics, directory: directory, cancellation: token)
        #expect(result == "error \(Diagnostic.Code.cancelled)")
        #expect(statistics.filesWritten > 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func anUnwritableTemporaryDirectoryIsAClearError() {
        let result = Self.output("l join r on k | count", budget: Self.tinyBudget, directory: "/nonexistent-wekaql-spill")
        #expect(result == "error \(Diagnostic.Code.spillFailed)")
    }
}
