// A spilled join's rows put back in the in-memory join's order (Join.swift): left rows in order, each with
// its matches in right order, then a full join's unmatched right rows in right order. Each partition's
// output is in that order already (its sides were written in order), and all of a left row's output is in
// one partition, so merging the partitions' outputs by (left row number, right row number) restores it,
// holding one block of each partition's output at a time.

/// Merges the output files of a spilled join's partitions into pieces in the in-memory join's order.
struct SpilledJoinMerge {
    let layout: SpilledJoinLayout
    let budget: MemoryBudget
    let settings: SpillSettings
    let cancellation: CancellationToken?
    /// Rows per piece, when set (tests).
    let rowsPerPiece: Int?

    /// One partition's output being read: its current block, and the row of it next in order.
    private final class Run {
        let reader: SpillReader
        let layout: SpilledJoinLayout
        let statistics: SpillStatistics?
        var columns: [Column] = []
        var row = 0
        private var leftNumbers: [Int64] = []
        private var rightNumbers: [Int64] = []
        private var held = 0

        init(_ reader: SpillReader, _ layout: SpilledJoinLayout, _ statistics: SpillStatistics?) {
            self.reader = reader
            self.layout = layout
            self.statistics = statistics
        }

        deinit { statistics?.track(-held) }

        /// The current row's place in the join's order: an unmatched right row (no left row) after every left row.
        var key: (Int64, Int64) { (leftNumbers[row], rightNumbers.isEmpty ? 0 : rightNumbers[row]) }

        /// Moves to the next row; `false` after the last.
        func step() throws -> Bool {
            row += 1
            return row < leftNumbers.count ? true : try load()
        }

        /// Reads the next block that has rows; `false` at the end of the file.
        func load() throws -> Bool {
            statistics?.track(-held)
            held = 0
            while let block = try reader.next() {
                guard let count = block.first?.count, count > 0 else { continue }
                columns = block
                row = 0
                leftNumbers = Self.numbers(block[layout.leftNumberPosition], null: .max)
                rightNumbers = layout.rightNumberPosition.map { Self.numbers(block[$0], null: -1) } ?? []
                held = 8 * count * (block.count + 2)
                statistics?.track(held)
                return true
            }
            columns = []
            return false
        }

        private static func numbers(_ column: Column, null: Int64) -> [Int64] {
            if case .integer(let values, let nulls) = column.storage {
                return nulls.isEmpty ? values : zip(values, nulls).map { $1 ? null : $0 }
            }
            return (0..<column.count).map { if case .integer(let v) = column[$0] { v } else { null } }
        }
    }

    /// Hands the merged rows to `body` in pieces numbered 0, 1, 2, … (on this thread).
    func emit(_ files: [SpillFile], _ body: @Sendable (Int, Table) throws -> Void) throws {
        var heap: [Run] = []
        for file in files {
            let run = Run(try file.reader(), layout, settings.statistics)
            if try run.load() { heap.append(run) }
        }
        heap.sort { $0.key < $1.key }   // a sorted array is a heap with the least on top
        let positions = layout.askedPositions
        let fields = layout.columns.map { layout.fields[$0] }
        let perPiece = rowsPerPiece ?? min(SpilledJoinChunks.largestPiece, max(16, budget.bytes / 8 / (8 * max(1, fields.count))))
        var builders = fields.map { ColumnBuilder(type: $0.type, capacity: perPiece) }
        var rows = 0, number = 0, merged = 0
        func flush() throws {
            let piece = Table(fields: fields, columns: builders.map { $0.build() }, rowCount: rows)
            builders = fields.map { ColumnBuilder(type: $0.type, capacity: perPiece) }
            rows = 0
            let bytes = 8 * piece.rowCount * piece.columns.count
            settings.statistics?.track(bytes)
            defer { settings.statistics?.track(-bytes) }
            try body(number, piece)
            number += 1
        }
        while let top = heap.first {
            merged += 1
            if merged & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: layout.plan.range) }
            for (slot, position) in positions.enumerated() { builders[slot].append(top.columns[position][top.row]) }
            rows += 1
            if rows == perPiece { try flush() }
            if try !top.step() {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
            }
            siftDownFromTop(&heap) { $0.key < $1.key }
        }
        if rows > 0 { try flush() }
    }
}
