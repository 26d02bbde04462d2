// `unnest FIELD` as SQL: a lateral `unnest … WITH ORDINALITY`, whose ordinal keeps the elements in order;
// the rows are numbered by the input row's position, then the element's. An empty or null list gives no row
// (an inner join), a null element a row with null.

extension SQLWriter {
    /// The relation with the list in column `index` unnested.
    mutating func unnested(_ input: SQLRelation, column index: Int, range: SourceRange) throws(Diagnostic) -> SQLRelation {
        guard hasLists else { throw Diagnostic.noSQL("unnest", dialect, range: range) }
        let (rows, elements) = ("i", "u")
        let (element, position) = (name("e"), name("n"))
        let items = (0..<input.width).map { $0 == index ? "\(name(elements)).\(element) AS \(column($0))" : column($0, of: rows) + " AS " + column($0) }
        let order = "row_number() OVER (ORDER BY \(name(rows)).\(ordinal), \(name(elements)).\(position)) AS \(ordinal)"
        let from = "\(input.name) AS \(name(rows)) CROSS JOIN LATERAL unnest(\(column(index, of: rows))) WITH ORDINALITY AS \(name(elements))(\(element), \(position))"
        return relation("SELECT \(items.joined(separator: ", ")), \(order) FROM \(from)", width: input.width)
    }
}
