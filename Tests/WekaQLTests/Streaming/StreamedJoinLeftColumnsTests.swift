// A join's left side streamed in chunks reads only the columns the join needs (its keys, those its
// filters name, those the stages after the join read), in memory and when the join spills, and gives
// the result of the join made whole.

import Foundation
import Testing
@testable import WekaQL

/// A table read in chunks, recording every column any reading asked for.
struct ColumnRecordingChunks: ChunkedSource {
    let chunks: TableChunks
    let asked = Locked<Set<Int>>([])

    var fields: [Field] { chunks.fields }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        asked.withLock { $0.formUnion(columns) }
        try chunks.forEachChunk(columns: columns, threads: threads, cancellation: cancellation, body)
    }
}

@Suite struct StreamedJoinLeftColumnsTests {
    /// Queries over `l` (`id`, `k`, `n`, `v`) joined with `r` (`id`, `k`, `n`, `w`), and the columns of
    /// `l` each reads.
    static let cases: [(query: String, columns: Set<Int>)] = [
        ("l join r on k | count by w", [1]),
        ("l join r on k | where n > 20 | count", [1, 2]),
        ("l where v = \"v1\" | join r on k | count by w", [1, 3]),
        ("l semi join r on k | summarize s = sum(n) by v", [1, 2, 3]),
        ("l join r on k | sort by n desc, id limit 3", [0, 1, 2, 3]),   // the rows kept whole
        ("l join r on k | distinct v, w", [1, 3]),
        ("l left join r on k, n | count by w", [1, 2]),
    ]

    /// `query`'s rendered result with `l` streamed in chunks of 13 rows, and the columns of `l` it read.
    static func run(_ query: String, budget: MemoryBudget? = nil, statistics: SpillStatistics? = nil,
                    directory: String? = nil) throws -> (String, Set<Int>) {
        let left = ColumnRecordingChunks(chunks: TableChunks(JoinSpillTests.left, rowsPerChunk: 13))
        var engine = Engine(dataset: Dataset(collections: [Dataset.Collection(name: "l", chunks: left),
                                                            Dataset.Collection(name: "r", table: JoinSpillTests.right)]))
        engine.streamsFiles = true
        if let budget { engine.memoryBudget = budget }
        engine.spillSettings = SpillSettings(parent: directory, statistics: statistics)
        let rendered = try engine.run(query).map { Renderer(format: .table).render($0.table) }.joined()
        return (rendered, left.asked.withLock { $0 })
    }

    @Test(arguments: cases.indices)
    func aStreamedLeftReadsOnlyTheColumnsTheJoinNeeds(_ index: Int) throws {
        let (query, columns) = Self.cases[index]
        let whole = JoinSpillTests.output(query)
        let (streamed, read) = try Self.run(query)
        #expect(streamed == whole, "\(query)")
        #expect(read == columns, "\(query)")
    }

    @Test(arguments: cases.indices)
    func aSpilledJoinsStreamedLeftReadsOnlyTheColumnsTheJoinNeeds(_ index: Int) throws {
        let (query, columns) = Self.cases[index]
        let whole = JoinSpillTests.output(query)
        let directory = try SpillTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let statistics = SpillStatistics()
        let (spilled, read) = try Self.run(query, budget: JoinSpillTests.tinyBudget, statistics: statistics, directory: directory)
        #expect(spilled == whole, "\(query)")
        #expect(statistics.filesWritten > 2, "\(query): it did not spill")
        #expect(read == columns, "\(query)")
    }
}
