// Nothing of a query's values or of a database's names leaks into SQL text: values are bind parameters,
// identifiers are quoted with their quote doubled (scalar by scalar, so a quote with a combining mark
// after it is still doubled). And a SQLite file with hostile names runs as it should, read-only.

import Foundation
import Testing
@testable import WekaQL

@Suite struct HostileSQLTests {
    static let tableName = "x\"; DROP TABLE t; --"
    static let columns = ["a\"b", "c;--", "\"\u{301}d", "e\u{202E}f", "ñ' OR '1'='1"]
    static let values = ["y'; DROP TABLE t; --", "\"; SELECT 1; --", "\u{202E}evil\u{0}", "'\u{301}", "--"]

    static var engine: Engine {
        let rows = values.map { value in columns.map { _ in Value.string(value) } }
        let table = try! Table(columns: columns, rows: rows)
        return Engine(dataset: Dataset(collections: [Dataset.Collection(name: tableName, table: table)]))
    }

    static func quotedName(_ text: String) -> String { "`" + text + "`" }

    static var query: String {
        let source = quotedName(tableName)
        let conditions = zip(columns, values).map { "\(quotedName($0)) = \(wekaqlString($1))" }.joined(separator: " or ")
        return "\(source) where \(conditions) or \(quotedName(columns[0])) = $p select \(columns.map(quotedName).joined(separator: ", "))"
    }

    static func wekaqlString(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\u{0}", with: "\\u{0}") + "\""
    }

    @Test(arguments: SQLDialect.allCases)
    func valuesAreBoundAndNamesQuoted(_ dialect: SQLDialect) throws {
        let compiled = try Self.engine.sql(for: Self.query, dialect: dialect, parameters: ["p": .string("'; --")])
        // With every quoted identifier taken out, no piece of a hostile name or value is left in the text.
        var rest = compiled.text
        for name in [Self.tableName] + Self.columns {
            rest = rest.replacingOccurrences(of: dialect.quoted(name), with: "IDENT")
        }
        for value in Self.values + ["'; --"] {
            #expect(!Self.bytes(rest, contain: value), "\(dialect.name): a value is in the SQL text")
            #expect(compiled.parameters.contains(.string(value)))
        }
        for fragment in ["DROP", "--", "OR '1'", "\u{301}", "\u{202E}", "ñ", ";"] {
            #expect(!Self.bytes(rest, contain: fragment), "\(dialect.name): \(fragment) outside a quoted name in \(rest)")
        }
    }

    /// Whether `text` holds the bytes of `piece` (not by characters: a mark may join a quote before it).
    static func bytes(_ text: String, contain piece: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(piece.utf8)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func quoteWithCombiningMarkIsDoubled() {
        #expect(SQLDialect.postgres.quoted("a\"\u{301}") == "\"a\"\"\u{301}\"")
        #expect(SQLDialect.spark.quoted("a`\u{301}") == "`a``\u{301}`")
    }

    /// A real SQLite file with hostile names, made by the sqlite3 command (skipped where it is not installed).
    @Test func hostileDatabaseRunsReadOnly() throws {
        guard let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hostile.db").path
        func sqlName(_ text: String) -> String { SQLDialect.sqlite.quoted(text) }
        func sqlString(_ text: String) -> String { "'" + text.replacingAll("'", with: "''") + "'" }
        let definition = Self.columns.map { sqlName($0) + " TEXT" }.joined(separator: ", ")
        let inserts = Self.values.filter { !$0.contains("\u{0}") }.map { value in
            "INSERT INTO \(sqlName(Self.tableName)) VALUES (\(Self.columns.map { _ in sqlString(value) }.joined(separator: ", ")));"
        }.joined(separator: "\n")
        let script = "CREATE TABLE t (n INTEGER); INSERT INTO t VALUES (1);\nCREATE TABLE \(sqlName(Self.tableName)) (\(definition));\n\(inserts)\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: sqlite3)
        process.arguments = [path]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(script.data(using: .utf8)!)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        var engine = Engine(dataset: .empty)
        engine.attach(try SQLiteDatabase(path: path))
        #expect(engine.dataset.collectionNames.contains(Self.tableName))
        let result = try engine.run(Self.query, parameters: ["p": .string("'; --")])[0].table
        #expect(result.count == Self.values.count - 1)
        #expect(result.fields.map(\.name) == Self.columns)
        #expect(result[0, 0] == .string(Self.values[0]))
        // Still there: nothing was dropped, and the connection refuses to write.
        #expect(try engine.run("t count")[0].table[0, 0] == .integer(1))
        let database = try SQLiteDatabase(path: path)
        #expect(throws: Diagnostic.self) { _ = try database.rows("DELETE FROM t", parameters: [], types: []) }
    }
}
