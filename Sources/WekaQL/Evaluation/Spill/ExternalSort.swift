// `sort by` over more rows than the memory budget holds sort keys for: runs of rows that fit are sorted
// in memory by ``Sorter`` and written to spill files as row numbers, then merged, a block of each run at a
// time, into the whole order. The table itself is the stage's input, already in memory; what the budget
// bounds is the sort's own state, its keys and positions, which the in-memory sort makes for every row.

/// A stable sort of a relation's selection that spills runs to disk to keep within a memory budget.
struct ExternalSorter {
    let relation: Relation
    let compiler: ExpressionCompiler
    let budget: MemoryBudget
    let settings: SpillSettings
    var cancellation: CancellationToken? = nil
    var range: SourceRange? = nil

    /// The runs merged at once: each is read a block at a time.
    static let fanIn = 32

    /// The bytes per row the in-memory sort's state takes (as the evaluator estimates it).
    static func bytesPerRow(keys: Int) -> Int { 4 + 8 * keys }

    /// Whether sorting `rows` rows on `keys` keys in memory would pass `budget`.
    static func needsSpill(rows: Int, keys: Int, budget: MemoryBudget) -> Bool {
        let (estimate, overflow) = rows.multipliedReportingOverflow(by: bytesPerRow(keys: keys))
        return overflow || estimate > budget.bytes
    }

    /// The selected rows in sort order, as ``Sorter/sorted(by:limit:)`` gives them without a limit.
    func sorted(by keys: [(BoundExpression, descending: Bool)]) throws -> [Int32] {
        let spill = SpillDirectory(stage: "sort", settings: settings, range: range)
        defer { spill.remove() }
        let perRow = Self.bytesPerRow(keys: keys.count)
        let runRows = max(1, budget.bytes / 2 / perRow)
        let blockRows = max(1, budget.bytes / 2 / Self.fanIn / perRow)
        let rows = relation.rows
        var runs: [SpillFile] = []
        for start in stride(from: 0, to: rows.count, by: runRows) {
            try checkCancelled()
            let run = Array(rows[start..<min(start + runRows, rows.count)])
            settings.statistics?.track(run.count * perRow)
            defer { settings.statistics?.track(-run.count * perRow) }
            let order = try Sorter(relation: Relation(relation.table, selection: run), compiler: compiler,
                                   cancellation: cancellation, range: range).sorted(by: keys)
            runs.append(try write(order, blockRows: blockRows, to: spill))
        }
        let readers = RunKeys(table: relation.table, keys: keys, compiler: compiler)
        while runs.count > Self.fanIn {
            var merged: [SpillFile] = []
            for group in stride(from: 0, to: runs.count, by: Self.fanIn) {
                let writer = try spill.makeFile()
                var block: [Int32] = []
                try merge(Array(runs[group..<min(group + Self.fanIn, runs.count)]), keys: readers, blockRows: blockRows) { row in
                    block.append(row)
                    if block.count == blockRows { try writer.write([Self.rowColumn(block)]); block.removeAll(keepingCapacity: true) }
                }
                if !block.isEmpty { try writer.write([Self.rowColumn(block)]) }
                merged.append(try writer.finish())
            }
            runs = merged
        }
        var result: [Int32] = []
        result.reserveCapacity(rows.count)
        try merge(runs, keys: readers, blockRows: blockRows) { result.append($0) }
        return result
    }

    /// One sorted run written as blocks of row numbers.
    private func write(_ rows: [Int32], blockRows: Int, to spill: SpillDirectory) throws -> SpillFile {
        let writer = try spill.makeFile()
        for start in stride(from: 0, to: rows.count, by: blockRows) {
            try writer.write([Self.rowColumn(Array(rows[start..<min(start + blockRows, rows.count)]))])
        }
        return try writer.finish()
    }

    private static func rowColumn(_ rows: [Int32]) -> Column { Column(storage: .integer(rows.map { Int64($0) }, nulls: [])) }

    /// Merges sorted runs (each a consecutive stretch of the input, in input order) into `emit`, a block of
    /// each at a time: the smallest head goes first, and of equal heads the earlier run's, so the merge is stable.
    private func merge(_ runs: [SpillFile], keys: RunKeys, blockRows: Int, _ emit: (Int32) throws -> Void) throws {
        var heads: [RunHead] = []
        for run in runs {
            var head = RunHead(reader: try run.reader())
            if try head.advance(keys, settings.statistics, blockRows) { heads.append(head) }
        }
        var heap = RunMergeHeap(heads: heads, descending: keys.descending)
        var emitted = 0
        while let top = heap.top {
            emitted += 1
            if emitted & 0xFFFF == 0 { try checkCancelled() }
            try emit(heap.heads[top].row)
            if try heap.heads[top].advance(keys, settings.statistics, blockRows) { heap.siftDown() } else { heap.popTop() }
        }
    }

    private func checkCancelled() throws(Diagnostic) {
        if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
    }
}

/// Reads the sort keys of a row of the table (columns read in place, expressions computed).
struct RunKeys {
    let readers: [(Int) throws -> Value]
    let descending: [Bool]

    init(table: Table, keys: [(BoundExpression, descending: Bool)], compiler: ExpressionCompiler) {
        readers = keys.map { key in
            if case .column(let c) = key.0.kind { let column = table.columns[c]; return { column[$0] } }
            return compiler.compile(key.0)
        }
        descending = keys.map(\.descending)
    }

    func values(_ row: Int32) throws -> [Value] { try readers.map { try $0(Int(row)) } }
}

/// One run being merged: its current block of row numbers and the keys of the row at its head.
private struct RunHead {
    let reader: SpillReader
    var block: [Int64] = []
    var at = 0
    var row: Int32 = 0
    var key: [Value] = []

    init(reader: SpillReader) { self.reader = reader }

    /// Moves to the run's next row, reading the next block when this one is done; `false` at the end.
    mutating func advance(_ keys: RunKeys, _ statistics: SpillStatistics?, _ blockRows: Int) throws -> Bool {
        at += 1
        if at >= block.count {
            statistics?.track(-block.count * 8)
            guard let columns = try reader.next(), case .integer(let rows, _) = columns.first?.storage else { return false }
            block = rows
            at = 0
            statistics?.track(block.count * 8)
            if block.isEmpty { return false }
        }
        row = Int32(block[at])
        key = try keys.values(row)
        return true
    }
}

extension RunHead: MergeHead {
    static func compare(_ a: RunHead, _ b: RunHead, descending: [Bool]) -> Int {
        SortKeys.compare(a.key, b.key, descending: descending)
    }
}
