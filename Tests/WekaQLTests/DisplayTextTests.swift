// How a text is shown to a person: which characters become escapes, how wide a text is on a terminal,
// and how it is cut and wrapped without splitting an escape; and diagnostics shown the same way.

import Testing
@testable import WekaQL

@Suite struct DisplayTextTests {
    @Test(arguments: [
        ("plain", "plain", DisplayText.Escapes()),
        ("\u{1B}[2J", #"\x1b[2J"#, .control),
        ("\u{00}\u{07}\u{7F}", #"\x00\x07\x7f"#, .control),
        ("\u{80}\u{9B}\u{9F}", #"\x80\x9b\x9f"#, .control),
        ("a\tb\nc\rd", #"a\tb\nc\rd"#, .control),
        ("\r\n", #"\r\n"#, .control),
        ("\u{202E}\u{202A}\u{2066}\u{2069}", #"\u{202E}\u{202A}\u{2066}\u{2069}"#, .bidirectional),
        ("\u{200E}\u{200F}\u{061C}\u{2028}\u{2029}", #"\u{200E}\u{200F}\u{61C}\u{2028}\u{2029}"#, .bidirectional),
        (#"C:\temp"#, #"C:\temp"#, []),
        ("\\\u{1B}", #"\\\x1b"#, .control),   // a backslash is doubled once a value needs escapes
        ("é 東京 👨\u{200D}👩 a\u{200D}b", "é 東京 👨\u{200D}👩 a\u{200D}b", []),
    ] as [(String, String, DisplayText.Escapes)])
    func escapes(_ text: String, _ shown: String, _ kinds: DisplayText.Escapes) {
        let display = DisplayText(text)
        #expect(display.plain == shown)
        #expect(display.escapes == kinds)
        #expect(DisplayText.escaping(text) == shown)
    }

    @Test(arguments: [
        ("Togo", 4), ("Côte", 4), ("e\u{301}", 1), ("Z\u{335}\u{321}", 1), ("\u{301}", 0),
        ("東京", 4), ("ｆｕｌｌ", 8), ("한국", 4), ("\u{1100}\u{1161}\u{11A8}", 2),
        ("👍", 2), ("👨\u{200D}👩\u{200D}👧", 2), ("❤\u{FE0F}", 2), ("❤", 1),
        ("a\u{200D}b", 2), ("a\u{200B}b", 2), ("", 0),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayText.width(of: text) == width)
        #expect(DisplayText(text).width == width)
    }

    @Test func escapesCountTheirLength() {
        #expect(DisplayText("a\u{1B}b").width == 6)
        #expect(DisplayText("\u{202E}").width == 8)
    }

    @Test func truncationNeverSplitsAnEscapeOrAWideCharacter() {
        #expect(DisplayText("ab\u{1B}cd").truncated(to: 5).plain == "ab…")
        #expect(DisplayText("ab\u{1B}cd").truncated(to: 7).plain == "ab\\x1b…")
        #expect(DisplayText("東京都").truncated(to: 4).plain == "東…")
        #expect(DisplayText("東京都").truncated(to: 4).width == 3)
        #expect(DisplayText("short").truncated(to: 10).plain == "short")
    }

    @Test func wrappingCutsAtSpacesAndKeepsEscapesWhole() {
        let lines = DisplayText("one two \u{1B}[31m three").wrapped(to: 9).map(\.plain)
        #expect(lines == ["one two", "\\x1b[31m", "three"])
        #expect(DisplayText("東京東京東京").wrapped(to: 5).map(\.plain) == ["東京", "東京", "東京"])
    }

    @Test func colourDimsOnlyTheEscapes() {
        #expect(DisplayText("a\u{1B}b").rendered(colored: true) == "a\u{1B}[2m\\x1b\u{1B}[22mb")
        #expect(DisplayText("ab").rendered(colored: true) == "ab")
    }

    @Test func verbatimKeepsEverything() {
        let raw = DisplayText(verbatim: "a\u{1B}[31mb")
        #expect(raw.plain == "a\u{1B}[31mb")
        #expect(raw.escapes.isEmpty)
    }

    @Test func theSummarySaysWhatWasEscaped() {
        var summary = EscapeSummary()
        #expect(summary.sentence == nil)
        summary.count(DisplayText("\u{1B}"))
        #expect(summary.sentence == "1 value shown with escapes (control characters)")
        summary.count(DisplayText("\u{202E}"))
        summary.count(DisplayText("\u{1B}"), isName: true)
        summary.count(DisplayText("plain"))
        #expect(summary.sentence == "1 field name and 2 values shown with escapes (control characters, bidirectional controls)")
    }

    // MARK: - Diagnostics

    @Test func aSnippetShowsEscapesAndTheCaretFollowsTheirWidth() throws {
        let file = SourceFile(name: "-e", text: "people where name = \"\u{1B}[2J\" and nme = 1")
        let diagnostic = try #require(Engine(dataset: LangFixtures.dataset).check(file).first)
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == #"people where name = "\x1b[2J" and nme = 1"#)
        #expect(lines[2] == String(repeating: " ", count: 34) + "^~~")
    }

    /// A line of escapes is cut to a screenful of columns, not of characters, and the caret still points.
    @Test func aLongSnippetOfControlsIsCutByColumns() throws {
        let controls = String(repeating: "\u{1B}", count: 1000)
        let file = SourceFile(name: "-e", text: "people where name = \"\(controls)\" and nme = 1 and name = \"\(controls)\"")
        let diagnostic = try #require(Engine(dataset: LangFixtures.dataset).check(file).first)
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(DisplayText.width(of: String(lines[1])) <= DiagnosticRenderer.maximumSnippetWidth + 2)
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        let token = try #require(lines[1].range(of: " nme ")).lowerBound
        #expect(column == DisplayText.width(of: String(lines[1][..<token])) + 1)
    }

    @Test func aCaretAfterWideCharactersIsUnderItsToken() throws {
        let file = SourceFile(name: "-e", text: "people where name = \"東京\" and nme = 1")
        let diagnostic = try #require(Engine(dataset: LangFixtures.dataset).check(file).first)
        let lines = DiagnosticRenderer().render(diagnostic).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "people where name = \"東京\" and nme = 1")
        #expect(lines[2] == String(repeating: " ", count: 31) + "^~~")   // 東 and 京 take two columns each, not one
    }

    @Test func aMessageOrFileNameWithControlsIsEscaped() {
        let file = SourceFile(name: "evil\u{1B}]0;pwned\u{07}.wql", text: "nope")
        let diagnostic = Diagnostic(code: .cannotRead, message: "cannot read \"x\u{1B}[2Jy\"", range: SourceRange(0, 4),
                                    file: file, hints: ["try \u{202E}this"])
        let text = DiagnosticRenderer().render(diagnostic)
        #expect(!text.unicodeScalars.contains { DisplayText.isControl($0) && $0 != "\n" || DisplayText.isBidirectionalControl($0) })
        #expect(text.hasPrefix(#"evil\x1b]0;pwned\x07.wql:1:1: error"#))
        #expect(text.contains(#"cannot read "x\x1b[2Jy""#))
        #expect(text.contains(#"help: try \u{202E}this"#))
        // JSON keeps the exact text, escaped as JSON escapes it.
        #expect(DiagnosticRenderer().json(diagnostic).contains(#""message":"cannot read \"x\u001b[2Jy\"""#))
    }
}
