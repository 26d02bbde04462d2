// A relation: a table and the rows of it still selected, so that `where` and `sort` move indexes, not data.

/// A table with an optional selection (row indexes, in output order).
struct Relation {
    var table: Table
    /// The selected rows in order; `nil` means every row in table order.
    var selection: [Int32]?

    init(_ table: Table, selection: [Int32]? = nil) {
        self.table = table
        self.selection = selection
    }

    var count: Int { selection?.count ?? table.rowCount }

    /// The selected row indexes, in order.
    var rows: [Int32] { selection ?? Array(0..<Int32(table.rowCount)) }

    /// Calls `body` with each selected row index, in order.
    @inline(__always)
    func forEachRow(_ body: (Int) throws -> Void) rethrows {
        if let selection {
            for row in selection { try body(Int(row)) }
        } else {
            for row in 0..<table.rowCount { try body(row) }
        }
    }

    /// The selected rows as a table of their own.
    func materialized() -> Table {
        guard let selection else { return table }
        return Table(fields: table.fields, columns: table.columns.map { $0.gathering(selection) }, rowCount: selection.count)
    }
}
