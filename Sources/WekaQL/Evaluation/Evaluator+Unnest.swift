// `unnest FIELD`: one row per element of a list, the other columns repeated, as DuckDB's UNNEST and
// KQL's mv-expand. An empty list and a null list give no row; a null element gives a row with null.

extension Evaluator {
    /// The selected rows of `relation` with `column`'s lists unnested, in input order, elements in order.
    func unnest(_ relation: Relation, column: Int, fields: [Field], range: SourceRange) throws -> Table {
        let source = relation.table.columns[column]
        let lists = Self.listStorage(of: source)
        var total = 0
        relation.forEachRow { row in total += lists?.elementCount(at: row) ?? 0 }
        try budget.check("unnest", rows: total, bytesPerRow: 8 * relation.table.columns.count, range: range)
        var repeated: [Int32] = [], elements: [Int32] = []
        repeated.reserveCapacity(total)
        elements.reserveCapacity(total)
        var seen = 0
        if let lists {
            try relation.forEachRow { row in
                seen &+= 1
                if seen & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
                guard let count = lists.elementCount(at: row) else { return }
                for element in lists.offsets[row]..<(lists.offsets[row] + count) {
                    repeated.append(Int32(row))
                    elements.append(Int32(element))
                }
            }
        }
        let columns = relation.table.columns.indices.map { index in
            guard index == column else { return relation.table.columns[index].gathering(repeated) }
            return lists?.elements.gathering(elements) ?? Column(storage: .null(repeated.count))
        }
        return Table(fields: fields, columns: columns, rowCount: repeated.count)
    }

    /// The lists of a list column; `nil` for a column of nulls only (which unnests to no rows).
    private static func listStorage(of column: Column) -> ListStorage? {
        if case .list(let lists) = column.storage { return lists }
        return nil
    }
}
