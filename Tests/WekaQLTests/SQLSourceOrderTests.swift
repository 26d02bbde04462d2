// The source's position `o` is computed only where a stage reads it, and a PostgreSQL statement runs with
// parallel workers only when its result does not depend on the scan's order. (The SQL is in the snapshots,
// Golden/sql/DIALECT/*.sql; the results are checked against wekaql's by Scripts/cross-engine/run.py.)

import Testing
@testable import WekaQL

@Suite struct SQLSourceOrderTests {
    static func compiled(_ query: String) throws -> CompiledSQL {
        try Engine().sql(for: query, dialect: .postgres)
    }

    /// A count, a grouping, a filter under them: nothing reads the rows' order, so the source gives 0 and
    /// the statement may run in parallel.
    @Test(arguments: ["arrests count", "arrests where country = \"Togo\" count by offence",
                      "arrests summarize total = sum(arrested) by country sort by total desc, country limit 5",
                      "countries semi join victims on country count"])
    func orderFreeQueriesNumberNothing(_ query: String) throws {
        let sql = try Self.compiled(query)
        #expect(!sql.text.contains("row_number() OVER ()"))
        #expect(sql.text.contains("0 AS \"o\""))
        #expect(sql.scanOrderFree)
    }

    /// Rows shown in order, a sort's ties, a limit, first(), list(), a window: the source is numbered (the
    /// built-in tables are not PostgreSQL's own, so by `row_number() OVER ()`), and no parallel scan.
    @Test(arguments: ["arrests where arrested > 2", "arrests sort by offence", "arrests limit 3 | count",
                      "arrests summarize f = first(country) by offence", "arrests summarize l = list(country)",
                      "arrests extend r = row_number() over (sort by arrested)"])
    func orderReadingQueriesNumberTheSource(_ query: String) throws {
        let sql = try Self.compiled(query)
        #expect(sql.text.contains("row_number() OVER () AS \"o\""))
        #expect(!sql.scanOrderFree)
    }

    /// A row's expression that can fail keeps the scan serial: which row's error comes first depends on the order.
    @Test func aFailingExpressionKeepsTheScanSerial() throws {
        let sql = try Self.compiled("arrests where arrested + 1 > 2 count")
        #expect(!sql.text.contains("row_number() OVER ()"))
        #expect(!sql.scanOrderFree)
    }

    /// A sum of doubles keeps the scan serial: parallel workers add in another order than wekaql does.
    /// Integer sums are exact in any order.
    @Test func aFloatSumKeepsTheScanSerial() throws {
        #expect(try !Self.compiled("arrests summarize s = sum(float(arrested)) by offence").scanOrderFree)
        #expect(try Self.compiled("arrests summarize s = sum(arrested) by offence").scanOrderFree)
    }

    /// A PostgreSQL table of its own is ordered by `ctid`, a view by the scan; a union keeps `row_number`
    /// (its sides' `o` must have one type).
    @Test func tablesOfTheirOwnAreOrderedByCtid() {
        let table = SQLTable(name: "t", columns: ["a"], hasTupleIDs: true)
        #expect(SQLDialect.postgres.sourceOrdinal(of: table, tupleIDs: true) == "ctid")
        #expect(SQLDialect.postgres.sourceOrdinal(of: table, tupleIDs: false) == "row_number() OVER ()")
        #expect(SQLDialect.postgres.sourceOrdinal(of: SQLTable(name: "v", columns: ["a"], isView: true), tupleIDs: true) == "row_number() OVER ()")
        #expect(SQLDialect.sqlite.sourceOrdinal(of: table, tupleIDs: true) == "rowid")
    }
}
