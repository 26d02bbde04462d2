// What may follow the tokens of the stage being typed, one rule per stage of the grammar.

extension Expectation {
    /// The keywords that may follow a whole operand inside `where`.
    static let conditionWords = ["and", "or", "not", "in", "is", "between", "contains", "starts with",
                                         "ends with", "matches"]

    /// What may follow `stage`'s tokens.
    static func after(_ stage: StageTokens) -> Expectation {
        let tokens = stage.tokens[...]
        switch stage.keyword {
        case nil: return Expectation(stages: true)
        case .where?: return expression(tokens, then: conditionWords)
        case .select?: return select(tokens)
        case .sort?, .order?: return sort(tokens)
        case .limit?: return limit(tokens)
        case .distinct?: return fieldList(tokens, whenEmpty: Expectation(stages: true, fields: true))
        case .count?:
            guard let by = tokens.first else { return Expectation(keywords: ["by"], stages: true) }
            return by.isKeyword(.by) ? fieldList(tokens.dropFirst(), whenEmpty: Expectation(fields: true)) : .nothing
        case .summarize?: return summarize(tokens)
        case .join?, .left?, .inner?, .full?, .semi?, .anti?: return join(tokens, afterJoin: stage.keyword == .join)
        case .union?: return union(tokens)
        case .extend?: return extend(tokens)
        case .rename?: return rename(tokens)
        case .drop?: return fieldList(tokens, whenEmpty: Expectation(fields: true))
        case .top?: return top(tokens)
        case .chart?: return chart(tokens)
        // unnest = "unnest" , field ;
        case .unnest?: return tokens.isEmpty ? Expectation(fields: true) : tokens.count == 1 ? Expectation(stages: true) : .nothing
        case .pivot?: return pivot(tokens)
        case .unpivot?: return unpivot(tokens)
        case .why?: return why(tokens)
        default: return .nothing
        }
    }

    // select = "select" , select item , { "," , select item } ;
    // select item = "*" | new name , "=" , expression | expression , [ "as" , new name ] ;
    private static func select(_ tokens: ArraySlice<Token>) -> Expectation {
        if let window = window(tokens) { return window }
        if tokens.count >= 2, tokens[tokens.endIndex - 2].isKeyword(.as) { return Expectation(stages: true) }
        return windowsAllowed(expression(tokens, then: ["as"] + overKeyword(after: tokens)))
    }

    // extend = "extend" , new name , "=" , expression , { "," , new name , "=" , expression } ;
    private static func extend(_ tokens: ArraySlice<Token>) -> Expectation {
        let item = currentItem(tokens).item
        // The new column's name is the user's to choose; after its "=", an expression.
        guard item.count >= 2, item[item.startIndex + 1].kind == .equal else { return .nothing }
        if let window = window(item) { return window }
        return windowsAllowed(expression(item.dropFirst(2), then: overKeyword(after: item)))
    }

    // rename = "rename" , field , "as" , new name , { "," , field , "as" , new name } ;
    private static func rename(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let last = tokens.last, last.kind != .comma else { return Expectation(fields: true) }
        if last.isKeyword(.as) { return .nothing }   // a new name
        let before = tokens.count >= 2 ? tokens[tokens.endIndex - 2] : nil
        if before?.isKeyword(.as) == true { return Expectation(stages: true) }
        return CompletionContext.endsOperand(last) ? Expectation(keywords: ["as"]) : .nothing
    }

    // top = "top" , unary , "by" , sort key , { "," , sort key } ;
    private static func top(_ tokens: ArraySlice<Token>) -> Expectation {
        switch tokens.count {
        case 0: return .nothing   // a number
        case 1: return Expectation(keywords: ["by"])
        default:
            guard tokens[tokens.startIndex + 1].isKeyword(.by) else { return .nothing }
            if let last = tokens.last, last.isKeyword(.asc) || last.isKeyword(.desc) { return Expectation(stages: true) }
            return expression(tokens.dropFirst(2), then: ["desc", "asc"])
        }
    }

    // sort = ( "sort" | "order" ) , "by" , sort key , { "," , sort key } ;
    // sort key = expression , [ "asc" | "desc" ] ;
    private static func sort(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let by = tokens.first else { return Expectation(keywords: ["by"]) }
        guard by.isKeyword(.by) else { return .nothing }
        if let last = tokens.last, last.isKeyword(.asc) || last.isKeyword(.desc) { return Expectation(stages: true) }
        return expression(tokens.dropFirst(), then: ["desc", "asc"])
    }

    // limit = "limit" , unary , [ "offset" , unary ] ;
    private static func limit(_ tokens: ArraySlice<Token>) -> Expectation {
        switch tokens.count {
        case 1: return Expectation(keywords: ["offset"], stages: true)
        case 3: return Expectation(stages: true)
        default: return .nothing
        }
    }

    // field , { "," , field }: the fields of drop, distinct, unpivot and pivot's "by".
    private static func fieldList(_ tokens: ArraySlice<Token>, whenEmpty: Expectation) -> Expectation {
        guard let last = tokens.last else { return whenEmpty }
        if last.kind == .comma || last.isKeyword(.by) { return Expectation(fields: true) }
        return CompletionContext.endsOperand(last) ? Expectation(stages: true) : .nothing
    }

    /// The item being typed in a comma-separated list: the tokens after its last comma outside brackets.
    /// With `keyword`, the list may end there (outside brackets): then `rest` is that keyword and after.
    static func currentItem(_ tokens: ArraySlice<Token>, endingAt keyword: Keyword? = nil)
        -> (item: ArraySlice<Token>, rest: ArraySlice<Token>?) {
        var depth = 0
        var itemStart = tokens.startIndex
        for index in tokens.indices {
            switch tokens[index].kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .comma where depth == 0: itemStart = index + 1
            case .word where depth == 0 && keyword.map(tokens[index].isKeyword) == true: return (tokens[index...], tokens[index...])
            default: break
            }
        }
        return (tokens[itemStart...], nil)
    }

    // summarize = "summarize" , aggregation , { "," , aggregation } , [ "by" , group keys ] ;
    // aggregation = [ new name , "=" ] , expression ;
    private static func summarize(_ tokens: ArraySlice<Token>) -> Expectation {
        var (item, groups) = currentItem(tokens, endingAt: .by)
        if let groups { return fieldList(groups, whenEmpty: Expectation(fields: true)) }
        if item.count >= 2, item[item.startIndex + 1].kind == .equal { item = item.dropFirst(2) }
        if item.isEmpty { return Expectation(aggregates: true) }
        if item.count == 1 { return .nothing }   // a column name, before its `=`
        var after = expression(item, then: [])
        if after.stages {   // a whole aggregate call: more items, or its groups
            after.keywords = ["by"]
        }
        return after
    }

    /// What may follow the tokens of an expression (or a list of them); `then` are the keywords that
    /// may follow a whole operand, besides a new stage.
    static func expression(_ tokens: ArraySlice<Token>, then: [String]) -> Expectation {
        switch ExpressionPosition(after: tokens) {
        case .operand(let field, let inList):
            return Expectation(fields: true, functions: true, valuesOf: field, inList: inList)
        case .afterOperand(let nested):
            return nested ? .nothing : Expectation(keywords: then, stages: true)
        case .keywords(let words):
            return Expectation(keywords: words)
        case .nothing:
            return .nothing
        }
    }
}

/// Where an expression stands after its tokens: wanting an operand, after one, or wanting a keyword.
enum ExpressionPosition: Equatable {
    /// An operand may come: a field, a function, a literal; `valuesOf` names the field it is compared with.
    case operand(valuesOf: String?, inList: Bool)
    /// A whole operand was typed; `nested` when inside brackets.
    case afterOperand(nested: Bool)
    /// Only these keywords fit: `with` after `starts`, `null` after `is`.
    case keywords([String])
    /// Nothing to offer: after `as`, or text that does not parse.
    case nothing

    /// What an open bracket is: an `in (…)` list of values of a field, or anything else.
    private enum Bracket { case list(field: String?), other }

    init(after tokens: ArraySlice<Token>) {
        var brackets: [Bracket] = []
        for index in tokens.indices {
            switch tokens[index].kind {
            case .leftParen:
                let isList = index > tokens.startIndex && tokens[index - 1].isKeyword(.in)
                brackets.append(isList ? .list(field: Self.field(before: index - 1, in: tokens)) : .other)
            case .rightParen:
                _ = brackets.popLast()
            default: break
            }
        }
        guard let last = tokens.last else {
            self = .operand(valuesOf: nil, inList: false)
            return
        }
        let index = tokens.endIndex - 1
        switch last.kind {
        case .leftParen, .comma:
            if case .list(let field)? = brackets.last { self = .operand(valuesOf: field, inList: true) }
            else { self = .operand(valuesOf: nil, inList: false) }
        case .equal, .notEqual, .fuzzyEqual:
            self = .operand(valuesOf: Self.field(before: index, in: tokens), inList: false)
        case .less, .lessEqual, .greater, .greaterEqual, .plus, .minus, .slash, .percent, .concatenate:
            self = .operand(valuesOf: nil, inList: false)
        case .star where index > tokens.startIndex && CompletionContext.endsOperand(tokens[index - 1]):
            self = .operand(valuesOf: nil, inList: false)   // multiplication, not `select *`
        case .word:
            self = Self.afterWord(last, at: index, in: tokens, nested: !brackets.isEmpty)
        default:
            self = CompletionContext.endsOperand(last) ? .afterOperand(nested: !brackets.isEmpty) : .nothing
        }
    }

    private static func afterWord(_ word: Token, at index: Int, in tokens: ArraySlice<Token>, nested: Bool) -> ExpressionPosition {
        guard let keyword = word.keyword else { return .afterOperand(nested: nested) }
        switch keyword {
        case .and, .or, .by, .contains, .matches, .between:
            return .operand(valuesOf: nil, inList: false)
        case .with:   // `starts with`, `ends with`: a string, so values help
            return .operand(valuesOf: index > tokens.startIndex ? field(before: index - 1, in: tokens) : nil, inList: false)
        case .not:
            if index > tokens.startIndex, tokens[index - 1].isKeyword(.is) { return .keywords(["null"]) }
            return .operand(valuesOf: nil, inList: false)
        case .starts, .ends: return .keywords(["with"])
        case .is: return .keywords(["null", "not null"])
        case .null, .true, .false, .asc, .desc, .count: return .afterOperand(nested: nested)
        default: return .nothing
        }
    }

    /// The field named just before the operator at `index`, as in `country =` or `country not in`.
    private static func field(before index: Int, in tokens: ArraySlice<Token>) -> String? {
        var position = index - 1
        if position >= tokens.startIndex, tokens[position].isKeyword(.not) { position -= 1 }
        guard position >= tokens.startIndex else { return nil }
        let token = tokens[position]
        if token.kind == .quotedName || token.kind == .word && (token.keyword == nil || token.keyword == .count) {
            return token.text
        }
        return nil
    }
}
