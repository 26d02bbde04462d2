// `sort … limit k` for k under an eighth of the rows: the first k rows are found a stretch of rows at a
// time, each stretch's keys made together with those of the best k so far, so the sort's state is k rows
// plus a stretch, never the whole input, and a small budget holds it.

extension Sorter {
    /// The first `limit` selected rows in order, as ``sorted(by:limit:)`` gives them, with keys made for
    /// at most `limit + stretch` rows at once.
    func first(_ limit: Int, by keys: [(BoundExpression, descending: Bool)], stretch: Int) throws -> [Int32] {
        let rows = relation.rows
        guard stretch < rows.count else { return try sorted(by: keys, limit: limit) }
        var best: [Int32] = []
        for start in stride(from: 0, to: rows.count, by: stretch) {
            // The best so far are earlier rows: listed first, they win ties, as in one sort of every row.
            let candidates = best + rows[start..<min(start + stretch, rows.count)]
            best = try Sorter(relation: Relation(relation.table, selection: candidates), compiler: compiler,
                              cancellation: cancellation, range: range).sorted(by: keys, limit: limit)
        }
        return best
    }
}
