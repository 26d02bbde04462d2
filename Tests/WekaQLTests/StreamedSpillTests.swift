// A streamed query over a file whose sort or grouping passes the memory budget spills from the stream:
// sorted runs or hash partitions are written from the chunks as they arrive, and the query is not run
// again in memory. Its output is the same as with no budget, and the spilling state stays within it.

import Foundation
import Testing
@testable import WekaQL

@Suite struct StreamedSpillTests {
    /// SpillTests' rows as a CSV file (nulls as empty fields).
    static let csv: String = {
        let table = SpillTests.table
        var text = table.fields.map(\.name).joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            text += table.columns.map { $0[row].isNull ? "" : $0[row].description }.joined(separator: ",") + "\n"
        }
        return text
    }()

    /// Runs `query` over the file, streamed, with `budget`, spilling into `directory`.
    static func run(_ query: String, file: String, budget: MemoryBudget, directory: String? = nil,
                    statistics: SpillStatistics? = nil) throws -> Table {
        // Chunks of about 25 rows: what a chunk holds stays well under the budget.
        let chunks = try #require(try CSVChunks.open(path: file, options: LoadOptions(), chunkBytes: 1024))
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", chunks: chunks)]))
        engine.streamsFiles = true
        engine.memoryBudget = budget
        engine.spillSettings = SpillSettings(parent: directory, statistics: statistics)
        return try engine.run(query)[0].table
    }

    @Test(arguments: [
        "t sort by name desc, g select id, name",
        "t where id % 3 = 0 sort by g, id desc",
        "t sort by price desc, day",
        "t sort by ratio, flag desc count by flag",
        "t count by id % 5000",
        "t count by name, g",
        "t summarize n = count(), s = sum(g), lo = min(name), f = first(day), l = last(price) by name",
    ])
    func aStreamedSortOrGroupingSpillsWithoutRunningAgain(_ query: String) throws {
        let directory = try SpillTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/t.csv"
        try Data(Self.csv.utf8).write(to: URL(fileURLWithPath: file))
        let spills = directory + "/spill"
        try FileManager.default.createDirectory(atPath: spills, withIntermediateDirectories: true)
        let expected = try Self.run(query, file: file, budget: MemoryBudget(bytes: 1 << 40))
        let statistics = SpillStatistics()
        let spilled = try Self.run(query, file: file, budget: SpillTests.tinyBudget, directory: spills, statistics: statistics)
        #expect(SpillTests.cells(spilled) == SpillTests.cells(expected), "\(query)")
        #expect(spilled.rowCount > 2)
        #expect(statistics.streamedSpills == 1, "\(query) did not spill as it streamed")
        #expect(statistics.filesWritten > 1)
        #expect(statistics.peakTrackedBytes <= SpillTests.tinyBudget.bytes, "\(query): peak \(statistics.peakTrackedBytes)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spills).isEmpty, "spill files left behind")
    }
}
