// The checked forms of window functions, `pivot` and `unpivot`.

/// The functions that only run over a window: they number or look at the rows around the current one.
enum WindowFunction: String, CaseIterable, Sendable {
    case row_number, rank, dense_rank, lag, lead

    /// Usage shown in hints, completion and `.help windows`.
    var signature: String {
        switch self {
        case .lag, .lead: return "\(rawValue)(value[, offset]) over (…)"
        default: return "\(rawValue)() over (…)"
        }
    }

    /// The accepted numbers of arguments.
    var arity: ClosedRange<Int> { self == .lag || self == .lead ? 1...2 : 0...0 }
}

/// One window function, checked: what it computes, over which partitions, in which order.
struct BoundWindow: Sendable {
    enum Computation: Sendable {
        /// An aggregate over the frame: the whole partition, or with an order its rows up to the current
        /// row's last peer.
        case aggregate(BoundAggregate)
        case rowNumber, rank, denseRank
        /// `lag` (negative) and `lead` (positive): the value `offset` rows away in the partition's order.
        case shifted(BoundExpression, offset: Int)
    }
    var computation: Computation
    var partition: [BoundExpression]
    var order: [(BoundExpression, descending: Bool)]
    /// The partition and order as written, so that windows over the same rows share one sort.
    var specification: String
    var type: ValueType
    var range: SourceRange
}

/// The window functions of one `extend` or `select`, computed before it into hidden columns.
struct WindowPlan: Sendable {
    var windows: [BoundWindow]
    /// A field per window, added after the input's fields.
    var fields: [Field]
}

/// A checked `pivot`: grouped by `keys` and `column`, then spread into a column per value.
struct PivotPlan: Sendable {
    var keys: [Int]
    var column: Int
    /// The values of `in (…)`, in column order; `nil` for every non-null value of the rows, sorted.
    var values: [Value]?
    var aggregate: BoundAggregate
    /// The key fields, which the output starts with.
    var keyFields: [Field]
    var range: SourceRange
}

/// A checked `unpivot`: the `kept` columns, then the name of one of `fields` and its value.
struct UnpivotPlan: Sendable {
    var kept: [Int]
    var fields: [Int]
    var names: [String]
    var valueType: ValueType
}
