// The syntax of the two statements' parts that check and show results: `chart …` and `assert …`.

/// `chart KIND [x = FIELD] [y = FIELD, …] [by FIELD] [title "…"] [bins = N]`, as written.
public struct ChartClause: Sendable {
    /// The kind as written: `bar`, `column`, `line`, `hist` or `spark` (checked by the checker).
    public var kind: Name
    /// `x = FIELD`: the labels (or, for `hist`, the values binned).
    public var x: Name?
    /// `y = FIELD, …`: the series drawn.
    public var y: [Name]
    /// `by FIELD`: one series per value of the field.
    public var by: Name?
    /// `title "…"`.
    public var title: String?
    /// `bins = N` of `hist`, with the place of N.
    public var bins: (count: Int64, range: SourceRange)?
    /// The first option given a second time (the checker's error), if any.
    public var repeated: Name?
}

/// `assert QUERY [is empty] [, "message"]`.
public struct Assertion: Sendable {
    /// The query whose rows decide.
    public var query: Query
    /// `is empty`: the assertion holds when the query returns no row. Otherwise it holds when the query
    /// returns at least one row, each with a single column that is `true`.
    public var expectsEmpty: Bool
    /// The message shown when it fails.
    public var message: String?
}
