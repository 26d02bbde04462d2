// The state of one compile: the dialect, the bound values, the common table expressions written so far,
// and the tables and `let` plans the query may read.

/// A relation in the SQL being written: a common table expression with columns `c0`, `c1`, … and the
/// row's position in wekaql's order, `o`.
struct SQLRelation {
    var name: String
    var width: Int
    /// After a `sort`: the `ORDER BY` terms (its keys `k0…` with their direction, then `o`) that give the
    /// rows' order, which `o` does not yet; `nil` when `o` gives it.
    var order: [(column: String, direction: String)]? = nil
}

/// What the compiler knows of a collection: the table's name, its columns and whether it is a view.
struct SQLTable: Sendable {
    var name: String
    var columns: [String]
    /// Whether its rows have no ordinal of their own: a view, or a SQLite table without a `rowid` to read.
    var isView: Bool = false
    /// Whether it is a PostgreSQL heap table of its own (not a view, a partitioned or a foreign table), whose
    /// rows' `ctid` gives the order a sequential scan reads them in.
    var hasTupleIDs: Bool = false
}

struct SQLWriter {
    let dialect: SQLDialect
    /// The values of the `$parameters`, checked against the plan's types.
    let parameterValues: [String: Value]
    /// The tables behind collection names.
    let tables: [String: SQLTable]
    /// The checked plans of the `let` names the query may read.
    let bindings: [String: QueryPlan]
    private(set) var parameters: [Value] = []
    private(set) var expressions: [(name: String, sql: String, materialized: Bool)] = []
    private(set) var tablesRead: [String] = []
    /// The queries of the `in (QUERY)` expressions of the query being written (``QueryPlan/subqueries``).
    var subqueries: [QueryPlan] = []
    /// Whether some expression can raise an error (overflow, division by zero): the stages are then
    /// materialized, so that no row an earlier stage dropped reaches it.
    var mayFail = false
    /// Whether an integer `sum` can overflow: an error of the totals, which no row's order decides, and which
    /// materializes the stages as `mayFail` does.
    var sumsMayOverflow = false
    /// Whether a source's rows were numbered in the order the engine scans them (``SQLDialect/sourceOrdinal(of:tupleIDs:)``).
    private(set) var readsScanOrder = false
    /// Whether some aggregate adds doubles, whose total depends on the order they are added in.
    var addsFloats = false
    /// Whether a PostgreSQL table's `o` may be its `ctid` (``QueryPlan/takesTupleIDs(bindings:)``).
    var tupleIDs = false
    /// Whether the order of the result of the stage being written is read by a later stage or the final
    /// `ORDER BY` (``QueryPlan/orderReads(resultOrderRead:)``).
    var resultOrderRead = true
    /// How the folded operators strip accents (PostgreSQL without `unaccent` decomposes instead).
    var folding: SQLFolding = .dialectDefault

    init(dialect: SQLDialect, parameterValues: [String: Value], tables: [String: SQLTable], bindings: [String: QueryPlan]) {
        self.dialect = dialect
        self.parameterValues = parameterValues
        self.tables = tables
        self.bindings = bindings
    }

    /// A placeholder for `value`, which is bound, never written into the text.
    mutating func bind(_ value: Value, as type: ValueType) -> String {
        if value.isNull { return "NULL" }
        parameters.append(value)
        if dialect == .duckdb, type == .decimal || value.type == .decimal {   // its own scale (SQLExpressions+Decimals.swift)
            return "CAST(\(dialect.placeholder(parameters.count)) AS DECIMAL(18, \(value.decimalScale)))"
        }
        return dialect.typedPlaceholder(parameters.count, type == .null ? value.type : type)
    }

    /// A quoted identifier.
    func name(_ identifier: String) -> String { dialect.quoted(identifier) }

    /// Column `index` of the relation being read.
    func column(_ index: Int, of alias: String? = nil) -> String {
        (alias.map { name($0) + "." } ?? "") + name("c\(index)")
    }

    /// The list `c0, …` of a relation's columns (of `alias`, when given).
    func columns(_ width: Int, of alias: String? = nil) -> String {
        (0..<width).map { column($0, of: alias) }.joined(separator: ", ")
    }

    var ordinal: String { name("o") }

    /// Whether every expression is a column as it is (which computes nothing that can fail).
    func onlyColumns(_ expressions: [BoundExpression]) -> Bool {
        expressions.allSatisfy { if case .column = $0.kind { return true } else { return false } }
    }

    /// `ORDER BY` for the rows of `relation`: its sort keys, or `o`; qualified by the relation's name, since
    /// in the final `SELECT` an output column may have the same name.
    func orderBy(_ relation: SQLRelation) -> String {
        (relation.order ?? [(ordinal, "")]).map { "\(relation.name).\($0.column)\($0.direction)" }.joined(separator: ", ")
    }

    /// Adds `SELECT …` as the next common table expression and returns it. One that only renames or adds
    /// columns (`computing: false`: no filter, no expression that can fail) is never materialized, since
    /// the engine inlining it moves nothing that can fail past anything that drops rows.
    mutating func relation(_ sql: String, width: Int, computing: Bool = true) -> SQLRelation {
        let relationName = "s\(expressions.count + 1)"
        expressions.append((relationName, sql, computing))
        return SQLRelation(name: name(relationName), width: width)
    }

    /// The position of the rows of `table` as `o`: 0 when nothing reads it, else the dialect's ordinal.
    mutating func sourceOrdinal(of table: SQLTable, orderRead: Bool) -> String {
        guard orderRead else { return "0" }
        let ordinal = dialect.sourceOrdinal(of: table, tupleIDs: tupleIDs)
        if ordinal.hasPrefix("row_number()") || dialect == .spark { readsScanOrder = true }
        return ordinal
    }

    mutating func noteTable(_ table: String) {
        if !tablesRead.contains(table) { tablesRead.append(table) }
    }

    /// `WITH …` and the final `SELECT`.
    func statement(selecting final: String) -> String {
        let materialized = (mayFail || sumsMayOverflow) && dialect.materializes
        let parts = expressions.map { name($0.name) + (materialized && $0.materialized ? " AS MATERIALIZED (" : " AS (") + $0.sql + ")" }
        return (parts.isEmpty ? "" : "WITH " + parts.joined(separator: ",\n  ") + "\n") + final
    }
}
