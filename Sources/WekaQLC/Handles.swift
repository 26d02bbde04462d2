// The objects behind the C API's opaque handles, and the strings they lend to C.

import WekaQL

/// A C string owned by a handle: valid until the handle replaces or frees it.
final class LentString {
    private(set) var pointer: UnsafeMutablePointer<CChar>?

    /// Replaces the string with `text` and returns it.
    func lend(_ text: String) -> UnsafePointer<CChar> {
        free()
        let bytes = Array(text.utf8)
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        bytes.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { copy.initialize(from: $0.baseAddress!, count: bytes.count) }
        }
        copy[bytes.count] = 0
        pointer = copy
        return UnsafePointer(copy)
    }

    func free() {
        pointer?.deallocate()
        pointer = nil
    }

    deinit { pointer?.deallocate() }
}

/// Diagnostics of a handle's last call, as the JSON array the C API hands out.
struct ErrorLog {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func clear() { diagnostics = [] }
    mutating func record(_ list: [Diagnostic]) { diagnostics = list }

    var json: String {
        let renderer = DiagnosticRenderer()
        return "[" + diagnostics.map(renderer.json).joined(separator: ",") + "]"
    }
}

/// `wekaql_engine`: an engine and the errors of its last call.
final class EngineHandle {
    var engine: Engine
    var errors = ErrorLog()
    let errorText = LentString()

    init(engine: Engine) { self.engine = engine }
}

/// `wekaql_stmt`: a prepared query, its bindings, and the rows it is stepping through.
final class StatementHandle {
    let query: PreparedQuery
    var parameters: [String: Value] = [:]
    /// The run's rows, read a step at a time, once the first step started it. Dropping it stops the run.
    var cursor: RowCursor?
    /// The current row: `nil` before the first step and after the last.
    var current: Row?
    let cancellation = CancellationToken()
    var errors = ErrorLog()
    let errorText = LentString()
    let columnNames: [LentString]
    /// The texts of the current row's columns, lent until the next step.
    let columnTexts: [LentString]

    init(query: PreparedQuery) {
        self.query = query
        columnNames = query.fields.map { _ in LentString() }
        columnTexts = query.fields.map { _ in LentString() }
    }

    /// The current row's value in `column`, or `nil` when there is no row or no such column.
    func value(_ column: Int32) -> Value? {
        guard let current, column >= 0, Int(column) < query.fields.count else { return nil }
        return current[Int(column)]
    }
}
