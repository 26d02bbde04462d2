// The lexer: query text to tokens, with every lexical error as a diagnostic and never a throw.

import Testing
import WekaQL

@Suite struct LexerTests {
    /// The tokens of `text` as `kind text`, without the final `.end`.
    static func tokens(_ text: String, keepComments: Bool = false) -> [String] {
        Lexer.tokenize(SourceFile(name: "-e", text: text), keepComments: keepComments).tokens
            .filter { $0.kind != .end }
            .map { "\($0.kind.rawValue) \($0.text)" }
    }

    struct TokenCase: Sendable, CustomTestStringConvertible {
        var source: String
        var tokens: [String]
        var testDescription: String { source }
    }

    static let tokenCases: [TokenCase] = [
        TokenCase(source: "arrests where country", tokens: ["word arrests", "word where", "word country"]),
        TokenCase(source: "`count` `where` `a b`", tokens: ["quotedName count", "quotedName where", "quotedName a b"]),
        TokenCase(source: "$country $c_2", tokens: ["parameter country", "parameter c_2"]),
        TokenCase(source: "42 0 9223372036854775807", tokens: ["integer 42", "integer 0", "integer 9223372036854775807"]),
        TokenCase(source: "1_000 1.5 2e3 2.5E-2 1e+2", tokens: ["integer 1000", "decimal 1.5", "decimal 2e3", "decimal 2.5E-2", "decimal 1e+2"]),
        TokenCase(source: "1.x", tokens: ["integer 1", "dot .", "word x"]),
        TokenCase(source: "= == != <> < <= > >= =~", tokens: [
            "equal =", "equal ==", "notEqual !=", "notEqual <>", "less <", "lessEqual <=",
            "greater >", "greaterEqual >=", "fuzzyEqual =~",
        ]),
        TokenCase(source: "+ - * / % | , ; ( ) .", tokens: [
            "plus +", "minus -", "star *", "slash /", "percent %", "pipe |", "comma ,", "semicolon ;",
            "leftParen (", "rightParen )", "dot .",
        ]),
        TokenCase(source: "a-1", tokens: ["word a", "minus -", "integer 1"]),
        TokenCase(source: "x>=-2", tokens: ["word x", "greaterEqual >=", "minus -", "integer 2"]),
        TokenCase(source: "Lomé Émile São_Tomé x2", tokens: ["word Lomé", "word Émile", "word São_Tomé", "word x2"]),
        TokenCase(source: "a # a comment\nb", tokens: ["word a", "newline \n", "word b"]),
        TokenCase(source: "a\n\nb", tokens: ["word a", "newline \n", "newline \n", "word b"]),
        TokenCase(source: "a\r\n\tb", tokens: ["word a", "newline \n", "word b"]),
    ]

    @Test(arguments: tokenCases)
    func tokenizes(_ c: TokenCase) {
        #expect(Self.tokens(c.source) == c.tokens)
        #expect(Lexer.tokenize(SourceFile(name: "-e", text: c.source)).diagnostics.isEmpty)
    }

    @Test func endsWithAnEndToken() {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "-e", text: "a b"))
        #expect(tokens.last?.kind == .end)
        #expect(tokens.last?.range == SourceRange(3, 3))
        #expect(Lexer.tokenize(SourceFile(name: "-e", text: "")).tokens.map(\.kind) == [.end])
    }

    @Test func commentsAreKeptOnlyWhenAsked() {
        #expect(Self.tokens("a # note", keepComments: true) == ["word a", "comment # note"])
        #expect(Self.tokens("a # note", keepComments: false) == ["word a"])
    }

    struct StringCase: Sendable, CustomTestStringConvertible {
        var source: String
        var value: String
        var testDescription: String { source }
    }

    static let stringCases: [StringCase] = [
        StringCase(source: #""Togo""#, value: "Togo"),
        StringCase(source: #""""#, value: ""),
        StringCase(source: #""say \"hi\"""#, value: #"say "hi""#),
        StringCase(source: #""a\\b""#, value: #"a\b"#),
        StringCase(source: #""1\n2\t3\r""#, value: "1\n2\t3\r"),
        StringCase(source: #""\u{e9}\u{1F600}\u{41}""#, value: "é😀A"),
        StringCase(source: #""Côte d'Ivoire""#, value: "Côte d'Ivoire"),
        StringCase(source: "\"two\nlines\"", value: "two\nlines"),
    ]

    @Test(arguments: stringCases)
    func decodesStrings(_ c: StringCase) throws {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "-e", text: c.source))
        #expect(diagnostics.isEmpty)
        let token = try #require(tokens.first)
        #expect(token.kind == .string)
        #expect(token.text == c.value)
        #expect(token.range == SourceRange(0, c.source.utf8.count))
    }

    @Test(arguments: ["where", "WHERE", "Where", "wHeRe"])
    func keywordsAreCaseInsensitive(_ spelling: String) throws {
        let token = try #require(Lexer.tokenize(SourceFile(name: "-e", text: spelling)).tokens.first)
        #expect(token.kind == .word)
        #expect(token.keyword == .where)
        #expect(token.text == spelling)
    }

    @Test func everyKeywordIsRecognised() {
        for keyword in Keyword.allCases {
            let token = Lexer.tokenize(SourceFile(name: "-e", text: keyword.rawValue.uppercased())).tokens[0]
            #expect(token.keyword == keyword)
        }
    }

    @Test func namesAndBackQuotedNamesAreNotKeywords() {
        let tokens = Lexer.tokenize(SourceFile(name: "-e", text: "country `count` counts")).tokens
        #expect(tokens.map(\.keyword) == [nil, nil, nil, nil])
    }

    @Test func rangesAreUTF8Offsets() {
        let (tokens, _) = Lexer.tokenize(SourceFile(name: "-e", text: "Lomé = \"é\""))
        #expect(tokens.map(\.range) == [SourceRange(0, 5), SourceRange(6, 7), SourceRange(8, 12), SourceRange(12, 12)])
    }

    // MARK: - Lexical errors

    static let errorCases: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people where name = \"Ana", code: .unterminatedString, line: 1, column: 21, width: 1,
                           message: "unterminated string",
                           hints: ["close the string with a double quote (\"); write \\\" for a quote inside it"]),
        ExpectedDiagnostic(source: #"people where name = "a\qb""#, code: .invalidEscape, line: 1, column: 23, width: 2,
                           message: #"invalid escape "\q" in string"#,
                           hints: [#"the escapes are \" \\ \n \t \r and \u{…} with 1 to 8 hex digits"#]),
        ExpectedDiagnostic(source: #"people where name = "\u00e9""#, code: .invalidEscape, line: 1, column: 22, width: 2,
                           message: #"invalid escape "\u" in string"#, hints: ["the escapes are"]),
        ExpectedDiagnostic(source: "people where id = 9223372036854775808", code: .integerTooLarge, line: 1, column: 19, width: 19,
                           message: "integer 9223372036854775808 does not fit in 64 bits",
                           hints: ["integers run from -9223372036854775808 to 9223372036854775807; write a decimal such as 9223372036854775808.0 for larger numbers"]),
        ExpectedDiagnostic(source: "people select `name", code: .unterminatedQuotedName, line: 1, column: 15, width: 5,
                           message: "unterminated back-quoted name", hints: ["close the name with a back-quote: `count`"]),
        ExpectedDiagnostic(source: "people select ``", code: .emptyQuotedName, line: 1, column: 15, width: 2,
                           message: "empty back-quoted name"),
        ExpectedDiagnostic(source: "people where name = $", code: .badParameterName, line: 1, column: 21, width: 1,
                           message: "\"$\" must be followed by a parameter name",
                           hints: ["write a parameter as $name, for example: arrests where country = $country"]),
        ExpectedDiagnostic(source: "people where name = $1x", code: .badParameterName, line: 1, column: 21, width: 3,
                           message: "\"$\" must be followed by a parameter name", hints: ["write a parameter as $name"]),
        ExpectedDiagnostic(source: "people where id = 12abc", code: .unexpectedText, line: 1, column: 21, width: 3,
                           message: "unexpected \"abc\" after a number", hints: ["put a space between a number and a name"]),
        ExpectedDiagnostic(source: "people where score = 1e999", code: .decimalOutOfRange, line: 1, column: 22, width: 5,
                           message: "decimal 1e999 is out of range"),
        ExpectedDiagnostic(source: "people where name @ 2", code: .unexpectedCharacter, line: 1, column: 19, width: 1,
                           message: "unexpected character \"@\""),
        ExpectedDiagnostic(source: "people where name = \"Émile\" @", code: .unexpectedCharacter, line: 1, column: 29, width: 1,
                           message: "unexpected character \"@\""),
        ExpectedDiagnostic(source: "people where name = \"Cafe\u{301}\" ?", code: .unexpectedCharacter, line: 1, column: 28, width: 1,
                           message: "unexpected character \"?\""),
        ExpectedDiagnostic(source: "people count\npeople where name = \"x\" ^", code: .unexpectedCharacter, line: 2, column: 25, width: 1,
                           message: "unexpected character \"^\""),
        ExpectedDiagnostic(source: "people where name = “Ana", code: .unexpectedCharacter, line: 1, column: 21, width: 1,
                           message: "unexpected character \"“\"", hints: ["strings are written in straight double quotes: \"Togo\""]),
    ]

    @Test(arguments: errorCases)
    func reportsLexicalErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        expected.check(diagnostics.first)
    }

    @Test func singleQuotesAreReportedAtBothEnds() {
        let diagnostics = LangFixtures.diagnostics("people where name = 'Ana'")
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter, .unexpectedCharacter])
        #expect(diagnostics.map { $0.location?.column } == [21, 25])
        #expect(diagnostics.allSatisfy { $0.hints == ["strings are written in straight double quotes: \"Togo\""] })
    }

    @Test func curlyDoubleQuotesAreReportedWithTheStraightQuoteHint() {
        let diagnostics = LangFixtures.diagnostics("people where name = “Ana”")
        #expect(diagnostics.map(\.message) == ["unexpected character \"“\"", "unexpected character \"”\""])
        #expect(diagnostics.first?.hints == ["strings are written in straight double quotes: \"Togo\""])
        #expect(diagnostics.last?.hints == ["strings are written in straight double quotes: \"Togo\""])
    }

    @Test func theLexerGoesOnAfterAnError() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "-e", text: "a @ b ` c"))
        #expect(tokens.map(\.kind) == [.word, .invalid, .word, .invalid, .end])
        #expect(diagnostics.map(\.code) == [.unexpectedCharacter, .unterminatedQuotedName])
    }

    @Test func anUnterminatedStringRunsToTheEndOfTheText() {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "-e", text: "a \"open\nb"))
        #expect(tokens.map(\.kind) == [.word, .invalid, .end])
        #expect(tokens[1].text == "open\nb")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
    }

    @Test func anInvalidUnicodeEscapeIsQuotedWhole() {
        // `\u{110000}` is past the last scalar; the message should quote the escape as written.
        let diagnostics = LangFixtures.diagnostics(#"people where name = "\u{110000}""#)
        #expect(diagnostics.map(\.code) == [.invalidEscape])
        #expect(diagnostics.first?.message == #"invalid escape "\u{110000}" in string"#)
        #expect(diagnostics.first.flatMap(LangFixtures.caretWidth) == 10)
    }

    @Test func aBackslashAtALineEndInAnUnterminatedStringIsOneError() {
        // The string is unterminated; the backslash before the line break is part of that one mistake,
        // and no message may hold a raw line break (it would break the one-line header).
        let diagnostics = LangFixtures.diagnostics("people where name = \"a\\\npeople count")
        #expect(diagnostics.first?.code == .unterminatedString)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.allSatisfy { !$0.message.contains("\n") })
    }
}
