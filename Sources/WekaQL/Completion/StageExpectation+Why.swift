// What may follow `why`: `not`, then a condition over the source's fields (the rows it follows are the
// source's); nothing after it, since `why` ends the query.

extension Expectation {
    // why -> "why" [ "not" expression ]
    static func why(_ tokens: ArraySlice<Token>) -> Expectation {
        guard let first = tokens.first else { return Expectation(keywords: ["not"]) }
        guard first.isKeyword(.not) else { return .nothing }
        var after = expression(tokens.dropFirst(), then: conditionWords)
        after.stages = false
        after.ofSource = true
        return after
    }
}
