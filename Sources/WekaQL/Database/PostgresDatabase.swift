// A PostgreSQL database reached through libpq: the tables and views of its search path as collections, and
// compiled statements run on it. Every statement wekaql sends is a read (a compiled query, or a read of the
// catalogue), inside a read-only transaction on a session whose transactions are all read-only, with every
// value a bound parameter (PQsendQueryParams, the asynchronous PQexecParams, so that Ctrl-C can PQcancel).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An open connection to a PostgreSQL database. One statement runs at a time (a lock), from any thread.
///
/// ```swift
/// var engine = Engine()
/// engine.attach(try PostgresDatabase(location: "postgresql://reader@db.example.org/cases"))
/// let results = try engine.run("cases where country = \"Togo\" count")   // runs on the server
/// ```
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    /// The location as given with any password replaced by `***`, which messages name.
    public let displayName: String
    /// The tables and views of the search path, as collections with no rows (the rows stay on the server).
    public private(set) var collections: [Dataset.Collection] = []
    private(set) var tables: [String: SQLTable] = [:]
    let dialect = SQLDialect.postgres
    /// `unaccent` when the server has the extension in the search path, else Unicode decomposition.
    private(set) var folding: SQLFolding = .dialectDefault
    private let library: PostgresLibrary
    private let connection: OpaquePointer
    private let lock = Locked(())

    /// Connects to the database at `location` (a libpq URI, or `postgres:` for the `PG*` environment
    /// variables) and reads its schema.
    ///
    /// - Throws: E1004 when libpq cannot be loaded, E1010 when the server cannot be reached or refuses.
    public init(location: String) throws(Diagnostic) {
        guard let library = PostgresLibrary.shared else { throw Diagnostic.databaseLibrary("libpq", "libpq5") }
        self.library = library
        var shown = PostgresLocation.redacted(location)
        guard let connection = library.connect(PostgresLocation.connectionString(location)) else {
            throw Diagnostic.cannotConnect(shown, "out of memory")
        }
        guard library.status(connection) == PostgresLibrary.connectionOK else {
            let reason = library.errorMessage(connection).map { String(cString: $0) } ?? "unknown error"
            library.finish(connection)
            throw Diagnostic.cannotConnect(shown, Self.trimmed(reason))
        }
        if PostgresLocation.isEnvironment(location) {
            let name = library.database(connection).map { String(cString: $0) } ?? "?"
            let user = library.user(connection).map { String(cString: $0) } ?? "?"
            shown = "postgres: (database \(name), user \(user))"
        }
        self.connection = connection
        displayName = PostgresLocation.redacted(shown)
        do {
            try setUpSession()
            try readSchema()
        } catch {
            library.finish(connection)
            throw Diagnostic.cannotConnect(displayName, error.message)
        }
    }

    deinit { library.finish(connection) }

    /// Read-only transactions, and what makes results come back as wekaql reads them: UTF-8, ISO dates,
    /// the shortest exact text of doubles, and rows in the order of the table (no synchronized or parallel
    /// scans, which start or interleave elsewhere and would change `row_number() OVER ()`; a statement
    /// whose result does not depend on that order turns parallel scans back on, ``run(_:cancellation:range:)``).
    private func setUpSession() throws(Diagnostic) {
        for setting in ["SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", "SET client_encoding = 'UTF8'",
                        "SET DateStyle = 'ISO, YMD'", "SET extra_float_digits = 1", "SET synchronize_seqscans = off",
                        "SET max_parallel_workers_per_gather = 0"] {
            _ = try strings(setting)
        }
        if try strings("SELECT to_regprocedure('unaccent(text)') IS NOT NULL").first?.first == "t" {
            folding = .dialectDefault
        } else {
            folding = .decomposition
        }
    }

    /// The tables, views, materialized views and foreign tables the search path shows (a name hidden by
    /// one earlier in the path is not shown; the system catalogue never), with their columns' types mapped.
    private func readSchema() throws(Diagnostic) {
        let sql = """
            SELECT c.relname, c.relkind, a.attname, CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname = ANY (current_schemas(false))
              AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND pg_catalog.pg_table_is_visible(c.oid) AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY array_position(current_schemas(false), n.nspname::text), c.relname COLLATE "C", a.attnum
            """
        var order: [String] = []
        var columns: [String: [(String, UInt32)]] = [:], views: Set<String> = [], heaps: Set<String> = []
        for row in try strings(sql) {
            guard let name = row[0], let kind = row[1], let column = row[2], let oid = row[3].flatMap({ UInt32($0) }) else { continue }
            if columns[name] == nil { order.append(name) }
            columns[name, default: []].append((column, oid))
            if kind != "r" && kind != "p" { views.insert(name) }
            if kind == "r" { heaps.insert(name) }
        }
        for name in order {
            let isView = views.contains(name)
            let place = "\(isView ? "view" : "table") \(name) in \(displayName)"
            let fields = columns[name]!.map { Field(name: $0.0, type: PostgresValues.type(oid: $0.1), description: "column of \(place)") }
            let empty = Table(fields: fields, columns: fields.map { Column(type: $0.type, values: []) }, rowCount: 0)
            collections.append(Dataset.Collection(name: name, description: place, table: empty))
            tables[name] = SQLTable(name: name, columns: fields.map(\.name), isView: isView, hasTupleIDs: heaps.contains(name))
        }
    }

    /// Runs a compiled statement and returns its rows as a table of its fields' types. Cancelling `token`
    /// sends PostgreSQL a cancel request (PQcancel).
    public func run(_ compiled: CompiledSQL, cancellation: CancellationToken? = nil, range: SourceRange? = nil) throws(Diagnostic) -> Table {
        try locked { () throws(Diagnostic) -> Table in
            _ = try unlockedResult("BEGIN READ ONLY", [], nil, range) { _ throws(Diagnostic) in }
            do throws(Diagnostic) {
                if compiled.scanOrderFree {   // the server's own setting, for this transaction only
                    _ = try unlockedResult("SET LOCAL max_parallel_workers_per_gather TO DEFAULT", [], nil, range) { _ throws(Diagnostic) in }
                }
                let table = try unlockedResult(compiled.text, compiled.parameters, cancellation, range) { result throws(Diagnostic) in
                    try PostgresValues(library: library, result: result, database: displayName, statement: compiled.text, range: range)
                        .table(fields: compiled.fields)
                }
                _ = try unlockedResult("COMMIT", [], nil, range) { _ throws(Diagnostic) in }
                return table
            } catch {
                // The statement's error is the one to report; a failed rollback ends with the session anyway.
                _ = try? unlockedResult("ROLLBACK", [], nil, range) { _ throws(Diagnostic) in }
                throw error
            }
        }
    }

    /// The rows of `sql` as text (for the catalogue), nulls as `nil`.
    private func strings(_ sql: String) throws(Diagnostic) -> [[String?]] {
        try locked { () throws(Diagnostic) -> [[String?]] in
            try unlockedResult(sql, [], nil, nil) { result throws(Diagnostic) in
                let (rows, width) = (library.tupleCount(result), library.fieldCount(result))
                return (0..<rows).map { row in
                    (0..<width).map { column in
                        library.isNull(result, row, column) != 0 ? nil : library.value(result, row, column).map { String(cString: $0) }
                    }
                }
            }
        }
    }

    private func locked<T>(_ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        let outcome: Result<T, Diagnostic> = lock.withLock { _ in Result { () throws(Diagnostic) -> T in try body() } }
        return try outcome.get()
    }

    /// Sends `sql` with `parameters` bound, waits for its result (sending a cancel request when
    /// `cancellation` is cancelled meanwhile) and hands it to `read`.
    private func unlockedResult<T>(_ sql: String, _ parameters: [Value], _ cancellation: CancellationToken?, _ range: SourceRange?,
                                   read: (OpaquePointer) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        var texts: [UnsafeMutablePointer<CChar>?] = []
        defer { texts.forEach { free($0) } }
        for value in parameters {
            guard let text = PostgresValues.text(of: value) else { texts.append(nil); continue }
            guard !text.utf8.contains(0) else { throw Diagnostic.unsendableValue(displayName, range: range) }
            texts.append(strdup(text))
        }
        let sent = texts.map { UnsafePointer($0) }.withUnsafeBufferPointer { values in
            library.sendQueryParams(connection, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
        }
        guard sent == 1 else { throw Diagnostic.databaseError(displayName, connectionMessage(), statement: sql, range: range) }
        wait(cancellation)
        var kept: OpaquePointer?
        while let result = library.getResult(connection) {
            if kept == nil { kept = result } else { library.clear(result) }
        }
        guard let result = kept else { throw Diagnostic.databaseError(displayName, connectionMessage(), statement: sql, range: range) }
        defer { library.clear(result) }
        let status = library.resultStatus(result)
        guard status == PostgresLibrary.tuplesOK || status == PostgresLibrary.commandOK else {
            throw failure(of: result, statement: sql, range: range)
        }
        return try read(result)
    }

    /// Waits until the result has arrived, asking the server to cancel once the token is cancelled, and
    /// again every half second: a request that arrives before the statement starts is dropped by the server.
    private func wait(_ cancellation: CancellationToken?) {
        var pollsSinceCancel = 0
        while library.isBusy(connection) != 0 {
            if let cancellation, cancellation.isCancelled {
                defer { pollsSinceCancel += 1 }
                if pollsSinceCancel % 10 == 0, let cancel = library.getCancel(connection) {
                    var buffer = [CChar](repeating: 0, count: 256)
                    _ = library.cancel(cancel, &buffer, Int32(buffer.count))
                    library.freeCancel(cancel)
                }
            }
            var descriptor = pollfd(fd: library.socket(connection), events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, cancellation == nil ? -1 : 50)
            if library.consumeInput(connection) == 0 { return }   // the connection failed: PQgetResult says how
        }
    }

    /// The error of a failed statement: wekaql's own for what wekaql also fails on (overflow, division by
    /// zero, a cancel), else the server's message naming the database, with the statement in the hint.
    private func failure(of result: OpaquePointer, statement: String, range: SourceRange?) -> Diagnostic {
        let state = library.resultErrorField(result, PostgresLibrary.sqlState).map { String(cString: $0) } ?? ""
        let message = library.resultErrorField(result, PostgresLibrary.primaryMessage).map { String(cString: $0) } ?? connectionMessage()
        let place = range ?? SourceRange(0, 0)
        switch state {
        case "57014": return Diagnostic.cancelled(range: range)
        case "22003" where message.contains("integer") || message.contains("bigint"): return Diagnostic.integerOverflow(range: place)
        case "22003" where message == "value out of range: overflow": return Diagnostic.floatOverflow(range: place)   // a double's
        case "22012": return Diagnostic.divisionByZero(range: place)
        default: return Diagnostic.databaseError(displayName, PostgresLocation.redacted(message), statement: statement, range: range)
        }
    }

    private func connectionMessage() -> String {
        PostgresLocation.redacted(Self.trimmed(library.errorMessage(connection).map { String(cString: $0) } ?? "unknown error"))
    }

    private static func trimmed(_ text: String) -> String {
        String(text.reversed().drop(while: \.isWhitespace).reversed()).replacingAll("\n", with: " ").replacingAll("\t", with: "")
    }
}
