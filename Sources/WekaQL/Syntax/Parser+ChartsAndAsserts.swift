// The parser's rules for `chart` (a last stage) and `assert` (a statement). Chart kinds and option names
// are plain words, not keywords, so that fields may still be called `x`, `title` or `bins`.

extension Parser {
    /// At `is empty`, which ends the query of an `assert`.
    var atIsEmpty: Bool {
        at(.is) && peek().kind == .word && peek().keyword == nil && peek().text.lowercased() == "empty"
    }

    // assertion = "assert" , query , [ "is" , EMPTY ] , [ "," , STRING ] ;
    mutating func parseAssertion() throws(StatementFailure) -> Statement {
        let start = advance().range.start
        // `, "message"` at the end of the statement is the message, not another item of a list in the
        // query (`select (count = 44), "…"`): its comma ends the query, as a ";" would.
        var end = index
        while end < tokens.count - 1, ![.newline, .semicolon, .end].contains(tokens[end].kind) { end += 1 }
        let messageComma = end >= index + 2 && tokens[end - 1].kind == .string && tokens[end - 2].kind == .comma ? end - 2 : nil
        if let messageComma { tokens[messageComma].kind = .semicolon }
        defer { if let messageComma { tokens[messageComma].kind = .comma } }
        let query = try parseQuery()
        if let messageComma { tokens[messageComma].kind = .comma }
        let expectsEmpty = atIsEmpty
        if expectsEmpty { advance(); advance() }
        var message: String?
        if eat(.comma) {
            message = try expect(.string, "the assertion's message in double quotes").text
        }
        let assertion = Assertion(query: query, expectsEmpty: expectsEmpty, message: message)
        return Statement(kind: .assertion(assertion), range: range(from: start))
    }

    // chart = "chart" , CHART KIND , { chart option } ;
    mutating func parseChart(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let kind = try parseName("a chart kind (\(ChartKind.names))")
        var clause = ChartClause(kind: kind, x: nil, y: [], by: nil, title: nil, bins: nil, repeated: nil)
        var seen: Set<String> = []
        while true {
            // Options may be set apart by commas, as in `chart bar x = country, y = count`.
            if at(.comma), peek().kind == .word, peek().keyword == .by || ChartClause.optionNames.contains(peek().text.lowercased()) { advance() }
            guard let option = chartOption() else { break }
            // Given twice is the checker's error (E0352): the syntax allows it, as the grammar does.
            if !seen.insert(option.text.lowercased()).inserted, clause.repeated == nil {
                clause.repeated = Name(text: option.text, range: option.range)
            }
            advance()
            try parseChartOption(option, into: &clause)
        }
        return stage(.chart(clause), start, keywordEnd: keyword.range.end)
    }

    /// The option word at the cursor (`by` included); `nil` at anything else. An unknown word followed by
    /// `=` or a string is an option misspelt, reported as such rather than as an unknown stage.
    private func chartOption() -> Token? {
        if at(.by) { return current }
        guard at(.word), current.keyword == nil else { return nil }
        if ChartClause.optionNames.contains(current.text.lowercased()) { return current }
        return nil
    }

    // chart option = X , "=" , field | Y , "=" , field , { "," , field } | "by" , field | TITLE , STRING
    //              | BINS , "=" , INTEGER ;
    private mutating func parseChartOption(_ option: Token, into clause: inout ChartClause) throws(StatementFailure) {
        switch option.text.lowercased() {
        case "x":
            try expectChartEqual(option)
            clause.x = try parseName("a field for x")
        case "y":
            try expectChartEqual(option)
            clause.y = [try parseName("a field for y")]
            // A comma before anything but a name ends the list: `assert … chart bar y = a, "message"`.
            while at(.comma), peek().kind == .quotedName || peek().kind == .word {
                advance()
                clause.y.append(try parseName("a field for y"))
            }
        case "by":
            clause.by = try parseName("a field after \"by\"")
        case "title":
            clause.title = try expect(.string, "the title in double quotes").text
        default:   // bins
            try expectChartEqual(option)
            let number = try expect(.integer, "a number of bins")
            guard let count = Int64(number.text) else { throw failure(.integerTooLarge(number.text, range: number.range)) }
            clause.bins = (count, number.range)
        }
    }

    private mutating func expectChartEqual(_ option: Token) throws(StatementFailure) {
        guard at(.equal), current.text == "=" else {
            throw failure(.expected("\"=\" after \"\(option.text)\"", found: current, hint: "write \"\(option.text.lowercased()) = …\""))
        }
        advance()
    }
}

extension ChartClause {
    /// The option words of `chart`, besides `by`.
    static let optionNames: Set<String> = ["x", "y", "title", "bins"]
}
