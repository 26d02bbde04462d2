// `sort by`: a stable sort of the selection on one or more keys, nulls last in either direction.
// Followed by `limit`, only the first rows are kept, through a bounded heap instead of a full sort.
// Both run over ``SortKeys``: each key read once per row into words that compare as the key does.

struct Sorter {
    let relation: Relation
    let compiler: ExpressionCompiler
    var cancellation: CancellationToken? = nil
    /// Where the sort is written, for a cancellation's error.
    var range: SourceRange? = nil

    /// The selected rows in order; with `limit`, only the first `limit` of them.
    func sorted(by keys: [(BoundExpression, descending: Bool)], limit: Int? = nil) throws -> [Int32] {
        let rows = relation.rows
        let check = CancellationCheck(token: cancellation, range: range)
        if let limit, limit < rows.count / 8, let direct = DirectTopRows(relation, keys: keys) {
            let positions = try direct.first(limit, of: rows, check)
            return relation.selection == nil ? positions : positions.map { rows[Int($0)] }
        }
        let sortKeys = try SortKeys(relation, keys: keys, compiler: compiler, check: check)
        let positions = if let limit, limit < rows.count / 8 {
            try sortKeys.smallest(limit, check)
        } else {
            try sortKeys.orderedPositions(check).positions
        }
        return relation.selection == nil ? positions : positions.map { rows[Int($0)] }   // without one, positions are rows
    }
}
