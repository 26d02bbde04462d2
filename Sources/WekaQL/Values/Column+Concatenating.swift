// Columns of one storage kind put end to end by copying their arrays, for stacking the tables of a
// streamed query's chunks without boxing every value.

extension Column {
    /// `columns` end to end as a column of `type`, when all are integers, floats, dates or booleans
    /// stored as that type; `nil` for any other mix (the caller then appends value by value).
    static func concatenating(_ columns: [Column], as type: ValueType) -> Column? {
        func nulls(_ parts: [(count: Int, nulls: [Bool])]) -> [Bool] {
            guard parts.contains(where: { !$0.nulls.isEmpty }) else { return [] }
            return parts.flatMap { $0.nulls.isEmpty ? [Bool](repeating: false, count: $0.count) : $0.nulls }
        }
        var integers: [Int64] = [], floats: [Double] = [], days: [Int32] = [], flags: [UInt8] = []
        var parts: [(count: Int, nulls: [Bool])] = []
        for column in columns {
            switch (column.storage, columns[0].storage) {
            case (.integer(let v, let n), .integer): integers += v; parts.append((v.count, n))
            case (.float(let v, let n), .float): floats += v; parts.append((v.count, n))
            case (.date(let v, let n), .date): days += v; parts.append((v.count, n))
            case (.boolean(let v), .boolean): flags += v
            default: return nil
            }
        }
        switch columns.first?.storage {
        case .integer where type == .integer: return Column(storage: .integer(integers, nulls: nulls(parts)))
        case .float where type == .float: return Column(storage: .float(floats, nulls: nulls(parts)))
        case .date where type == .date: return Column(storage: .date(days, nulls: nulls(parts)))
        case .boolean where type == .boolean: return Column(storage: .boolean(flags))
        default: return nil
        }
    }
}
