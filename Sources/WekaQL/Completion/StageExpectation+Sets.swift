// What may follow the tokens of a join or a `union` being typed.

extension Expectation {
    // join = [ "left" | "inner" | "full" | "semi" | "anti" ] , "join" , collection , "on" , join key ,
    //        { ( "," | "and" ) , join key } ;
    // join key = field , [ "=" , field ] ;
    static func join(_ tokens: ArraySlice<Token>, afterJoin: Bool) -> Expectation {
        var rest = tokens
        if !afterJoin {
            guard let join = rest.first else { return Expectation(keywords: ["join"]) }
            guard join.isKeyword(.join) else { return .nothing }
            rest = rest.dropFirst()
        }
        let words = Array(rest)
        switch words.count {
        case 0: return Expectation(sources: true)
        case 1: return Expectation(keywords: ["on"])
        default:
            guard words[1].isKeyword(.on), let last = words.last else { return .nothing }
            if last.isKeyword(.on) || last.isKeyword(.and) || last.kind == .comma { return Expectation(fields: true) }
            if last.kind == .equal { return Expectation(fieldsOf: words[0].text) }
            // After a whole key: another one, or the next stage.
            return CompletionContext.endsOperand(last) ? Expectation(keywords: ["and"], stages: true) : .nothing
        }
    }

    // union = "union" , [ "distinct" ] , ( collection | "(" , query , ")" ) ;
    static func union(_ tokens: ArraySlice<Token>) -> Expectation {
        var rest = tokens
        if rest.first?.isKeyword(.distinct) == true { rest = rest.dropFirst() }
        switch rest.count {
        case 0: return Expectation(keywords: tokens.isEmpty ? ["distinct"] : [], sources: true)
        case 1 where rest.first?.kind != .leftParen: return Expectation(stages: true)
        default: return .nothing
        }
    }
}
