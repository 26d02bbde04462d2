// The linear-time regular expressions of `matches`: a table of patterns × texts (cross-checked against
// Python's `re` while it was written, pathological cases aside), the patterns that made backtracking
// engines take seconds, and the placed errors for bad or unsupported patterns.

import Foundation
import Testing
@testable import WekaQL

struct RegexCase: CustomTestStringConvertible, Sendable {
    var pattern: String
    var text: String
    var matches: Bool
    init(_ pattern: String, _ text: String, _ matches: Bool) { (self.pattern, self.text, self.matches) = (pattern, text, matches) }
    var testDescription: String { "\(pattern) on \(text.debugDescription)" }
}

@Suite struct RegexTests {
    static let cases: [RegexCase] = [
        RegexCase(#"abc"#, "xxabcxx", true),
        RegexCase(#"abc"#, "ab", false),
        RegexCase(#"^abc"#, "abcd", true),
        RegexCase(#"^abc"#, "xabc", false),
        RegexCase(#"abc$"#, "xabc", true),
        RegexCase(#"abc$"#, "abcx", false),
        RegexCase(#"^$"#, "", true),
        RegexCase(#"^$"#, "a", false),
        RegexCase(#""#, "anything", true),
        RegexCase(#"a.c"#, "abc", true),
        RegexCase(#"a.c"#, "a\nc", false),
        RegexCase(#"(?s)a.c"#, "a\nc", true),
        RegexCase(#"a.c"#, "aéc", true),
        RegexCase(#"[a-c]+"#, "xxbcay", true),
        RegexCase(#"^[a-c]+$"#, "abcd", false),
        RegexCase(#"[^a-c]"#, "abc", false),
        RegexCase(#"[^a-c]"#, "abcd", true),
        RegexCase(#"[]a]"#, "]", true),
        RegexCase(#"[a\]]"#, "]", true),
        RegexCase(#"[a-]"#, "-", true),
        RegexCase(#"[\d]"#, "x7", true),
        RegexCase(#"\d+"#, "abc", false),
        RegexCase(#"\d{3}"#, "a12b345", true),
        RegexCase(#"\d{3}"#, "a12b34", false),
        RegexCase(#"^\d{2,3}$"#, "1234", false),
        RegexCase(#"^\d{2,3}$"#, "123", true),
        RegexCase(#"^\d{2,}$"#, "12345", true),
        RegexCase(#"^\d{,2}$"#, "123", false),
        RegexCase(#"^a{0}$"#, "", true),
        RegexCase(#"\w+"#, "___", true),
        RegexCase(#"^\w+$"#, "Côte", true),
        RegexCase(#"^\W+$"#, " .,", true),
        RegexCase(#"\s"#, "a b", true),
        RegexCase(#"\S"#, "   ", false),
        RegexCase(#"\bman\b"#, "a man here", true),
        RegexCase(#"\bman\b"#, "human", false),
        RegexCase(#"\Bman"#, "human", true),
        RegexCase(#"colou?r"#, "color", true),
        RegexCase(#"colou?r"#, "colour", true),
        RegexCase(#"colou?r"#, "colouur", false),
        RegexCase(#"a|b|c"#, "zzc", true),
        RegexCase(#"^(a|b)+$"#, "abba", true),
        RegexCase(#"^(a|b)+$"#, "abca", false),
        RegexCase(#"^(?:ab)*$"#, "ababab", true),
        RegexCase(#"^(?:ab)*$"#, "ababa", false),
        RegexCase(#"(?i)^ana$"#, "ANA", true),
        RegexCase(#"(?i)^ANA$"#, "ana", true),
        RegexCase(#"^ana$"#, "ANA", false),
        RegexCase(#"(?i)côte"#, "CÔTE", true),
        RegexCase(#"(?i)[a-z]+"#, "ÉLAN", true),
        RegexCase(#"(?i)[^a]"#, "A", false),
        RegexCase(#"a(?i)b"#, "aB", true),
        RegexCase(#"a(?i)b"#, "AB", false),
        RegexCase(#"(?i:a)b"#, "Ab", true),
        RegexCase(#"(?i:a)b"#, "AB", false),
        RegexCase(#"(?m)^b"#, "a\nb", true),
        RegexCase(#"^b"#, "a\nb", false),
        RegexCase(#"(?m)a$"#, "a\nb", true),
        RegexCase(#"a$"#, "a\nb", false),
        RegexCase(#"^(a+)+$"#, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", false),
        RegexCase(#"^(a+)+$"#, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", true),
        RegexCase(#"(a*)*b"#, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false),
        RegexCase(#"(a|aa)+$"#, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", false),
        RegexCase(#"^(a?){25}a{25}$"#, "aaaaaaaaaaaaaaaaaaaaaaaaa", true),
        RegexCase(#"(x+x+)+y"#, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", false),
        RegexCase(#"a+?"#, "aaa", true),
        RegexCase(#"a*?b"#, "aab", true),
        RegexCase(#"a{2}?"#, "aa", true),
        RegexCase(#"\."#, "a.b", true),
        RegexCase(#"\."#, "ab", false),
        RegexCase(#"\$"#, "cost $5", true),
        RegexCase(#"\x41"#, "A", true),
        RegexCase(#"\u00e9"#, "café", true),
        RegexCase(#"é$"#, "Lomé", true),
        RegexCase(#"[é]"#, "e", false),
        RegexCase(#"\t"#, "a\tb", true),
        RegexCase(#"b.rder"#, "border", true),
        RegexCase(#"b.rder"#, "barder", true),
        RegexCase(#"b.rder"#, "bder", false),
        RegexCase(#"(a)(b)(c)"#, "abc", true),
        RegexCase(#"\(x\)"#, "(x)", true),
        RegexCase(#"a{"#, "a{", true),
        RegexCase(#"a{x}"#, "a{x}", true),
        RegexCase(#"x*"#, "yyy", true),
        RegexCase(#"^x*$"#, "yyy", false),
        RegexCase(#"[\w.-]+@[\w-]+\.[a-z]{2,}"#, "mail me: jo.doe@example.org", true),
        RegexCase(#"[\w.-]+@[\w-]+\.[a-z]{2,}"#, "jo.doe@example", false),
        RegexCase(#"^\+?[0-9 ]{6,}$"#, "+228 90 00 00", true),
    ]

    @Test(arguments: cases)
    func matchesAsASearch(_ c: RegexCase) throws {
        #expect(try RegexProgram(c.pattern).isMatch(c.text) == c.matches)
    }

    /// Backtracking engines take time doubling with each `a` on these; a Pike VM is linear. (No timing
    /// here: that the suite finishes is the check; the cost per row is measured in Benchmarks/.)
    @Test(arguments: [("^(a+)+$", false), ("^(a|a)*$", false), ("(a*)*b", false), ("^(a|aa)+$", false),
                      ("^(\\w+\\s?)*$", false), ("(x+x+)+y", false), ("^(a?){40}a{40}$", true)])
    func pathologicalPatternsFinish(_ pattern: String, _ expected: Bool) throws {
        let text = pattern.hasSuffix("{40}$") ? String(repeating: "a", count: 40) : String(repeating: pattern.contains("x") ? "x" : "a", count: 5_000) + "!"
        #expect(try RegexProgram(pattern).isMatch(text) == expected)
    }

    @Test func pathologicalPatternInAQuery() throws {
        let text = String(repeating: "a", count: 30) + "b"
        #expect(try LangFixtures.value("people where id = 1 select \"\(text)\" matches \"^(a+)+$\"") == false)
        #expect(try LangFixtures.value("people where id = 1 select \"\(text.dropLast())\" matches \"^(a+)+$\"") == true)
    }

    /// Matching is on Unicode scalars (code points), as in RE2 and DuckDB, not on grapheme clusters.
    @Test func matchesCodePoints() throws {
        #expect(try RegexProgram("^Caf.$").isMatch("Caf\u{E9}"))
        #expect(try !RegexProgram("^Caf.$").isMatch("Cafe\u{301}"))
        #expect(try RegexProgram("^Caf..$").isMatch("Cafe\u{301}"))
        #expect(try RegexProgram("^.$").isMatch("😀"))
        #expect(try RegexProgram("^[😀-😂]+$").isMatch("😀😁😂"))
    }

    /// A literal pattern takes the byte-search fast path on plain text columns; it must agree with the VM.
    @Test func literalFastPathAgrees() throws {
        let rows = (0..<5_000).map { [Value.string($0 % 7 == 0 ? "border \($0)" : "row \($0) é")] }
        let dataset = try LangFixtures.dataset("t", ["s"], rows)
        let literal = try LangFixtures.value("t where s matches \"border\" count", in: dataset)
        let regex = try LangFixtures.value("t where s matches \"b.rder\" count", in: dataset)
        let anchored = try LangFixtures.value("t where s matches \"^border\" count", in: dataset)
        #expect(literal == .integer(715) && regex == literal && anchored == literal)
        #expect(try LangFixtures.value("t where s matches \"é$\" count", in: dataset) == .integer(5_000 - 715))
    }

    struct BadPattern: CustomTestStringConvertible, Sendable {
        var pattern: String
        var code: Diagnostic.Code
        /// The offending part of the pattern, which the caret must cover.
        var marked: String
        var message: String
        var testDescription: String { pattern }
    }

    static let badPatterns: [BadPattern] = [
        BadPattern(pattern: "([", code: .invalidRegex, marked: "[", message: "\"[\" is not closed"),
        BadPattern(pattern: "ab(c", code: .invalidRegex, marked: "(", message: "\"(\" is not closed"),
        BadPattern(pattern: "ab)", code: .invalidRegex, marked: ")", message: "unmatched \")\""),
        BadPattern(pattern: "*a", code: .invalidRegex, marked: "*", message: "\"*\" has nothing to repeat"),
        BadPattern(pattern: "a|+", code: .invalidRegex, marked: "+", message: "\"+\" has nothing to repeat"),
        BadPattern(pattern: "a**", code: .invalidRegex, marked: "*", message: "a repetition of a repetition"),
        BadPattern(pattern: "[z-a]", code: .invalidRegex, marked: "z-a", message: "the range z-a is backwards"),
        BadPattern(pattern: "a{3,2}", code: .invalidRegex, marked: "{3,2}", message: "{3,2}: the upper count is below the lower one"),
        BadPattern(pattern: "a{1001}", code: .invalidRegex, marked: "{1001}", message: "a repetition count above 1000"),
        BadPattern(pattern: "x\\q", code: .invalidRegex, marked: "\\q", message: "unknown escape \"\\q\""),
        BadPattern(pattern: "\\x4", code: .invalidRegex, marked: "\\x4", message: "a bad hexadecimal escape"),
        BadPattern(pattern: "(?x)a", code: .invalidRegex, marked: "(", message: "unknown group or flag \"(?x\""),
        BadPattern(pattern: "(a)\\1", code: .unsupportedRegex, marked: "\\1", message: "backreferences: not supported"),
        BadPattern(pattern: "a(?=b)", code: .unsupportedRegex, marked: "(?=", message: "lookahead: not supported"),
        BadPattern(pattern: "(?<!a)b", code: .unsupportedRegex, marked: "(?<!", message: "lookbehind: not supported"),
        BadPattern(pattern: "(?>a)", code: .unsupportedRegex, marked: "(?>", message: "atomic groups: not supported"),
        BadPattern(pattern: "a++", code: .unsupportedRegex, marked: "++", message: "possessive quantifiers: not supported"),
        BadPattern(pattern: "\\p{L}", code: .unsupportedRegex, marked: "\\p", message: "Unicode property classes (\\p{…}): not supported"),
        BadPattern(pattern: "[[:alpha:]]", code: .unsupportedRegex, marked: "[:", message: "POSIX classes such as [:alpha:]: not supported"),
        BadPattern(pattern: "[a-z&&[aeiou]]", code: .unsupportedRegex, marked: "&&", message: "class intersections (&&): not supported"),
    ]

    /// A bad pattern is refused with what is wrong and where: the offending characters of the pattern.
    @Test(arguments: badPatterns)
    func badPatternsSayWhere(_ bad: BadPattern) throws {
        do {
            _ = try RegexProgram(bad.pattern)
            Issue.record("\(bad.pattern) compiled")
        } catch {
            #expect(error.kind == (bad.code == .unsupportedRegex ? .unsupported : .invalid))
            #expect(error.problem == bad.message)
            #expect(!error.hint.isEmpty)
            let marked = bad.pattern.utf8.dropFirst(error.offset).prefix(error.length)
            #expect(String(decoding: marked, as: UTF8.self) == bad.marked)
            if bad.pattern == "a**" { #expect(error.offset == 2) }
        }
    }

    /// In a query, the error is found at check time and the caret is on those characters of the literal.
    @Test(arguments: badPatterns.filter { !$0.pattern.contains("\\") })
    func badPatternsArePlacedErrors(_ bad: BadPattern) throws {
        let prefix = "people where name matches \""
        let diagnostic = try #require(LangFixtures.diagnostics(prefix + bad.pattern + "\" select id").first)
        #expect(diagnostic.code == bad.code)
        #expect(diagnostic.message.hasSuffix(": " + bad.message), "\(diagnostic.message)")
        #expect(diagnostic.hints.count == 1)
        let range = try #require(diagnostic.range)
        let marked = String(decoding: Array((prefix + bad.pattern).utf8)[range.start..<range.end], as: UTF8.self)
        #expect(marked == bad.marked, "\(range)")
    }

    /// With escapes in the literal, the pattern's offsets are not the source's: the caret covers the literal.
    @Test func badPatternWithEscapesMarksTheLiteral() throws {
        let diagnostic = try #require(LangFixtures.failure("people where name matches \"\\\\1\""))
        #expect(diagnostic.code == .unsupportedRegex)
        #expect(diagnostic.range == SourceRange(26, 31))
    }

    @Test func hugeRepetitionsAreRefused() throws {
        let diagnostic = try #require(LangFixtures.failure("people where name matches \"(a{1000}){1000}\""))
        #expect(diagnostic.code == .invalidRegex)
        #expect(diagnostic.message.contains("too large"))
    }

    @Test func deepGroupsAreRefused() throws {
        let pattern = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        let diagnostic = try #require(LangFixtures.failure("people where name matches \"\(pattern)\""))
        #expect(diagnostic.code == .invalidRegex)
        #expect(diagnostic.message.contains("nested"))
    }

    /// Capture groups are numbered in the program for a later `regex_extract`.
    @Test func groupsAreNumbered() throws {
        #expect(try RegexProgram("(a)(?:b)(?<name>c)((d))").captureCount == 4)
    }
}

/// `matches` over many rows stops when its query is cancelled, in `where` and in `select`. The query runs
/// on the test's thread and a plain thread cancels it (tasks could wait behind busy cooperative threads).
@Suite struct RegexCancellationTests {
    @Test(arguments: ["t where s matches \"[a-d]{1,20}z\" count", "t select s matches \"[a-d]{1,20}z\" as m count"])
    func longMatchingIsCancelled(_ text: String) throws {
        let rows = (0..<20_000).map { [Value.string(String(repeating: "abcd", count: 50) + String($0))] }
        let query = try Engine(dataset: try LangFixtures.dataset("t", ["s"], rows)).prepare(text)
        let token = CancellationToken()
        Thread {
            Thread.sleep(forTimeInterval: 0.1)
            token.cancel()
        }.start()
        let error = #expect(throws: Diagnostic.self) { try query.run(cancellation: token) }
        #expect(error?.code == .cancelled)
    }
}

/// Capture groups, for `regex_extract`: leftmost-first as RE2 (the first alternative and the greedy
/// repetition a backtracker would try first), the last iteration of a repeated group, null for a group
/// that takes no part.
@Suite struct RegexCaptureTests {
    /// (pattern, text, group, expected text or nil)
    static let cases: [(String, String, Int, String?)] = [
        ("b+", "abbbc", 0, "bbb"),
        ("b+?", "abbbc", 0, "b"),
        ("(a|ab)(c|bcd)", "abcd", 0, "abcd"),
        ("(a|ab)(c|bcd)", "abcd", 2, "bcd"),
        ("(ab|a)(c|bcd)", "abcd", 1, "ab"),
        ("(a+)(a*)", "aaa", 1, "aaa"),
        ("(a+?)(a*)", "aaa", 1, "a"),
        ("(ab)+", "xababab", 1, "ab"),
        ("(a)|b", "b", 1, nil),
        ("(a)|b", "b", 0, "b"),
        ("x", "abc", 0, nil),
        ("(x*)", "abc", 1, ""),
        ("^(\\w+)", "Phở bò", 1, "Phở"),
        ("([0-9]+)-year", "a 34-year old man", 1, "34"),
        ("(é)(.)", "café!", 2, "!"),
        ("(?i)(TOGO)", "from togo", 1, "togo"),
        ("a(b(c))?d", "ad", 2, nil),
        ("a(b(c))?d", "abcd", 2, "c"),
        ("\\b(\\w)", "  xyz", 1, "x"),
        ("(a*)+$", "aab", 0, ""),
        ("(?:(a)|(b))+", "ab", 1, "a"),
        ("(?:(a)|(b))+", "ab", 2, "b"),
    ]

    @Test(arguments: cases)
    func groups(_ pattern: String, _ text: String, _ group: Int, _ expected: String?) throws {
        let program = try RegexProgram(pattern)
        #expect(program.extract(group: group, from: text) == expected)
        #expect(program.isMatch(text) == (program.extract(group: 0, from: text) != nil))
    }

    @Test func regexExtractInQueries() throws {
        #expect(try LangFixtures.column("people select regex_extract(name, \"^(.)(.)\", 2)") == ["n", "o", "h", "a", "m", "a"])
        #expect(try LangFixtures.column("people select regex_extract(city, \"o\")") == ["o", nil, nil, "o", nil, nil])
        #expect(try LangFixtures.column("people select regex_extract(name, \"(z)\", id - id)") == [nil, nil, nil, nil, nil, nil])
        let past = LangFixtures.failure("people select regex_extract(name, \"(a)\", id)")
        #expect(past?.code == .regexGroup)
    }

    @Test func regexExtractErrorsArePlaced() {
        #expect(LangFixtures.diagnostics("people select regex_extract(name, \"(a)\", 2)").map(\.code) == [.regexGroup])
        #expect(LangFixtures.diagnostics("people select regex_extract(name, \"(a)\", -1)").map(\.code) == [.regexGroup])
        #expect(LangFixtures.diagnostics("people select regex_extract(name, city)").map(\.code) == [.notConstant])
        #expect(LangFixtures.diagnostics("people select regex_extract(name, \"(a\")").map(\.code) == [.invalidRegex])
        #expect(LangFixtures.diagnostics("people select regex_extract(age, \"a\")").map(\.code) == [.argumentType])
        #expect(LangFixtures.diagnostics("people select regex_extract(name, \"a\", \"1\")").map(\.code) == [.argumentType])
    }
}
