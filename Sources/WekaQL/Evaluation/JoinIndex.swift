// The build side of a hash join: the right table's rows indexed by their keys, built once and then
// probed by any left table (the whole left side in memory, or each chunk of a streamed one).

/// The right rows of each key, in right order. A null key (in a join on several keys, a null in any
/// of them) is not indexed: it never matches.
///
/// Each distinct right value of a key gets a small number, and a row's numbers combine into one
/// integer, so a left row is looked up without building an array; a dictionary-coded text key is
/// numbered once per distinct string, not once per row. (Should the numbers not fit in one integer,
/// the keys are looked up as arrays of values.)
struct JoinIndex: Sendable {
    private let numbers: [[Value: Int]]
    private let typedNumbers: [TypedKeyNumbers]
    private let radixes: [Int]
    private let byNumber: [Int: [Int32]]
    /// ``byNumber`` as a table over the combined numbers (empty for none), when there are few of them.
    private let byNumberDense: [[Int32]]?
    private let byValues: [[Value]: [Int32]]?

    /// Indexes `right` by the columns `keys`, calling `checkCancelled` once a row.
    init(right: Table, keys: [Int], _ checkCancelled: () throws(Diagnostic) -> Void) throws(Diagnostic) {
        let columns = keys.map { right.columns[$0] }
        var numbers = [[Value: Int]](repeating: [:], count: columns.count)
        var rightNumbers = [[Int]](repeating: [], count: columns.count)
        for (k, column) in columns.enumerated() {
            rightNumbers[k].reserveCapacity(right.rowCount)
            for row in 0..<right.rowCount {
                try checkCancelled()
                let value = column[row].normalizedForDistinct
                if value.isNull { rightNumbers[k].append(-1); continue }
                if let number = numbers[k][value] {
                    rightNumbers[k].append(number)
                } else {
                    rightNumbers[k].append(numbers[k].count)
                    numbers[k][value] = numbers[k].count
                }
            }
        }
        self.numbers = numbers
        typedNumbers = numbers.map(TypedKeyNumbers.init)
        radixes = numbers.map { max(1, $0.count) }
        var width = 1
        for radix in radixes {
            let (product, overflow) = width.multipliedReportingOverflow(by: radix)
            guard !overflow else {
                byNumber = [:]
                byNumberDense = nil
                byValues = try Self.valueIndex(columns, rows: right.rowCount, checkCancelled)
                return
            }
            width = product
        }
        var index: [Int: [Int32]] = [:]
        for row in 0..<right.rowCount {
            var key = 0
            for k in columns.indices {
                let number = rightNumbers[k][row]
                if number < 0 { key = -1; break }
                key = key * radixes[k] + number
            }
            if key >= 0 { index[key, default: []].append(Int32(row)) }
        }
        // A table when it is no wider than a couple of slots a right row (the dictionary costs more).
        byNumberDense = width <= max(4_096, 2 * right.rowCount) ? Self.dense(index, width: width) : nil
        byNumber = byNumberDense == nil ? index : [:]
        byValues = nil
    }

    /// A rough size of an index of `rows` right rows on `keys` keys, for the memory budget: a row
    /// index, its numbers, and a share of the dictionaries.
    static func estimatedBytes(rows: Int, keys: Int) -> Int {
        rows.multipliedReportingOverflow(by: 16 + 16 * keys).partialValue
    }

    /// For a row of the left table whose key columns are `leftKeys`, the right rows whose keys equal
    /// its keys (in right order), or `nil` for none.
    func matcher(_ leftKeys: [Column]) -> (Int) -> [Int32]? {
        if let byValues { return Self.valueMatcher(leftKeys, byValues) }
        let lookups = leftKeys.indices.map { typedNumbers[$0].lookup(leftKeys[$0]) ?? numberLookup(leftKeys[$0], numbers[$0]) }
        let index = byNumber, radixes = radixes
        if let dense = byNumberDense { return Self.denseMatcher(lookups, radixes, dense) }
        if lookups.count == 1, let lookup = lookups.first {
            return { row in
                let number = lookup(row)
                return number < 0 ? nil : index[number]
            }
        }
        return { row in
            var key = 0
            for k in lookups.indices {
                let number = lookups[k](row)
                if number < 0 { return nil }
                key = key * radixes[k] + number
            }
            return index[key]
        }
    }

    /// `index` as a table of `width` slots, the rows of combined number `i` at `i` (none: empty).
    private static func dense(_ index: [Int: [Int32]], width: Int) -> [[Int32]] {
        var table = [[Int32]](repeating: [], count: width)
        for (key, rows) in index { table[key] = rows }
        return table
    }

    private static func denseMatcher(_ lookups: [(Int) -> Int], _ radixes: [Int], _ dense: [[Int32]]) -> (Int) -> [Int32]? {
        { row in
            var key = 0
            for k in lookups.indices {
                let number = lookups[k](row)
                if number < 0 { return nil }
                key = key * radixes[k] + number
            }
            let rows = dense[key]
            return rows.isEmpty ? nil : rows
        }
    }

    /// The number of a left row's key value among the right's values, or -1 (null, or no right row has it).
    private func numberLookup(_ column: Column, _ numbers: [Value: Int]) -> (Int) -> Int {
        if case .string(let codes, let dictionary) = column.storage {
            let byCode = dictionary.values.map { numbers[.string($0)] ?? -1 }
            return { row in codes[row] < 0 ? -1 : byCode[Int(codes[row])] }
        }
        return { row in numbers[column[row].normalizedForDistinct] ?? -1 }
    }

    /// The right rows by their keys as arrays of values.
    private static func valueIndex(_ columns: [Column], rows: Int,
                                   _ checkCancelled: () throws(Diagnostic) -> Void) throws(Diagnostic) -> [[Value]: [Int32]] {
        var index: [[Value]: [Int32]] = [:]
        for row in 0..<rows {
            try checkCancelled()
            let key = columns.map { $0[row].normalizedForDistinct }
            if !key.contains(where: \.isNull) { index[key, default: []].append(Int32(row)) }
        }
        return index
    }

    private static func valueMatcher(_ leftKeys: [Column], _ index: [[Value]: [Int32]]) -> (Int) -> [Int32]? {
        { row in
            var key: [Value] = []
            key.reserveCapacity(leftKeys.count)
            for column in leftKeys {
                let value = column[row].normalizedForDistinct
                if value.isNull { return nil }
                key.append(value)
            }
            return index[key]
        }
    }
}
