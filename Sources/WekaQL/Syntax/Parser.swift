// The parser: tokens to a `Program`, by recursive descent with one token of lookahead.
//
// Design: one parse function per grammar rule, each headed by its rule from `Grammar/wekaql.ebnf`;
// `at`/`eat`/`expect` helpers; precedence is the table `BinaryOperator.precedence`, walked by one
// function. A syntax error is thrown as `StatementFailure.syntax`, recorded, and the parser skips ahead to the
// next stage keyword or statement end, so one run reports several errors. Statements with errors are
// left out of the program, so the checker never sees them.

/// Parses query text into a ``Program``.
public struct Parser {
    let file: SourceFile
    var tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic]
    /// The start of every diagnostic so far, to keep one per position without a scan per error.
    var reportedStarts: Set<Int?>
    var statementFailed = false
    /// The token where the last error was found: a stage that starts there and fails only for want of
    /// more text (`select where`) is that error's echo, not a second mistake.
    var lastErrorToken = -1
    /// The ranges of parenthesised expressions: `(a < b) = c` is not a chained comparison.
    var parenthesized: Set<SourceRange> = []
    /// Expression nesting depth, bounded so deep input is an error rather than a stack overflow.
    var depth = 0
    static let maximumDepth = 256

    init(file: SourceFile) {
        self.file = file
        let lexed = Lexer.tokenize(file)
        self.tokens = Layout.statementTokens(lexed.tokens)   // drops only line breaks, which carry no problem
        self.diagnostics = lexed.diagnostics
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

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }
    func at(_ kind: TokenKind) -> Bool { current.kind == kind }
    func at(_ keyword: Keyword) -> Bool { current.isKeyword(keyword) }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func eat(_ kind: TokenKind) -> Bool {
        guard at(kind) else { return false }
        advance()
        return true
    }

    mutating func eat(_ keyword: Keyword) -> Bool {
        guard at(keyword) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ what: String) throws(StatementFailure) -> Token {
        guard at(kind) else { throw failure(.expected(what, found: current)) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ keyword: Keyword, _ what: String? = nil) throws(StatementFailure) -> Token {
        guard at(keyword) else { throw failure(.expected(what ?? "\"\(keyword.rawValue)\"", found: current)) }
        return advance()
    }

    /// A failure to throw. At the end of a statement or of the input, the caret goes right after the
    /// last token, where the missing text belongs, rather than on the next line.
    func failure(_ diagnostic: Diagnostic) -> StatementFailure {
        var diagnostic = diagnostic
        if atStatementEnd, index > 0, diagnostic.range == current.range {
            diagnostic.range = SourceRange(previous.range.end, previous.range.end)
        }
        return .syntax(diagnostic)
    }

    var atStatementEnd: Bool { at(.newline) || at(.semicolon) || at(TokenKind.end) }

    func range(from start: Int) -> SourceRange { SourceRange(start, previous.range.end) }

    // MARK: - Statements

    // program = [ statement ] , { separator , [ statement ] } ;
    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        while true {
            while eat(.newline) || eat(.semicolon) {}
            if at(TokenKind.end) { break }
            let before = index
            statementFailed = false
            if let statement = parseStatementRecovering(), !statementFailed, !hasLexicalError(from: before) {
                statements.append(statement)
            }
            if index == before { advance() }
        }
        return statements
    }

    mutating func parseStatementRecovering() -> Statement? {
        do throws(StatementFailure) {
            let statement = try parseStatement()
            if !atStatementEnd { throw failure(unexpectedInStatement()) }
            return statement
        } catch {
            record(error)
            skipToStatementEnd()
            return nil
        }
    }

    mutating func record(_ error: StatementFailure) {
        statementFailed = true
        lastErrorToken = index
        let found: [Diagnostic]
        switch error {
        case .syntax(let diagnostic): found = [diagnostic]
        case .check(let diagnostics): found = diagnostics
        case .failedBinding: found = []
        }
        // One error per position: a lexical error already covers an `.invalid` token.
        for diagnostic in found where reportedStarts.insert(diagnostic.range?.start).inserted {
            diagnostics.append(diagnostic)
        }
    }

    /// Whether a token of the statement that starts at token `start` carries a lexical problem (such a
    /// statement does not run). Each statement's tokens are looked at once, so this is linear in the program.
    func hasLexicalError(from start: Int) -> Bool {
        tokens[start..<max(start, index)].contains { !$0.diagnostics.isEmpty }
    }

    mutating func skipToStatementEnd() {
        while !atStatementEnd { advance() }
    }

    /// The error for a token that cannot continue a statement: often a misspelt stage.
    func unexpectedInStatement() -> Diagnostic {
        if atIsEmpty { return .isEmptyOutsideAssert(range: SourceRange(current.range.start, peek().range.end)) }
        if let dotted = dottedNameError() { return dotted }
        if current.kind == .word, current.keyword == nil {
            return .unknownStage(current.text, range: current.range)
        }
        return .expected("a stage (where, select, sort by, …) or the end of the statement", found: current)
    }

    // statement = binding | assertion | [ "explain" ] , query ;
    // binding = "let" , NAME , "=" , query ;
    mutating func parseStatement() throws(StatementFailure) -> Statement {
        let start = current.range.start
        if at(.assert) { return try parseAssertion() }
        if eat(.let) {
            if at(.count) { throw failure(.keywordAsName(current.text, expected: "a name for the binding", range: current.range)) }
            let name = try parseName("a name for the binding")
            try expect(.equal, "\"=\" after the name in let")
            let query = try parseQuery()
            return Statement(kind: .binding(name, query), range: range(from: start))
        }
        if at(.explain) { return try parseExplain() }
        let query = try parseQuery()
        return Statement(kind: .query(query), range: query.range)
    }

    // query = source , { [ "|" ] , stage } , [ [ "|" ] , why ] ;
    mutating func parseQuery() throws(StatementFailure) -> Query {
        let start = current.range.start
        guard at(.word) && current.keyword == nil || at(.quotedName) else {
            throw failure(.expectedSource(found: current))
        }
        let source = try parseName("a collection")
        var stages: [Stage] = []
        var why: WhyClause?
        while !atStatementEnd && !atIsEmpty {
            let pipe = eat(.pipe)
            guard current.kind == .word, let keyword = current.keyword, Keyword.stageStarts.contains(keyword) else {
                if pipe || current.kind == .word { throw failure(unexpectedInStatement()) }
                break
            }
            if why != nil { throw failure(.whyNotLast(range: current.range)) }
            if keyword == .why {
                why = try parseWhy()
                continue
            }
            let stageStart = index
            do throws(StatementFailure) {
                stages.append(try parseStage(keyword))
            } catch {
                if !(atStatementEnd && stageStart == lastErrorToken) { record(error) }
                skipToNextStage()
            }
        }
        return Query(source: source, stages: stages, range: range(from: start), why: why)
    }

    /// Recovery inside a statement: skip to the next `|` or stage keyword, or the statement end.
    mutating func skipToNextStage() {
        while !atStatementEnd, !at(.pipe) {
            if current.kind == .word, let keyword = current.keyword, Keyword.stageStarts.contains(keyword),
               !(keyword == .count && peek().kind == .leftParen) {
                return
            }
            advance()
        }
    }

    // MARK: - Stages

    // stage = where | select | extend | rename | drop | sort | top | limit | distinct | count | summarize
    //       | join | chart | unnest | union | pivot | unpivot ;
    // Each alternative by the keyword that starts it (StageWord.all); `why` is parsed by parseQuery.
    mutating func parseStage(_ keyword: Keyword) throws(StatementFailure) -> Stage {
        let start = current.range.start
        switch keyword {
        case .where: return try parseWhere(start)
        case .select: return try parseSelect(start)
        case .sort, .order: return try parseSort(start)
        case .limit: return try parseLimit(start)
        case .distinct: return try parseDistinct(start)
        case .count: return try parseCount(start)
        case .summarize: return try parseSummarize(start)
        case .extend: return try parseExtend(start)
        case .rename: return try parseRename(start)
        case .drop: return try parseDrop(start)
        case .top: return try parseTop(start)
        case .chart: return try parseChart(start)
        case .unnest: return try parseUnnest(start)
        case .union: return try parseUnion(start)
        case .pivot: return try parsePivot(start)
        case .unpivot: return try parseUnpivot(start)
        default: return try parseJoin(start)
        }
    }

    func stage(_ kind: Stage.Kind, _ start: Int, keywordEnd: Int) -> Stage {
        Stage(kind: kind, keywordRange: SourceRange(start, keywordEnd), range: range(from: start))
    }

    // where = "where" , expression ;
    mutating func parseWhere(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let condition = try parseExpression()
        return stage(.filter(condition), start, keywordEnd: keyword.range.end)
    }

    // select = "select" , select item , { "," , select item } ;
    // select item = "*" | new name , "=" , expression | expression , [ "as" , new name ] ;
    mutating func parseSelect(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        var items: [SelectItem] = []
        repeat {
            if at(.star) {
                items.append(.all(advance().range))
            } else if atAssignment {
                // `select m = x` names a column, as in `summarize`; a comparison is bracketed: `(m = x)`.
                let name = try parseName("a column name")
                advance()
                items.append(.expression(try parseExpression(), alias: name))
            } else {
                let expression = try parseExpression()
                let alias = eat(.as) ? try parseName("a column name after \"as\"") : nil
                items.append(.expression(expression, alias: alias))
            }
        } while eat(.comma)
        return stage(.select(items), start, keywordEnd: keyword.range.end)
    }

    // sort = ( "sort" | "order" ) , "by" , sort key , { "," , sort key } ;
    mutating func parseSort(_ start: Int) throws(StatementFailure) -> Stage {
        let word = advance()
        guard at(.by) else { throw failure(.expected("\"by\" after \"\(word.text)\"", found: current, hint: "write \"\(word.text) by FIELD\"")) }
        let by = advance()
        let keys = try parseSortKeys()   // before `stage`, which reads the parser's position
        return stage(.sort(keys), start, keywordEnd: by.range.end)
    }

    // sort key = expression , [ "asc" | "desc" ] ;
    // One or more, separated by ",": the keys of sort, top and window.
    mutating func parseSortKeys() throws(StatementFailure) -> [SortKey] {
        var keys: [SortKey] = []
        repeat {
            let expression = try parseExpression()
            let descending = eat(.desc)
            if !descending { _ = eat(.asc) }
            keys.append(SortKey(expression: expression, descending: descending))
        } while eat(.comma)
        return keys
    }

    // limit = "limit" , unary , [ "offset" , unary ] ;
    // The count: a number, a $parameter, or -N for a clear error.
    mutating func parseLimit(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let count = try parsePrefix(BinaryOperator.multiply.precedence + 1)
        let offset = eat(.offset) ? try parsePrefix(BinaryOperator.multiply.precedence + 1) : nil
        return stage(.limit(count: count, offset: offset), start, keywordEnd: keyword.range.end)
    }

    // distinct = "distinct" , [ NAME , { "," , field } ] ;
    mutating func parseDistinct(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let fields = atFieldName ? try parseFieldList() : []
        return stage(.distinct(fields), start, keywordEnd: keyword.range.end)
    }

    // count = "count" , [ "by" , group keys ] ;
    mutating func parseCount(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let fields = eat(.by) ? try parseGroupKeys() : []
        return stage(.count(by: fields), start, keywordEnd: keyword.range.end)
    }

    // summarize = "summarize" , aggregation , { "," , aggregation } , [ "by" , group keys ] ;
    // aggregation = [ new name , "=" ] , expression ;
    // The checker insists on aggregate calls in an aggregation.
    mutating func parseSummarize(_ start: Int) throws(StatementFailure) -> Stage {
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
        let fields = eat(.by) ? try parseGroupKeys() : []
        return stage(.summarize(aggregations, by: fields), start, keywordEnd: keyword.range.end)
    }

    // group keys = group key , { "," , group key } ;
    // group key = [ new name , "=" ] , expression ;
    mutating func parseGroupKeys() throws(StatementFailure) -> [GroupKey] {
        var keys: [GroupKey] = []
        repeat {
            var name: Name?
            if (at(.word) || at(.quotedName)) && peek().kind == .equal {
                name = try parseName("a column name")
                advance()
            }
            // Where no expression can start (a stage keyword, the end), say a field was expected, as for names.
            let startsExpression: Set<Keyword> = [.count, .true, .false, .null, .case, .not, .left]
            if atStatementEnd || (at(.word) && current.keyword.map { !startsExpression.contains($0) } == true) {
                _ = try parseName("a field name")
            }
            keys.append(GroupKey(name: name, expression: try parseExpression()))
        } while eat(.comma)
        return keys
    }

    // extend = "extend" , new name , "=" , expression , { "," , new name , "=" , expression } ;
    mutating func parseExtend(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        var assignments: [Assignment] = []
        repeat {
            let name = try parseName("a column name")
            guard at(.equal), current.text == "=" else {
                throw failure(.expected("\"=\" after the column name", found: current,
                                        hint: "write \"extend \(name.text) = EXPRESSION\""))
            }
            advance()
            assignments.append(Assignment(name: name, expression: try parseExpression()))
        } while eat(.comma)
        return stage(.extend(assignments), start, keywordEnd: keyword.range.end)
    }

    // rename = "rename" , field , "as" , new name , { "," , field , "as" , new name } ;
    mutating func parseRename(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        var renamings: [Renaming] = []
        repeat {
            let old = try parseName("a field to rename")
            try expect(.as, "\"as\" and the new name")
            renamings.append(Renaming(old: old, new: try parseName("a new name after \"as\"")))
        } while eat(.comma)
        return stage(.rename(renamings), start, keywordEnd: keyword.range.end)
    }

    // drop = "drop" , field , { "," , field } ;
    mutating func parseDrop(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let fields = try parseFieldList()
        return stage(.drop(fields), start, keywordEnd: keyword.range.end)
    }

    // top = "top" , unary , "by" , sort key , { "," , sort key } ;
    // The count is as in limit.
    mutating func parseTop(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let count = try parsePrefix(BinaryOperator.multiply.precedence + 1)
        guard at(.by) else { throw failure(.expected("\"by\" after the count", found: current, hint: "write \"top 3 by FIELD desc\"")) }
        advance()
        let keys = try parseSortKeys()
        return stage(.top(count: count, by: keys), start, keywordEnd: keyword.range.end)
    }

    /// At `NAME =` (a single "=", not "=="), where NAME may be `count`, as ``parseName(_:)`` allows.
    var atAssignment: Bool {
        let isName = at(.quotedName) || at(.word) && (current.keyword == nil || current.keyword == .count)
        return isName && peek().kind == .equal && peek().text == "="
    }

    // field , { "," , field }: the fields of drop, distinct, unpivot and pivot's "by".
    mutating func parseFieldList() throws(StatementFailure) -> [Name] {
        var names = [try parseName("a field name")]
        while eat(.comma) { names.append(try parseName("a field name")) }
        return names
    }

    var atFieldName: Bool {
        at(.quotedName) || (at(.word) && (current.keyword == nil))
    }

    // name = NAME | "count" ;
    /// A name: a word that is not a keyword (`count` is allowed, as it names the column `count` makes),
    /// or a back-quoted name.
    mutating func parseName(_ what: String) throws(StatementFailure) -> Name {
        if at(.quotedName) || at(.word) && (current.keyword == nil || current.keyword == .count) {
            let token = advance()
            return Name(text: token.text, range: token.range)
        }
        if at(.word) { throw failure(.keywordAsName(current.text, expected: what, range: current.range)) }
        throw failure(.expected(what, found: current))
    }

}
