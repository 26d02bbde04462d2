// The catalogue's messages for PostgreSQL servers (the engine's own errors are E1002, as for SQLite).

extension Diagnostic {
    /// A PostgreSQL database that cannot be reached or logged into. `database` is already redacted.
    static func cannotConnect(_ database: String, _ reason: String) -> Diagnostic {
        Diagnostic(code: .cannotConnect, message: "cannot connect to PostgreSQL database \(quoted(database)): \(PostgresLocation.redacted(reason))",
                   hints: ["give a libpq URI (postgresql://user@host:5432/name), or postgres: for the one the PG* environment variables name"])
    }

    /// A value PostgreSQL's text cannot hold (the NUL character), which would otherwise be cut short.
    static func unsendableValue(_ database: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .unsendableValue, message: "\(database): a text with the NUL character cannot be sent to PostgreSQL", range: range,
                   hints: ["PostgreSQL's text cannot hold U+0000; remove it from the value"])
    }
}
