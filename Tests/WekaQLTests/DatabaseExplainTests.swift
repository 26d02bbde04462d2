// `explain` of queries over a SQLite file and a PostgreSQL server: Golden/explain-sql/queries.wql run on
// each, beside sqlite.expected and postgres.expected. Its rows show the SQL sent, with placeholders, and
// the rows that came back; `ms` is masked, and the database's name (a temporary path or socket folder) is
// shown as DATABASE. Record again with WEKAQL_RECORD=1 swift test --filter DatabaseExplainTests.

import Foundation
import Testing
@testable import WekaQL

@Suite(.serialized) struct DatabaseExplainTests {
    static let folder = GoldenFileTests.root.appendingPathComponent("explain-sql")
    static let password = "explain-Pa55word"

    static let rows = "(1, 'Togo', 1.5), (2, 'Chad', 0.5), (3, 'Togo', 4.0), (4, 'Côte d''Ivoire', NULL)"

    @Test func explainOnSQLiteShowsTheSQLSent() throws {
        guard SQLiteDatabaseTests.sqlite3 != nil else { return }
        let path = try SQLiteDatabaseTests.database("CREATE TABLE explain_cases (id INTEGER, country TEXT, amount REAL); INSERT INTO explain_cases VALUES \(Self.rows);")
        let database = try SQLiteDatabase(path: path)
        try Self.compare(try Self.output(database, name: database.displayName), with: "sqlite.expected")
    }

    @Test(.enabled(if: PostgresTestServer.available, "needs PostgreSQL (apt-get install postgresql postgresql-contrib)"))
    func explainOnPostgresShowsTheSQLSent() throws {
        try PostgresTestServer.psql("""
            DROP TABLE IF EXISTS explain_cases;
            CREATE TABLE explain_cases (id bigint, country text, amount double precision);
            INSERT INTO explain_cases VALUES \(Self.rows);
            """)
        let database = try PostgresDatabase(location: try PostgresTestServer.uri(userInfo: "wekaql:\(Self.password)"))
        let output = try Self.output(database, name: database.displayName)
        #expect(!output.contains(Self.password))
        try Self.compare(output, with: "postgres.expected")
    }

    /// The explain rows are rows of the result: JSON has them too, with the text as sent.
    @Test func explainRowsAreInEveryFormat() throws {
        guard SQLiteDatabaseTests.sqlite3 != nil else { return }
        let path = try SQLiteDatabaseTests.database("CREATE TABLE explain_cases (id INTEGER, country TEXT, amount REAL); INSERT INTO explain_cases VALUES \(Self.rows);")
        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: path))
        engine.explainsQueries = true
        let table = try engine.run("explain_cases where country = \"Togo\" count")[0].table
        let json = Renderer(format: .json).render(table)
        #expect(json.contains("\"stage\":\"SQL to \(path) (1 value bound)\""))
        #expect(json.contains("WHERE (\\\"c1\\\" = ?1)"))
        #expect(!json.contains("Togo"))
    }

    static func compare(_ actual: String, with expectedName: String) throws {
        let url = folder.appendingPathComponent(expectedName)
        if GoldenFileTests.recording {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(expectedName) differs")
    }

    /// Every result of queries.wql on `database` (with desks.csv loaded as `desks`), as a table.
    static func output(_ database: some SQLDatabase, name: String) throws -> String {
        var dataset = Dataset.empty
        try dataset.load(path: folder.appendingPathComponent("desks.csv").path)
        var engine = Engine(dataset: dataset)
        if let sqlite = database as? SQLiteDatabase { engine.attach(sqlite) }
        if let postgres = database as? PostgresDatabase { engine.attach(postgres) }
        let file = SourceFile(name: "queries.wql", text: try String(contentsOf: folder.appendingPathComponent("queries.wql"), encoding: .utf8))
        var blocks: [String] = []
        engine.run(file) { event in
            switch event {
            case .result(let result):
                blocks.append("> " + file.text(in: result.range) + "\n" + Renderer(format: .table).render(masked(result.table, name: name)))
            case .failure(let diagnostic):
                blocks.append(DiagnosticRenderer().render(diagnostic))
            }
        }
        return blocks.joined(separator: "\n")
    }

    /// The table with `ms` masked (LineageGoldenTests.masked) and the database's name shown as DATABASE.
    static func masked(_ table: Table, name: String) -> Table {
        let masked = LineageGoldenTests.masked(table)
        let rows = masked.map { row in
            row.values.map { value -> Value in
                guard case .string(let text) = value else { return value }
                return .string(text.replacingOccurrences(of: name, with: "DATABASE"))
            }
        }
        return (try? Table(columns: masked.fields.map(\.name), rows: rows)) ?? masked
    }
}
