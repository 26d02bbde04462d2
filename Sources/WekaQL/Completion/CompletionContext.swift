// Reads the text before the cursor as tokens: the word being typed, the statement and stage it is in,
// and so what may come next (a source, a stage, a field, a value…).

/// The word being typed at the cursor, which a candidate replaces.
enum PartialWord: Equatable {
    /// The cursor follows a space or punctuation.
    case none
    /// A bare word: the start of a keyword, a name or a function.
    case word(String)
    /// A name after an opening back-quote.
    case quotedName(String)
    /// The content so far of a string whose closing quote is not typed yet.
    case string(String)
}

/// What may be typed at the cursor.
struct Expectation: Equatable {
    /// Keywords that fit here, such as `by` after `sort`, or `and` after an operand.
    var keywords: [String] = []
    /// The stage keywords.
    var stages = false
    /// Collections and `let` names.
    var sources = false
    /// `let`, at the start of a statement.
    var letKeyword = false
    /// The fields of the rows entering the current stage.
    var fields = false
    /// Scalar functions.
    var functions = false
    /// Aggregates, at the start of a `summarize` item.
    var aggregates = false
    /// Window functions and aggregates, where `… over (…)` may be written (extend and select).
    var windowFunctions = false
    /// A field whose values may be typed here: after `country = ` or inside `country in (`.
    var valuesOf: String?
    /// Whether those values are items of `in (…)`, so no space follows one.
    var inList = false
    /// Another source whose fields may be typed here: the right key of `join C on a = `.
    var fieldsOf: String?
    /// Whether the fields (and values) are those of the query's source, not of the rows entering the
    /// stage: in `why not`'s condition.
    var ofSource = false

    static let nothing = Expectation()
}

/// The tokens of one stage: its keyword (`nil` right after a `|`) and what follows it.
struct StageTokens {
    var keyword: Keyword?
    /// Where the stage starts: its `|`, or its keyword.
    var start: Int
    var tokens: [Token] = []
}

/// The text before the cursor, read for completion.
struct CompletionContext {
    private(set) var partial = PartialWord.none
    /// Where the word being typed starts (the cursor when there is none).
    private(set) var partialStart: Int
    /// Where the statement holding the cursor starts.
    private(set) var statementStart: Int
    /// Where its query starts (after `let NAME =`), once there is one.
    private(set) var queryStart: Int?
    /// The source of the query, such as `arrests`, and where its name ends.
    private(set) var source: (name: String, end: Int)?
    /// Where each stage of the query starts; the last is the stage being typed.
    private(set) var stageStarts: [Int] = []
    private(set) var expectation = Expectation.nothing

    /// Reads `file`, whose text ends at the cursor.
    init(_ file: SourceFile) {
        let cursor = file.bytes.count
        partialStart = cursor
        statementStart = cursor
        var tokens = Array(Lexer.tokenize(file, keepComments: true).tokens.dropLast())
        if let last = tokens.last, last.range.end == cursor {
            guard let partial = Self.partial(last, in: file) else { return }   // in a comment or a number
            self.partial = partial
            if partial != .none {
                partialStart = last.range.start
                tokens.removeLast()
            }
        }
        let statement = Self.currentStatement(tokens.filter { $0.kind != .comment })
        statementStart = statement.first?.range.start ?? partialStart
        read(statement)
    }

    /// The word `token` is when it ends at the cursor; `nil` where nothing completes (a comment, a number).
    private static func partial(_ token: Token, in file: SourceFile) -> PartialWord? {
        switch token.kind {
        case .word: return .word(token.text)
        case .invalid where file.bytes[token.range.start] == UInt8(ascii: "\""): return .string(token.text)
        case .invalid where file.bytes[token.range.start] == UInt8(ascii: "`"): return .quotedName(token.text)
        case .comment, .integer, .decimal, .parameter, .invalid: return nil
        default: return PartialWord.none
        }
    }

    /// The tokens of the last statement: after the last `;` or statement-ending line break.
    private static func currentStatement(_ tokens: [Token]) -> [Token] {
        let laidOut = Layout.statementTokens(tokens)
        guard let end = laidOut.lastIndex(where: { $0.kind == .semicolon || $0.kind == .newline }) else { return laidOut }
        return Array(laidOut[(end + 1)...])
    }

    // statement = binding | assertion | [ "explain" ] , query ;
    // query = source , { [ "|" ] , stage } , [ [ "|" ] , why ] ;
    private mutating func read(_ statement: [Token]) {
        guard !statement.isEmpty else {
            expectation = Expectation(sources: true, letKeyword: true)
            return
        }
        var query = statement[...]
        if statement[0].isKeyword(.let) {
            guard statement.count >= 3, statement[2].kind == .equal else { return }   // a new name: nothing to offer
            query = statement[3...]
        }
        guard let first = query.first else {
            expectation.sources = true
            return
        }
        guard first.kind == .quotedName || first.kind == .word && first.keyword == nil else { return }
        queryStart = first.range.start
        source = (first.text, first.range.end)
        guard let stages = Self.stages(of: query.dropFirst(), after: first) else { return }
        stageStarts = stages.map(\.start)
        if let stage = stages.last {
            expectation = Expectation.after(stage)
        } else {
            expectation.stages = true
        }
    }

    /// Splits the tokens after a source into stages; `nil` if something there starts no stage.
    static func stages(of tokens: ArraySlice<Token>, after source: Token) -> [StageTokens]? {
        var stages: [StageTokens] = []
        var depth = 0
        var previous = source
        for index in tokens.indices {
            let token = tokens[index]
            defer { previous = token }
            if depth == 0 && token.kind == .pipe {
                stages.append(StageTokens(keyword: nil, start: token.range.start))
                continue
            }
            let next = index + 1 < tokens.endIndex ? tokens[index + 1] : nil
            if depth == 0, let keyword = stageKeyword(token, previous: previous, next: next) {
                if let last = stages.last, last.keyword == nil, last.tokens.isEmpty {
                    stages[stages.count - 1].keyword = keyword   // `| where`: the stage starts at its pipe
                } else {
                    stages.append(StageTokens(keyword: keyword, start: token.range.start))
                }
                continue
            }
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen { depth = max(0, depth - 1) }
            guard let last = stages.last, last.keyword != nil else { return nil }
            stages[stages.count - 1].tokens.append(token)
        }
        return stages
    }

    /// The stage `token` starts, if it starts one. `count` is also a field and a function, so it starts
    /// a stage only where a stage may follow; `join` after `left` belongs to the `left join` stage.
    private static func stageKeyword(_ token: Token, previous: Token, next: Token?) -> Keyword? {
        guard token.kind == .word, let keyword = token.keyword, Keyword.stageStarts.contains(keyword) else { return nil }
        switch keyword {
        case .count: return next?.kind != .leftParen && endsOperand(previous) ? keyword : nil
        case .join: return [.left, .inner, .full, .semi, .anti].contains(where: previous.isKeyword) ? nil : keyword
        case .distinct: return previous.isKeyword(.union) ? nil : keyword
        default: return keyword
        }
    }

    /// Whether an expression, a name or a stage can end with `token`, so that a stage may follow it.
    static func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .integer, .decimal, .quotedName, .rightParen, .parameter, .star: return true
        case .word:
            guard let keyword = token.keyword else { return true }
            return [.null, .true, .false, .asc, .desc, .count, .distinct].contains(keyword)
        default: return false
        }
    }
}
