// Holds Grammar/ and the code together: the grammar's keywords, tokens, examples and random programs
// against the lexer, the layout rules and the parser; ERRORS.md against the diagnostic catalogue.

import Foundation
import Testing
@testable import WekaQL

@Suite struct GrammarTests {
    /// `Grammar/`, found from this file (../../Grammar), so the tests need no resources.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Grammar").standardizedFileURL
    static let grammarURL = folder.appendingPathComponent("wekaql.ebnf")
    static let errorsURL = folder.appendingPathComponent("ERRORS.md")
    static let allKeywords = Set(Keyword.allCases.map(\.rawValue))

    // MARK: - The grammar itself

    @Test func everyRuleIsDefinedUsedAndIllustrated() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        let names = grammar.rules.map(\.name)
        #expect(Set(names).count == names.count, "a rule is defined twice")
        for rule in grammar.rules {
            let undefined = EBNFGrammar.references(in: rule.body).filter { grammar[$0] == nil }
            #expect(undefined.isEmpty, "\(rule.name) (line \(rule.line)) uses undefined \(undefined.sorted())")
            #expect(!rule.examples.isEmpty, "\(rule.name) (line \(rule.line)) has no (* e.g. … *) example")
        }
        // Tokens and the line-break rules stand on their own; everything else serves `program`.
        let roots = ["program", "continues after", "ends a line", "continues before"] + names.filter(EBNFGrammar.isTokenRule)
        let unused = Set(names).subtracting(grammar.reachable(from: roots))
        #expect(unused.isEmpty, "rules that nothing uses: \(unused.sorted())")
    }

    /// The reader itself, on a grammar small enough to write out: a misread grammar would make the
    /// other tests pass for nothing.
    @Test func readerReadsISOEBNF() throws {
        let grammar = try EBNFReader.read("""
            (* a comment *) a b = "x" , [ c ] | { 'y' } - "z" ; (* e.g. one ⏎ two *)
            c = ? any ? , ( "p" | "q" ) ;
            (* e.g. three *)
            """)
        #expect(grammar.rules.map(\.name) == ["a b", "c"])
        #expect(grammar["a b"]?.body == .choice([.sequence([.terminal("x"), .optional(.rule("c"))]),
                                                   .exception(.repetition(.terminal("y")), .terminal("z"))]))
        #expect(grammar["c"]?.body == .sequence([.special("any"), .choice([.terminal("p"), .terminal("q")])]))
        #expect(grammar["a b"]?.examples.map(\.text) == ["one \n two"])
        #expect(grammar["c"]?.examples.map(\.line) == [3])
    }

    // MARK: - Keywords

    @Test func keywordsOfTheSyntaxAreTheLexersKeywords() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        let syntaxRules = Set(grammar.rules.map(\.name)).subtracting(grammar.lexicalRules)
        let words = grammar.terminals(inRules: syntaxRules).filter { $0.allSatisfy(\.isLetter) }
        #expect(words.subtracting(Self.allKeywords).isEmpty, "quoted in the grammar but not a Keyword: \(words.subtracting(Self.allKeywords).sorted())")

        let used = grammar.terminals(inRules: grammar.reachable(from: ["program"]).subtracting(grammar.lexicalRules))
        let unused = Self.allKeywords.subtracting(used)
        #expect(unused.isEmpty, "Keywords that no rule of the syntax uses: \(unused.sorted())")
        let listed = try grammar.language(ofRule: "KEYWORD")
        #expect(listed == Self.allKeywords, "KEYWORD and Keyword differ: \(listed.symmetricDifference(Self.allKeywords).sorted())")
    }

    @Test func stageAndContinuingKeywordsAreTheLayouts() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        let stages = try grammar.language(ofRule: "stage keyword")
        let continuing = try grammar.language(ofRule: "continuing keyword")
        #expect(stages == Set(Keyword.stageStarts.map(\.rawValue)))
        #expect(continuing == Set(Keyword.needsMore.map(\.rawValue)))
    }

    /// Every symbol and keyword continues a line, after or before it, exactly when section 5 says so,
    /// whatever token comes before it.
    @Test func lineBreakRulesAreTheLayouts() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        let texts = try grammar.language(ofRule: "SYMBOL").union(grammar.language(ofRule: "KEYWORD")).sorted()
        let tokens = try texts.map(Self.onlyToken)
        let after = Set(try grammar.language(ofRule: "continues after").map(Self.identity))
        let endings = Set(try grammar.language(ofRule: "ends a line").map(Self.identity))
        let before = Set(try grammar.language(ofRule: "continues before").map(Self.identity))
        for (text, token) in zip(texts, tokens) {
            #expect(Layout.continuesBefore(token) == before.contains(Self.identity(text)), "a line starting with \(text)")
            #expect(Layout.continuesAfter(token, before: nil) == after.contains(Self.identity(text)), "a line ending with \(text)")
            for (previous, previousToken) in zip(texts, tokens) {
                let goesOn = after.contains(Self.identity(text)) && !endings.contains(Self.identity(previous + " " + text))
                #expect(Layout.continuesAfter(token, before: previousToken) == goesOn, "a line ending with \(previous) \(text)")
            }
        }
    }

    /// What the lexer makes of a token's text: `==` and `=` are the same token.
    private static func identity(_ text: String) -> String {
        Lexer.tokenize(SourceFile(name: "-", text: text)).tokens.map { "\($0.kind)/\($0.keyword?.rawValue ?? "")" }
            .joined(separator: " ")
    }

    private static func onlyToken(_ text: String) throws -> Token {
        let tokens = Lexer.tokenize(SourceFile(name: "-", text: text)).tokens
        return try #require(tokens.count == 2 ? tokens[0] : nil, "\(text) is not one token")
    }

    // MARK: - Tokens

    /// The kinds of token each token rule must lex as; an empty set means no token at all.
    static let tokenKinds: [String: Set<TokenKind>] = [
        "KEYWORD": [.word], "NAME": [.word, .quotedName], "WORD": [.word], "QUOTED NAME": [.quotedName],
        "PARAMETER": [.parameter], "STRING": [.string], "INTEGER": [.integer], "DECIMAL": [.decimal],
        "SYMBOL": [.pipe, .comma, .semicolon, .dot, .star, .leftParen, .rightParen, .equal, .notEqual, .less,
                   .lessEqual, .greater, .greaterEqual, .fuzzyEqual, .plus, .minus, .slash, .percent, .concatenate],
        "NEWLINE": [.newline], "SPACE": [], "COMMENT": [.comment],
        "CHART KIND": [.word], "X": [.word], "Y": [.word], "TITLE": [.word], "BINS": [.word], "EMPTY": [.word],
    ]

    @Test func tokenRulesLexAsOneTokenOfTheirKind() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        var seen = Set<TokenKind>()
        for rule in grammar.rules.map(\.name) where EBNFGrammar.isTokenRule(rule) {
            let expected = try #require(Self.tokenKinds[rule], "no expected token kinds for \(rule) in GrammarTests.tokenKinds")
            for text in try Self.samples(of: rule, in: grammar) {
                let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "-", text: text), keepComments: true)
                let lexed = tokens.dropLast()
                #expect(diagnostics.isEmpty, "\(rule) \(text.debugDescription): \(diagnostics.map(\.message))")
                #expect(lexed.count == (expected.isEmpty ? 0 : 1), "\(rule) \(text.debugDescription) lexes as \(lexed.map(\.kind))")
                if let token = lexed.first {
                    #expect(expected.contains(token.kind), "\(rule) \(text.debugDescription) lexes as \(token.kind)")
                    #expect(rule != "NAME" || token.keyword == nil, "NAME \(text.debugDescription) is a keyword")
                    #expect(rule != "KEYWORD" || token.keyword != nil, "KEYWORD \(text.debugDescription) is no keyword")
                    seen.insert(token.kind)
                }
            }
        }
        let undescribed = Set(TokenKind.allCases).subtracting([.invalid, .end]).subtracting(seen)
        #expect(undescribed.isEmpty, "token kinds no token rule describes: \(undescribed)")
    }

    /// All the strings of a finite rule (keywords, symbols), or 200 generated ones.
    private static func samples(of rule: String, in grammar: EBNFGrammar) throws -> [String] {
        if let all = try? grammar.language(of: .rule(rule), special: SpecialSamples.samples) { return all.sorted() }
        var generator = SentenceGenerator(grammar: grammar, seed: rule.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) })
        return try (0..<200).map { _ in try generator.characters(of: rule) }
    }

    // MARK: - Programs generated from the grammar

    @Test func generatedProgramsParseWithoutDiagnostics() throws {
        let grammar = try EBNFGrammar.load(from: Self.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        let names = Self.realNames
        var failures = 0
        for seed in UInt64(1)...400 {
            var generator = SentenceGenerator(grammar: grammar, seed: seed, overrides: names)
            // As the grammar says in words: a decimal is finite (E0009 otherwise).
            generator.tokenConditions["DECIMAL"] = { Double($0.replacingOccurrences(of: "_", with: ""))?.isFinite == true }
            let program = breaks.join(try generator.pieces(of: "program"), random: &generator.random)
            let diagnostics = Parser.parse(SourceFile(name: "generated", text: program)).diagnostics
            if !diagnostics.isEmpty { failures += 1 }
            // The first ten failing programs in full; the count below says how many in all.
            #expect(diagnostics.isEmpty || failures > 10,
                    "seed \(seed):\n\(program)\n\(diagnostics.map(\.description).joined(separator: "\n"))")
        }
        #expect(failures == 0, "\(failures) of 400 generated programs do not parse")
    }

    /// Names from the built-in dataset and the function library, so that programs read like queries.
    static var realNames: [String: [String]] {
        let collections = Dataset.builtIn.collections
        let fields = Set(collections.flatMap { $0.fields.map(\.name) }).sorted()
        let functions = Function.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
        return [
            "source": collections.map(\.name),
            "collection": collections.map(\.name),
            "function": functions,
            "field": fields,
            "new name": ["total", "people", "n", "`two words`"],
            "NAME": fields + fields.prefix(5).map { "`\($0)`" },
        ]
    }

    // MARK: - Examples

    @Test(arguments: try EBNFGrammar.load(from: GrammarTests.grammarURL).examples)
    func exampleParses(_ example: EBNFExample) {
        let diagnostics = Parser.parse(SourceFile(name: "example", text: example.text)).diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: try EBNFGrammar.load(from: GrammarTests.grammarURL).examples)
    func exampleChecks(_ example: EBNFExample) {
        let problems = Engine().check(SourceFile(name: "example", text: example.text))
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    // MARK: - The error catalogue

    @Test func everyCodeIsDocumentedOnce() throws {
        let documented = try ErrorDocument.load(from: Self.errorsURL).codes
        let codes = Diagnostic.Code.allCases.map(\.rawValue)
        #expect(Set(documented).count == documented.count, "a code is documented twice")
        #expect(Set(codes).subtracting(documented).isEmpty, "not in ERRORS.md: \(Set(codes).subtracting(documented).sorted())")
        #expect(Set(documented).subtracting(codes).isEmpty, "not a Diagnostic.Code: \(Set(documented).subtracting(codes).sorted())")
        if Set(documented) == Set(codes) {
            #expect(documented == codes, "ERRORS.md lists the codes in another order than Diagnostic.Code")
        }
    }

    /// Each `$ wekaql -e '…'` example prints what ERRORS.md shows, under the code of its section.
    /// Run with WEKAQL_RECORD=1 to write the actual output into ERRORS.md.
    @Test func documentedErrorsRenderAsShown() throws {
        let document = try ErrorDocument.load(from: Self.errorsURL)
        #expect(document.examples.count >= 30)
        let outputs = document.examples.map { Self.renderDiagnostics(of: $0.query) }
        if ProcessInfo.processInfo.environment["WEKAQL_RECORD"] == "1" {
            try document.recorded(outputs).write(to: Self.errorsURL, atomically: true, encoding: .utf8)
        }
        for (example, output) in zip(document.examples, outputs) {
            #expect(output == example.output, "\(example.testDescription)")
            #expect(output.contains("[\(example.code)]"), "\(example.testDescription) does not report \(example.code)")
        }
    }

    /// What `wekaql -e QUERY` prints on stderr: every error, and the notes on results.
    static func renderDiagnostics(of query: String) -> String {
        var engine = Engine()
        let renderer = DiagnosticRenderer()
        var lines: [String] = []
        engine.run(SourceFile(name: "-e", text: query)) { event in
            switch event {
            case .result(let result): lines += result.notes.map(renderer.render)
            case .failure(let diagnostic): lines.append(renderer.render(diagnostic))
            }
        }
        return lines.joined(separator: "\n")
    }
}
