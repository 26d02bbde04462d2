// The numbers of a join's right key values looked up by a left column's raw integers (a date's day, an
// integer), without making and hashing a `Value` a row: most of a 1M-row join's probing was that.

/// The numbers ``JoinIndex`` gave the right's values of one kind (dates by their days, integers by
/// themselves), as a table over their range: made only when the range is small against their count.
struct JoinKeyNumbers: Sendable {
    private let lowest: Int64
    /// The number of the value `lowest + i` at `i` (-1 for none).
    private let table: [Int32]

    /// A table is made when the range is at most this many times the values' count, or this small.
    private static let densityLimit = 4
    private static let smallRange = 4_096

    /// The table of `numbers` (values and their numbers), or `nil` when there are none or their range is too wide.
    init?(_ numbers: [(value: Int64, number: Int)]) {
        guard let low = numbers.map(\.value).min(), let high = numbers.map(\.value).max() else { return nil }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Int64(max(Self.smallRange, Self.densityLimit * numbers.count)) else { return nil }
        var table = [Int32](repeating: -1, count: Int(span) + 1)
        for (value, number) in numbers { table[Int(value - low)] = Int32(number) }
        (lowest, self.table) = (low, table)
    }

    /// The number of the value `value`, or -1 when no right row has it.
    @inline(__always) func number(of value: Int64) -> Int {
        let (offset, overflow) = value.subtractingReportingOverflow(lowest)
        guard !overflow, offset >= 0, offset < Int64(table.count) else { return -1 }
        return Int(table[Int(offset)])
    }
}

/// The typed tables of one key's right values, made once with the index (not once a left chunk).
struct TypedKeyNumbers: Sendable {
    var dates: JoinKeyNumbers?
    var integers: JoinKeyNumbers?

    /// A left integer matches the right's values equal to it as integers (the decimals and floats the
    /// index normalised to them), a date only dates, as ``Value/normalizedForDistinct`` compares them.
    init(_ numbers: [Value: Int]) {
        dates = JoinKeyNumbers(numbers.compactMap { value, number in
            if case .date(let date) = value { (Int64(date.days), number) } else { nil }
        })
        integers = JoinKeyNumbers(numbers.compactMap { value, number in
            if case .integer(let integer) = value { (integer, number) } else { nil }
        })
    }

    /// A lookup of a date or integer column's rows by their raw values, when there is a table for
    /// its kind; `nil` otherwise (then values are looked up as values).
    func lookup(_ column: Column) -> ((Int) -> Int)? {
        switch column.storage {
        case .date(let days, let nulls):
            guard let byDay = dates else { return nil }
            if nulls.isEmpty { return { row in byDay.number(of: Int64(days[row])) } }
            return { row in nulls[row] ? -1 : byDay.number(of: Int64(days[row])) }
        case .integer(let values, let nulls):
            guard let byValue = integers else { return nil }
            if nulls.isEmpty { return { row in byValue.number(of: values[row]) } }
            return { row in nulls[row] ? -1 : byValue.number(of: values[row]) }
        default:
            return nil
        }
    }
}
