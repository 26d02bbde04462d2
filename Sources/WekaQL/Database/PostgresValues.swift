// Values to and from PostgreSQL's text format: parameters are sent as text (each placeholder is cast to
// its type in the SQL), results come back as text and are read by the type OID of their column and the
// wekaql type of their field.

/// The rows of one PostgreSQL result, read into a wekaql table.
struct PostgresValues {
    let library: PostgresLibrary
    let result: OpaquePointer
    let database: String
    let statement: String
    let range: SourceRange?

    /// The wekaql type of a column of PostgreSQL type `oid` (a domain's base type): the integer kinds are
    /// integers, `numeric` exact decimals, `real` and `double precision` floats, `boolean`, `date`, and
    /// everything else text (its text form: timestamps, uuid, json, arrays…).
    static func type(oid: UInt32) -> ValueType {
        switch oid {
        case 16: return .boolean
        case 20, 21, 23, 26, 28: return .integer   // int8, int2, int4, oid, xid
        case 1700: return .decimal
        case 700, 701: return .float
        case 1082: return .date
        default: return .string
        }
    }

    /// A parameter's text, `nil` for null (SQL NULL).
    static func text(of value: Value) -> String? {
        switch value {
        case .null: return nil
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .decimal(let d): return d.description
        case .float(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return d.description
        case .string(let s): return s
        case .date(let d): return d.description
        case .list(let elements): return Value.list(elements).listJSON ?? "[]"
        }
    }

    /// The result as a table of `fields` (a field of unknown type takes its column's type by OID).
    func table(fields given: [Field]) throws(Diagnostic) -> Table {
        let rows = Int(library.tupleCount(result)), width = Int(library.fieldCount(result))
        var fields = given
        var columns: [Column] = []
        for index in 0..<min(width, fields.count) {
            let oid = library.fieldType(result, Int32(index))
            if fields[index].type == .null { fields[index].type = Self.type(oid: oid) }
            var values: [Value] = []
            values.reserveCapacity(rows)
            for row in 0..<rows { values.append(try value(row: row, column: index, oid: oid, as: fields[index].type)) }
            columns.append(Column(type: fields[index].type, values: values))
        }
        return Table(fields: Array(fields.prefix(columns.count)), columns: columns, rowCount: rows)
    }

    private func value(row: Int, column: Int, oid: UInt32, as type: ValueType) throws(Diagnostic) -> Value {
        let (r, c) = (Int32(row), Int32(column))
        if library.isNull(result, r, c) != 0 { return .null }
        let count = Int(library.length(result, r, c))
        let text = library.value(result, r, c).map { String(decoding: UnsafeRawBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
        if let value = Self.value(text, oid: oid, as: type) { return value }
        throw Diagnostic.databaseError(database, "row \(row + 1), column \(column + 1): \(Diagnostic.quoted(text)) is not \(Diagnostic.article(type.rawValue)) \(type.rawValue)",
                                       statement: statement, range: range)
    }

    /// The text of a value of PostgreSQL type `oid` as a wekaql value of `type`; `nil` when it is not one
    /// (a `numeric` past what an exact decimal holds, a date before year 1).
    static func value(_ text: String, oid: UInt32, as type: ValueType) -> Value? {
        switch type {
        case .string, .null: return .string(oid == 16 ? (text == "t" ? "true" : "false") : text)
        case .boolean: return text == "t" ? .boolean(true) : text == "f" ? .boolean(false) : nil
        case .integer: return Int64(text).map(Value.integer)
        case .decimal: return ExactDecimal(text).map(Value.decimal)
        case .float:
            switch text {
            case "Infinity": return .float(.infinity)
            case "-Infinity": return .float(-.infinity)
            default: return Double(text).map(Value.float)
            }
        case .date: return LocalDate(text).map(Value.date)
        case .list(let element): return PostgresArray.elements(text).flatMap { Self.list($0, of: element) }
        }
    }
}
