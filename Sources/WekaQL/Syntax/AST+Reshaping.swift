// The syntax of window functions (`rank() over (by continent sort by count desc)`) and of the stages
// that turn columns into rows and back (`pivot`, `unpivot`).

/// `f(x, …) over ([by KEY, …] [sort by EXPR [asc|desc], …])`.
public struct WindowCall: Sendable {
    /// The function: an aggregate (`sum`) or a rank function (`rank`, `lag`, …).
    public var function: Name
    /// Its arguments, as written.
    public var arguments: [Expression]
    /// `by`: rows with equal keys form one partition; none, the whole input is one.
    public var partition: [Expression]
    /// `sort by`: the order inside a partition; with it, an aggregate runs from the partition's first row
    /// to the current row and its peers.
    public var order: [SortKey]
    /// The `over` keyword, where errors about the window as a whole are placed.
    public var overRange: SourceRange

    var height: Int {
        let parts = arguments + partition + order.map(\.expression)
        return (parts.map(\.height).max() ?? 0) + 1
    }
}

/// `pivot FIELD [in (v, …)] using AGG(EXPR) [by FIELD, …]`.
public struct PivotClause: Sendable {
    /// The field whose values become columns.
    public var column: Name
    /// `in (…)`: the values, in the order of the columns; `nil` takes every value the rows have, sorted.
    public var values: [Expression]?
    /// The aggregate computed for each group and value, such as `sum(arrested)`.
    public var aggregate: Expression
    /// `by`: the fields whose values make the rows.
    public var keys: [Name]
}

/// `unpivot FIELD, … into NAME, VALUE`.
public struct UnpivotClause: Sendable {
    /// The fields turned into rows, in order.
    public var fields: [Name]
    /// The new column that holds which field a row came from.
    public var nameColumn: Name
    /// The new column that holds its value.
    public var valueColumn: Name
}
