// A table fitted to a width: the long columns give up room first, so a short one (a country) is not
// cut to make every column the same width.

import Testing
import WekaQL

@Suite struct TableFittingTests {
    @Test func aShortColumnStaysWholeWhileALongOneIsCut() throws {
        let sentence = String(repeating: "a long sentence of the release ", count: 8)
        let table = try Table(columns: ["country", "allegation", "source"],
                              rows: [["Côte d'Ivoire", .string(String(sentence.prefix(60))), .string(sentence)]])
        let text = Renderer(format: .table, maxWidth: 45).render(table)
        #expect(text.contains("│ Côte d'Ivoire │"))
        #expect(text.split(separator: "\n").allSatisfy { DisplayText.width(of: String($0)) <= 45 })
    }
}
