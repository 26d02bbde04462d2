// The parser's `unnest` stage, and the error for a dotted field name written without back-quotes.

extension Parser {
    // unnest = "unnest" , field ;
    mutating func parseUnnest(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let field = try parseName("a list field to unnest")
        return stage(.unnest(field), start, keywordEnd: keyword.range.end)
    }

    /// At the "." of `address.city` written unquoted (a name, a dot and a name, with no space between):
    /// E0347 over the whole dotted name, whose hint back-quotes it. A flattened JSON object's fields are
    /// named so, and `.` is no operator, so nothing else can be meant.
    func dottedNameError() -> Diagnostic? {
        func isName(_ token: Token) -> Bool { token.kind == .quotedName || token.kind == .word }
        guard at(.dot), index > 0, isName(previous), previous.range.end == current.range.start else { return nil }
        var parts = [previous.text]
        var offset = 0
        while peek(offset).kind == .dot, isName(peek(offset + 1)), peek(offset).range.end == peek(offset + 1).range.start {
            parts.append(peek(offset + 1).text)
            offset += 2
        }
        guard parts.count > 1 else { return nil }
        return .dottedName(parts.joined(separator: "."), range: SourceRange(previous.range.start, peek(offset - 1).range.end))
    }
}
