// The parser: tokens to a `Program`, by recursive descent with one token of lookahead.
//
// Design: one parse function per grammar rule, each headed by its rule from `Grammar/wekaql.ebnf`;
// `at`/`eat`/`expect` helpers; precedence is the table `BinaryOperator.precedence`, walked by one
// function. A syntax error is thrown as a `ParseFailure`, recorded, and the parser skips ahead to the
// next stage keyword or statement end, so one run reports several errors. Statements with errors are
// left out of the program, so the checker never sees them.

/// Parses query text into a ``Program``.
public struct Parser {
    private let file: SourceFile
    private let tokens: [Token]
    private var index = 0
    private var diagnostics: [Diagnostic]
    /// Where the lexer found problems: their start offsets, sorted.
    private let lexicalErrors: [Int]
    /// The start of every diagnostic so far, to keep one per position without a scan per error.
    private var reportedStarts: Set<Int?>
    private var statementFailed = false
    /// The token where the last error was found: a stage that starts there and fails only for want of
    /// more text (`select where`) is that error's echo, not a second mistake.
    private var lastErrorToken = -1
    /// The ranges of parenthesised expressions: `(a < b) = c` is not a chained comparison.
    private var parenthesized: Set<SourceRange> = []
    /// Expression nesting depth, bounded so deep input is an error rather than a stack overflow.
    private var depth = 0
    static let maximumDepth = 256

    private struct ParseFailure: Error { var diagnostic: Diagnostic }

    private init(file: SourceFile) {
        self.file = file
        let lexed = Lexer.tokenize(file)
        self.tokens = Layout.statementTokens(lexed.tokens)
        self.diagnostics = lexed.diagnostics
        self.lexicalErrors = lexed.diagnostics.compactMap(\.range?.start).sorted()
        self.reportedStarts = Set(lexed.diagnostics.map(\.range?.start))
    }

    /// Parses `file`; returns the statements that parsed and every lexical and syntax problem.
    public static func parse(_ file: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
        var parser = Parser(file: file)
        let statements = parser.parseProgram()
        let located = parser.diagnostics.map { $0.located(in: file) }.sorted { ($0.range?.start ?? 0) < ($1.range?.start ?? 0) }
        return (Program(statements: statements, file: file), located)
    }

    // MARK: - Token helpers

    private var current: Token { tokens[index] }
    private var previous: Token { tokens[max(0, index - 1)] }

    private func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }
    private func at(_ kind: TokenKind) -> Bool { current.kind == kind }
    private func at(_ keyword: Keyword) -> Bool { current.isKeyword(keyword) }

    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private mutating func eat(_ kind: TokenKind) -> Bool {
        guard at(kind) else { return false }
        advance()
        return true
    }

    private mutating func eat(_ keyword: Keyword) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    @discardableResult
    private mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
        guard at(kind) else { throw failure(.expected(what, found: current)) }
        return advance()
    }

    @discardableResult
    private mutating func expect(_ keyword: Keyword, _ what: String? = nil) throws -> Token {
        guard at(keyword) else { throw failure(.expected(what ?? "\"\(keyword.rawValue)\"", found: current)) }
        return advance()
    }

    /// A failure to throw. At the end of a statement or of the input, the caret goes right after the
    /// last token, where the missing text belongs, rather than on the next line.
    private func failure(_ diagnostic: Diagnostic) -> ParseFailure {
        var diagnostic = diagnostic
        if atStatementEnd, index > 0, diagnostic.range == current.range {
            diagnostic.range = SourceRange(previous.range.end, previous.range.end)
        }
        return ParseFailure(diagnostic: diagnostic)
    }

    private var atStatementEnd: Bool { at(.newline) || at(.semicolon) || at(.end) }

    private func range(from start: Int) -> SourceRange { SourceRange(start, previous.range.end) }

    // MARK: - Statements

    // program -> { statement ( ";" | NEWLINE ) }
    private mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while true {
            while eat(.newline) || eat(.semicolon) {}
            if at(.end) { break }
            let before = index
            statementFailed = false
            if let statement = parseStatementRecovering(), !statementFailed, !hasLexicalError(in: statement.range) {
                statements.append(statement)
            }
            if index == before { advance() }
        }
        return statements
    }

    private mutating func parseStatementRecovering() -> Statement? {
        do {
            let statement = try parseStatement()
            if !atStatementEnd { throw failure(unexpectedInStatement()) }
            return statement
        } catch let error as ParseFailure {
            record(error)
            skipToStatementEnd()
            return nil
        } catch {
            return nil
        }
    }

    private mutating func record(_ error: ParseFailure) {
        statementFailed = true
        lastErrorToken = index
        // One error per position: a lexical error already covers an `.invalid` token.
        if reportedStarts.insert(error.diagnostic.range?.start).inserted {
            diagnostics.append(error.diagnostic)
        }
    }

    /// Whether the lexer reported a problem inside `range` (such a statement does not run).
    private func hasLexicalError(in range: SourceRange) -> Bool {
        // A binary search: a scan per statement would be quadratic in a program of many bad lines.
        var low = 0, high = lexicalErrors.count
        while low < high {
            let middle = (low + high) / 2
            if lexicalErrors[middle] < range.start { low = middle + 1 } else { high = middle }
        }
        return low < lexicalErrors.count && lexicalErrors[low] < max(range.end, range.start + 1)
    }

    private mutating func skipToStatementEnd() {
        while !atStatementEnd { advance() }
    }

    /// The error for a token that cannot continue a statement: often a misspelt stage.
    private func unexpectedInStatement() -> Diagnostic {
        if current.kind == .word, current.keyword == nil {
            return .unknownStage(current.text, range: current.range)
        }
        return .expected("a stage (where, select, sort by, …) or the end of the statement", found: current)
    }

    // statement -> "let" NAME "=" query | query
    private mutating func parseStatement() throws -> Statement {
        let start = current.range.start
        if eat(.let) {
            if at(.count) { throw failure(.keywordAsName(current.text, expected: "a name for the binding", range: current.range)) }
            let name = try parseName("a name for the binding")
            try expect(.equal, "\"=\" after the name in let")
            let query = try parseQuery()
            return Statement(kind: .binding(name, query), range: range(from: start))
        }
        let query = try parseQuery()
        return Statement(kind: .query(query), range: query.range)
    }

    // query -> NAME { [ "|" ] stage }
    private mutating func parseQuery() throws -> Query {
        let start = current.range.start
        guard at(.word) && current.keyword == nil || at(.quotedName) else {
            throw failure(.expectedSource(found: current))
        }
        let source = try parseName("a collection")
        var stages: [Stage] = []
        while !atStatementEnd {
            let pipe = eat(.pipe)
            guard current.kind == .word, let keyword = current.keyword, Keyword.stageStarts.contains(keyword) else {
                if pipe || current.kind == .word { throw failure(unexpectedInStatement()) }
                break
            }
            let stageStart = index
            do {
                stages.append(try parseStage(keyword))
            } catch let error as ParseFailure {
                if !(atStatementEnd && stageStart == lastErrorToken) { record(error) }
                skipToNextStage()
            }
        }
        return Query(source: source, stages: stages, range: range(from: start))
    }

    /// Recovery inside a statement: skip to the next `|` or stage keyword, or the statement end.
    private mutating func skipToNextStage() {
        while !atStatementEnd, !at(.pipe) {
            if current.kind == .word, let keyword = current.keyword, Keyword.stageStarts.contains(keyword),
               !(keyword == .count && peek().kind == .leftParen) {
                return
            }
            advance()
        }
    }

    // MARK: - Stages

    private mutating func parseStage(_ keyword: Keyword) throws -> Stage {
        let start = current.range.start
        switch keyword {
        case .where: return try parseWhere(start)
        case .select: return try parseSelect(start)
        case .sort, .order: return try parseSort(start)
        case .limit: return try parseLimit(start)
        case .distinct: return try parseDistinct(start)
        case .count: return try parseCount(start)
        case .summarize: return try parseSummarize(start)
        default: return try parseJoin(start)
        }
    }

    private func stage(_ kind: Stage.Kind, _ start: Int, keywordEnd: Int) -> Stage {
        Stage(kind: kind, keywordRange: SourceRange(start, keywordEnd), range: range(from: start))
    }

    // where -> "where" expression
    private mutating func parseWhere(_ start: Int) throws -> Stage {
        let keyword = advance()
        let condition = try parseExpression()
        return stage(.filter(condition), start, keywordEnd: keyword.range.end)
    }

    // select -> "select" selectItem { "," selectItem } ; selectItem -> "*" | expression [ "as" NAME ]
    private mutating func parseSelect(_ start: Int) throws -> Stage {
        let keyword = advance()
        var items: [SelectItem] = []
        repeat {
            if at(.star) {
                items.append(.all(advance().range))
            } else {
                let expression = try parseExpression()
                let alias = eat(.as) ? try parseName("a column name after \"as\"") : nil
                items.append(.expression(expression, alias: alias))
            }
        } while eat(.comma)
        return stage(.select(items), start, keywordEnd: keyword.range.end)
    }

    // sort -> ( "sort" | "order" ) "by" sortKey { "," sortKey } ; sortKey -> expression [ "asc" | "desc" ]
    private mutating func parseSort(_ start: Int) throws -> Stage {
        let word = advance()
        guard at(.by) else { throw failure(.expected("\"by\" after \"\(word.text)\"", found: current, hint: "write \"\(word.text) by FIELD\"")) }
        let by = advance()
        var keys: [SortKey] = []
        repeat {
            let expression = try parseExpression()
            let descending = eat(.desc)
            if !descending { _ = eat(.asc) }
            keys.append(SortKey(expression: expression, descending: descending))
        } while eat(.comma)
        return stage(.sort(keys), start, keywordEnd: by.range.end)
    }

    // limit -> "limit" unary [ "offset" unary ]   (a number, a $parameter, or -N for a clear error)
    private mutating func parseLimit(_ start: Int) throws -> Stage {
        let keyword = advance()
        let count = try parsePrefix(BinaryOperator.multiply.precedence + 1)
        let offset = eat(.offset) ? try parsePrefix(BinaryOperator.multiply.precedence + 1) : nil
        return stage(.limit(count: count, offset: offset), start, keywordEnd: keyword.range.end)
    }

    // distinct -> "distinct" [ fieldList ]
    private mutating func parseDistinct(_ start: Int) throws -> Stage {
        let keyword = advance()
        let fields = atFieldName ? try parseFieldList() : []
        return stage(.distinct(fields), start, keywordEnd: keyword.range.end)
    }

    // count -> "count" [ "by" fieldList ]
    private mutating func parseCount(_ start: Int) throws -> Stage {
        let keyword = advance()
        let fields = eat(.by) ? try parseFieldList() : []
        return stage(.count(by: fields), start, keywordEnd: keyword.range.end)
    }

    // summarize -> "summarize" aggregation { "," aggregation } [ "by" fieldList ]
    // aggregation -> [ NAME "=" ] NAME "(" [ expression ] ")"   (parsed as an expression; the checker
    //                                                          insists on an aggregate call)
    private mutating func parseSummarize(_ start: Int) throws -> Stage {
        let keyword = advance()
        var aggregations: [Aggregation] = []
        repeat {
            var name: Name?
            if (at(.word) || at(.quotedName)) && peek().kind == .equal {
                name = try parseName("a column name")
                advance()
            }
            let call = try parseExpression()
            aggregations.append(Aggregation(name: name, call: call))
        } while eat(.comma)
        let fields = eat(.by) ? try parseFieldList() : []
        return stage(.summarize(aggregations, by: fields), start, keywordEnd: keyword.range.end)
    }

    // join -> [ "left" | "inner" ] "join" NAME "on" NAME [ "=" NAME ]
    private mutating func parseJoin(_ start: Int) throws -> Stage {
        let isLeft = at(.left)
        if at(.left) || at(.inner) { advance() }
        let keyword = try expect(.join, "\"join\"")
        let collection = try parseName("a collection to join")
        try expect(.on, "\"on\" and the key field")
        let leftKey = try parseName("a key field")
        let rightKey = eat(.equal) ? try parseName("the key field of \(collection.text)") : leftKey
        let clause = JoinClause(isLeft: isLeft, collection: collection, leftKey: leftKey, rightKey: rightKey)
        return stage(.join(clause), start, keywordEnd: keyword.range.end)
    }

    // fieldList -> NAME { "," NAME }
    private mutating func parseFieldList() throws -> [Name] {
        var names = [try parseName("a field name")]
        while eat(.comma) { names.append(try parseName("a field name")) }
        return names
    }

    private var atFieldName: Bool {
        at(.quotedName) || (at(.word) && (current.keyword == nil))
    }

    /// A name: a word that is not a keyword (`count` is allowed, as it names the column `count` makes),
    /// or a back-quoted name.
    private mutating func parseName(_ what: String) throws -> Name {
        if at(.quotedName) || at(.word) && (current.keyword == nil || current.keyword == .count) {
            let token = advance()
            return Name(text: token.text, range: token.range)
        }
        if at(.word) { throw failure(.keywordAsName(current.text, expected: what, range: current.range)) }
        throw failure(.expected(what, found: current))
    }

    // MARK: - Expressions

    // expression -> prefix { binaryOperator expression | postfix } — by precedence climbing
    private mutating func parseExpression(_ minimum: Int = 1) throws -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range)) }
        var left = try parsePrefix(minimum)
        while true {
            // A run of operators (`a or b or …`) deepens the tree without nesting calls: bound it as well.
            guard left.height <= Self.maximumDepth else { throw failure(.nestingTooDeep(range: current.range, inChain: true)) }
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
    private func binaryOperator() -> (BinaryOperator, Int)? {
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
        case .word: return wordOperator(at: 0)
        default: return nil
        }
    }

    private func wordOperator(at offset: Int) -> (BinaryOperator, Int)? {
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

    // postfix -> [ "not" ] ( "in" "(" list ")" | "between" additive "and" additive | stringOperator additive )
    //          | "is" [ "not" ] "null"
    private mutating func parsePostfix(_ left: Expression) throws -> Expression? {
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

    // prefix -> "not" expression | "-" prefix | primary
    private mutating func parsePrefix(_ minimum: Int) throws -> Expression {
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

    // primary -> STRING | INTEGER | DECIMAL | "true" | "false" | "null" | PARAMETER
    //          | "(" expression ")" | NAME "(" [ expression { "," expression } ] ")" | NAME
    private mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .string: advance(); return Expression(kind: .literal(.string(token.text)), range: token.range)
        case .integer:
            advance()
            guard let value = Int64(token.text) else { throw failure(.integerTooLarge(token.text, range: token.range)) }
            return Expression(kind: .literal(.integer(value)), range: token.range)
        case .decimal:
            advance()
            guard let value = Double(token.text), value.isFinite else { throw failure(.decimalOutOfRange(token.text, range: token.range)) }
            return Expression(kind: .literal(.decimal(value)), range: token.range)
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

    private mutating func parseWordPrimary(_ token: Token) throws -> Expression {
        switch token.keyword {
        case .true?: advance(); return Expression(kind: .literal(.boolean(true)), range: token.range)
        case .false?: advance(); return Expression(kind: .literal(.boolean(false)), range: token.range)
        case .null?: advance(); return Expression(kind: .literal(.null), range: token.range)
        case nil, .count?:
            advance()
            let name = Name(text: token.text, range: token.range)
            guard at(.leftParen) else { return Expression(kind: .field(name), range: token.range) }
            return try parseCall(name)
        default:
            throw failure(.expectedExpression(found: token))
        }
    }

    private mutating func parseCall(_ name: Name) throws -> Expression {
        let open = advance()
        var arguments: [Expression] = []
        if !at(.rightParen) {
            repeat { arguments.append(try parseExpression()) } while eat(.comma)
        }
        try expectClosing(open)
        return Expression(kind: .call(name, arguments), range: range(from: name.range.start))
    }

    private func isBareComparison(_ expression: Expression) -> Bool {
        expression.isComparison && !parenthesized.contains(expression.range)
    }

    /// Expects `)`, naming where the `(` was opened if it is missing.
    private mutating func expectClosing(_ open: Token) throws {
        guard eat(.rightParen) else {
            throw failure(.unclosedParenthesis(found: current, openedAt: file.location(of: open.range.start), openRange: open.range))
        }
    }
}

private extension Expression {
    /// Whether this is a comparison, which cannot be the left side of another (`a < b < c`).
    var isComparison: Bool {
        switch kind {
        case .binary(let op, _, _): return op.isComparison
        case .inList, .isNull, .between: return true
        default: return false
        }
    }
}
