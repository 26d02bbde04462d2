// Lineage: which input rows each result row comes from. Recorded only when asked (`| why`, `why not`,
// `explain`, `StatementResult.lineage()`), as one row map per stage, and followed back from a result
// row to the rows of the collections (and files) it stands on.

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
    /// The input rows behind each of `rows` (rows of the last stage's table), for each sorted and without repeats.
    func inputRows(ofTableRows rows: [Int32]) -> InputRowLists {
        var found = FoundRows()
        follow(Traced(rows: rows, tags: Array(0..<Int32(rows.count))), into: &found)
        return InputRowLists(found, count: rows.count)
    }

    /// The input rows behind each of the result's first `count` rows.
    func inputRows(ofResultRows count: Int) -> InputRowLists {
        inputRows(ofTableRows: finalSelection.map { Array($0.prefix(count)) } ?? Array(0..<Int32(count)))
    }

    /// The input rows behind result row `row`.
    func inputRows(ofResultRow row: Int) -> ArraySlice<InputRow> {
        inputRows(ofTableRows: [finalSelection.map { $0[row] } ?? Int32(row)]).of(0)
    }

    /// Result rows as rows of the last stage's table.
    private func tableRows(_ traced: Traced) -> Traced {
        guard let finalSelection else { return traced }
        return traced.compactMap { finalSelection[Int($0)] }
    }

    /// Follows `traced` (rows of the last stage's table) back to the inputs, stage by stage, all at once.
    private func follow(_ traced: Traced, into found: inout FoundRows) {
        var current = traced
        for step in steps.reversed() {
            switch step {
            case .sameTable:
                continue
            case .rows(let map):
                current = map.follow(current)
            case .pairs(let left, let right, let side):
                let matched = current.compactMap { right[Int($0)] >= 0 ? right[Int($0)] : nil }
                if matched.count > 0 { side.follow(side.tableRows(matched), into: &found) }
                current = current.compactMap { left[Int($0)] >= 0 ? left[Int($0)] : nil }   // -1: a full join's right-only row
            case .sides(let left, let right, let side):
                let matched = right.follow(current)
                if matched.count > 0 { side.follow(side.tableRows(matched), into: &found) }
                current = left.follow(current)
            }
        }
        switch start {
        case .input(let index):
            found.append(input: Int32(index), current)
        case .query(let query):
            query.follow(query.tableRows(current), into: &found)
        }
    }
}

/// Input rows found while following, each with its tag, in no particular order.
private struct FoundRows {
    var rows: [InputRow] = []
    var tags: [Int32] = []

    mutating func append(input: Int32, _ traced: Traced) {
        rows += traced.rows.lazy.map { InputRow(input: input, row: $0) }
        tags += traced.tags
    }
}

/// The input rows behind each of several rows: row `j`'s are `rows[starts[j]..<starts[j + 1]]`, sorted
/// and without repeats.
struct InputRowLists {
    private(set) var rows: [InputRow] = []
    private(set) var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    func of(_ j: Int) -> ArraySlice<InputRow> { rows[starts[j]..<starts[j + 1]] }

    /// `found` put in order of tag (a counting sort, keeping each tag's rows as found), each tag's rows
    /// sorted (a group's rows, or a file's, usually come in order already) and without repeats.
    fileprivate init(_ found: FoundRows, count: Int) {
        var offsets = [Int](repeating: 0, count: count + 1)
        for tag in found.tags { offsets[Int(tag) + 1] += 1 }
        for j in 0..<count { offsets[j + 1] += offsets[j] }
        var byTag = found.rows   // already in tag order when found so (one result row, or one input)
        if zip(found.tags, found.tags.dropFirst()).contains(where: { $0 > $1 }) {
            var cursor = offsets
            for (row, tag) in zip(found.rows, found.tags) {
                byTag[cursor[Int(tag)]] = row
                cursor[Int(tag)] += 1
            }
        }
        rows.reserveCapacity(byTag.count)
        starts.reserveCapacity(count + 1)
        for j in 0..<count {
            var segment = byTag[offsets[j]..<offsets[j + 1]]
            if zip(segment, segment.dropFirst()).contains(where: { $0 >= $1 }) {
                segment.sort()
                let first = rows.count
                for row in segment where rows.count == first || rows[rows.count - 1] != row { rows.append(row) }
            } else {
                rows += segment   // ascending without repeats already, as a group's rows are: copied whole
            }
            starts.append(rows.count)
        }
    }
}
