// The parser's expression half: precedence climbing over the table `BinaryOperator.precedence`, with
// postfix forms (`in`, `is`, `between`, `not …`), prefix `not` and `-`, and primaries.

extension Parser {

    // expression = disjunction ;
    // disjunction, conjunction, negation, comparison, concatenation, additive and term: by precedence
    // climbing over `BinaryOperator.precedence`, with comparison tails (parsePostfix) after an operand.
    mutating func parseExpression(_ minimum: Int = 1) throws(StatementFailure) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range)) }
        var left = try parsePrefix(minimum)
        while true {
            // A run of operators (`a or b or …`) deepens the tree without nesting calls: bound it as well.
            guard left.height <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range, inChain: true)) }
            if atIsEmpty { return left }   // `assert QUERY is empty` ends the query here
            if let (op, width) = binaryOperator(), op.precedence >= minimum {
                if op.isComparison, isBareComparison(left) {
                    throw failure(.chainedComparison(range: current.range))
                }
                for _ in 0..<width { advance() }
                let right = try parseExpression(op.precedence + 1)
                left = Expression(kind: .binary(op, left, right), range: left.range.union(right.range))
            } else if BinaryOperator.comparisonPrecedence >= minimum, isBareComparison(left), at(.in) || at(.is) || at(.between) {
                throw failure(.chainedComparison(range: current.range))
            } else if BinaryOperator.comparisonPrecedence >= minimum, let postfix = try parsePostfix(left) {
                left = postfix
            } else {
                return left
            }
        }
    }

    /// The binary operator at the cursor and how many tokens it takes (`starts with` takes two).
    func binaryOperator() -> (BinaryOperator, Int)? {
        switch current.kind {
        case .equal: return (.equal, 1)
        case .notEqual: return (.notEqual, 1)
        case .less: return (.less, 1)
        case .lessEqual: return (.lessEqual, 1)
        case .greater: return (.greater, 1)
        case .greaterEqual: return (.greaterEqual, 1)
        case .fuzzyEqual: return (.fuzzyEqual, 1)
        case .plus: return (.add, 1)
        case .minus: return (.subtract, 1)
        case .star: return (.multiply, 1)
        case .slash: return (.divide, 1)
        case .percent: return (.remainder, 1)
        case .concatenate: return (.concatenate, 1)
        case .word: return wordOperator(at: 0)
        default: return nil
        }
    }

    func wordOperator(at offset: Int) -> (BinaryOperator, Int)? {
        let token = peek(offset)
        guard token.kind == .word else { return nil }
        switch token.keyword {
        case .and: return (.and, 1)
        case .or: return (.or, 1)
        case .contains: return (.contains, 1)
        case .matches: return (.matches, 1)
        case .starts where peek(offset + 1).isKeyword(.with): return (.startsWith, 2)
        case .ends where peek(offset + 1).isKeyword(.with): return (.endsWith, 2)
        default: return nil
        }
    }

    // comparison tail = comparison operator , concatenation
    //                 | [ "not" ] , text operator , concatenation
    //                 | [ "not" ] , "in" , "(" , [ expression list ] , ")"
    //                 | [ "not" ] , "in" , "(" , query , ")"
    //                 | [ "not" ] , "between" , concatenation , "and" , concatenation
    //                 | "is" , [ "not" ] , "null" ;
    // All but the first branch; comparison operators are binary operators of parseExpression.
    mutating func parsePostfix(_ left: Expression) throws(StatementFailure) -> Expression? {
        if at(.is) {
            advance()
            let negated = eat(.not)
            try expect(.null, "\"null\" after \"is\"")
            return Expression(kind: .isNull(left, negated: negated), range: range(from: left.range.start))
        }
        let negated = at(.not) && (peek().isKeyword(.in) || peek().isKeyword(.between) || wordOperator(at: 1).map { $0.0.isComparison } == true)
        if negated { advance() }
        if eat(.in) {
            try expect(.leftParen, "\"(\" after \"in\"")
            let open = previous
            if atSubquery {
                let query = try parseSubquery()
                try expectClosing(open)
                return Expression(kind: .inQuery(left, query, negated: negated), range: range(from: left.range.start))
            }
            var items: [Expression] = []
            if !at(.rightParen) {
                repeat { items.append(try parseExpression()) } while eat(.comma)
            }
            try expectClosing(open)
            return Expression(kind: .inList(left, items, negated: negated), range: range(from: left.range.start))
        }
        if eat(.between) {
            let low = try parseExpression(BinaryOperator.comparisonPrecedence + 1)
            try expect(.and, "\"and\" in \"between … and …\"")
            let high = try parseExpression(BinaryOperator.comparisonPrecedence + 1)
            return Expression(kind: .between(left, low, high, negated: negated), range: range(from: left.range.start))
        }
        if negated, let (op, width) = binaryOperator() {
            for _ in 0..<width { advance() }
            let right = try parseExpression(op.precedence + 1)
            let inner = Expression(kind: .binary(op, left, right), range: left.range.union(right.range))
            return Expression(kind: .unary(.not, inner), range: inner.range)
        }
        return nil
    }

    // unary = "-" , unary | primary ;
    // and the "not" of negation.
    mutating func parsePrefix(_ minimum: Int) throws(StatementFailure) -> Expression {
        let start = current.range.start
        if at(.not) {
            guard minimum <= BinaryOperator.notPrecedence else { throw failure(.misplacedNot(range: current.range)) }
            advance()
            let operand = try parseExpression(max(minimum, BinaryOperator.notPrecedence))
            return Expression(kind: .unary(.not, operand), range: range(from: start))
        }
        if at(.minus), peek().kind == .integer, peek().text == Lexer.int64MinMagnitude {
            advance()
            advance()
            return Expression(kind: .literal(.integer(.min)), range: range(from: start))
        }
        if eat(.minus) {
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range)) }
            let operand = try parsePrefix(BinaryOperator.multiply.precedence + 1)
            return Expression(kind: .unary(.negate, operand), range: range(from: start))
        }
        return try parsePrimary()
    }

    // primary = literal | PARAMETER | case | window | call | field | "(" , expression , ")" ;
    // literal = STRING | INTEGER | DECIMAL | "true" | "false" | "null" ;
    mutating func parsePrimary() throws(StatementFailure) -> Expression {
        let token = current
        switch token.kind {
        case .string: advance(); return Expression(kind: .literal(.string(token.text)), range: token.range)
        case .integer:
            advance()
            guard let value = Int64(token.text) else { throw failure(.integerTooLarge(token.text, range: token.range)) }
            return Expression(kind: .literal(.integer(value)), range: token.range)
        case .decimal:
            advance()
            // Exact when it has a point, no exponent and at most 18 digits (`1.50`); a float otherwise.
            if let exact = ExactDecimal(token.text) { return Expression(kind: .literal(.decimal(exact)), range: token.range) }
            guard let value = Double(token.text), value.isFinite else { throw failure(.decimalOutOfRange(token.text, range: token.range)) }
            return Expression(kind: .literal(.float(value)), range: token.range)
        case .parameter: advance(); return Expression(kind: .parameter(Name(text: token.text, range: token.range)), range: token.range)
        case .quotedName: advance(); return Expression(kind: .field(Name(text: token.text, range: token.range)), range: token.range)
        case .leftParen:
            let open = advance()
            let inner = try parseExpression()
            try expectClosing(open)
            let whole = range(from: open.range.start)
            parenthesized.insert(whole)
            return Expression(kind: inner.kind, range: whole)
        case .word: return try parseWordPrimary(token)
        default: throw failure(.expectedExpression(found: token))
        }
    }

    mutating func parseWordPrimary(_ token: Token) throws(StatementFailure) -> Expression {
        switch token.keyword {
        case .true?: advance(); return Expression(kind: .literal(.boolean(true)), range: token.range)
        case .false?: advance(); return Expression(kind: .literal(.boolean(false)), range: token.range)
        case .null?: advance(); return Expression(kind: .literal(.null), range: token.range)
        case .case?: return try parseCase()
        // `left` is also the function left(text, n): a keyword right before "(" is only that.
        case .left? where peek().kind == .leftParen:
            advance()
            return try parseWindowIfOver(try parseCall(Name(text: token.text, range: token.range)))
        case nil, .count?:
            advance()
            let name = Name(text: token.text, range: token.range)
            guard at(.leftParen) else { return Expression(kind: .field(name), range: token.range) }
            return try parseWindowIfOver(try parseCall(name))
        default:
            throw failure(.expectedExpression(found: token))
        }
    }

    // case = "case" , [ expression ] , when clause , { when clause } , [ "else" , expression ] , "end" ;
    // when clause = "when" , expression , "then" , expression ;
    // `case x when 1 then …` is `case when x = 1 then …`.
    mutating func parseCase() throws(StatementFailure) -> Expression {
        let open = advance()
        let subject = at(.when) ? nil : try parseExpression()
        var branches: [WhenClause] = []
        repeat {
            try expect(.when, branches.isEmpty ? "\"when\" in \"case\"" : "\"when\", \"else\" or \"end\" in \"case\"")
            var condition = try parseExpression()
            if let subject {
                condition = Expression(kind: .binary(.equal, subject, condition), range: condition.range)
            }
            try expect(.then, "\"then\" after the condition of \"when\"")
            branches.append(WhenClause(condition: condition, result: try parseExpression()))
        } while at(.when)
        let otherwise = eat(.else) ? try parseExpression() : nil
        guard eat(Keyword.end) else {
            let opened = file.location(of: open.range.start)
            throw failure(.expected("\"end\" to close \"case\" at line \(opened.line), column \(opened.column)", found: current,
                                    hint: "a case reads: case when CONDITION then VALUE … else VALUE end"))
        }
        return Expression(kind: .conditional(branches, otherwise: otherwise), range: range(from: open.range.start))
    }

    // call = function , "(" , [ expression list ] , ")" ;
    mutating func parseCall(_ name: Name) throws(StatementFailure) -> Expression {
        let open = advance()
        var arguments: [Expression] = []
        if !at(.rightParen) {
            repeat { arguments.append(try parseExpression()) } while eat(.comma)
        }
        try expectClosing(open)
        return Expression(kind: .call(name, arguments), range: range(from: name.range.start))
    }

    func isBareComparison(_ expression: Expression) -> Bool {
        expression.isComparison && !parenthesized.contains(expression.range)
    }

    /// Expects `)`, naming where the `(` was opened if it is missing.
    mutating func expectClosing(_ open: Token) throws(StatementFailure) {
        guard eat(.rightParen) else {
            throw failure(.unclosedParenthesis(found: current, openedAt: file.location(of: open.range.start), openRange: open.range))
        }
    }
}

extension Expression {
    /// Whether this is a comparison, which cannot be the left side of another (`a < b < c`).
    var isComparison: Bool {
        switch kind {
        case .binary(let op, _, _): return op.isComparison
        case .inList, .isNull, .between: return true
        default: return false
        }
    }
}
