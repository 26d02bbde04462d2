// Lineage: which input rows each result row comes from. Recorded only when asked (`| why`, `why not`,
// `explain`, `StatementResult.lineage()`), as one row map per stage, and followed back from a result
// row to the rows of the collections (and files) it stands on.

/// Rows of one table mapped to rows of another, in compressed form: row `i` comes from
/// `rows[offsets[i]..<offsets[i + 1]]`.
struct RowMap: Sendable {
    var offsets: [Int32]
    var rows: [Int32]

    /// Each row from exactly one row: `sources[i]`.
    init(oneToOne sources: [Int32]) {
        offsets = Array(0...Int32(sources.count))
        rows = sources
    }

    init(offsets: [Int32], rows: [Int32]) {
        self.offsets = offsets
        self.rows = rows
    }

    /// Groups given as each input row's group (`groupOf[k]` for the k-th of `inputRows`), `-1` for none;
    /// output row `i` comes from the rows of group `groupOfOutput[i]`.
    init(groups count: Int, groupOf: [Int32], inputRows: [Int32], outputOrder: [Int32]?) {
        var sizes = [Int32](repeating: 0, count: count)
        for group in groupOf where group >= 0 { sizes[Int(group)] += 1 }
        var starts = [Int32](repeating: 0, count: count + 1)
        for g in 0..<count { starts[g + 1] = starts[g] + sizes[g] }
        var filled = Array(starts.dropLast())
        var byGroup = [Int32](repeating: 0, count: Int(starts[count]))
        for (position, group) in groupOf.enumerated() where group >= 0 {
            byGroup[Int(filled[Int(group)])] = inputRows[position]
            filled[Int(group)] += 1
        }
        guard let outputOrder else {
            self.init(offsets: starts, rows: byGroup)
            return
        }
        var offsets: [Int32] = [0]
        var rows: [Int32] = []
        rows.reserveCapacity(byGroup.count)
        for group in outputOrder {
            rows += byGroup[Int(starts[Int(group)])..<Int(starts[Int(group) + 1])]
            offsets.append(Int32(rows.count))
        }
        self.init(offsets: offsets, rows: rows)
    }

    var count: Int { offsets.count - 1 }

    /// The rows output row `row` comes from.
    func sources(of row: Int) -> ArraySlice<Int32> { rows[Int(offsets[row])..<Int(offsets[row + 1])] }
}

/// How one stage's output table's rows come from its input table's rows (see `PlanStage.lineage` in
/// `PlanStage+Lineage.swift`, the one place each stage kind states it).
enum StageLineage: Sendable {
    /// The stage moved the selection only (`where`, `sort`, `limit`, `top`): its table is its input's.
    case sameTable
    /// Each output row comes from some rows of the input table: one for `select`, `extend`, `rename`
    /// and `drop`; every duplicate for `distinct`; the group's rows for `count by` and `summarize`.
    case rows(RowMap)
    /// Each output row pairs a row of the input table (`left`) with a row of `rightSide`'s result
    /// (`right`; -1 where a left join found none).
    case pairs(left: [Int32], right: [Int32], rightSide: QueryLineage)
    /// Each output row comes from some rows of the input table (`left`) and some rows of `rightSide`'s
    /// result (`right`): a `union`'s row from its side (from both, for `union distinct`'s duplicates); a
    /// `semi join`'s row (of its input table, which it keeps) from itself and the right rows it matched.
    case sides(left: RowMap, right: RowMap, rightSide: QueryLineage)
}

/// A table the lineage ends at: a collection, a file's rows, or a table bound without a query behind it.
struct LineageInput: Sendable {
    /// The collection's (or binding's) name.
    var name: String
    var table: Table
    /// The file the rows were loaded from, to give each row its line.
    var file: LoadedFile?
}

/// The lineage of one query's result: where its rows start, and a row map per stage.
final class QueryLineage: @unchecked Sendable {
    enum Start {
        /// The rows of input `index` of the ``LineageGraph``.
        case input(Int)
        /// The result rows of another query (a `let` binding).
        case query(QueryLineage)
    }
    let start: Start
    /// One entry per plan stage, in order (appended as the stages run; a finished query is not changed again).
    var steps: [StageLineage] = []
    /// The result's rows, as rows of the last stage's table (`nil`: all of them, in order).
    var finalSelection: [Int32]?

    init(start: Start) { self.start = start }
}

/// Every input a result may trace to, and the queries between.
final class LineageGraph: @unchecked Sendable {
    private(set) var inputs: [LineageInput] = []

    func add(_ input: LineageInput) -> Int {
        inputs.append(input)
        return inputs.count - 1
    }
}

/// One input row: which input of its ``LineageGraph``, and which row of it (0-based).
struct InputRow: Hashable, Comparable, Sendable {
    var input: Int32
    var row: Int32

    static func < (a: InputRow, b: InputRow) -> Bool { (a.input, a.row) < (b.input, b.row) }
}

extension QueryLineage {
    /// The input rows behind `rows` (rows of the last stage's table), sorted and without repeats.
    func inputRows(ofTableRows rows: [Int32]) -> [InputRow] {
        var found: [InputRow] = []
        follow(rows, into: &found)
        // A group's rows, or a file's, usually come in order already.
        if zip(found, found.dropFirst()).contains(where: { $0 > $1 }) { found.sort() }
        var unique: [InputRow] = []
        unique.reserveCapacity(found.count)
        for row in found where unique.last != row { unique.append(row) }
        return unique
    }

    /// The input rows behind result row `row`.
    func inputRows(ofResultRow row: Int) -> [InputRow] {
        inputRows(ofTableRows: [finalSelection.map { $0[row] } ?? Int32(row)])
    }

    private func follow(_ rows: [Int32], into found: inout [InputRow]) {
        var current = rows
        for step in steps.reversed() {
            switch step {
            case .sameTable:
                continue
            case .rows(let map):
                var previous: [Int32] = []
                for row in current { previous += map.sources(of: Int(row)) }
                current = previous
            case .pairs(let left, let right, let side):
                let matched = current.map { right[Int($0)] }.filter { $0 >= 0 }
                if !matched.isEmpty {
                    side.follow(matched.map { row in side.finalSelection.map { $0[Int(row)] } ?? row }, into: &found)
                }
                current = current.map { left[Int($0)] }.filter { $0 >= 0 }   // -1: a full join's right-only row
            case .sides(let left, let right, let side):
                let matched = current.flatMap { right.sources(of: Int($0)) }
                if !matched.isEmpty {
                    side.follow(matched.map { row in side.finalSelection.map { $0[Int(row)] } ?? row }, into: &found)
                }
                current = current.flatMap { left.sources(of: Int($0)) }
            }
        }
        switch start {
        case .input(let index):
            found += current.map { InputRow(input: Int32(index), row: $0) }
        case .query(let query):
            query.follow(current.map { row in query.finalSelection.map { $0[Int(row)] } ?? row }, into: &found)
        }
    }
}
