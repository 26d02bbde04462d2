// Hover on a stage keyword in `wekaql lsp`: the stage's own lines of `.help stages`, not every line
// whose usage holds the word (`union [distinct]` is not shown for `distinct`).

import Testing

@Suite struct HoverStageTests {
    /// The hover reply for the word at `character` of the one-line document `text`.
    static func hover(_ text: String, at character: Int) throws -> String {
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///h.wql","languageId":"wekaql","version":1,"text":"\#(text)"}}}"#
        let hover = #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///h.wql"},"position":{"line":0,"character":\#(character)}}}"#
        let (messages, _) = try LanguageServerTests.serve(
            [LanguageServerTests.initialize, open, hover, LanguageServerTests.shutdown].joined(separator: "\n"))
        return try #require(messages.first { $0.contains(#""id":2"#) })
    }

    @Test(arguments: [
        // (document, word hovered, a text its hover has, a text it must not have)
        ("arrests distinct country", "distinct", "distinct [FIELD", "union"),
        ("arrests union victims", "union", "union [distinct] SOURCE", "distinct [FIELD"),
        ("arrests order by country", "order", "sort by EXPR", "top N"),
        ("arrests left join countries on country", "left", "[left] join COLLECTION", "union"),
    ])
    func stageHoverShowsItsOwnUsage(_ text: String, _ word: String, _ shown: String, _ notShown: String) throws {
        let at = try #require(text.range(of: word)).lowerBound.utf16Offset(in: text) + 1
        let reply = try Self.hover(text, at: at)
        #expect(reply.contains(shown), "\(reply)")
        #expect(!reply.contains(notShown), "\(reply)")
    }
}
