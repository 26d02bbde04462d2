// The sorted runs of a streamed sort (``SortSink``) and their merge: each run is written as blocks of
// whole rows; the merge reads one block of each run at a time, takes the row with the least key (of
// equal keys, the earlier run's) and builds the output from the blocks' columns. Past 32 runs, groups
// of 32 are first merged into longer runs.

/// The spill files of one streamed sort. Used only by the sink's merges, which run one at a time.
final class SortRuns: @unchecked Sendable {
    let settings: SpillSettings
    let budget: MemoryBudget
    let range: SourceRange?
    let cancellation: CancellationToken?
    private let directory: SpillDirectory
    private var files: [SpillFile] = []
    /// The rows of a block, and about the bytes of a row, of the runs written.
    private var blockRows = 1024
    private var rowBytes = 64

    /// Whether writing the first run counts a streamed spill (``SpillStatistics/streamedSpills``): not
    /// for the runs of a grouping's groups, whose spill was counted when its rows were partitioned.
    private let countsStreamedSpill: Bool

    init(settings: SpillSettings, budget: MemoryBudget, range: SourceRange?, cancellation: CancellationToken?,
         stage: String = "sort") {
        self.settings = settings
        self.budget = budget
        self.range = range
        self.cancellation = cancellation
        countsStreamedSpill = stage == "sort"
        directory = SpillDirectory(stage: stage, settings: settings, range: range)
    }

    /// Whether no run was written.
    var isEmpty: Bool { files.isEmpty }

    /// The sort now holds `bytes` more in memory (negative: fewer).
    func track(_ bytes: Int) { settings.statistics?.track(bytes) }

    /// Removes the spill files.
    func remove() { directory.remove() }

    /// Writes `table`'s rows in the order `order` as a run.
    func write(_ table: Table, order: [Int32], rowBytes: Int) throws {
        if files.isEmpty && countsStreamedSpill { settings.statistics?.countStreamedSpill() }
        self.rowBytes = rowBytes
        blockRows = max(1, budget.bytes / 2 / ExternalSorter.fanIn / rowBytes)
        let writer = try directory.makeFile()
        for start in stride(from: 0, to: order.count, by: blockRows) {
            try checkCancelled()
            try writer.write(table.columns, rows: Array(order[start..<min(start + blockRows, order.count)]))
        }
        files.append(try writer.finish())
    }

    /// Every run merged into one table of `fields`, with only the columns `kept` filled (the others null).
    func merged(keys: [(BoundExpression, descending: Bool)], fields: [Field], kept: Set<Int>, parameters: [String: Value],
                subqueries: [SubqueryValues]) throws -> Table {
        let order = try fewRuns(keys: keys, fields: fields, kept: kept, parameters: parameters, subqueries: subqueries)
        var output = RowsBuilder(fields: fields, kept: kept)
        try merge(files, order) { columns, row in output.append(columns, row) }
        return Table(fields: fields, columns: output.build(), rowCount: output.count)
    }

    /// Every run merged, handed to `body` a block of rows at a time in order (as ``merged(keys:fields:kept:parameters:subqueries:)``
    /// orders them), so that the merged rows are never held whole; each block is counted as held until `body` returns.
    func merge(keys: [(BoundExpression, descending: Bool)], fields: [Field], kept: Set<Int>, parameters: [String: Value],
               subqueries: [SubqueryValues], into body: (Table) throws -> Void) throws {
        let order = try fewRuns(keys: keys, fields: fields, kept: kept, parameters: parameters, subqueries: subqueries)
        let held = blockRows * rowBytes
        var block = RowsBuilder(fields: fields, kept: kept)
        func handOn() throws {
            track(held)
            defer { track(-held) }
            try body(Table(fields: fields, columns: block.build(), rowCount: block.count))
            block = RowsBuilder(fields: fields, kept: kept)
        }
        try merge(files, order) { columns, row in
            block.append(columns, row)
            if block.count == blockRows { try handOn() }
        }
        if block.count > 0 { try handOn() }
    }

    /// The runs merged in groups of ``ExternalSorter/fanIn`` into longer runs until at most that many are
    /// left, and how the merge reads their keys.
    private func fewRuns(keys: [(BoundExpression, descending: Bool)], fields: [Field], kept: Set<Int>, parameters: [String: Value],
                         subqueries: [SubqueryValues]) throws -> RunOrder {
        let order = RunOrder(keys: keys, fields: fields, parameters: parameters, subqueries: subqueries)
        while files.count > ExternalSorter.fanIn {
            var longer: [SpillFile] = []
            for group in stride(from: 0, to: files.count, by: ExternalSorter.fanIn) {
                let writer = try directory.makeFile()
                var block = RowsBuilder(fields: fields, kept: kept)
                try merge(Array(files[group..<min(group + ExternalSorter.fanIn, files.count)]), order) { columns, row in
                    block.append(columns, row)
                    if block.count == blockRows {
                        try writer.write(block.build())
                        block = RowsBuilder(fields: fields, kept: kept)
                    }
                }
                if block.count > 0 { try writer.write(block.build()) }
                longer.append(try writer.finish())
            }
            files = longer
        }
        return order
    }

    /// Merges `runs` into `emit`, a row (a block's columns and a row of them) at a time, in key order.
    private func merge(_ runs: [SpillFile], _ order: RunOrder, _ emit: ([Column], Int) throws -> Void) throws {
        var cursors: [RunCursor] = []
        for run in runs {
            var cursor = RunCursor(reader: try run.reader())
            if try cursor.advance(order) { cursors.append(cursor) }
        }
        let held = cursors.count * blockRows * rowBytes
        track(held)
        defer { track(-held) }
        var heap = RunMergeHeap(heads: cursors, descending: keysDescending(order))
        var emitted = 0
        while let top = heap.top {
            emitted += 1
            if emitted & 0xFFFF == 0 { try checkCancelled() }
            try emit(heap.heads[top].columns, heap.heads[top].at)
            if try heap.heads[top].advance(order) { heap.siftDown() } else { heap.popTop() }
        }
    }

    private func keysDescending(_ order: RunOrder) -> [Bool] { order.keys.map(\.descending) }

    private func checkCancelled() throws(Diagnostic) {
        if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
    }
}

/// What the merge needs to read a block's sort keys.
private struct RunOrder {
    let keys: [(BoundExpression, descending: Bool)]
    let fields: [Field]
    let parameters: [String: Value]
    let subqueries: [SubqueryValues]

    /// The keys' cells in a block: a column read typed, an expression computed at each row.
    func cells(_ columns: [Column], rows: Int) throws -> [KeyCells] {
        let table = Table(fields: fields, columns: columns, rowCount: rows)
        let compiler = ExpressionCompiler(table: table, parameters: parameters, subqueries: subqueries)
        return try keys.map { key in
            if case .column(let c) = key.0.kind { return KeyCells(columns[c]) }
            let f = compiler.compile(key.0)
            return .values(try (0..<rows).map { try f($0) })
        }
    }
}

/// One run being merged: its current block and the keys of the row at its head.
private struct RunCursor {
    let reader: SpillReader
    var columns: [Column] = []
    var rows = 0
    var at = -1
    /// The keys of the current block.
    var cells: [KeyCells] = []

    init(reader: SpillReader) { self.reader = reader }

    /// Moves to the run's next row, reading the next block when this one is done; `false` at the end.
    mutating func advance(_ order: RunOrder) throws -> Bool {
        at += 1
        while at >= rows {
            guard let next = try reader.next() else { return false }
            columns = next
            rows = next.first?.count ?? 0
            at = 0
            cells = try order.cells(columns, rows: rows)
        }
        return true
    }
}

extension RunCursor: MergeHead {
    static func compare(_ a: RunCursor, _ b: RunCursor, descending: [Bool]) -> Int {
        for key in descending.indices {
            let c = a.cells[key].compare(a.at, with: b.cells[key], b.at, descending: descending[key])
            if c != 0 { return c }
        }
        return 0
    }
}

/// Builds the columns of merged rows, copying the kept columns' values from the runs' blocks.
private struct RowsBuilder {
    let fields: [Field]
    let kept: [Int]
    private var builders: [ColumnBuilder]
    /// Integer columns copied as integers while every block holds them so (the values are boxed otherwise).
    private var integers: [[Int64]?]
    private(set) var count = 0

    init(fields: [Field], kept: Set<Int>) {
        self.fields = fields
        self.kept = kept.sorted()
        builders = self.kept.map { ColumnBuilder(type: fields[$0].type) }
        integers = self.kept.map { fields[$0].type == .integer ? [] : nil }
    }

    mutating func append(_ columns: [Column], _ row: Int) {
        for (slot, column) in kept.enumerated() {
            if integers[slot] != nil {
                if case .integer(let values, let nulls) = columns[column].storage, nulls.isEmpty {
                    integers[slot]!.append(values[row])
                    continue
                }
                for value in integers[slot]! { builders[slot].append(.integer(value)) }
                integers[slot] = nil
            }
            builders[slot].append(columns[column][row])
        }
        count += 1
    }

    func build() -> [Column] {
        var columns = fields.map { _ in Column(storage: .null(count)) }
        for (slot, column) in kept.enumerated() {
            columns[column] = integers[slot].map { Column(storage: .integer($0, nulls: [])) } ?? builders[slot].build()
        }
        return columns
    }
}
