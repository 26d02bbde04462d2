// The system's libpq (PostgreSQL's own client library), opened with dlopen the first time a PostgreSQL
// database is opened, never at start-up: as for libsqlite3 (SQLiteLibrary.swift), the functions are looked
// up with dlsym and called through typed C function pointers, so nothing is linked.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// libpq's C API, as function pointers into the loaded library.
struct PostgresLibrary: @unchecked Sendable {
    // Status codes of libpq-fe.h (part of libpq's stable ABI).
    static let connectionOK: Int32 = 0
    static let commandOK: Int32 = 1, tuplesOK: Int32 = 2
    /// PG_DIAG_SQLSTATE and PG_DIAG_MESSAGE_PRIMARY, for PQresultErrorField.
    static let sqlState = Int32(UInt8(ascii: "C")), primaryMessage = Int32(UInt8(ascii: "M"))

    let connect: @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    let status: @convention(c) (OpaquePointer?) -> Int32
    let errorMessage: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let finish: @convention(c) (OpaquePointer?) -> Void
    let sendQueryParams: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32, UnsafePointer<UInt32>?,
                                         UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?, Int32) -> Int32
    let getResult: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let consumeInput: @convention(c) (OpaquePointer?) -> Int32
    let isBusy: @convention(c) (OpaquePointer?) -> Int32
    let socket: @convention(c) (OpaquePointer?) -> Int32
    let resultStatus: @convention(c) (OpaquePointer?) -> Int32
    let resultErrorField: @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<CChar>?
    let clear: @convention(c) (OpaquePointer?) -> Void
    let tupleCount: @convention(c) (OpaquePointer?) -> Int32
    let fieldCount: @convention(c) (OpaquePointer?) -> Int32
    let fieldType: @convention(c) (OpaquePointer?, Int32) -> UInt32
    let value: @convention(c) (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    let length: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let isNull: @convention(c) (OpaquePointer?, Int32, Int32) -> Int32
    let getCancel: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let cancel: @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32
    let freeCancel: @convention(c) (OpaquePointer?) -> Void
    let database: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let user: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?

    /// The library, loaded on first use; `nil` when the system has none.
    static let shared: PostgresLibrary? = DynamicLibrary.load(["libpq.so.5", "libpq.so"]) { library throws(DynamicLibrary.MissingSymbol) in
        try PostgresLibrary(library)
    }

    private init(_ library: DynamicLibrary) throws(DynamicLibrary.MissingSymbol) {
        func symbol<T>(_ name: String) throws(DynamicLibrary.MissingSymbol) -> T { try library.symbol(name) }
        connect = try symbol("PQconnectdb")
        status = try symbol("PQstatus")
        errorMessage = try symbol("PQerrorMessage")
        finish = try symbol("PQfinish")
        sendQueryParams = try symbol("PQsendQueryParams")
        getResult = try symbol("PQgetResult")
        consumeInput = try symbol("PQconsumeInput")
        isBusy = try symbol("PQisBusy")
        socket = try symbol("PQsocket")
        resultStatus = try symbol("PQresultStatus")
        resultErrorField = try symbol("PQresultErrorField")
        clear = try symbol("PQclear")
        tupleCount = try symbol("PQntuples")
        fieldCount = try symbol("PQnfields")
        fieldType = try symbol("PQftype")
        value = try symbol("PQgetvalue")
        length = try symbol("PQgetlength")
        isNull = try symbol("PQgetisnull")
        getCancel = try symbol("PQgetCancel")
        cancel = try symbol("PQcancel")
        freeCancel = try symbol("PQfreeCancel")
        database = try symbol("PQdb")
        user = try symbol("PQuser")
    }
}
