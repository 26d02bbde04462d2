// The C API (include/wekaql.h): each function checks its handles, calls the Swift library, and turns a
// thrown Diagnostic into WEKAQL_ERROR with the diagnostic kept for the errors JSON.

import WekaQL

/// The result codes of wekaql.h.
enum Status {
    static let ok: Int32 = 0, error: Int32 = 1, misuse: Int32 = 21, row: Int32 = 100, done: Int32 = 101
}

// Written once, never changed or freed: safe to read from any thread.
nonisolated(unsafe) private let versionText: UnsafePointer<CChar> = {
    let bytes = Array(Engine.version.utf8CString)
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
    copy.initialize(from: bytes, count: bytes.count)
    return UnsafePointer(copy)
}()

private func engine(_ handle: OpaquePointer?) -> EngineHandle? {
    handle.map { Unmanaged<EngineHandle>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
}

private func statement(_ handle: OpaquePointer?) -> StatementHandle? {
    handle.map { Unmanaged<StatementHandle>.fromOpaque(UnsafeRawPointer($0)).takeUnretainedValue() }
}

/// Runs `body`, recording what it throws in `log`: WEKAQL_OK or WEKAQL_ERROR.
private func attempt(_ log: inout ErrorLog, _ body: () throws(Diagnostic) -> [Diagnostic]) -> Int32 {
    do {
        log.record(try body())
        return Status.ok
    } catch {
        log.record([error])
    }
    return Status.error
}

@_cdecl("wekaql_version")
public func wekaql_version() -> UnsafePointer<CChar> { versionText }

@_cdecl("wekaql_open")
public func wekaql_open(_ builtin: Int32) -> OpaquePointer {
    let handle = EngineHandle(engine: Engine(dataset: builtin != 0 ? .builtIn : .empty))
    return OpaquePointer(Unmanaged.passRetained(handle).toOpaque())
}

@_cdecl("wekaql_close")
public func wekaql_close(_ handle: OpaquePointer?) {
    guard let handle else { return }
    Unmanaged<EngineHandle>.fromOpaque(UnsafeRawPointer(handle)).release()
}

@_cdecl("wekaql_load_path")
public func wekaql_load_path(_ handle: OpaquePointer?, _ path: UnsafePointer<CChar>?, _ options: UnsafePointer<CChar>?) -> Int32 {
    guard let engine = engine(handle), let path else { return Status.misuse }
    return attempt(&engine.errors) { () throws(Diagnostic) in
        let parsed = try LoadOptions(parsing: options.map { String(cString: $0) } ?? "")
        return try engine.engine.dataset.load(path: String(cString: path), options: parsed)
    }
}

@_cdecl("wekaql_load_bytes")
public func wekaql_load_bytes(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ format: UnsafePointer<CChar>?,
                              _ bytes: UnsafeRawPointer?, _ length: Int, _ options: UnsafePointer<CChar>?) -> Int32 {
    guard let engine = engine(handle), let name, let format, bytes != nil || length == 0 else { return Status.misuse }
    return attempt(&engine.errors) { () throws(Diagnostic) in
        let formatName = String(cString: format)
        guard let kind = LoadOptions.Format(rawValue: formatName) else {
            throw Diagnostic.unknownFormat(formatName)
        }
        let data = bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
        let parsed = try LoadOptions(parsing: options.map { String(cString: $0) } ?? "")
        return try engine.engine.dataset.load(bytes: data, name: String(cString: name), format: kind, options: parsed)
    }
}

@_cdecl("wekaql_errors_json")
public func wekaql_errors_json(_ handle: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let engine = engine(handle) else { return nil }
    return engine.errorText.lend(engine.errors.json)
}

@_cdecl("wekaql_prepare")
public func wekaql_prepare(_ handle: OpaquePointer?, _ text: UnsafePointer<CChar>?,
                           _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    guard let engine = engine(handle), let text, let out else { return Status.misuse }
    out.pointee = nil
    var prepared: PreparedQuery?
    let status = attempt(&engine.errors) { () throws(Diagnostic) in
        prepared = try engine.engine.prepare(String(cString: text))
        return []
    }
    if let prepared { out.pointee = OpaquePointer(Unmanaged.passRetained(StatementHandle(query: prepared)).toOpaque()) }
    return status
}

@_cdecl("wekaql_finalize")
public func wekaql_finalize(_ handle: OpaquePointer?) {
    guard let handle else { return }
    Unmanaged<StatementHandle>.fromOpaque(UnsafeRawPointer(handle)).release()
}

@_cdecl("wekaql_stmt_errors_json")
public func wekaql_stmt_errors_json(_ handle: OpaquePointer?) -> UnsafePointer<CChar>? {
    guard let statement = statement(handle) else { return nil }
    return statement.errorText.lend(statement.errors.json)
}

// MARK: - Binding

private func bind(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: () -> Value?) -> Int32 {
    guard let statement = statement(handle), let name else { return Status.misuse }
    let key = String(cString: name)
    guard let value = value() else {
        statement.errors.record([Diagnostic.notADateParameter(key)])
        return Status.error
    }
    statement.errors.clear()
    statement.parameters[key.hasPrefix("$") ? String(key.dropFirst()) : key] = value
    return Status.ok
}

@_cdecl("wekaql_bind_null")
public func wekaql_bind_null(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?) -> Int32 {
    bind(handle, name) { .null }
}

@_cdecl("wekaql_bind_bool")
public func wekaql_bind_bool(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Int32) -> Int32 {
    bind(handle, name) { .boolean(value != 0) }
}

@_cdecl("wekaql_bind_int64")
public func wekaql_bind_int64(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Int64) -> Int32 {
    bind(handle, name) { .integer(value) }
}

@_cdecl("wekaql_bind_double")
public func wekaql_bind_double(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: Double) -> Int32 {
    bind(handle, name) { .float(value) }
}

@_cdecl("wekaql_bind_text")
public func wekaql_bind_text(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) -> Int32 {
    bind(handle, name) { value.map { .string(String(cString: $0)) } ?? .null }
}

@_cdecl("wekaql_bind_date")
public func wekaql_bind_date(_ handle: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) -> Int32 {
    bind(handle, name) { value.map { LocalDate(String(cString: $0)).map(Value.date) } ?? .null }
}

// MARK: - Stepping

@_cdecl("wekaql_step")
public func wekaql_step(_ handle: OpaquePointer?) -> Int32 {
    guard let statement = statement(handle) else { return Status.misuse }
    if statement.cursor == nil {
        let status = attempt(&statement.errors) { () throws(Diagnostic) in
            statement.cursor = try statement.query.cursor(statement.parameters, cancellation: statement.cancellation)
            return []
        }
        if status != Status.ok { return status }
    }
    statement.columnTexts.forEach { $0.free() }
    statement.current = nil
    var row: Row?
    let status = attempt(&statement.errors) { () throws(Diagnostic) in
        row = try statement.cursor!.next()
        return []
    }
    if status != Status.ok { return status }
    statement.current = row
    return row == nil ? Status.done : Status.row
}

@_cdecl("wekaql_reset")
public func wekaql_reset(_ handle: OpaquePointer?) -> Int32 {
    guard let statement = statement(handle) else { return Status.misuse }
    statement.cursor = nil   // stops a run still going
    statement.current = nil
    statement.cancellation.reset()
    statement.columnTexts.forEach { $0.free() }
    statement.errors.clear()
    return Status.ok
}

@_cdecl("wekaql_cancel")
public func wekaql_cancel(_ handle: OpaquePointer?) {
    statement(handle)?.cancellation.cancel()
}

// MARK: - Columns

@_cdecl("wekaql_column_count")
public func wekaql_column_count(_ handle: OpaquePointer?) -> Int32 {
    Int32(statement(handle)?.query.fields.count ?? 0)
}

@_cdecl("wekaql_column_name")
public func wekaql_column_name(_ handle: OpaquePointer?, _ column: Int32) -> UnsafePointer<CChar>? {
    guard let statement = statement(handle), column >= 0, Int(column) < statement.query.fields.count else { return nil }
    return statement.columnNames[Int(column)].lend(statement.query.fields[Int(column)].name)
}

@_cdecl("wekaql_column_type")
public func wekaql_column_type(_ handle: OpaquePointer?, _ column: Int32) -> Int32 {
    switch statement(handle)?.value(column) {
    case .boolean?: return 1
    case .integer?: return 2
    case .decimal?: return 3
    case .string?: return 4
    case .date?: return 5
    case .list?: return 6
    case .float?: return 7
    case .null?, nil: return 0
    }
}

@_cdecl("wekaql_column_int64")
public func wekaql_column_int64(_ handle: OpaquePointer?, _ column: Int32) -> Int64 {
    switch statement(handle)?.value(column) {
    case .integer(let number)?: return number
    case .boolean(let truth)?: return truth ? 1 : 0
    default: return 0
    }
}

@_cdecl("wekaql_column_double")
public func wekaql_column_double(_ handle: OpaquePointer?, _ column: Int32) -> Double {
    statement(handle)?.value(column)?.doubleValue ?? 0
}

@_cdecl("wekaql_column_text")
public func wekaql_column_text(_ handle: OpaquePointer?, _ column: Int32) -> UnsafePointer<CChar>? {
    guard let statement = statement(handle), let value = statement.value(column), !value.isNull else { return nil }
    return statement.columnTexts[Int(column)].lend(value.listJSON ?? value.description)
}
