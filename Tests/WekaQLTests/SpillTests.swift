// Sorts and groupings over the memory budget spill to temporary files and give the same tables as in
// memory: a budget of a few KB forced on tens of thousands of generated rows (nulls, ties, Unicode
// text, decimals of several scales), with the spill files counted, removed, and the tracked memory
// kept under the budget; cancelling mid-spill and an unwritable temporary directory are clear errors.

import Foundation
import Testing
@testable import WekaQL

@Suite struct SpillTests {
    static let rowCount = 30_000
    static let tinyBudget = MemoryBudget(bytes: 16 << 10)

    /// Rows with nulls and ties in every column, and text that orders by code point.
    static let table: Table = {
        let words = ["Togo", "Zambia", "éclair", "e\u{301}clair", "Ωmega", "😀 smile", "", "a", "A", "zz", "Ä", "ß"]
        let rows: [[Value]] = (0..<rowCount).map { i in
            let g: Value = i % 13 == 0 ? .null : .integer(Int64((i * 7919) % 997) - 400)
            let name: Value = i % 17 == 0 ? .null : .string("\(words[i % words.count]) \(i % 211)")
            let price: Value = i % 11 == 0 ? .null : .decimal(ExactDecimal(units: Int64((i * 31) % 5000) - 1000, scale: i % 3)!)
            let ratio: Value = i % 19 == 0 ? .null : .float(Double((i * 17) % 1000) / 7 - 50)
            let day: Value = i % 23 == 0 ? .null : .date(LocalDate(days: Int32(18000 + (i * 13) % 400)))
            let flag: Value = i % 5 == 0 ? .null : .boolean(i % 3 == 0)
            return [.integer(Int64(i)), g, name, price, ratio, day, flag]
        }
        return try! Table(columns: ["id", "g", "name", "price", "ratio", "day", "flag"], rows: rows)
    }()

    /// An engine over the generated rows; spilling into `directory` and counted by `statistics`.
    static func engine(budget: MemoryBudget, directory: String? = nil, statistics: SpillStatistics? = nil) -> Engine {
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", table: table)]))
        engine.memoryBudget = budget
        engine.spillSettings = SpillSettings(parent: directory, statistics: statistics)
        return engine
    }

    /// Every value of a table with its type, row by row, so that 1.5 and 1.50 or 1 and 1.0 differ.
    static func cells(_ table: Table) -> [[String]] {
        (0..<table.rowCount).map { r in table.columns.map { c in "\(c[r].type):\(c[r].description)" } }
    }

    /// A fresh, empty temporary directory for spill directories, removed afterwards by the caller.
    static func scratch() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-spilltest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `query` in memory and spilled, and checks they agree, that files were written and removed,
    /// and that the tracked memory stayed under the budget.
    static func expectSameSpilled(_ query: String, peakUnderBudget: Bool = true) throws {
        var large = engine(budget: MemoryBudget(bytes: 1 << 40))
        let expected = try large.run(query)[0].table
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let statistics = SpillStatistics()
        var small = engine(budget: tinyBudget, directory: directory, statistics: statistics)
        let spilled = try small.run(query)[0].table
        #expect(spilled.fields.map(\.name) == expected.fields.map(\.name))
        #expect(cells(spilled) == cells(expected), "\(query)")
        #expect(statistics.filesWritten > 1, "\(query)")
        #expect(statistics.bytesWritten > 0)
        #expect(statistics.directoriesMade >= 1)
        #expect(statistics.peakTrackedBytes > 0)
        // A grouping whose aggregates need every value (median, list, float sums) holds a partition's rows:
        // a heavy key (here the null of every 13th row) makes one pass the budget. Those that merge do not.
        if peakUnderBudget { #expect(statistics.peakTrackedBytes <= tinyBudget.bytes, "\(query): peak \(statistics.peakTrackedBytes)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty, "spill files left behind")
    }

    @Test(arguments: [
        "t sort by g",
        "t sort by g desc, id desc",
        "t sort by name",
        "t sort by name desc, price",
        "t sort by price desc, day",
        "t sort by flag, ratio desc",
        "t sort by day desc, flag desc, name",
        "t sort by g * 3 - id % 7, name desc",
        "t where id % 2 = 0 sort by ratio limit 10000",
    ])
    func sortsSpillAndMatchInMemory(_ query: String) throws {
        try Self.expectSameSpilled(query)
    }

    @Test(arguments: [
        "t count by g",
        "t count by name",
        "t count by g, flag",
        "t count by day, price",
        "t count by id",
        "t sort by id desc count by name",
        "t summarize n = count(), c = count(ratio), d = count_distinct(name), s = sum(price), si = sum(id), a = avg(g), lo = min(name), hi = max(day) by g",
        "t summarize f = first(name), l = last(price), ci = count_if(flag), n = count() by g, flag",
        "t summarize spread = max(id) - min(id), n = count() by decade = floor(id / 1000)",
    ])
    func groupingsSpillAndMatchInMemory(_ query: String) throws {
        try Self.expectSameSpilled(query)
    }

    @Test(arguments: [
        "t summarize m = median(ratio), p = percentile(ratio, 0.9), sd = stddev(ratio), v = variance(g), ci = count_if(flag) by name",
        "t summarize f = first(name), l = last(price), sa = string_agg(name, \"|\"), li = list(id), sr = sum(ratio) by g, flag",
    ])
    func groupingsNeedingEveryValueSpillAndMatchInMemory(_ query: String) throws {
        try Self.expectSameSpilled(query, peakUnderBudget: false)
    }

    @Test func aHeavyKeyOfCountsNeedsNoRowsHeld() throws {
        // Every other row has one key: its partition is folded a block at a time, holding one group.
        let rows: [[Value]] = (0..<20_000).map { i in [.integer(i % 2 == 0 ? 0 : Int64(i)), .integer(Int64(i % 7))] }
        let table = try Table(columns: ["k", "v"], rows: rows)
        func run(_ budget: MemoryBudget, _ statistics: SpillStatistics?) throws -> Table {
            var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "h", table: table)]))
            engine.memoryBudget = budget
            engine.spillSettings = SpillSettings(statistics: statistics)
            return try engine.run("h summarize n = count(), s = sum(v), hi = max(v) by k")[0].table
        }
        let statistics = SpillStatistics()
        #expect(Self.cells(try run(Self.tinyBudget, statistics)) == Self.cells(try run(MemoryBudget(bytes: 1 << 40), nil)))
        #expect(statistics.filesWritten > GroupSpilling.fanOut)   // partitioned again below the first level
        #expect(statistics.peakTrackedBytes <= Self.tinyBudget.bytes)
    }

    @Test(arguments: ["t sort by name desc limit 20", "t sort by g, day desc limit 7 offset 3", "t sort by g * 3 - id % 7 limit 50"])
    func aSmallLimitAfterASortNeedsOnlyItsRows(_ query: String) throws {
        var large = Self.engine(budget: MemoryBudget(bytes: 1 << 40))
        var small = Self.engine(budget: Self.tinyBudget)
        #expect(Self.cells(try small.run(query)[0].table) == Self.cells(try large.run(query)[0].table))
    }

    @Test func anOverflowingSumFailsTheSameWhenSpilled() throws {
        let rows: [[Value]] = (0..<20_000).map { i in [.integer(Int64(i % 3000)), .integer(i % 3000 == 7 ? Int64.max / 2 : 1)] }
        let table = try Table(columns: ["k", "v"], rows: rows)
        func failure(_ budget: MemoryBudget) -> Diagnostic.Code? {
            var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "o", table: table)]))
            engine.memoryBudget = budget
            do { _ = try engine.run("o summarize s = sum(v) by k"); return nil } catch { return error.code }
        }
        #expect(failure(MemoryBudget(bytes: 1 << 40)) == .integerOverflow)
        #expect(failure(Self.tinyBudget) == .integerOverflow)
    }

    @Test(arguments: ["t sort by name, g", "t count by name, g"])
    func cancellingMidSpillStopsAndRemovesTheFiles(_ query: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let token = CancellationToken()
        let statistics = SpillStatistics(onFile: { token.cancel() })   // cancelled once the first spill file is made
        var engine = Self.engine(budget: Self.tinyBudget, directory: directory, statistics: statistics)
        do {
            _ = try engine.run(query, cancellation: token)
            Issue.record("expected the query to be cancelled")
        } catch {
            #expect(error.code == .cancelled)
        }
        #expect(statistics.filesWritten >= 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: ["t sort by name", "t count by name"])
    func anUnwritableTemporaryDirectoryIsAClearError(_ query: String) throws {
        var engine = Self.engine(budget: Self.tinyBudget, directory: "/nonexistent-wekaql-spill")
        do {
            _ = try engine.run(query)
            Issue.record("expected the spill to fail")
        } catch {
            #expect(error.code == .spillFailed)
            #expect(error.message.contains("/nonexistent-wekaql-spill"))
            #expect(error.message.contains(query.contains("sort") ? "this sort" : "this grouping"))
            #expect(error.hints.contains { $0.contains("TMPDIR") && $0.contains("--memory-limit") })
            #expect(error.range != nil)
        }
    }

    @Test func blocksOfEveryStorageReadBackAsWritten() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spill = SpillDirectory(stage: "test", settings: SpillSettings(parent: directory))
        let lists = try Table(columns: ["l"], rows: [[.list([.integer(1), .null])], [.null], [.list([])]])
        let columns = Self.table.columns
        let writer = try spill.makeFile()
        try writer.write(columns, rows: [5, 0, 77, 13, 29_999])
        try writer.write(columns)
        try writer.write(lists.columns)
        let reader = try writer.finish().reader()
        let first = try #require(try reader.next())
        let picked = Table(fields: Self.table.fields, columns: columns.map { $0.gathering([5, 0, 77, 13, 29_999]) }, rowCount: 5)
        #expect(Self.cells(Table(fields: Self.table.fields, columns: first, rowCount: 5)) == Self.cells(picked))
        let second = try #require(try reader.next())
        #expect(Self.cells(Table(fields: Self.table.fields, columns: second, rowCount: Self.rowCount)) == Self.cells(Self.table))
        let third = try #require(try reader.next())
        #expect(Self.cells(Table(fields: lists.fields, columns: third, rowCount: 3)) == Self.cells(lists))
        #expect(try reader.next() == nil)
        let made = try #require(spill.path)
        #expect(FileManager.default.fileExists(atPath: made))
        spill.remove()
        #expect(!FileManager.default.fileExists(atPath: made))
    }
}
