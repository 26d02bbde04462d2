// The parser's part for lineage and explain: the last stage `why [not EXPR]` and the prefix `explain`.

extension Parser {
    // why = "why" , [ "not" , expression ] ;
    mutating func parseWhy() throws(StatementFailure) -> WhyClause {
        let start = advance().range.start
        let condition = eat(.not) ? try parseExpression() : nil
        return WhyClause(condition: condition, range: range(from: start))
    }

    // statement = binding | assertion | [ "explain" ] , query ;
    // The "explain" branch.
    mutating func parseExplain() throws(StatementFailure) -> Statement {
        let keyword = advance()
        if at(.let) { throw failure(.explainBinding(range: current.range)) }
        let query = try parseQuery()
        var statement = Statement(kind: .query(query), range: range(from: keyword.range.start))
        statement.explain = keyword.range
        return statement
    }
}

/// `why` or `why not EXPR`, the last stage of a query: the result is then its lineage.
public struct WhyClause: Sendable {
    /// The condition of `why not`, over the source's fields; `nil` for `why`.
    public var condition: Expression?
    /// The whole clause.
    public var range: SourceRange
}
