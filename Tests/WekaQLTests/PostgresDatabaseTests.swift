// Queries over a real PostgreSQL server (Support/PostgresTestServer.swift starts one for the test run):
// the built-in data loaded into it gives the same answers as in memory, whether a query runs there as one
// statement or its rows are fetched for memory; hostile names and values; types read back; engine errors
// naming the database but never its password; Ctrl-C (a cancelled token) stopping a running statement.

import Foundation
import Testing
@testable import WekaQL

@Suite(.serialized, .enabled(if: PostgresTestServer.available, "needs PostgreSQL (apt-get install postgresql postgresql-contrib)"))
struct PostgresDatabaseTests {
    static let password = "s3cret-Pa55"

    /// The built-in collections (those without list columns) and hostile tables, loaded once.
    static let loaded: Result<Void, PostgresTestServer.ServerError> = {
        do {
            try PostgresTestServer.psql(builtInScript() + hostileScript + casesScript)
            return .success(())
        } catch let error as PostgresTestServer.ServerError {
            return .failure(error)
        } catch {
            return .failure(PostgresTestServer.ServerError(description: "\(error)"))
        }
    }()

    static func database() throws -> PostgresDatabase {
        try loaded.get()
        return try PostgresDatabase(location: try PostgresTestServer.uri(userInfo: "wekaql:\(password)"))
    }

    static func literal(_ text: String) -> String { "'" + text.replacingAll("'", with: "''") + "'" }
    static func identifier(_ text: String) -> String { "\"" + text.replacingAll("\"", with: "\"\"") + "\"" }

    static func sqlType(_ type: ValueType) -> String? {
        switch type {
        case .integer: return "BIGINT"
        case .decimal: return "NUMERIC"
        case .float: return "DOUBLE PRECISION"
        case .string: return "TEXT"
        case .date: return "DATE"
        case .boolean: return "BOOLEAN"
        case .null, .list: return nil
        }
    }

    static func sqlValue(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case .string(let s): return literal(s)
        case .date(let d): return literal(d.description) + "::date"
        case .float(let d): return literal(PostgresValues.text(of: .float(d))!) + "::double precision"
        default: return PostgresValues.text(of: value)!
        }
    }

    /// CREATE TABLE and INSERT for every built-in collection whose columns all have a PostgreSQL type.
    static func builtInScript() throws -> String {
        var script = "CREATE EXTENSION IF NOT EXISTS unaccent;\n"
        for collection in Dataset.builtIn.collections {
            let table = try collection.table
            guard let types = Optional(table.fields.compactMap { sqlType($0.type) }), types.count == table.fields.count else { continue }
            let columns = zip(table.fields, types).map { identifier($0.name) + " " + $1 }
            script += "CREATE TABLE \(identifier(collection.name)) (\(columns.joined(separator: ", ")));\n"
            for row in 0..<table.rowCount {
                let values = table.columns.map { sqlValue($0[row]) }
                script += "INSERT INTO \(identifier(collection.name)) VALUES (\(values.joined(separator: ", ")));\n"
            }
        }
        return script
    }

    static let hostileTable = "x\"; DROP TABLE t; --"
    static let hostileColumns = ["a\"b", "c;--", "\"\u{301}d", "e\u{202E}f", "ñ' OR '1'='1"]
    static let hostileValues = ["y'; DROP TABLE t; --", "\"; SELECT 1; --", "\u{202E}evil", "'\u{301}", "--", "$1", "\\'"]

    static var hostileScript: String {
        var script = "CREATE TABLE \(identifier(hostileTable)) (\(hostileColumns.map { identifier($0) + " TEXT" }.joined(separator: ", ")));\n"
        for value in hostileValues {
            script += "INSERT INTO \(identifier(hostileTable)) VALUES (\(hostileColumns.map { _ in literal(value) }.joined(separator: ", ")));\n"
        }
        return script
    }

    static let casesScript = """
        CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
        CREATE TABLE cases (id positive, small smallint, country varchar(40), code char(3), opened date, amount numeric(12, 2),
          ratio real, weight double precision, open boolean, seen timestamp, tags text[]);
        INSERT INTO cases VALUES (1, 7, 'Togo', 'TGO', '2022-06-12', 1.50, 0.5, 1e300, true, '2022-06-12 10:00', '{a,b}'),
          (2, NULL, 'Côte d''Ivoire', 'CIV', '2022-06-13', NULL, NULL, -0.1, false, NULL, NULL),
          (3, -3, 'Chad', NULL, NULL, 99999999.99, 1.25, 'Infinity', NULL, NULL, '{}');
        CREATE VIEW togo AS SELECT id, amount * 2 AS doubled FROM cases WHERE country = 'Togo';
        CREATE TABLE big (n bigint);
        INSERT INTO big VALUES (9223372036854775807), (0);
        CREATE VIEW broken AS SELECT CAST(s AS integer) AS n FROM (VALUES ('one')) AS v(s);
        CREATE VIEW slow AS SELECT 1 AS n FROM pg_sleep(30);
        """

    @Test func tablesAndViewsAreCollectionsWithMappedTypes() throws {
        let database = try Self.database()
        let names = database.collections.map(\.name)
        #expect(names.contains("cases") && names.contains("togo") && names.contains("arrests") && names.contains(Self.hostileTable))
        let cases = try #require(database.collections.first { $0.name == "cases" })
        #expect(cases.fields.map(\.type) == [.integer, .integer, .string, .string, .date, .decimal, .float, .float, .boolean, .string, .string])
        #expect(database.collections.first { $0.name == "togo" }?.fields.map(\.type) == [.integer, .decimal])
    }

    /// Every golden query and one per construct, over the built-in data in PostgreSQL and in memory: the
    /// same result, or the same error.
    @Test func builtInDataAgreesWithMemory() throws {
        var engine = Engine()
        engine.attach(try Self.database())
        let memory = Engine()
        var compared = 0
        for script in SQLSnapshotTests.scripts {
            let text = try String(contentsOf: GoldenFileTests.root.appendingPathComponent(script), encoding: .utf8)
            let file = SourceFile(name: script, text: text)
            let there = Self.outcomes(engine, file), here = Self.outcomes(memory, file)
            #expect(there.count == here.count, "\(script)")
            for (a, b) in zip(there, here) {
                #expect(a == b, "\(script)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// Each statement's result (names, types, rows) or error code, as text.
    static func outcomes(_ engine: Engine, _ file: SourceFile) -> [String] {
        var engine = engine
        var events: [StatementEvent] = []
        engine.run(file, parameters: SQLSnapshotTests.parameters, keepGoing: true) { events.append($0) }
        return events.map { event in
            switch event {
            case .result(let result):
                let table = result.table
                return table.fields.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: ", ") + "\n"
                    + table.map { $0.values.map(\.description).joined(separator: " | ") }.joined(separator: "\n")
            case .failure(let diagnostic):
                return "error \(diagnostic.code.rawValue)"
            }
        }
    }

    @Test func typesReadBack() throws {
        var engine = Engine(dataset: .empty)
        engine.attach(try Self.database())
        let table = try engine.run("cases sort by id")[0].table
        let row = table.map(\.values)
        #expect(row[0][5] == .decimal(ExactDecimal("1.50")!))
        #expect(row[0][7] == .float(1e300))
        #expect(row[2][7] == .float(.infinity))
        #expect(row[0][9] == .string("2022-06-12 10:00:00"))
        #expect(row[0][10] == .string("{a,b}"))
        #expect(row[1][2] == .string("Côte d'Ivoire"))
        #expect(row[2][3] == .null)
        #expect(try engine.run("cases where country =~ \"cote d'ivoire\" select id")[0].table.values(ofColumn: 0) == [.integer(2)])
        #expect(try engine.run("togo where doubled > 2 select id")[0].table.values(ofColumn: 0) == [.integer(1)])
        #expect(try engine.run("cases summarize total = sum(amount)")[0].table[0, 0] == .decimal(ExactDecimal("100000001.49")!))
    }

    /// Hostile names and values go through quoted and bound: the rows come back as they were written.
    @Test func hostileNamesAndValues() throws {
        var engine = Engine(dataset: .empty)
        engine.attach(try Self.database())
        let source = HostileSQLTests.quotedName(Self.hostileTable)
        for value in Self.hostileValues {
            let query = "\(source) where \(HostileSQLTests.quotedName(Self.hostileColumns[0])) = $v select \(Self.hostileColumns.map(HostileSQLTests.quotedName).joined(separator: ", "))"
            let table = try engine.run(query, parameters: ["v": .string(value)])[0].table
            #expect(table.rowCount == 1 && table.fields.map(\.name) == Self.hostileColumns, "\(value)")
            #expect(table.map(\.values).first == Self.hostileColumns.map { _ in .string(value) })
        }
        #expect(try engine.run("\(source) count")[0].table[0, 0] == .integer(Int64(Self.hostileValues.count)))
        do {
            _ = try engine.run("\(source) where \(HostileSQLTests.quotedName(Self.hostileColumns[1])) = \"a\\u{0}b\"")
            Issue.record("a NUL was sent")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .unsendableValue)
        }
    }

    @Test func runtimeErrorsAreWekaqlsOwn() throws {
        var engine = Engine(dataset: .empty)
        engine.attach(try Self.database())
        for (query, code) in [("big select n + 1", Diagnostic.Code.integerOverflow), ("big select n / 0", .divisionByZero)] {
            do {
                _ = try engine.run(query)
                Issue.record("ran: \(query)")
            } catch {
                let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
                #expect(diagnostic.code == code, "\(query)")
            }
        }
    }

    /// An engine error names the database with its password hidden, and the statement; the connection stays usable.
    @Test func engineErrorsNameTheDatabaseWithoutItsPassword() throws {
        let database = try Self.database()
        #expect(!database.displayName.contains(Self.password) && database.displayName.contains("wekaql:***@"))
        #expect(database.collections.allSatisfy { !$0.description.contains(Self.password) && $0.fields.allSatisfy { !$0.description.contains(Self.password) } })
        var engine = Engine(dataset: .empty)
        engine.attach(database)
        do {
            _ = try engine.run("broken where n > 0")
            Issue.record("ran")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .databaseError)
            #expect(diagnostic.message.hasPrefix(database.displayName + ": invalid input syntax for type integer"))
            #expect(diagnostic.hints.first?.hasPrefix("the statement sent: WITH") == true)
            #expect(!DiagnosticRenderer().render(diagnostic).contains(Self.password))
        }
        #expect(try engine.run("big count")[0].table[0, 0] == .integer(2))
        let unreachable = try PostgresTestServer.uri(userInfo: "wekaql:\(Self.password)").replacingOccurrences(of: "/wekaql?", with: "/nonexistent_db?")
        do {
            _ = try PostgresDatabase(location: unreachable)
            Issue.record("connected")
        } catch {
            #expect(error.code == .cannotConnect)
            #expect(!error.message.contains(Self.password) && error.message.contains("nonexistent_db"))
        }
    }

    @Test func passwordsAreRedacted() {
        #expect(PostgresLocation.redacted("postgresql://ann:pa:ss@db.example.org:5432/cases") == "postgresql://ann:***@db.example.org:5432/cases")
        #expect(PostgresLocation.redacted(".open postgres://ann:p@ss@host/db?sslmode=require") == ".open postgres://ann:***@host/db?sslmode=require")
        #expect(PostgresLocation.redacted("postgresql:///db?user=ann&password=secret&host=/tmp") == "postgresql:///db?user=ann&password=***&host=/tmp")
        #expect(PostgresLocation.redacted("host=x password = 'a b\\' c' dbname=d") == "host=x password = *** dbname=d")
        #expect(PostgresLocation.redacted("postgresql://ann@host/db") == "postgresql://ann@host/db")
        #expect(PostgresLocation.redacted("arrests where notes = \"password=1\"") == "arrests where notes = \"password=1\"")
    }

    /// A query that mixes a PostgreSQL table with the built-in data reads the table's rows (its filter and
    /// columns pushed down) and agrees with memory.
    @Test func mixedQueriesRunInMemory() throws {
        var engine = Engine()
        engine.attach(try Self.database())
        let memory = Engine()
        for query in ["arrests join countries on country | count by continent",
                      "arrests where arrested > 2 summarize m = median(arrested) by country",
                      "arrests where country = \"Togo\" select length(country), arrested"] {
            let file = SourceFile(name: "-e", text: query)
            #expect(Self.outcomes(engine, file) == Self.outcomes(memory, file), "\(query)")
        }
    }

    @Test func cancellingStopsTheStatement() throws {
        var engine = Engine(dataset: .empty)
        engine.attach(try Self.database())
        let token = CancellationToken()
        token.cancel()
        do {
            _ = try engine.run("slow count", cancellation: token)
            Issue.record("ran")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .cancelled)
        }
        #expect(try engine.run("big count")[0].table[0, 0] == .integer(2))
    }

    @Test func completionOffersValuesFromTheDatabase() throws {
        var engine = Engine(dataset: .empty)
        engine.attach(try Self.database())
        let text = "cases where country = \"T"
        #expect(engine.completions(for: text, cursor: text.utf8.count).candidates.map(\.text) == ["\"Togo\""])
    }

    /// Without the unaccent extension in the search path, folding decomposes and drops combining marks.
    @Test func foldingWithoutUnaccent() throws {
        let hidden = try PostgresDatabase(location: try PostgresTestServer.uri() + "&options=-csearch_path%3Dpg_catalog")
        #expect(hidden.folding == .decomposition)
        #expect(hidden.collections.isEmpty)   // the system catalogue is not a collection
        var other = Engine(dataset: .empty)
        let database = try Self.database()
        other.attach(database)
        #expect(database.folding == .dialectDefault)
        let plan = try #require(other.compile(SourceFile(name: "-e", text: "cases where country contains \"CÔTE\" select id"), parameterTypes: [:]).0.first)
        let compiled = try other.sql(for: plan.query, dialect: .postgres, parameters: [:], folding: .decomposition)
        #expect(compiled.text.contains("normalize("))
        let table = try database.run(compiled)
        #expect(table.values(ofColumn: 0) == [.integer(2)])
    }
}
