// The one place each stage kind states its lineage: how the rows of its output table come from the rows
// of its input table. A new stage kind adds its case here (and, if its evaluation knows something the
// relations do not show, such as a join's pairs, hands it over as a `StageDetail`).

/// What a stage's evaluation knows about its rows that its input and output relations do not show.
enum StageDetail {
    case none
    /// `count by` and `summarize`: output row `i` is the group of these input rows.
    case groups(RowMap)
    /// A join: each output row's left row (of the input table) and right row (-1 for none), and the right side.
    case join(JoinOutput, right: Table)
    /// A `union`: the right side's rows, and their lineage.
    case union(right: Table, rightSide: QueryLineage)
}

extension PlanStage {
    /// The lineage of this stage, given the relation it read, the one it made, and what evaluating it told.
    ///
    /// - `where`, `sort`, `limit` (and `top`): the selection moves, the table stays: the same rows.
    /// - `select`, `extend`, `rename`, `drop`: output row `i` is the i-th selected input row.
    /// - `distinct`: output row `i` comes from every input row with its values (all the duplicates).
    /// - `count by`, `summarize`: every row of the group (from the grouping itself).
    /// - joins: the pair of a left row and a right row; for `semi join`, the left row and every right row
    ///   it matched (they are why it is kept); for `anti join`, the left row alone.
    /// - `union`, `unnest`, `pivot`, `unpivot`: see `PlanStage+ReshapingLineage.swift`.
    func lineage(input: Relation, output: Relation, detail: StageDetail, right: () throws -> QueryLineage) throws -> StageLineage {
        switch self {
        case .filter, .sort, .limit, .window:
            return .sameTable   // a window adds columns to its input's table, its rows as they were
        case .join(let plan) where plan.kind == .anti:
            return .sameTable   // the left table, with a selection: its rows are there for want of a match
        case .join(let plan) where plan.kind == .semi:
            guard case .join(_, let rightTable) = detail else { preconditionFailure("a join reports its right side") }
            return try Self.semiJoinLineage(plan, input: input, output: output, right: rightTable, rightSide: try right())
        case .project:
            return .rows(RowMap(oneToOne: input.rows))
        case .distinct(let columns):
            return .rows(Self.duplicates(in: input, columns: columns))
        case .aggregate:
            guard case .groups(let map) = detail else { preconditionFailure("a grouping reports its groups") }
            return .rows(map)
        case .join:
            guard case .join(let joined, _) = detail else { preconditionFailure("a join reports its pairs") }
            return .pairs(left: joined.leftRows, right: joined.rightRows, rightSide: try right())
        case .union(let plan):
            guard case .union(let rightTable, let side) = detail else { preconditionFailure("a union reports its right side") }
            return try Self.unionLineage(plan, input: input, output: output, right: rightTable, rightSide: side)
        case .unnest(let column):
            return .rows(Self.unnestSources(column, input: input, output: output))
        case .pivot(let plan):
            return .rows(Self.pivotGroups(plan, input: input, output: output))
        case .unpivot(let plan):
            return .rows(Self.unpivotSources(plan, input: input, output: output))
        }
    }

    /// `distinct`'s groups: the selected rows with equal values, in order of first appearance, as the
    /// evaluator keeps them (the first of each).
    static func duplicates(in relation: Relation, columns: [Int]) -> RowMap {
        var groupOfKey: [[Value]: Int32] = [:]
        var groupOf: [Int32] = []
        groupOf.reserveCapacity(relation.count)
        relation.forEachRow { row in
            let key = columns.map { relation.table.columns[$0][row].normalizedForDistinct }
            if let group = groupOfKey[key] { return groupOf.append(group) }
            let group = Int32(groupOfKey.count)
            groupOfKey[key] = group
            groupOf.append(group)
        }
        return RowMap(groups: groupOfKey.count, groupOf: groupOf, inputRows: relation.selection, outputOrder: nil)
    }
}
