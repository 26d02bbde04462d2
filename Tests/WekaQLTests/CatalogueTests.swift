// Every message of the library is in the catalogue: outside Sources/WekaQL/Diagnostics, code makes a
// diagnostic only by a named constructor (`Diagnostic.unknownField(…)`), never by writing its text inline.

import Foundation
import Testing

@Suite struct CatalogueTests {
    static let sources = GrammarTests.folder.deletingLastPathComponent().appendingPathComponent("Sources")

    @Test(arguments: ["WekaQL", "WekaQLC", "wekaql"])
    func messagesAreWrittenOnlyInTheCatalogue(_ target: String) throws {
        let root = Self.sources.appendingPathComponent(target)
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Diagnostics/") }
        #expect(files.count > 10 || target == "WekaQLC")
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains("Diagnostic(code:") {
                Issue.record("\(target)/\(file):\(number + 1) writes a message inline; add a named constructor to the catalogue (Sources/WekaQL/Diagnostics)")
            }
        }
    }
}
