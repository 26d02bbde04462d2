// The system's libsqlite3, opened with dlopen the first time a database is opened, never at start-up: the
// functions wekaql calls are looked up with dlsym and called through typed C function pointers, so no
// header, module map or link flag is needed and a machine without libsqlite3 runs everything else.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// SQLite's C API, as function pointers into the loaded library.
struct SQLiteLibrary: @unchecked Sendable {
    typealias Handle = OpaquePointer
    typealias Destructor = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias ScalarFunction = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void
    typealias ProgressHandler = @convention(c) (UnsafeMutableRawPointer?) -> Int32

    // Result codes and flags of sqlite3.h (part of SQLite's stable ABI).
    static let ok: Int32 = 0, interrupt: Int32 = 9, row: Int32 = 100, done: Int32 = 101
    static let openReadOnly: Int32 = 0x1, openURI: Int32 = 0x40, openNoMutex: Int32 = 0x8000
    static let utf8: Int32 = 1, deterministic: Int32 = 0x800
    static let integerType: Int32 = 1, floatType: Int32 = 2, textType: Int32 = 3, blobType: Int32 = 4, nullType: Int32 = 5
    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    static let transient = unsafeBitCast(-1 as Int, to: Destructor.self)

    let open: @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?, Int32, UnsafePointer<CChar>?) -> Int32
    let close: @convention(c) (OpaquePointer?) -> Int32
    let errmsg: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let exec: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, OpaquePointer?, UnsafeMutableRawPointer?, OpaquePointer?) -> Int32
    let prepare: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?, OpaquePointer?) -> Int32
    let step: @convention(c) (OpaquePointer?) -> Int32
    let finalize: @convention(c) (OpaquePointer?) -> Int32
    let bindInt64: @convention(c) (OpaquePointer?, Int32, Int64) -> Int32
    let bindDouble: @convention(c) (OpaquePointer?, Int32, Double) -> Int32
    let bindText: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, Int32, Destructor?) -> Int32
    let bindNull: @convention(c) (OpaquePointer?, Int32) -> Int32
    let columnCount: @convention(c) (OpaquePointer?) -> Int32
    let columnType: @convention(c) (OpaquePointer?, Int32) -> Int32
    let columnInt64: @convention(c) (OpaquePointer?, Int32) -> Int64
    let columnDouble: @convention(c) (OpaquePointer?, Int32) -> Double
    let columnText: @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<UInt8>?
    let columnBytes: @convention(c) (OpaquePointer?, Int32) -> Int32
    let createFunction: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?,
                                        ScalarFunction?, ScalarFunction?, (@convention(c) (OpaquePointer?) -> Void)?, Destructor?) -> Int32
    let userData: @convention(c) (OpaquePointer?) -> UnsafeMutableRawPointer?
    let valueType: @convention(c) (OpaquePointer?) -> Int32
    let valueInt64: @convention(c) (OpaquePointer?) -> Int64
    let valueDouble: @convention(c) (OpaquePointer?) -> Double
    let valueText: @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
    let valueBytes: @convention(c) (OpaquePointer?) -> Int32
    let resultInt64: @convention(c) (OpaquePointer?, Int64) -> Void
    let resultDouble: @convention(c) (OpaquePointer?, Double) -> Void
    let resultText: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, Destructor?) -> Void
    let resultNull: @convention(c) (OpaquePointer?) -> Void
    let resultError: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Void
    let progressHandler: @convention(c) (OpaquePointer?, Int32, ProgressHandler?, UnsafeMutableRawPointer?) -> Void
    let libversion: @convention(c) () -> UnsafePointer<CChar>?

    /// The library, loaded on first use; `nil` when the system has none.
    static let shared: SQLiteLibrary? = DynamicLibrary.load(["libsqlite3.so.0", "libsqlite3.so"]) { library throws(DynamicLibrary.MissingSymbol) in
        try SQLiteLibrary(library)
    }

    private init(_ library: DynamicLibrary) throws(DynamicLibrary.MissingSymbol) {
        func symbol<T>(_ name: String) throws(DynamicLibrary.MissingSymbol) -> T { try library.symbol(name) }
        open = try symbol("sqlite3_open_v2")
        close = try symbol("sqlite3_close_v2")
        errmsg = try symbol("sqlite3_errmsg")
        exec = try symbol("sqlite3_exec")
        prepare = try symbol("sqlite3_prepare_v2")
        step = try symbol("sqlite3_step")
        finalize = try symbol("sqlite3_finalize")
        bindInt64 = try symbol("sqlite3_bind_int64")
        bindDouble = try symbol("sqlite3_bind_double")
        bindText = try symbol("sqlite3_bind_text")
        bindNull = try symbol("sqlite3_bind_null")
        columnCount = try symbol("sqlite3_column_count")
        columnType = try symbol("sqlite3_column_type")
        columnInt64 = try symbol("sqlite3_column_int64")
        columnDouble = try symbol("sqlite3_column_double")
        columnText = try symbol("sqlite3_column_text")
        columnBytes = try symbol("sqlite3_column_bytes")
        createFunction = try symbol("sqlite3_create_function_v2")
        userData = try symbol("sqlite3_user_data")
        valueType = try symbol("sqlite3_value_type")
        valueInt64 = try symbol("sqlite3_value_int64")
        valueDouble = try symbol("sqlite3_value_double")
        valueText = try symbol("sqlite3_value_text")
        valueBytes = try symbol("sqlite3_value_bytes")
        resultInt64 = try symbol("sqlite3_result_int64")
        resultDouble = try symbol("sqlite3_result_double")
        resultText = try symbol("sqlite3_result_text")
        resultNull = try symbol("sqlite3_result_null")
        resultError = try symbol("sqlite3_result_error")
        progressHandler = try symbol("sqlite3_progress_handler")
        libversion = try symbol("sqlite3_libversion")
    }
}
