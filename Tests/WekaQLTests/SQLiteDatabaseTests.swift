// Queries over a SQLite file: what runs there and what runs in memory, types read back, engine errors as
// diagnostics, and Ctrl-C (a cancelled token) stopping a running statement. The files are made with the
// sqlite3 command; the tests are skipped where it is not installed.

import Foundation
import Testing
@testable import WekaQL

@Suite struct SQLiteDatabaseTests {
    static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile)

    /// A new SQLite file made by running `script` with the sqlite3 command.
    static func database(_ script: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("test.db").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3!)
        process.arguments = [path, script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return path
    }

    static let cases = """
        CREATE TABLE cases (id INTEGER, country TEXT, opened DATE, amount REAL, open BOOLEAN, note);
        INSERT INTO cases VALUES (1, 'Togo', '2022-06-12', 1.5, 1, 'a'), (2, 'Côte d''Ivoire', '2022-06-13', NULL, 0, 'b'),
          (3, 'Chad', NULL, 2.25, 1, 'c'), (4, 'Togo', '2022-06-14', 4.0, NULL, 'd');
        CREATE VIEW togo AS SELECT id, amount * 2 AS doubled FROM cases WHERE country = 'Togo';
        """

    @Test func tablesAndViewsAreCollectionsWithTypes() throws {
        guard Self.sqlite3 != nil else { return }
        let database = try SQLiteDatabase(path: try Self.database(Self.cases))
        #expect(database.collections.map(\.name) == ["cases", "togo"])
        #expect(database.collections[0].fields.map(\.type) == [.integer, .string, .date, .float, .boolean, .string])
        #expect(database.collections[1].fields.map(\.type) == [.integer, .float])
    }

    /// A query that runs in memory reads every table it names: union sides and the sources of `in (QUERY)`
    /// too (they were once read as empty).
    @Test func unionSidesAndSubquerySourcesAreRead() throws {
        guard Self.sqlite3 != nil else { return }
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: try Self.database(Self.cases)))
        let union = try engine.run("cases where id = 1 select id | union (togo select id)")[0].table
        #expect(union.map { $0["id"]! } == [1, 1, 4])
        let subquery = try engine.run("cases where id in (togo select id) select id")[0].table
        #expect(subquery.map { $0["id"]! } == [1, 4])
        let noColumns = try engine.run("cases select pieces = split(\"a,b\", \",\") | count")[0].table
        #expect(noColumns[0, 0] == 4)
    }

    @Test func queriesRunThereAndAgreeWithMemory() throws {
        guard Self.sqlite3 != nil else { return }
        var engine = Engine()
        engine.attach(try SQLiteDatabase(path: try Self.database(Self.cases)))
        let queries = [
            "cases where country =~ \"cote d'ivoire\" select id",
            "cases where open sort by amount desc select id, amount, opened",
            "cases count by country",
            "cases summarize total = sum(amount), mid = median(amount)",   // median: SQLite has none, so in memory
            "cases where country = \"Togo\" summarize mid = median(amount) by open",   // in memory: its filter and columns fetched
            "cases where (amount > 10 and amount / 0 > 1) or country = \"Chad\" summarize mid = median(id)",   // a filter that can fail stays in memory
            "cases join countries on country select id, continent",        // mixed with the built-in data
            "togo where doubled > 3",
        ]
        let date = { (text: String) in Value.date(LocalDate(text)!) }
        let rows: [[Value]] = [
            [.integer(1), .string("Togo"), date("2022-06-12"), .float(1.5), .boolean(true), .string("a")],
            [.integer(2), .string("Côte d'Ivoire"), date("2022-06-13"), .null, .boolean(false), .string("b")],
            [.integer(3), .string("Chad"), .null, .float(2.25), .boolean(true), .string("c")],
            [.integer(4), .string("Togo"), date("2022-06-14"), .float(4.0), .null, .string("d")],
        ]
        var memory = Engine()
        memory.dataset.add(Dataset.Collection(name: "cases", table: try Table(columns: ["id", "country", "opened", "amount", "open", "note"], rows: rows)))
        for query in queries.dropLast() {
            let there = try engine.run(query)[0].table, here = try memory.run(query)[0].table
            #expect(there.fields.map(\.name) == here.fields.map(\.name), "\(query)")
            #expect(there.fields.map(\.type) == here.fields.map(\.type), "\(query)")
            #expect(there.map(\.values) == here.map(\.values), "\(query)")
        }
        #expect(try engine.run("togo where doubled > 3 select id")[0].table.values(ofColumn: 0) == [.integer(4)])
    }

    @Test func engineErrorNamesTheDatabaseAndStatement() throws {
        guard Self.sqlite3 != nil else { return }
        let path = try Self.database("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1), ('one');")
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: path))
        do {
            _ = try engine.run("t where n > 0")
            Issue.record("ran")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .databaseError)
            #expect(diagnostic.message.hasPrefix(path + ": row 2, column 1: \"one\" is not an integer"))
            #expect(diagnostic.hints.first?.hasPrefix("the statement sent: WITH") == true)
        }
        #expect(try engine.run("t where n = 1 count")[0].table[0, 0] == .integer(1))   // still usable
    }

    @Test func runtimeErrorsAreWekaqlsOwn() throws {
        guard Self.sqlite3 != nil else { return }
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: try Self.database("CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (9223372036854775807), (0);")))
        for (query, code) in [("t select n + 1", Diagnostic.Code.integerOverflow), ("t select 1 / n", .divisionByZero)] {
            do {
                _ = try engine.run(query)
                Issue.record("ran: \(query)")
            } catch {
                let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
                #expect(diagnostic.code == code, "\(query)")
                #expect(diagnostic.range != nil)
            }
        }
    }

    /// A table whose `rowid` is not SQLite's (WITHOUT ROWID, or a column of that name) keeps its scan order:
    /// ordering by `rowid` failed on the first and sorted by the column's text on the second.
    @Test func tablesWithoutTheirOwnRowidKeepTheirOrder() throws {
        guard Self.sqlite3 != nil else { return }
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: try Self.database("""
            CREATE TABLE w (k INTEGER PRIMARY KEY, v TEXT) WITHOUT ROWID; INSERT INTO w VALUES (3, 'c'), (1, 'a'), (2, 'b');
            CREATE TABLE u (rowid TEXT, x INTEGER); INSERT INTO u VALUES ('b', 1), ('a', 2), ('c', 3);
            """)))
        let w = try engine.run("w limit 2 select k")[0].table
        #expect([w[0, 0], w[1, 0]] == [.integer(1), .integer(2)])
        let u = try engine.run("u limit 2 select x")[0].table
        #expect([u[0, 0], u[1, 0]] == [.integer(1), .integer(2)])
    }

    @Test func cancellingStopsTheStatement() throws {
        guard Self.sqlite3 != nil else { return }
        let path = try Self.database("CREATE TABLE t (n INTEGER); WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 20000) INSERT INTO t SELECT n FROM c;")
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: path))
        let token = CancellationToken()
        token.cancel()
        #expect(throws: Diagnostic.self) { _ = try engine.run("t join t on n join t on n count", cancellation: token) }
        do {
            _ = try engine.run("t join t on n count", cancellation: token)
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .cancelled)
        }
    }

    /// Completion offers a database column's values, fetched with a bounded `select distinct`.
    @Test func completionOffersValuesFromTheDatabase() throws {
        guard Self.sqlite3 != nil else { return }
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: try Self.database(Self.cases)))
        let text = "cases where country = \"T"
        let candidates = engine.completions(for: text, cursor: text.utf8.count).candidates.map(\.text)
        #expect(candidates == ["\"Togo\""])
    }

    @Test func missingFileIsADiagnostic() {
        #expect(throws: Diagnostic.self) { _ = try SQLiteDatabase(path: "/nonexistent/wekaql.db") }
    }
}
