// The SQL dialects wekaql compiles to, and what differs between them: quoting, placeholders, type names,
// collation, folding. The statement builder and the expression compiler ask the dialect; nothing else does.

/// An SQL engine that `Engine.sql(for:dialect:parameters:)` writes for.
public enum SQLDialect: String, CaseIterable, Sendable {
    /// SQLite 3.35 or later, on a connection that has wekaql's functions registered (`wekaql_fold`, …):
    /// the SQL is meant to run through `wekaql --db`, not the `sqlite3` command.
    case sqlite
    /// PostgreSQL 12 or later, with the `unaccent` extension for `=~`, `contains`, `starts with`, `ends with`.
    case postgres
    /// DuckDB 1.0 or later.
    case duckdb
    /// Spark SQL 3.4 or later with ANSI mode on (`spark.sql.ansi.enabled`, the default since Spark 4), so that
    /// integer overflow and division by zero are errors.
    case spark

    /// The name users write: `--sql postgres`.
    public var name: String { rawValue }

    /// An identifier, always quoted, with its quote character doubled inside.
    func quoted(_ identifier: String) -> String {
        switch self {
        case .spark: return "`" + identifier.replacingAll("`", with: "``") + "`"
        default: return "\"" + identifier.replacingAll("\"", with: "\"\"") + "\""
        }
    }

    /// The text of the `number`th (1-based) bind parameter.
    func placeholder(_ number: Int) -> String {
        switch self {
        case .sqlite: return "?\(number)"
        case .postgres, .duckdb: return "$\(number)"
        case .spark: return ":p\(number)"
        }
    }

    /// The SQL type that holds values of `type`, for casts.
    func typeName(_ type: ValueType) -> String {
        switch (self, type) {
        case (.sqlite, .integer), (.sqlite, .boolean): return "INTEGER"
        case (_, .decimal): return "NUMERIC"   // PostgreSQL's only: elsewhere exact decimals are E1000
        case (_, .list(let element)): return typeName(element) + "[]"   // PostgreSQL's arrays, DuckDB's lists
        case (.sqlite, .float): return "REAL"
        case (.sqlite, _): return "TEXT"
        case (_, .integer): return "BIGINT"
        case (.postgres, .float): return "DOUBLE PRECISION"
        case (_, .float): return "DOUBLE"
        case (.duckdb, .string): return "VARCHAR"
        case (.spark, .string): return "STRING"
        case (_, .string), (_, .null): return "TEXT"
        case (_, .date): return "DATE"
        case (_, .boolean): return "BOOLEAN"
        }
    }

    /// A bind parameter of `type`. SQLite binds typed values as they are; the others are told the type,
    /// since PostgreSQL cannot infer it in `$1 + $2`.
    func typedPlaceholder(_ number: Int, _ type: ValueType) -> String {
        self == .sqlite || type == .null ? placeholder(number) : "CAST(\(placeholder(number)) AS \(typeName(type)))"
    }

    /// `text` ordered and compared by code point: PostgreSQL's default collation follows the locale.
    func codePointOrder(_ text: String) -> String {
        switch self {
        case .postgres: return "\(text) COLLATE \"C\""
        case .sqlite: return "\(text) COLLATE BINARY"
        case .duckdb, .spark: return text   // binary by default
        }
    }

    /// wekaql's folding (`Text/Folding.swift`): lower case without accents, some letters to their base letter
    /// and curly apostrophes straight; `nil` where the dialect has no way to strip accents.
    func folded(_ text: String, _ folding: SQLFolding = .dialectDefault) -> String? {
        let letters = "'øłđħŧıŀ‘’ʼ', 'oldhtil'''''''"
        switch self {
        case .sqlite: return "wekaql_fold(\(text))"
        case .duckdb: return "translate(lower(strip_accents(\(text))), \(letters))"
        case .postgres where folding == .decomposition:
            return "translate(lower(regexp_replace(normalize(\(text), NFD), \(Self.combiningMarks), '', 'g')), \(letters))"
        case .postgres: return "translate(lower(unaccent(\(text))), \(letters))"
        case .spark: return nil
        }
    }

    /// The blocks of combining marks, as a bracket expression of PostgreSQL's regular expressions.
    static let combiningMarks = "'[\\u0300-\\u036F\\u1AB0-\\u1AFF\\u1DC0-\\u1DFF\\u20D0-\\u20FF\\uFE20-\\uFE2F]'"

    /// The ordinal of a source row, which orders the rows of a query as wekaql does: SQLite's and DuckDB's
    /// `rowid` (insertion order), else the scan's order (Spark refuses `row_number()` without an order: its
    /// increasing id, in the scan's order within a partition and partitions in order).
    ///
    /// A PostgreSQL table's `ctid` (with `tupleIDs`): its place in storage, page by page and line by line,
    /// which is the order a sequential scan reads it in (synchronized scans are off in wekaql's session), and
    /// which does not change within the statement (a read-only transaction: no vacuum moves a live row). It is
    /// the same in a parallel or an index scan, where `row_number() OVER ()` numbers rows as they arrive.
    func sourceOrdinal(of table: SQLTable, tupleIDs: Bool) -> String {
        if self == .spark { return "monotonically_increasing_id()" }
        if self == .postgres && tupleIDs && table.hasTupleIDs { return "ctid" }
        return (self == .sqlite || self == .duckdb) && !table.isView ? "rowid" : "row_number() OVER ()"
    }

    /// A row count of `LIMIT` or `OFFSET`: Spark takes only an `INT` there.
    func count(_ sql: String) -> String { self == .spark ? "CAST(\(sql) AS INT)" : sql }

    /// Whether `WITH name AS MATERIALIZED (…)` is understood: wekaql's stages run in order, so a stage whose
    /// expressions can fail must not see rows an earlier stage dropped.
    var materializes: Bool { self != .spark }
}

extension String {
    /// Every occurrence of the scalar `target` replaced. By scalar, not by character: a quote followed by a
    /// combining mark is one character, and its quote must still be doubled.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == target { result.append(contentsOf: replacement.unicodeScalars) } else { result.append(scalar) }
        }
        return String(result)
    }
}
