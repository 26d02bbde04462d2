// The parser's set stages: `union`, the joins, and the subquery of `in (QUERY)`.

extension Parser {
    // join = [ "left" | "inner" | "full" | "semi" | "anti" ] , "join" , collection , "on" , join key ,
    //        { ( "," | "and" ) , join key } ;
    // join key = field , [ "=" , field ] ;
    mutating func parseJoin(_ start: Int) throws(StatementFailure) -> Stage {
        let kinds: [Keyword: JoinKind] = [.left: .left, .inner: .inner, .full: .full, .semi: .semi, .anti: .anti]
        let kind = current.keyword.flatMap { kinds[$0] } ?? .inner
        if current.keyword != .join { advance() }
        let keyword = try expect(.join, "\"join\"")
        let collection = try parseName("a collection to join")
        try expect(.on, "\"on\" and the key field")
        var keys: [JoinKey] = []
        repeat {
            let left = try parseName("a key field")
            let right = eat(.equal) ? try parseName("the key field of \(collection.text)") : left
            keys.append(JoinKey(left: left, right: right))
        } while eat(.comma) || eat(.and)
        let clause = JoinClause(kind: kind, collection: collection, keys: keys)
        return stage(.join(clause), start, keywordEnd: keyword.range.end)
    }

    // union = "union" , [ "distinct" ] , ( collection | "(" , query , ")" ) ;
    mutating func parseUnion(_ start: Int) throws(StatementFailure) -> Stage {
        var keyword = advance()
        if at(.distinct) { keyword = advance() }
        let distinct = keyword.isKeyword(.distinct)
        let sideStart = current.range.start
        let side: UnionClause.Side
        if at(.leftParen) {
            let open = advance()
            side = .query(try parseSubquery())
            try expectClosing(open)
        } else {
            guard at(.word) || at(.quotedName) else {
                throw failure(.expected("a collection or a query in brackets after \"union\"", found: current,
                                        hint: "write \"union victims\" or \"union (victims where status = \\\"rescued\\\")\""))
            }
            side = .source(try parseName("a collection to append"))
        }
        let clause = UnionClause(distinct: distinct, side: side, sideRange: range(from: sideStart))
        return stage(.union(clause), start, keywordEnd: keyword.range.end)
    }

    /// A query inside brackets, as the side of `union` or the list of `in`; nesting is bounded as for expressions.
    mutating func parseSubquery() throws(StatementFailure) -> Query {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range)) }
        return try parseQuery()
    }

    /// After `in (`: a query rather than a list, when a name is followed by a stage or `|`
    /// (`in (victims select country)`); a lone name is a field (`in (a)`).
    var atSubquery: Bool {
        guard at(.quotedName) || at(.word) && current.keyword == nil else { return false }
        let next = peek()
        if next.kind == .pipe { return true }
        guard next.kind == .word, let keyword = next.keyword, Keyword.stageStarts.contains(keyword) else { return false }
        return keyword != .left || peek(2).kind != .leftParen
    }
}
