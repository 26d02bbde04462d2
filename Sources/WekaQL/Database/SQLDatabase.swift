// What the engine needs of an attached database, whatever its engine: its collections and the tables
// behind them, the dialect its SQL is written in, and a way to run a compiled statement. SQLite files
// (SQLiteDatabase.swift) and PostgreSQL servers (PostgresDatabase.swift) are the two.

/// An open database whose tables are collections. One statement runs at a time, from any thread.
protocol SQLDatabase: AnyObject, Sendable {
    /// The database as messages name it (a PostgreSQL password never in it).
    var displayName: String { get }
    /// The dialect of the SQL it runs.
    var dialect: SQLDialect { get }
    /// The tables and views, as collections with no rows (the rows stay in the database).
    var collections: [Dataset.Collection] { get }
    /// The tables behind the collections, by collection name.
    var tables: [String: SQLTable] { get }
    /// How `=~`, `contains`, `starts with` and `ends with` fold text in its SQL.
    var folding: SQLFolding { get }
    /// Runs a compiled statement and returns its rows as a table of its fields' types.
    func run(_ compiled: CompiledSQL, cancellation: CancellationToken?, range: SourceRange?) throws(Diagnostic) -> Table
}

extension SQLDatabase {
    var folding: SQLFolding { .dialectDefault }
}

/// How the SQL of a folded operator strips accents, where a dialect has more than one way.
enum SQLFolding: Sendable {
    /// The dialect's own (`unaccent` on PostgreSQL).
    case dialectDefault
    /// PostgreSQL without the `unaccent` extension: canonical decomposition (`normalize(x, NFD)`) with the
    /// combining marks removed by a regular expression.
    case decomposition
}

extension SQLiteDatabase: SQLDatabase {
    /// The path, which messages name.
    public var displayName: String { path }
    var dialect: SQLDialect { .sqlite }
}

extension Engine {
    /// Opens the database at `location` and attaches it (`attach(_:)`): a PostgreSQL database for a
    /// libpq URI (`postgresql://…`, `postgres://…`) or `postgres:` (the `PG*` environment variables), else
    /// the SQLite file at that path. Returns the name messages show it by (no password) and its collections.
    ///
    /// - Throws: E1003 or E1010 when it cannot be opened, E1004 when its client library cannot be loaded.
    public mutating func attachDatabase(at location: String) throws(Diagnostic) -> (name: String, collections: [String]) {
        let database: any SQLDatabase
        if PostgresLocation.isPostgres(location) {
            let postgres = try PostgresDatabase(location: location)
            attach(postgres)
            database = postgres
        } else {
            let sqlite = try SQLiteDatabase(path: location)
            attach(sqlite)
            database = sqlite
        }
        return (database.displayName, database.collections.map(\.name))
    }
}
