// Grace hash join: when a streamed join's right side would make an index past the memory budget, both
// sides are written to spill files split by a hash of their normalised keys, and each partition is
// joined on its own (its right rows indexed, its left rows probed a block at a time), its index a
// fraction of the whole. Equal keys fall in the same partition, so every match is found there; a null key
// never matches, so a row with one goes to any partition (by its number), or nowhere when it cannot show.
//
// Every row carries its number on its side (its place in the in-memory join's input), kept as one more
// column of each side. A tail that cannot tell the order of the rows (a count, or a grouping whose
// aggregates and keys do not depend on it) takes the partitions' rows as they come; any other tail gets
// them merged back into the in-memory join's order by those numbers (SpilledJoinMerge), from files of
// each partition's output.

/// The rows of a join of `left` with `right`, made one key partition at a time within `budget`.
struct SpilledJoinChunks: ChunkedSource {
    let plan: JoinPlan
    /// The join's output fields.
    let fields: [Field]
    let left: JoinLeft
    let right: Table
    let budget: MemoryBudget
    let settings: SpillSettings
    /// Whether the rows must come in the in-memory join's order (the tail can tell).
    let keepsOrder: Bool
    /// Rows per piece, when set (tests).
    var rowsPerPiece: Int? = nil

    /// The most partitions (each has a file open while its side is written).
    static let largestFanOut = 256
    /// The most rows in a piece or block, however large the budget (as an unspilled join's pieces).
    static let largestPiece = 65_536

    /// Whether indexing `rows` right rows on `keys` keys would pass `budget`.
    static func needsSpill(rows: Int, keys: Int, budget: MemoryBudget) -> Bool {
        JoinIndex.estimatedBytes(rows: rows, keys: keys) > budget.bytes
    }

    func forEachChunk(columns: [Int], threads: Int, cancellation: CancellationToken?,
                      _ body: @Sendable (Int, Table) throws -> Void) throws {
        let spill = SpillDirectory(stage: "join", settings: settings, range: plan.range)
        defer { spill.remove() }
        let layout = SpilledJoinLayout(plan: plan, fields: fields, rightFields: right.fields, columns: columns, keepsOrder: keepsOrder)
        let fanOut = partitionCount(layout)
        let sides = SpilledJoinSides(layout: layout, fanOut: fanOut, budget: budget, settings: settings, cancellation: cancellation)
        let rightFiles = try sides.spillRight(right, spill)
        let leftFiles = try sides.spillLeft(left, spill)
        let width = 8 * max(1, layout.made.count)
        // The merge holds a block of each partition's output at once: those blocks (pieces) are smaller.
        let pieceRows = min(Self.largestPiece, keepsOrder ? max(1, budget.bytes / 4 / fanOut / width) : max(16, budget.bytes / 8 / width))
        let joiner = SpilledJoinPartition(layout: layout, settings: settings, cancellation: cancellation,
                                          rowsPerPiece: rowsPerPiece ?? pieceRows, rowsPerCountedPiece: rowsPerPiece ?? 1 << 20)
        guard keepsOrder else {
            var next = 0
            for p in 0..<fanOut {
                let first = next
                next += try joiner.join(left: leftFiles[p], right: rightFiles[p], threads: threads) { number, piece in
                    try body(first + number, piece)
                }
            }
            return
        }
        var outputs: [SpillFile] = []
        for p in 0..<fanOut {
            let writer = SharedSpillWriters([try spill.makeFile()])
            _ = try joiner.join(left: leftFiles[p], right: rightFiles[p], threads: 1) { _, piece in
                try writer.write(piece.columns, to: 0)
            }
            outputs += try writer.finish()
        }
        try SpilledJoinMerge(layout: layout, budget: budget, settings: settings, cancellation: cancellation, rowsPerPiece: rowsPerPiece)
            .emit(outputs, body)
    }

    /// Enough partitions that one partition's right rows and index take about a quarter of the budget.
    private func partitionCount(_ layout: SpilledJoinLayout) -> Int {
        let perRow = JoinIndex.estimatedBytes(rows: 1, keys: plan.rightKeys.count) + 8 * (layout.rightKept.count + 1)
        let total = right.rowCount.multipliedReportingOverflow(by: perRow).partialValue
        return min(Self.largestFanOut, max(2, total / max(1, budget.bytes / 4) + 1))
    }
}

/// Where each column of a spilled join goes: the columns each side keeps, and the join over the sides
/// with their row numbers (the left's after its columns, the right's as one more right column).
struct SpilledJoinLayout: Sendable {
    let plan: JoinPlan
    let fields: [Field]
    /// The left side's columns, and the right's.
    let leftWidth: Int
    let rightWidth: Int
    /// The columns of each side written to the spill files (keys, and those the tail reads), ascending.
    let leftKept: [Int]
    let rightKept: [Int]
    /// The join over the numbered sides, and its output fields.
    let numberedPlan: JoinPlan
    let numberedFields: [Field]
    let leftFields: [Field]
    let rightFields: [Field]
    /// The output columns asked for, and the numbered columns the partitions' joins make (ascending).
    let columns: [Int]
    let made: [Int]

    static let numberField = Field(name: "\u{0}row", type: .integer)

    init(plan: JoinPlan, fields: [Field], rightFields: [Field], columns: [Int], keepsOrder: Bool) {
        self.plan = plan
        self.fields = fields
        self.columns = columns
        leftWidth = fields.count - plan.rightColumns.count
        rightWidth = rightFields.count
        let keepsRight = plan.kind != .semi && plan.kind != .anti
        var numbered = plan
        if keepsRight { numbered.rightColumns.append(rightWidth) }
        numberedPlan = numbered
        numberedFields = Array(fields[..<leftWidth]) + [Self.numberField] + Array(fields[leftWidth...]) + (keepsRight ? [Self.numberField] : [])
        leftFields = Array(fields[..<leftWidth]) + [Self.numberField]
        self.rightFields = rightFields + [Self.numberField]
        let shared = plan.kind == .full ? plan.sharedKeys : []
        leftKept = Array(Set(columns.filter { $0 < fields.count - plan.rightColumns.count } + plan.leftKeys)).sorted()
        let leftWidth = leftWidth
        rightKept = Array(Set(columns.filter { $0 >= leftWidth }.map { plan.rightColumns[$0 - leftWidth] } + plan.rightKeys
                              + shared.filter { s in columns.contains(s.left) }.map(\.right))).sorted()
        let asked = columns.map { $0 < leftWidth ? $0 : $0 + 1 }
        made = keepsOrder ? Array(Set(asked + [leftWidth] + (keepsRight ? [numberedFields.count - 1] : []))).sorted() : asked
    }

    /// Where the left's and right's row numbers are among ``made`` (the right's: `nil` for a semi or anti join).
    var leftNumberPosition: Int { made.firstIndex(of: leftWidth)! }
    var rightNumberPosition: Int? {
        numberedFields.count - 1 == leftWidth ? nil : made.firstIndex(of: numberedFields.count - 1)
    }
    /// Where each asked-for output column is among ``made``.
    var askedPositions: [Int] { columns.map { c in made.firstIndex(of: c < leftWidth ? c : c + 1)! } }
}
