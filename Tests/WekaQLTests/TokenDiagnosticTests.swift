// A bad token carries its diagnostic (as in swift-syntax): the lexer's problems are found on the
// tokens, and the parser leaves out a statement whose tokens carry one.

import Testing
@testable import WekaQL

@Suite struct TokenDiagnosticTests {
    /// (text, the codes its tokens carry, by token text)
    static let cases: [(String, [String: [Diagnostic.Code]])] = [
        ("arrests where x = \"open", ["open": [.unterminatedString]]),
        ("arrests where x = \"a\\qb\\wc\"", ["abc": [.invalidEscape, .invalidEscape]]),
        ("arrests where x = 12abc", ["abc": [.unexpectedText]]),
        ("arrests where x = 99999999999999999999", ["99999999999999999999": [.integerTooLarge]]),
        ("arrests where x = $", ["$": [.badParameterName]]),
        ("arrests where x ^ 1", ["^": [.unexpectedCharacter]]),
        ("arrests select ``", ["": [.emptyQuotedName]]),
    ]

    @Test(arguments: cases)
    func badTokensCarryTheirDiagnostics(_ text: String, _ expected: [String: [Diagnostic.Code]]) {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "-", text: text))
        let carried = Dictionary(tokens.filter { !$0.diagnostics.isEmpty }.map { ($0.text, $0.diagnostics.map(\.code)) },
                                 uniquingKeysWith: +)
        #expect(carried == expected)
        #expect(diagnostics == tokens.flatMap(\.diagnostics), "tokenize's list is the tokens' problems, in order")
        for token in tokens {
            for problem in token.diagnostics {
                #expect(problem.range.map { token.range.start <= $0.start && $0.end <= token.range.end } == true,
                        "\(problem.message) lies outside its token \(token.text)")
            }
        }
    }

    @Test func statementsWithALexicalErrorAreLeftOutAndTheOthersKept() {
        let text = "arrests count\narrests where x = \"a\\q\"\ncountries count\narrests where ^\nvictims count"
        let (program, diagnostics) = Parser.parse(SourceFile(name: "-", text: text))
        #expect(program.statements.count == 3)
        #expect(diagnostics.map(\.code) == [.invalidEscape, .unexpectedCharacter])
    }
}
