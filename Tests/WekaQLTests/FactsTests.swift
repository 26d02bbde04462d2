// The facts of the press release, asserted through queries: Facts/facts.txt holds query → expected CSV rows.

import Foundation
import Testing
import WekaQL

struct FactCase: CustomTestStringConvertible, Sendable {
    var query: String
    var expected: [String]
    var line: Int
    var testDescription: String { "facts.txt:\(line): \(query)" }
}

/// Reads facts.txt: a `> query` line, then the expected rows as CSV without header; blank lines separate cases.
func loadFacts() throws -> [FactCase] {
    let url = try #require(Bundle.module.url(forResource: "facts", withExtension: "txt", subdirectory: "Facts"))
    let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    var cases: [FactCase] = []
    for (index, line) in lines.enumerated() {
        if line.hasPrefix("> ") {
            cases.append(FactCase(query: String(line.dropFirst(2)), expected: [], line: index + 1))
        } else if !line.isEmpty, !line.hasPrefix("#"), !cases.isEmpty {
            cases[cases.count - 1].expected.append(line)
        }
    }
    return cases
}

@Suite struct FactsTests {
    @Test(arguments: try loadFacts())
    func fact(_ fact: FactCase) throws {
        var engine = Engine()
        let results = try engine.run(fact.query)
        let table = try #require(results.last?.table)
        let csv = Renderer(format: .csv).render(table).split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
        #expect(Array(csv.map(String.init)) == fact.expected)
    }

    @Test func thereAreEnoughFacts() throws {
        #expect(try loadFacts().count >= 40)
    }
}
