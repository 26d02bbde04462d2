// One JSON column's values as they are parsed, before the column's type is known: what kind each row's
// value is, numbers as 64-bit payloads, strings straight into a text column builder. The type is chosen
// at the end exactly as the tree loader chooses it (JSONLoader.infer), from where each kind first appears.

struct JSONColumnValues {
    /// The kind of one row's value.
    enum Kind: UInt8, CaseIterable {
        case null, boolean, integer, decimal, float, string, nested

        var type: ValueType {
            switch self {
            case .null: return .null
            case .boolean: return .boolean
            case .integer: return .integer
            case .decimal: return .decimal
            case .float: return .float
            case .string, .nested: return .string
            }
        }
    }

    private(set) var count = 0
    private(set) var kinds: [UInt8] = []
    /// Per row: the integer, the decimal's units, the double's bits, or 1/0 for a boolean (made on first use).
    private var numbers: [Int64]?
    /// Per row, a decimal's scale (made on first use).
    private var scales: [UInt8]?
    /// The strings; null in the other rows (made on first use).
    private var text: TextColumnBuilder?
    /// Per row, a string's day number while every string is a date.
    private var days: [Int32]?
    private var recentDates = RecentDate()
    /// Whether every string so far is a date (`YYYY-MM-DD`).
    private(set) var allDates = true
    /// The arrays and objects, by row (read as trees: nested values take the tree loader's path).
    private(set) var nested: [(row: Int, value: JSON)] = []
    /// The first row of each kind, by `Kind.rawValue` (-1: none yet).
    private(set) var firstRow = [Int](repeating: -1, count: Kind.allCases.count)

    init(nulls: Int = 0) { appendNulls(nulls) }

    // MARK: - Appending

    @inline(__always)
    private mutating func begin(_ kind: Kind) {
        if firstRow[Int(kind.rawValue)] < 0 { firstRow[Int(kind.rawValue)] = count }
        kinds.append(kind.rawValue)
        count += 1
    }

    @inline(__always)
    private mutating func appendNumber(_ payload: Int64, kind: Kind) {
        if numbers == nil { numbers = [Int64](repeating: 0, count: count) }
        begin(kind)
        numbers!.append(payload)
        scales?.append(0)
        text?.appendNull()
        days?.append(0)
    }

    mutating func appendNull() {
        begin(.null)
        numbers?.append(0)
        scales?.append(0)
        text?.appendNull()
        days?.append(0)
    }

    mutating func appendNulls(_ n: Int) { for _ in 0..<n { appendNull() } }

    mutating func appendBoolean(_ b: Bool) { appendNumber(b ? 1 : 0, kind: .boolean) }
    mutating func appendInteger(_ i: Int64) { appendNumber(i, kind: .integer) }
    mutating func appendFloat(_ d: Double) { appendNumber(Int64(bitPattern: d.bitPattern), kind: .float) }

    mutating func appendDecimal(_ d: ExactDecimal) {
        if scales == nil { scales = [UInt8](repeating: 0, count: count) }
        appendNumber(d.units, kind: .decimal)
        scales![count - 1] = UInt8(d.scale)
    }

    /// Appends a string's bytes (valid UTF-8, escapes decoded).
    mutating func appendString(_ bytes: UnsafeBufferPointer<UInt8>) {
        if text == nil {
            var builder = TextColumnBuilder(capacity: count + 1024)
            for _ in 0..<count { builder.appendNull() }
            text = builder
            if allDates { days = [Int32](repeating: 0, count: count) }
        }
        begin(.string)
        numbers?.append(0)
        scales?.append(0)
        text!.append(bytes)
        if allDates {
            if let day = recentDates.days(bytes) { days!.append(day) } else { allDates = false; days = nil }
        }
    }

    mutating func appendNested(_ value: JSON) {
        nested.append((count, value))
        begin(.nested)
        numbers?.append(0)
        scales?.append(0)
        text?.appendNull()
        days?.append(0)
    }

    /// These rows followed by `other`'s.
    mutating func append(contentsOf other: JSONColumnValues) {
        for kind in Kind.allCases where firstRow[Int(kind.rawValue)] < 0 && other.firstRow[Int(kind.rawValue)] >= 0 {
            firstRow[Int(kind.rawValue)] = count + other.firstRow[Int(kind.rawValue)]
        }
        nested += other.nested.map { ($0.row + count, $0.value) }
        kinds.appendExactly(other.kinds)
        if numbers != nil || other.numbers != nil {
            numbers = (numbers ?? [Int64](repeating: 0, count: count)) + (other.numbers ?? [Int64](repeating: 0, count: other.count))
        }
        if scales != nil || other.scales != nil {
            scales = (scales ?? [UInt8](repeating: 0, count: count)) + (other.scales ?? [UInt8](repeating: 0, count: other.count))
        }
        let bothDates = allDates && other.allDates
        if text != nil || other.text != nil {
            var joined = text ?? Self.nullText(count)
            joined.appendContents(of: other.text ?? Self.nullText(other.count))
            if bothDates { days = (days ?? [Int32](repeating: 0, count: count)) + (other.days ?? [Int32](repeating: 0, count: other.count)) }
            text = joined
        }
        allDates = bothDates
        if !allDates { days = nil }
        count += other.count
    }

    private static func nullText(_ count: Int) -> TextColumnBuilder {
        var builder = TextColumnBuilder()
        for _ in 0..<count { builder.appendNull() }
        return builder
    }

    // MARK: - The column

    /// The column's type as JSONLoader.infer gives it for scalar values, and the first row whose kind does
    /// not go with the kinds before it (the row warning W0510 names).
    func scalarType() -> (type: ValueType, mismatch: Int?) {
        let seen = Kind.allCases.filter { $0 != .null && firstRow[Int($0.rawValue)] >= 0 }.sorted { firstRow[Int($0.rawValue)] < firstRow[Int($1.rawValue)] }
        var type = ValueType.null
        for kind in seen {
            guard let unified = type.unified(with: kind.type) else { return (.string, firstRow[Int(kind.rawValue)]) }
            type = unified
        }
        if type == .string && allDates && firstRow[Int(Kind.nested.rawValue)] < 0 { return (.date, nil) }
        return (type, nil)
    }

    /// The column built as `type` (from ``scalarType()``; no nested values).
    func column(as type: ValueType) -> Column {
        let mask = nullMask()
        switch type {
        case .null, .list: return Column(storage: .null(count))
        case .boolean: return Column(storage: .boolean(kinds.indices.map { kinds[$0] == Kind.boolean.rawValue ? UInt8(numbers![$0]) : 2 }))
        case .integer: return Column(storage: .integer(numbers!, nulls: mask))
        case .date: return Column(storage: .date(days!, nulls: mask))
        case .float:
            return Column(storage: .float(kinds.indices.map { row -> Double in
                switch Kind(rawValue: kinds[row])! {
                case .integer: return Double(numbers![row])
                case .decimal: return ExactDecimal(units: numbers![row], scale: Int(scales![row]))!.doubleValue
                case .float: return Double(bitPattern: UInt64(bitPattern: numbers![row]))
                default: return 0
                }
            }, nulls: mask))
        case .decimal:
            var decimals = DecimalColumnBuilder()
            decimals.reserveCapacity(count)
            for row in 0..<count {
                if kinds[row] == Kind.null.rawValue { decimals.appendZero(); continue }
                decimals.append(ExactDecimal(units: numbers![row], scale: Int(scales?[row] ?? 0))!)
            }
            return Column(storage: .decimal(decimals.units, scales: decimals.scales, nulls: mask))
        case .string:
            if firstRow[Int(Kind.string.rawValue)] >= 0 && kinds.allSatisfy({ $0 == Kind.string.rawValue || $0 == Kind.null.rawValue }) {
                return text!.build()
            }
            return mixedText()
        }
    }

    private func nullMask() -> [Bool] {
        guard firstRow[Int(Kind.null.rawValue)] >= 0 else { return [] }
        return kinds.map { $0 == Kind.null.rawValue }
    }

    /// A text column of strings and other values, each as its JSON text (as the tree loader writes them).
    private func mixedText() -> Column {
        let strings = text?.build()
        var builder = TextColumnBuilder(capacity: count)
        for row in 0..<count {
            let kind = Kind(rawValue: kinds[row])!
            if kind == .null { builder.appendNull(); continue }
            let written = kind == .string ? (strings![row].stringValue ?? "") : json(row: row).text
            var copy = written
            copy.withUTF8 { builder.append($0) }
        }
        return builder.build()
    }

    /// Row `row`'s value as the tree loader would have read it.
    func json(row: Int, strings: Column? = nil) -> JSON {
        switch Kind(rawValue: kinds[row])! {
        case .null: return .null
        case .boolean: return .boolean(numbers![row] != 0)
        case .integer: return .integer(numbers![row])
        case .decimal: return .decimal(ExactDecimal(units: numbers![row], scale: Int(scales![row]))!)
        case .float: return .float(Double(bitPattern: UInt64(bitPattern: numbers![row])))
        case .string: return .string((strings ?? text!.build())[row].stringValue ?? "")
        case .nested: return nested.first { $0.row == row }!.value
        }
    }

    /// Every row's value as the tree loader would have read it (for a column with nested values).
    func jsonValues() -> [JSON] {
        let strings = text?.build()
        var trees = nested.makeIterator()
        return (0..<count).map { row in
            if kinds[row] == Kind.nested.rawValue { return trees.next()!.value }
            return json(row: row, strings: strings)
        }
    }
}
