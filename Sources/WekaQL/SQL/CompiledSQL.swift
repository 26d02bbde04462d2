// What the SQL compiler produces: one statement's text and the values bound to its placeholders.

/// A wekaql query compiled to one SQL statement.
///
/// ```swift
/// let compiled = try Engine().sql(for: "arrests where country = \"Togo\" select arrested", dialect: .postgres)
/// compiled.text        // WITH "s1" AS (SELECT "country" AS "c0", …) … WHERE ("c0" = CAST($1 AS TEXT)) …
/// compiled.parameters  // [.string("Togo")]: every value of the query is bound, never written into the text
/// ```
public struct CompiledSQL: Sendable {
    /// The SQL text. Identifiers are quoted; values are placeholders (`?1`, `$1`, `:p1`).
    public var text: String
    /// The values of the placeholders, in order: placeholder n takes `parameters[n - 1]`.
    public var parameters: [Value]
    /// The dialect it is written in.
    public var dialect: SQLDialect
    /// The columns of its result, with wekaql's types (SQLite returns dates as text and booleans as 0 or 1).
    public var fields: [Field]
    /// The database tables it reads, by collection name.
    public var tables: [String]
    /// Whether its result is the same however the engine splits its scans (PostgreSQL's parallel workers):
    /// no row is numbered in the order it is scanned, no doubles are added up, and no row's expression can
    /// fail (which error comes first would depend on the order).
    var scanOrderFree = false
}
