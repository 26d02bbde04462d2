// Builds one typed column from CSV field bytes. A value that does not fit the expected type marks the
// builder as misfit; the loader then finds the column's true type and builds it again (or, for a column
// given a type, reports the value).

/// How a column's field text becomes values.
struct FieldReading: Sendable {
    /// Texts that mean null besides the empty field (`nulls=NA|-`).
    var nullTexts: [[UInt8]] = []
    /// Whether the column's type was given (`types=`): values are read leniently (`007` is 7).
    var given = false
    /// How dates are written, besides YYYY-MM-DD.
    var dateFormat: DateFormat?

    @inline(__always)
    func isNull(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.isEmpty || (!nullTexts.isEmpty && nullTexts.contains { $0.elementsEqual(bytes) })
    }
}

struct FieldColumnBuilder {
    let type: ValueType
    let reading: FieldReading
    /// `reading`'s two flags, copied out so that the per-field path reads no array.
    private let hasNullTexts: Bool
    private let lenient: Bool
    private(set) var misfit = false
    private var integers: [Int64] = []
    private var decimals = DecimalColumnBuilder()
    private var floats: [Double] = []
    private var booleans: [UInt8] = []
    private var days: [Int32] = []
    private var nulls: [Bool] = []
    private var hasNull = false
    private var text = TextColumnBuilder()
    /// Dates repeat (a day has many rows): recent ones, to skip parsing them again.
    private var recentDates = RecentDate()
    private(set) var count = 0

    init(type: ValueType, capacity: Int, reading: FieldReading = FieldReading()) {
        self.type = type
        self.reading = reading
        hasNullTexts = !reading.nullTexts.isEmpty
        lenient = reading.given
        switch type {
        case .integer: integers.reserveCapacity(capacity)
        case .decimal: decimals.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .date: days.reserveCapacity(capacity)
        case .string: text = TextColumnBuilder(capacity: capacity)
        case .null, .list: break
        }
    }

    /// Appends a field's bytes (already unquoted, valid UTF-8); empty is null.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.isEmpty || (hasNullTexts && reading.isNull(bytes)) { return appendNull() }
        count += 1
        switch type {
        case .string: return text.append(bytes)
        case .integer:
            let value = lenient ? TextScalars.anyInteger(bytes) : TextScalars.integer(bytes)
            integers.append(value ?? 0)
            misfit = misfit || value == nil
        case .decimal:
            let value = lenient ? TextScalars.anyDecimal(bytes) : TextScalars.decimal(bytes)
            decimals.append(value ?? ExactDecimal(integer: 0))
            misfit = misfit || value == nil
        case .float:
            let value = TextScalars.anyFloat(bytes)
            floats.append(value ?? 0)
            misfit = misfit || value == nil
        case .boolean:
            let value = lenient ? TextScalars.anyBoolean(bytes) : TextScalars.boolean(bytes)
            booleans.append(value.map { $0 ? 1 : 0 } ?? 2)
            misfit = misfit || value == nil
            return
        case .date:
            let value = recentDates.days(bytes) ?? reading.dateFormat?.date(bytes)?.days
            days.append(value ?? 0)
            misfit = misfit || value == nil
        case .null, .list:
            misfit = true
            return
        }
        if hasNull { nulls.append(false) }
    }

    mutating func appendNull() {
        count += 1
        switch type {
        case .string: text.appendNull(); return
        case .boolean: booleans.append(2); return
        case .null, .list: return
        case .integer: integers.append(0)
        case .decimal: decimals.appendZero()
        case .float: floats.append(0)
        case .date: days.append(0)
        }
        if !hasNull {
            hasNull = true
            nulls = [Bool](repeating: false, count: count - 1)
        }
        nulls.append(true)
    }

    /// This builder's rows followed by `other`'s (same type).
    mutating func appendContents(of other: FieldColumnBuilder) {
        misfit = misfit || other.misfit
        if hasNull || other.hasNull {
            if !hasNull { nulls = [Bool](repeating: false, count: count) }
            nulls += other.hasNull ? other.nulls : [Bool](repeating: false, count: other.count)
            hasNull = true
        }
        integers.appendExactly(other.integers)
        decimals.append(contentsOf: other.decimals)
        floats.appendExactly(other.floats)
        booleans.appendExactly(other.booleans)
        days.appendExactly(other.days)
        if type == .string { text.appendContents(of: other.text) }
        count += other.count
    }

    func build() -> Column {
        let mask = hasNull ? nulls : []
        switch type {
        case .null, .list: return Column(storage: .null(count))
        case .integer: return Column(storage: .integer(integers, nulls: mask))
        case .decimal: return Column(storage: .decimal(decimals.units, scales: decimals.scales, nulls: mask))
        case .float: return Column(storage: .float(floats, nulls: mask))
        case .boolean: return Column(storage: .boolean(booleans))
        case .date: return Column(storage: .date(days, nulls: mask))
        case .string: return text.build()
        }
    }
}

extension Array {
    /// Appends `other`, growing the storage to exactly the size needed rather than doubling it.
    mutating func appendExactly(_ other: [Element]) {
        guard !other.isEmpty else { return }
        reserveCapacity(count + other.count)
        append(contentsOf: other)
    }
}

/// Recently parsed dates by their text, compared as two machine words: a column of dates holds few
/// distinct days, so most rows are found here instead of being parsed again.
struct RecentDate {
    private static let size = 64
    private var heads = [UInt64](repeating: 0, count: RecentDate.size)
    private var tails = [UInt16](repeating: 0, count: RecentDate.size)
    private var values = [Int32](repeating: Int32.min, count: RecentDate.size)

    @inline(__always)
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt16, Int)? {
        guard bytes.count == 10, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        let head = raw.loadUnaligned(as: UInt64.self), tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let slot = Int(truncatingIfNeeded: ((head ^ UInt64(tail) << 48) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        return (head, tail, slot)
    }

    /// The day number of `bytes`, parsed (and remembered) if not seen lately; `nil` if it is no date.
    mutating func days(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let (head, tail, slot) = Self.key(bytes) else { return nil }
        if values[slot] != Int32.min, heads[slot] == head, tails[slot] == tail { return values[slot] }
        guard let date = TextScalars.date(bytes) else { return nil }
        (heads[slot], tails[slot], values[slot]) = (head, tail, date.days)
        return date.days
    }
}
