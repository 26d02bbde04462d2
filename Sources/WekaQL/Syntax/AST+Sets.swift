// The syntax of the set stages: `union`, and the kinds and keys of `join`.

/// Which rows a join keeps.
public enum JoinKind: String, Sendable, Hashable {
    /// `join` (or `inner join`): the pairs of rows whose keys are equal.
    case inner
    /// `left join`: as inner, plus each unmatched left row with nulls on the right.
    case left
    /// `full join`: as left, plus each unmatched right row with nulls on the left.
    case full
    /// `semi join`: each left row that has a match, once; the left's columns only.
    case semi
    /// `anti join`: each left row that has no match; the left's columns only.
    case anti

    /// The stage's words, as messages and help write them.
    public var words: String { self == .inner ? "join" : "\(rawValue) join" }
}

/// One key of a join: `FIELD` (the same name on both sides) or `LEFT = RIGHT`.
public struct JoinKey: Sendable {
    /// The key field of the rows so far.
    public var left: Name
    /// The key field of the joined collection (the same name when written `FIELD`).
    public var right: Name
}

/// `union [distinct] SOURCE` or `union [distinct] (QUERY)`.
public struct UnionClause: Sendable {
    /// What is appended: a collection or binding, or a query in brackets.
    public enum Side: Sendable {
        case source(Name)
        case query(Query)
    }
    /// `union distinct`: duplicate rows (of the whole result) are dropped.
    public var distinct: Bool
    /// The rows appended.
    public var side: Side
    /// Where the side is written, for messages.
    public var sideRange: SourceRange
}

extension Expression {
    /// The queries of `in (QUERY)` in this expression, outermost first.
    var subqueries: [Query] {
        switch kind {
        case .inQuery(let subject, let query, _): return [query] + subject.subqueries
        case .unary(_, let e), .isNull(let e, _): return e.subqueries
        case .binary(_, let a, let b): return a.subqueries + b.subqueries
        case .inList(let e, let items, _): return ([e] + items).flatMap(\.subqueries)
        case .between(let e, let low, let high, _): return [e, low, high].flatMap(\.subqueries)
        case .call(_, let arguments): return arguments.flatMap(\.subqueries)
        case .conditional(let branches, let otherwise):
            return branches.flatMap { $0.condition.subqueries + $0.result.subqueries } + (otherwise?.subqueries ?? [])
        default: return []
        }
    }
}
