// A SQLite file opened read-only: its tables and views as collections, and compiled statements run on it
// with their values bound. Only read statements are sent, on a connection opened SQLITE_OPEN_READONLY with
// `PRAGMA query_only`; wekaql's functions are registered on it (SQLiteFunctions.swift).

/// An open SQLite database. One statement runs at a time (a lock), from any thread.
public final class SQLiteDatabase: @unchecked Sendable {
    /// The path as given, which errors name.
    public let path: String
    /// The tables and views, as collections with no rows (the rows stay in the file).
    public private(set) var collections: [Dataset.Collection] = []
    /// The tables behind the collections, by collection name.
    private(set) var tables: [String: SQLTable] = [:]
    private let library: SQLiteLibrary
    private let handle: OpaquePointer
    private let state = SQLiteFunctionState()
    private var bindings: [SQLiteFunctionBinding] = []
    private let lock = Locked(())

    /// Opens `path` read-only and reads its schema.
    ///
    /// - Throws: E1004 when libsqlite3 cannot be loaded, E1003 when the file cannot be opened as a database.
    public init(path: String) throws(Diagnostic) {
        guard let library = SQLiteLibrary.shared else { throw Diagnostic.databaseLibrary("libsqlite3", "libsqlite3-0") }
        self.library = library
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLiteLibrary.openReadOnly | SQLiteLibrary.openNoMutex
        let status = library.open(path, &opened, flags, nil)
        guard status == SQLiteLibrary.ok, let opened else {
            let reason = opened.flatMap { library.errmsg($0) }.map { String(cString: $0) } ?? "error \(status)"
            if let opened { _ = library.close(opened) }
            throw Diagnostic.cannotOpenDatabase(path, reason)
        }
        handle = opened
        do {
            try execute("PRAGMA query_only = 1")
            registerFunctions()
            try readSchema()
        } catch {
            _ = library.close(handle)
            throw Diagnostic.cannotOpenDatabase(path, error.message)
        }
    }

    deinit { _ = library.close(handle) }

    private func execute(_ sql: String) throws(Diagnostic) {
        _ = try rows(sql, parameters: [], types: [])
    }

    private func registerFunctions() {
        for function in SQLiteFunction.all {
            let binding = SQLiteFunctionBinding(function, state: state, library: library)
            bindings.append(binding)
            let arity = function.arity < 0 ? -1 : Int32(function.arity + (function.takesRange ? 2 : 0))
            let flags = SQLiteLibrary.utf8 | (function.canFail ? 0 : SQLiteLibrary.deterministic)
            _ = library.createFunction(handle, "wekaql_" + function.name, arity, flags, Unmanaged.passUnretained(binding).toOpaque(),
                                       SQLiteFunctionBinding.entry, nil, nil, nil)
        }
    }

    /// The tables and views, their columns and wekaql types (see ``SQLiteDatabase/type(declared:)``).
    private func readSchema() throws(Diagnostic) {
        let objects = try rows("SELECT name, type FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY rowid",
                               parameters: [], types: [.string, .string])
        for object in objects {
            guard case .string(let name) = object[0] else { continue }
            let isView = object[1] == .string("view")
            let columns = try rows("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid", parameters: [.string(name)], types: [.string, .string])
            var fields: [Field] = []
            for column in columns {
                guard case .string(let columnName) = column[0] else { continue }
                var type = Self.type(declared: column[1].stringValue ?? "")
                if type == nil { type = try storedType(of: columnName, in: name) }
                fields.append(Field(name: columnName, type: type ?? .string, description: "column of \(isView ? "view" : "table") \(name) in \(path)"))
            }
            guard !fields.isEmpty else { continue }
            let empty = Table(fields: fields, columns: fields.map { Column(type: $0.type, values: []) }, rowCount: 0)
            collections.append(Dataset.Collection(name: name, description: "\(isView ? "view" : "table") in \(path)", table: empty))
            // A table's `rowid` orders its rows as inserted; a WITHOUT ROWID table has none, and a column of
            // that name hides it: their rows are numbered as a view's are, in the order SQLite scans them.
            let hasRowIDs = !isView && !fields.contains { $0.name.lowercased() == "rowid" }
                && (try? rows("SELECT rowid FROM \(SQLDialect.sqlite.quoted(name)) LIMIT 0", parameters: [], types: [])) != nil
            tables[name] = SQLTable(name: name, columns: fields.map(\.name), isView: !hasRowIDs)
        }
    }

    /// The wekaql type of a declared column type, by SQLite's affinity rules, with `DATE` and `BOOLEAN` as
    /// their own; `nil` when nothing is declared (a view's computed column).
    static func type(declared: String) -> ValueType? {
        let upper = declared.uppercased()
        if upper.isEmpty { return nil }
        if upper == "DATE" { return .date }
        if upper.contains("BOOL") { return .boolean }
        if upper.contains("INT") { return .integer }
        if upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT") { return .string }
        if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") || upper.contains("NUM") || upper.contains("DEC") {
            return .float   // SQLite stores these as binary floating point
        }
        return .string
    }

    /// The type of a column with no declared type, from the storage class of its first value.
    private func storedType(of column: String, in table: String) throws(Diagnostic) -> ValueType? {
        let sql = "SELECT typeof(\(SQLDialect.sqlite.quoted(column))) FROM \(SQLDialect.sqlite.quoted(table)) WHERE \(SQLDialect.sqlite.quoted(column)) IS NOT NULL LIMIT 1"
        switch try rows(sql, parameters: [], types: [.string]).first?.first {
        case .string("integer"): return .integer
        case .string("real"): return .float
        default: return .string
        }
    }

    /// Runs a compiled statement and returns its rows as a table of its fields' types. Cancelling `token`
    /// interrupts it (a progress handler asks the token every thousand instructions).
    public func run(_ compiled: CompiledSQL, cancellation: CancellationToken? = nil, range: SourceRange? = nil) throws(Diagnostic) -> Table {
        let types = compiled.fields.map(\.type)
        let rows = try self.rows(compiled.text, parameters: compiled.parameters, types: types, cancellation: cancellation, range: range)
        var fields = compiled.fields
        for index in fields.indices where fields[index].type == .null {
            fields[index].type = rows.lazy.map { $0[index].type }.first { $0 != .null } ?? .null
        }
        let columns = fields.indices.map { index in Column(type: fields[index].type, values: rows.map { $0[index] }) }
        return Table(fields: fields, columns: columns, rowCount: rows.count)
    }

    /// The rows of `sql`, each value read as the type given for its column.
    func rows(_ sql: String, parameters: [Value], types: [ValueType], cancellation: CancellationToken? = nil,
              range: SourceRange? = nil) throws(Diagnostic) -> [[Value]] {
        let outcome: Result<[[Value]], Diagnostic> = lock.withLock { _ in
            Result { () throws(Diagnostic) -> [[Value]] in try unlockedRows(sql, parameters, types, cancellation, range) }
        }
        return try outcome.get()
    }

    private func unlockedRows(_ sql: String, _ parameters: [Value], _ types: [ValueType], _ cancellation: CancellationToken?,
                              _ range: SourceRange?) throws(Diagnostic) -> [[Value]] {
        var statement: OpaquePointer?
        guard library.prepare(handle, sql, -1, &statement, nil) == SQLiteLibrary.ok, let statement else {
            throw Diagnostic.databaseError(path, message(), statement: sql, range: range)
        }
        defer { _ = library.finalize(statement) }
        for (index, value) in parameters.enumerated() { bind(value, at: Int32(index + 1), in: statement) }
        if let cancellation {
            library.progressHandler(handle, 1000, Self.progress, Unmanaged.passUnretained(cancellation).toOpaque())
        }
        defer { if cancellation != nil { library.progressHandler(handle, 0, nil, nil) } }
        state.lastError = nil
        var rows: [[Value]] = []
        let width = Int(library.columnCount(statement))
        while true {
            let status = library.step(statement)
            if status == SQLiteLibrary.done { break }
            guard status == SQLiteLibrary.row else {
                if status == SQLiteLibrary.interrupt { throw Diagnostic.cancelled(range: range) }
                if let raised = state.lastError { throw raised }
                throw Diagnostic.databaseError(path, message(), statement: sql, range: range)
            }
            var row: [Value] = []
            row.reserveCapacity(width)
            for column in 0..<width {
                let type = column < types.count ? types[column] : .null
                guard let value = read(statement, Int32(column), as: type) else {
                    let text = library.columnText(statement, Int32(column)).map { String(cString: $0) } ?? ""
                    throw Diagnostic.databaseError(path, "row \(rows.count + 1), column \(column + 1): \(Diagnostic.quoted(text)) is not \(Diagnostic.article(type.rawValue)) \(type.rawValue)",
                                                   statement: sql, range: range)
                }
                row.append(value)
            }
            rows.append(row)
        }
        return rows
    }

    private static let progress: SQLiteLibrary.ProgressHandler = { context in
        guard let context else { return 0 }
        return Unmanaged<CancellationToken>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
    }

    private func message() -> String {
        library.errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    }

    private func bind(_ value: Value, at index: Int32, in statement: OpaquePointer) {
        switch value {
        case .null: _ = library.bindNull(statement, index)
        case .boolean(let b): _ = library.bindInt64(statement, index, b ? 1 : 0)
        case .integer(let i): _ = library.bindInt64(statement, index, i)
        case .decimal(let d): _ = library.bindDouble(statement, index, d.doubleValue)
        case .float(let d): _ = library.bindDouble(statement, index, d)
        case .list(let elements):
            let s = Value.list(elements).listJSON ?? "[]"
            _ = library.bindText(statement, index, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        case .string(let s): _ = library.bindText(statement, index, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        case .date(let d): let s = d.description; _ = library.bindText(statement, index, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        }
    }

    /// A result value as the wekaql type of its column: SQLite's booleans are 0 and 1, its dates text;
    /// `nil` for a value that is not of that type (SQLite lets a column hold any value).
    private func read(_ statement: OpaquePointer, _ column: Int32, as type: ValueType) -> Value? {
        switch library.columnType(statement, column) {
        case SQLiteLibrary.nullType:
            return .null
        case SQLiteLibrary.integerType:
            let i = library.columnInt64(statement, column)
            switch type {
            case .boolean: return .boolean(i != 0)
            case .decimal: return .decimal(ExactDecimal(integerLiteral: i))
            case .float: return .float(Double(i))
            case .string: return .string(String(i))
            case .integer, .null: return .integer(i)
            case .date, .list: return nil
            }
        case SQLiteLibrary.floatType:
            let d = library.columnDouble(statement, column)
            switch type {
            case .integer: return Int64(exactly: d).map(Value.integer)
            case .string: return .string(Value.float(d).description)
            case .float, .null: return .float(d)
            default: return nil
            }
        default:
            let count = Int(library.columnBytes(statement, column))
            let text = library.columnText(statement, column).map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
            switch type {
            case .date: return LocalDate(text).map(Value.date)
            case .string, .null: return .string(text)
            default: return nil
            }
        }
    }
}
