// wekaql's lists as PostgreSQL's arrays and DuckDB's lists, which have wekaql's equality and order (element
// by element, a null element after every value, a prefix first): `split`, `length`, `LIST contains VALUE` and
// the `list()` aggregate written out with wekaql's edge cases. SQLite has no list type and Spark's
// `collect_list` drops nulls and keeps no order: there a list is error E1000.

extension SQLWriter {
    /// Whether lists have SQL in this dialect.
    var hasLists: Bool { dialect == .postgres || dialect == .duckdb }

    /// `split(text, separator)` and `length(list)`.
    mutating func listFunction(_ function: Function, _ arguments: [BoundExpression], _ e: BoundExpression) throws(Diagnostic) -> String {
        guard hasLists else { throw Diagnostic.noSQL("\(function.rawValue)() of a list", dialect, range: e.range) }
        let x = try expression(arguments[0])
        if function == .length {
            return dialect == .postgres ? "CAST(cardinality(\(x)) AS BIGINT)" : "CAST(len(\(x)) AS BIGINT)"
        }
        let separator = try expression(arguments[1])
        let empty = "CAST(\(dialect == .postgres ? "ARRAY[]" : "[]") AS \(dialect.typeName(e.type)))"
        // A null text or separator is null (not split into characters); "" split by "" is [], by another
        // separator ['']; an empty separator splits into Unicode scalars.
        let head = "CASE WHEN \(x) IS NULL OR \(separator) IS NULL THEN NULL"
        switch dialect {
        case .postgres:
            return "(\(head) WHEN \(x) = '' THEN (CASE WHEN \(separator) = '' THEN \(empty) ELSE ARRAY[''] END) "
                + "WHEN \(separator) = '' THEN regexp_split_to_array(\(x), '') ELSE string_to_array(\(x), \(separator)) END)"
        default:
            return "(\(head) WHEN \(x) = '' AND \(separator) = '' THEN \(empty) ELSE string_split(\(x), \(separator)) END)"
        }
    }

    /// `LIST contains VALUE`: null for a null list, false for an empty one, else null for a null value, true
    /// when an element equals it, false otherwise (a null element is not the value).
    mutating func listContains(_ list: BoundExpression, _ item: BoundExpression, range: SourceRange) throws(Diagnostic) -> String {
        guard hasLists else { throw Diagnostic.noSQL("contains on a list", dialect, range: range) }
        let (l, v) = (try expression(list), try expression(item))
        let count = dialect == .postgres ? "cardinality(\(l))" : "len(\(l))"
        let found = dialect == .postgres ? "coalesce(\(v) = ANY(\(l)), FALSE)" : "coalesce(list_contains(\(l), \(v)), FALSE)"
        return "(CASE WHEN \(l) IS NULL THEN NULL WHEN \(count) = 0 THEN FALSE WHEN \(v) IS NULL THEN NULL ELSE \(found) END)"
    }

    /// `list(x)`: every value of the group, nulls included, in the order of the rows; null over no rows.
    mutating func listAggregate(_ x: String, range: SourceRange) throws(Diagnostic) -> String {
        switch dialect {
        case .postgres: return "array_agg(\(x) ORDER BY \(ordinal))"
        case .duckdb: return "list(\(x) ORDER BY \(ordinal))"
        case .sqlite, .spark: throw Diagnostic.noSQL("list()", dialect, range: range)
        }
    }
}

extension ValueType {
    /// Whether values of the type order by text, which needs the code point collation: text, lists of text.
    var ordersAsText: Bool { self == .string || self == .list(of: .string) }
}
