// The checked form of `union`: where each output column's values come from on each side.

/// A checked `union`: the output columns, each read from a column of a side, that side's name, or null.
struct UnionPlan: Sendable {
    /// What one output column holds for the rows of one side.
    enum ColumnSource: Sendable, Equatable {
        /// That side's column.
        case column(Int)
        /// The name of the side, for the `collection` column.
        case label(String)
        /// The side has no such column.
        case null
    }

    /// The rows appended: a collection or binding, or a query in brackets.
    indirect enum Side: Sendable {
        case source(SourceReference)
        case query(QueryPlan)
    }

    var side: Side
    /// For each output column, where the left rows' values come from; then the right rows'.
    var left: [ColumnSource]
    var right: [ColumnSource]
    var distinct: Bool
    var range: SourceRange
}
