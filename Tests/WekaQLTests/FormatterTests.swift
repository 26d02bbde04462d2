// The formatter: its layout rules as a table of cases, and over generated programs that it keeps their
// meaning (same plan, same results), keeps every comment, and is idempotent.

import Foundation
import Testing
@testable import WekaQL

@Suite struct FormatterTests {
    static let cases: [(input: String, output: String)] = [
        ("arrests  WHERE country=\"Togo\"|count", "arrests where country = \"Togo\" | count\n"),
        ("arrests where arrested>-2 and country in(\"Togo\" , \"Ghana\")", "arrests where arrested > -2 and country in(\"Togo\", \"Ghana\")\n"),
        ("arrests select LOWER ( country ),arrested*2-1", "arrests select LOWER(country), arrested * 2 - 1\n"),
        ("arrests summarize n = count ( )", "arrests summarize n = count()\n"),
        ("let a = countries; a count", "let a = countries\na count\n"),
        ("arrests where x in(1) and y in (2)", "arrests where x in(1) and y in (2)\n"),
        ("arrests select LEFT (country, 2), Count(arrested)", "arrests select left(country, 2), Count(arrested)\n"),
        ("\n\n# one\n\n\n\narrests   # two\n\n", "# one\n\narrests # two\n"),
        (".mode csv\narrests\n  .schema\n", ".mode csv\narrests\n  .schema\n"),
        ("arrests count by country where `count` > 1", "arrests count by country where `count` > 1\n"),
        ("arrests where Count > 1 sort by COUNT", "arrests where Count > 1 sort by COUNT\n"),
        ("", ""),
        ("arrests # a\n  # b\n | where x = 1 and # c\n y = 2",
         "arrests # a\n  # b\n  | where x = 1 and # c\n    y = 2\n"),
        ("arrests where suspects matches \"\\\\bman\\\\b\" select country, suspects, nationality, place, offence, arrested",
         "arrests\n  | where suspects matches \"\\\\bman\\\\b\"\n  | select country, suspects, nationality, place, offence, arrested\n"),
        ("arrests summarize people = sum(arrested), reports = count(), with_number = count(arrested), countries = count_distinct(country), largest = max(arrested) by offence",
         "arrests\n  | summarize people = sum(arrested), reports = count(), with_number = count(arrested),\n    countries = count_distinct(country), largest = max(arrested) by offence\n"),
    ]

    @Test(arguments: cases)
    func layout(_ input: String, _ output: String) throws {
        let formatted = try Formatter.format(input)
        #expect(formatted == output)
        #expect(try Formatter.format(formatted) == formatted, "not idempotent:\n\(formatted)")
    }

    @Test func syntaxErrorsAreThrownAndNothingIsFormatted() {
        #expect(throws: Diagnostic.self) { try Formatter.format("arrests where\n") }
        do { _ = try Formatter.format("arrests where (\n") } catch { #expect(error.location?.line == 1) }
    }

    @Test func examplesAreFormatted() throws {
        let folder = GrammarTests.folder.deletingLastPathComponent().appendingPathComponent("Examples")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".wql") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(try Formatter.format(text) == text, "Examples/\(name) is not formatted: run wekaql fmt Examples/*.wql")
        }
    }

    // MARK: - Generated programs

    /// A third of GeneratedProgramTests' programs: each is checked and run twice here.
    static let programCount = UInt64(GeneratedProgramTests.programCount / 3)

    /// Generated programs, with keywords in random case and a comment at the end of some lines, format to
    /// programs with the same plans and results, keep every comment, and format again to themselves.
    @Test func formattingKeepsMeaning() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        var random = SeededRandom(seed: 23)
        for seed in UInt64(1)...Self.programCount {
            let text = Self.disguised(try GeneratedProgramTests.program(seed, grammar: grammar, breaks: breaks).text, random: &random)
            let formatted: String
            do { formatted = try Formatter.format(text) } catch {
                Issue.record("seed \(seed) does not format: \(error)\n\(text)")
                continue
            }
            #expect(try Formatter.format(formatted) == formatted, "seed \(seed): not idempotent\n\(formatted)")
            #expect(Self.comments(of: text) == Self.comments(of: formatted), "seed \(seed): comments lost\n\(text)\n---\n\(formatted)")
            #expect(Self.plans(of: text) == Self.plans(of: formatted), "seed \(seed): another plan\n\(text)\n---\n\(formatted)")
            #expect(Self.results(of: text) == Self.results(of: formatted), "seed \(seed): other results\n\(text)\n---\n\(formatted)")
        }
    }

    /// `text` with keywords in random case and, at some line ends, a comment.
    static func disguised(_ text: String, random: inout SeededRandom) -> String {
        let file = SourceFile(name: "generated", text: text)
        var out = "", at = 0, note = 0
        for token in Lexer.tokenize(file).tokens {
            out += file.text(in: SourceRange(at, token.range.start))
            var piece = file.text(in: token.range)
            if token.keyword != nil, token.keyword != .count, random.chance(0.3) { piece = random.chance(0.5) ? piece.uppercased() : piece.capitalized }
            if token.kind == .newline, random.chance(0.3) { note += 1; piece = " # note \(note)" + piece }
            out += piece
            at = token.range.end
        }
        return out
    }

    static func comments(of text: String) -> [String] {
        Lexer.tokenize(SourceFile(name: "c", text: text), keepComments: true).tokens.filter { $0.kind == .comment }.map(\.text)
    }

    /// An error's code and message, without white space (a message may quote the text, as laid out).
    static func summary(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.code) " + diagnostic.message.lowercased().filter { !$0.isWhitespace }
    }

    /// The checked plans, with their source positions left out.
    static func plans(of text: String) -> [String] {
        let (plans, errors) = Engine().compile(SourceFile(name: "p", text: text))
        let positions = try! Regex(#"SourceRange\(start: \d+, end: \d+\)"#)
        // A query inside one (a union's side in brackets) keeps the text too.
        let innerFiles = try! Regex(#"file: Optional\(WekaQL\.SourceFile\(name: "p", text: .*?lineStarts: \[[\d, ]*\]\)\)"#)
        // Dictionaries print in no fixed order, so the parameters are described apart, sorted.
        return plans.map { plan in
            var query = plan.query
            let parameters = query.parameters.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            query.parameters = [:]
            query.parameterRanges = [:]
            query.file = nil   // the text itself, which formatting changes
            return String(describing: query).replacing(positions, with: "·").replacing(innerFiles, with: "file: ·") + " parameters \(parameters)"
        } + errors.map(summary)
    }

    /// What running the program gives, statement by statement: tables as CSV, or the error.
    static func results(of text: String) -> [String] {
        var engine = Engine(), out: [String] = []
        engine.run(SourceFile(name: "r", text: text), parameters: ["c": "Togo", "n": 2, "d": 1.5], keepGoing: true) { event in
            switch event {
            case .result(let result):
                // An explain quotes its stages as written and times them: compare only what they did.
                if result.table.fields.map(\.name).starts(with: ["stage", "rows_in", "rows_out", "ms"]) {
                    out.append(result.table.map { row in "\(row[1]) \(row[2]) \(row["detail"] ?? .null)" }.joined(separator: "\n"))
                } else {
                    out.append(Renderer(format: .csv).render(result.table))
                }
            case .failure(let diagnostic): out.append(summary(diagnostic))
            }
        }
        return out
    }
}
