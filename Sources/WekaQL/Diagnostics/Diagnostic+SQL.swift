// The catalogue's messages for SQL: compiling a query to a dialect, and running it on a database.

extension Diagnostic {
    /// A construct that has no SQL with wekaql's meaning in `dialect`.
    static func noSQL(_ construct: String, _ dialect: SQLDialect, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .noSQL, message: "no SQL yet for \(construct) in \(dialect.name)", range: range,
                   hints: ["\(dialect.name) has no form of it with wekaql's meaning; run the query in memory, or in another dialect"])
    }

    /// A source that is not a table: the shell's last result, or a `let` whose query is not at hand.
    static func noSQLForResult(_ name: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .noSQLForResult, message: "\(quoted(name)) is a result in memory, not a table: it has no SQL", range: range,
                   hints: ["write the query it holds in the same text (let \(name) = …), or start from a collection"])
    }

    /// An error reported by the database engine while running a statement.
    static func databaseError(_ database: String, _ message: String, statement: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .databaseError, message: "\(database): \(message)", range: range,
                   hints: ["the statement sent: \(abbreviatedStatement(statement))"])
    }

    /// A database that cannot be opened.
    static func cannotOpenDatabase(_ database: String, _ reason: String) -> Diagnostic {
        Diagnostic(code: .cannotOpenDatabase, message: "cannot open database \(quoted(database)): \(reason)",
                   hints: ["a SQLite file is opened read-only and must exist"])
    }

    /// The engine's client library cannot be loaded.
    static func databaseLibrary(_ library: String, _ package: String) -> Diagnostic {
        Diagnostic(code: .databaseLibrary, message: "cannot load \(library)",
                   hints: ["install it (Debian: apt-get install \(package))"])
    }

    /// A long statement, cut for a hint.
    private static func abbreviatedStatement(_ text: String) -> String {
        let flat = String(text.map { $0 == "\n" ? " " : $0 })
        return flat.count > 300 ? String(flat.prefix(300)) + " …" : flat
    }
}
