// What may follow inside `over (…)` of a window function, and in the `pivot` and `unpivot` stages.

extension Expectation {
    /// Inside an `over (` left open: `by` and `sort by` first, then expressions of each part; `nil`
    /// when the tokens are not inside one.
    static func window(_ tokens: ArraySlice<Token>) -> Expectation? {
        var open: [Int] = []
        for index in tokens.indices {
            if tokens[index].kind == .leftParen { open.append(index) }
            if tokens[index].kind == .rightParen { _ = open.popLast() }
        }
        guard let paren = open.last, paren > tokens.startIndex, tokens[paren - 1].isKeyword(.over) else { return nil }
        let inner = tokens[(paren + 1)...]
        guard let first = inner.first else { return Expectation(keywords: ["by", "sort by"]) }
        var inside: Expectation
        if let sort = inner.firstIndex(where: { $0.isKeyword(.sort) || $0.isKeyword(.order) }) {
            guard sort + 1 < inner.endIndex else { return Expectation(keywords: ["by"]) }
            if let last = inner.last, last.isKeyword(.asc) || last.isKeyword(.desc) { return Expectation(keywords: [")"]) }
            inside = expression(inner[(sort + 2)...], then: ["desc", "asc"])
        } else if first.isKeyword(.by) {
            inside = expression(inner, then: ["sort by"])
        } else {
            return .nothing
        }
        inside.stages = false
        return inside
    }

    /// `over`, when the tokens end with a whole call of an aggregate or a window function.
    static func overKeyword(after tokens: ArraySlice<Token>) -> [String] {
        guard let last = tokens.last, last.kind == .rightParen else { return [] }
        var depth = 0
        for index in tokens.indices.reversed() {
            if tokens[index].kind == .rightParen { depth += 1 }
            if tokens[index].kind == .leftParen { depth -= 1 }
            guard depth == 0 else { continue }
            guard index > tokens.startIndex else { return [] }
            let name = tokens[index - 1].text.lowercased()
            let windowed = AggregateFunction(rawValue: name) != nil || WindowFunction(rawValue: name) != nil
            return windowed ? ["over"] : []
        }
        return []
    }

    /// Where an operand may come in extend or select, window functions and aggregates may too.
    static func windowsAllowed(_ expectation: Expectation) -> Expectation {
        var expectation = expectation
        if expectation.functions { expectation.windowFunctions = true }
        return expectation
    }

    // pivot = "pivot" , field , [ "in" , "(" , expression list , ")" ] , "using" , expression ,
    //         [ "by" , field , { "," , field } ] ;
    static func pivot(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let last = tokens.last else { return Expectation(fields: true) }
        if let by = tokens.firstIndex(where: { $0.isKeyword(.by) }) { return fieldListAfter(tokens[(by + 1)...]) }
        if let using = tokens.firstIndex(where: { $0.isKeyword(.using) }) {
            let call = tokens[(using + 1)...]
            if call.isEmpty { return Expectation(aggregates: true) }
            return last.kind == .rightParen && ExpressionPosition(after: call) == .afterOperand(nested: false)
                ? Expectation(keywords: ["by"], stages: true) : expression(call, then: [])
        }
        if tokens.count == 1 { return Expectation(keywords: ["in", "using"]) }
        return last.kind == .rightParen ? Expectation(keywords: ["using"]) : .nothing
    }

    // unpivot = "unpivot" , field , { "," , field } , "into" , new name , "," , new name ;
    static func unpivot(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let last = tokens.last else { return Expectation(fields: true) }
        if tokens.contains(where: { $0.isKeyword(.into) }) { return .nothing }   // the new names are the user's
        if last.kind == .comma { return Expectation(fields: true) }
        return CompletionContext.endsOperand(last) ? Expectation(keywords: ["into"]) : .nothing
    }

    private static func fieldListAfter(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let last = tokens.last else { return Expectation(fields: true) }
        if last.kind == .comma { return Expectation(fields: true) }
        return CompletionContext.endsOperand(last) ? Expectation(stages: true) : .nothing
    }
}
