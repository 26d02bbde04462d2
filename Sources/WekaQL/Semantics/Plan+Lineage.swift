// What a query's last stage asks of its lineage, checked.

/// `| why` or `| why not EXPR`, checked.
enum LineageRequest: Sendable {
    /// `why`: the input rows behind each result row.
    case why
    /// `why not EXPR`: where the source rows for which EXPR (over the source's fields) is true went;
    /// `text` is EXPR as written. With `joinStage`, EXPR is over the right side of that join (its index
    /// among the plan's stages), whose rows for which it is true are followed from the join on.
    case whyNot(BoundExpression, text: String, joinStage: Int?)
}
