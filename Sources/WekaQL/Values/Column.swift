// Typed columns: what a million rows are scanned over. Strings are dictionary-coded.

/// The distinct strings of a column, each with its code.
struct StringDictionary: Sendable {
    /// The strings, indexed by code.
    private(set) var values: [String] = []
    /// Keyed by bytes, so canonically equivalent spellings are different entries (see ``StringBytes``).
    private var codes: [UTF8Key: Int32] = [:]

    init() {}

    /// A dictionary of strings that are distinct byte sequences, coded in the order given.
    init(distinct values: [String]) {
        self.values = values
        codes.reserveCapacity(values.count)
        for (code, value) in values.enumerated() { codes[UTF8Key(value)] = Int32(code) }
    }

    /// The code of `text`, adding it if new.
    mutating func code(for text: String) -> Int32 {
        let key = UTF8Key(text)
        if let code = codes[key] { return code }
        let code = Int32(values.count)
        values.append(text)
        codes[key] = code
        return code
    }

    /// The code of `text`, if present.
    func existingCode(for text: String) -> Int32? { codes[UTF8Key(text)] }

    /// Each code's rank in code-point order, so that sorting compares integers.
    func sortRanks() -> [Int32] {
        let order = values.indices.sorted { StringBytes.compare(values[$0], values[$1]) < 0 }
        var ranks = [Int32](repeating: 0, count: values.count)
        for (rank, code) in order.enumerated() { ranks[code] = Int32(rank) }
        return ranks
    }
}

/// One column of a ``Table``: values of one type in a typed array, with nulls marked.
public struct Column: Sendable {
    enum Storage: Sendable {
        /// Every value is null; the type is unknown.
        case null(Int)
        /// 0 false, 1 true, 2 null.
        case boolean([UInt8])
        case integer([Int64], nulls: [Bool])
        /// Exact decimals: units, with their scales (see ``DecimalScales``).
        case decimal([Int64], scales: DecimalScales, nulls: [Bool])
        case float([Double], nulls: [Bool])
        /// Codes into the dictionary; -1 is null.
        case string([Int32], StringDictionary)
        /// Strings end to end, for columns with many distinct values.
        case text(TextStorage)
        case date([Int32], nulls: [Bool])
        /// Lists: each row's elements are a slice of one column of elements (see ``ListStorage``).
        indirect case list(ListStorage)
    }

    let storage: Storage

    /// The type of the values.
    public var type: ValueType {
        switch storage {
        case .null: return .null
        case .boolean: return .boolean
        case .integer: return .integer
        case .decimal: return .decimal
        case .float: return .float
        case .string, .text: return .string
        case .date: return .date
        case .list(let lists): return .list(of: lists.elements.type)
        }
    }

    /// The number of values.
    public var count: Int {
        switch storage {
        case .null(let n): return n
        case .boolean(let v): return v.count
        case .integer(let v, _): return v.count
        case .decimal(let v, _, _): return v.count
        case .float(let v, _): return v.count
        case .string(let v, _): return v.count
        case .text(let t): return t.count
        case .date(let v, _): return v.count
        case .list(let lists): return lists.count
        }
    }

    /// The value at `row`.
    public subscript(row: Int) -> Value {
        switch storage {
        case .null: return .null
        case .boolean(let v): return v[row] == 2 ? .null : .boolean(v[row] == 1)
        case .integer(let v, let nulls): return !nulls.isEmpty && nulls[row] ? .null : .integer(v[row])
        case .decimal(let v, let scales, let nulls):
            return !nulls.isEmpty && nulls[row] ? .null : .decimal(ExactDecimal(units: v[row], scale: scales[row])!)
        case .float(let v, let nulls): return !nulls.isEmpty && nulls[row] ? .null : .float(v[row])
        case .string(let codes, let dictionary): return codes[row] < 0 ? .null : .string(dictionary.values[Int(codes[row])])
        case .text(let t): return t.string(at: row).map(Value.string) ?? .null
        case .date(let v, let nulls): return !nulls.isEmpty && nulls[row] ? .null : .date(LocalDate(days: v[row]))
        case .list(let lists): return lists[row]
        }
    }

    /// The distinct non-null strings of a string column, in code order.
    var distinctStrings: [String] {
        if case .string(_, let dictionary) = storage { return dictionary.values }
        return []
    }

    /// A column holding the values at `rows`, in that order; an index of -1 gives null.
    func gathering(_ rows: [Int32]) -> Column {
        func pick<T>(_ v: [T], _ filler: T) -> [T] { rows.map { $0 < 0 ? filler : v[Int($0)] } }
        func pickNulls(_ nulls: [Bool]) -> [Bool] {
            if nulls.isEmpty && !rows.contains(where: { $0 < 0 }) { return [] }
            return rows.map { $0 < 0 || (!nulls.isEmpty && nulls[Int($0)]) }
        }
        switch storage {
        case .null: return Column(storage: .null(rows.count))
        case .boolean(let v): return Column(storage: .boolean(pick(v, 2)))
        case .integer(let v, let n): return Column(storage: .integer(pick(v, 0), nulls: pickNulls(n)))
        case .decimal(let v, let s, let n): return Column(storage: .decimal(pick(v, 0), scales: s.gathering(rows), nulls: pickNulls(n)))
        case .float(let v, let n): return Column(storage: .float(pick(v, 0), nulls: pickNulls(n)))
        case .string(let v, let d): return Column(storage: .string(pick(v, -1), d))
        case .text(let t): return Column(storage: .text(t.gathering(rows)))
        case .date(let v, let n): return Column(storage: .date(pick(v, 0), nulls: pickNulls(n)))
        case .list(let lists): return Column(storage: .list(lists.gathering(rows)))
        }
    }

    /// Builds a column of `type` from values that all fit it (integers widen to decimals, numbers to floats).
    init(type: ValueType, values: [Value]) {
        var builder = ColumnBuilder(type: type, capacity: values.count)
        for value in values { builder.append(value) }
        self = builder.build()
    }

    init(storage: Storage) { self.storage = storage }
}

/// Builds a ``Column`` value by value.
struct ColumnBuilder {
    let type: ValueType
    private var booleans: [UInt8] = []
    private var integers: [Int64] = []
    private var decimals = DecimalColumnBuilder()
    private var floats: [Double] = []
    private var codes: [Int32] = []
    private var dictionary = StringDictionary()
    private var nulls: [Bool] = []
    private var hasNull = false
    private(set) var count = 0
    /// For a list type: each row's elements, end to end, and where each row's end.
    private var lists = ListBuilder()

    init(type: ValueType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .boolean: booleans.reserveCapacity(capacity)
        case .integer, .date: integers.reserveCapacity(capacity)
        case .decimal: decimals.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        case .null, .list: break
        }
        if type != .string && type != .boolean && type != .null { nulls.reserveCapacity(capacity) }
    }

    /// Appends a value of the builder's type, or null.
    mutating func append(_ value: Value) {
        count += 1
        switch (type, value) {
        case (.null, _): break
        case (.boolean, .boolean(let b)): booleans.append(b ? 1 : 0)
        case (.boolean, _): booleans.append(2)
        case (.integer, .integer(let i)): integers.append(i); nulls.append(false)
        case (.decimal, .integer(let i)): decimals.append(ExactDecimal(integer: i)); nulls.append(false)
        case (.decimal, .decimal(let d)): decimals.append(d); nulls.append(false)
        case (.float, .integer(let i)): floats.append(Double(i)); nulls.append(false)
        case (.float, .decimal(let d)): floats.append(d.doubleValue); nulls.append(false)
        case (.float, .float(let d)): floats.append(d); nulls.append(false)
        case (.string, .string(let s)): codes.append(dictionary.code(for: s))
        case (.string, _): codes.append(-1)
        case (.date, .date(let d)): integers.append(Int64(d.days)); nulls.append(false)
        case (.list, .list(let elements)): lists.append(elements)
        default:
            appendNull()
            count -= 1
        }
    }

    /// Appends a null.
    mutating func appendNull() {
        count += 1
        switch type {
        case .null: break
        case .boolean: booleans.append(2)
        case .string: codes.append(-1)
        case .integer, .date: integers.append(0); nulls.append(true); hasNull = true
        case .decimal: decimals.append(0); nulls.append(true); hasNull = true
        case .list: lists.append(nil)
        case .float: floats.append(0); nulls.append(true); hasNull = true
        }
    }

    /// The finished column.
    func build() -> Column {
        let mask = hasNull ? nulls : []
        switch type {
        case .null: return Column(storage: .null(count))
        case .boolean: return Column(storage: .boolean(booleans))
        case .integer: return Column(storage: .integer(integers, nulls: mask))
        case .decimal: return Column(storage: .decimal(decimals.units, scales: decimals.scales, nulls: mask))
        case .float: return Column(storage: .float(floats, nulls: mask))
        case .string: return Column(storage: .string(codes, dictionary))
        case .date: return Column(storage: .date(integers.map { Int32(truncatingIfNeeded: $0) }, nulls: mask))
        case .list(let element): return Column(storage: .list(lists.build(elementType: element)))
        }
    }
}

/// The scales of a decimal column: one for every row (the common case: a column of prices), or one per row.
struct DecimalScales: Sendable {
    /// The scale of every row, when ``perRow`` is empty.
    var uniform: Int
    /// Each row's scale, when the rows differ (`1.5` and `2.25` keep their texts).
    var perRow: [UInt8]

    @inline(__always)
    subscript(row: Int) -> Int { perRow.isEmpty ? uniform : Int(perRow[row]) }

    /// The scales at `rows` (an index of -1, a null, gets scale 0).
    func gathering(_ rows: [Int32]) -> DecimalScales {
        if perRow.isEmpty { return self }
        return DecimalScales(uniform: uniform, perRow: rows.map { $0 < 0 ? 0 : perRow[Int($0)] })
    }
}

/// Collects decimals as units and scales, keeping one scale until a row differs.
struct DecimalColumnBuilder {
    private(set) var units: [Int64] = []
    private var uniform: Int? = nil
    private var perRow: [UInt8] = []

    mutating func reserveCapacity(_ n: Int) { units.reserveCapacity(n) }

    mutating func append(_ d: ExactDecimal) {
        units.append(d.units)
        if !perRow.isEmpty { perRow.append(UInt8(d.scale)); return }
        if uniform == nil { uniform = d.scale; return }
        if uniform != d.scale {
            perRow = [UInt8](repeating: UInt8(uniform!), count: units.count - 1)
            perRow.append(UInt8(d.scale))
        }
    }

    /// A null's slot: zero units at the column's scale.
    mutating func appendZero() {
        units.append(0)
        if !perRow.isEmpty { perRow.append(0) }
    }

    /// Appends another builder's rows after these.
    mutating func append(contentsOf other: DecimalColumnBuilder) {
        let count = units.count
        units.append(contentsOf: other.units)
        if perRow.isEmpty && other.perRow.isEmpty && (uniform == nil || other.uniform == nil || uniform == other.uniform) {
            uniform = uniform ?? other.uniform
            return
        }
        if perRow.isEmpty { perRow = [UInt8](repeating: UInt8(uniform ?? 0), count: count) }
        if other.perRow.isEmpty { perRow.append(contentsOf: repeatElement(UInt8(other.uniform ?? 0), count: other.units.count)) }
        else { perRow.append(contentsOf: other.perRow) }
    }

    var scales: DecimalScales { DecimalScales(uniform: uniform ?? 0, perRow: perRow) }
}
