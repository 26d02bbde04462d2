// Exact decimals and lists in SQL: where they compile, the errors where they do not, and PostgreSQL's
// array text read back as lists. (The SQL itself is in the snapshots, Golden/sql/DIALECT/types.sql; its
// results are checked against wekaql's by Scripts/cross-engine/run.py.)

import Testing
@testable import WekaQL

@Suite struct SQLTypesTests {
    /// A decimal compiles to PostgreSQL's `numeric`, and on DuckDB to `DECIMAL(p, s)` where the query fixes
    /// its scale; elsewhere (a quotient's scale depends on the data) it is E1000 placed on it, naming the dialect.
    @Test func decimalsCompileOnPostgreSQLAndWithAStaticScaleOnDuckDB() throws {
        let product = "arrests select x = arrested * 1.50"
        let compiled = try Engine().sql(for: product, dialect: .postgres)
        #expect(compiled.text.contains("CAST($1 AS NUMERIC)"))
        #expect(compiled.parameters == [.decimal(ExactDecimal("1.50")!)])
        #expect(try Engine().sql(for: product, dialect: .duckdb).text.contains("CAST($1 AS DECIMAL(18, 2))"))
        let query = "arrests select x = arrested / 1.50"
        _ = try Engine().sql(for: query, dialect: .postgres)
        for dialect in [SQLDialect.sqlite, .duckdb, .spark] {
            do {
                _ = try Engine().sql(for: query, dialect: dialect)
                Issue.record("compiled in \(dialect.name)")
            } catch {
                #expect(error.code == .noSQL)
                #expect(error.message == "no SQL yet for an exact decimal in \(dialect.name)")
                #expect(error.location?.column == 20)
            }
        }
    }

    /// Decimal division, `avg` and `round` follow wekaql's rules in the SQL, not `numeric`'s.
    @Test func decimalQuotientIsWrittenOut() throws {
        let text = try Engine().sql(for: "arrests summarize m = avg(arrested * 1.0), q = sum(arrested * 1.0) / 3, r = round(max(arrested * 1.5), 3)",
                                    dialect: .postgres).text
        #expect(text.contains("div("))
        #expect(text.contains("min_scale("))
        #expect(text.contains("NULLIF(count("))
        #expect(text.contains("AS BIGINT)"))   // the check against 64-bit units
    }

    /// `decimal()` of text reads other spellings in `numeric` than in wekaql: refused.
    @Test func decimalOfTextIsRefused() {
        #expect(throws: Diagnostic.self) { try Engine().sql(for: "arrests select decimal(country)", dialect: .postgres) }
    }

    /// Lists compile to arrays and lists; SQLite and Spark refuse them, placed.
    @Test func listsCompileOnPostgreSQLAndDuckDB() throws {
        let query = "countries extend words = split(country, \" \") | unnest words | summarize w = list(words)"
        let postgres = try Engine().sql(for: query, dialect: .postgres).text
        #expect(postgres.contains("string_to_array("))
        #expect(postgres.contains("WITH ORDINALITY"))
        #expect(postgres.contains("array_agg("))
        let duckdb = try Engine().sql(for: query, dialect: .duckdb).text
        #expect(duckdb.contains("string_split("))
        #expect(duckdb.contains("list("))
        for dialect in [SQLDialect.sqlite, .spark] {
            #expect(throws: Diagnostic.self) { try Engine().sql(for: query, dialect: dialect) }
        }
        do {
            _ = try Engine().sql(for: "countries where split(country, \" \") contains \"Republic\"", dialect: .spark)
            Issue.record("compiled")
        } catch {
            #expect(error.code == .noSQL)
            #expect(error.message.hasSuffix("in spark"))
        }
    }

    /// PostgreSQL's array text, quotes, escapes and NULL elements included, read back as a list.
    @Test func postgresArrayText() {
        #expect(PostgresArray.elements("{}") == [])
        #expect(PostgresArray.elements("{a,\"b c\",NULL,\"NULL\",\"say \\\"hi\\\"\",\"\"}") == ["a", "b c", nil, "NULL", "say \"hi\"", ""])
        #expect(PostgresArray.elements("[0:1]={x,y}") == ["x", "y"])
        #expect(PostgresArray.elements("{{1,2},{3,4}}") == nil)
        #expect(PostgresArray.elements("not an array") == nil)
        #expect(PostgresValues.value("{1.50,NULL}", oid: 1231, as: .list(of: .decimal)) == .list([.decimal(ExactDecimal("1.50")!), .null]))
        #expect(PostgresValues.value("{t,f}", oid: 1000, as: .list(of: .boolean)) == .list([.boolean(true), .boolean(false)]))
        #expect(PostgresValues.value("{x}", oid: 1016, as: .list(of: .integer)) == nil)
    }
}
