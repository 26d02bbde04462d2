// The words of the language have one home (`StageWord.all`, the function catalogue): what is derived
// from it is checked by the compiler; what cannot be (the README's lists, the checker's messages) is
// held to it here. GrammarTests holds the EBNF and EditorGrammarTests the TextMate grammars.

import Foundation
import Testing
@testable import WekaQL

@Suite struct VocabularyTests {
    static let readme = GrammarTests.folder.deletingLastPathComponent().appendingPathComponent("README.md")

    @Test func eachStageKeywordStartsOneStage() {
        let keywords = StageWord.all.flatMap(\.keywords)
        #expect(Set(keywords).count == keywords.count, "a keyword starts two stages in StageWord.all")
        #expect(Set(keywords) == Keyword.stageStarts)
        for stage in StageWord.all {
            #expect(!stage.usage.isEmpty && !stage.summary.isEmpty, "\(stage.name) has no help")
            for offer in stage.offered {
                let first = Lexer.tokenize(SourceFile(name: "-", text: offer)).tokens.first
                #expect(first?.keyword.map(stage.keywords.contains) == true, "\(offer) does not start with a keyword of \(stage.name)")
            }
        }
    }

    /// The README's table of stages has a row for each stage, and names no stage that is not one.
    @Test func readmeStageTableIsTheStageList() throws {
        let lines = try String(contentsOf: Self.readme, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex(of: "| stage | meaning |"), "README.md has no \"| stage | meaning |\" table")
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
        // The first word of each code span of a row's first cell, without brackets: `[left] join …` gives left.
        let spans = rows.map { row in
            (row.split(separator: "|", omittingEmptySubsequences: true).first ?? "")
                .split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
                .compactMap { $0.element.split(separator: " ").first.map { String($0.filter { !"[]".contains($0) }) } }
        }
        let written = Set(spans.flatMap { $0 })
        for stage in StageWord.all {
            #expect(stage.keywords.contains { written.contains($0.rawValue) }, "README.md's stage table has no row for \(stage.name)")
        }
        let unknown = spans.compactMap(\.first).filter { word in Keyword(rawValue: word).map { !Keyword.stageStarts.contains($0) } ?? true }
        #expect(unknown.isEmpty, "README.md's stage table starts rows with words that start no stage: \(unknown.sorted())")
    }

    /// The README's inline lists of functions and of aggregates name only functions the checker knows.
    @Test func readmeFunctionListsAreTheCatalogues() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let functions = try #require(readme.range(of: "; functions `").map { readme[$0.upperBound...].prefix { $0 != "`" } })
        let unknown = functions.split(whereSeparator: \.isWhitespace).map(String.init).filter { Function(rawValue: $0) == nil }
        #expect(!functions.isEmpty && unknown.isEmpty, "README.md lists functions the catalogue lacks: \(unknown)")

        let summarize = try #require(readme.range(of: "| aggregates ").map { readme[$0.upperBound...] })
        let aggregates = summarize[..<(summarize.range(of: ", or an expression")?.lowerBound ?? summarize.startIndex)]
        let names = aggregates.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }
            .compactMap { $0.element.split(separator: "(").first.map(String.init) }
        let unknownAggregates = names.filter { AggregateFunction(rawValue: $0) == nil }
        #expect(names.count >= 10 && unknownAggregates.isEmpty, "README.md lists aggregates the catalogue lacks: \(unknownAggregates)")
    }

    /// Completion's detail for an aggregate is the signature the checker's messages quote.
    @Test(arguments: AggregateFunction.allCases)
    func checkerQuotesCompletionsSignature(_ aggregate: AggregateFunction) throws {
        let offered = try #require(Vocabulary.aggregates.first { $0.name == aggregate.rawValue })
        let arguments = Array(repeating: "arrested", count: aggregate.arity.upperBound + 1).joined(separator: ", ")
        let problems = Engine().check("arrests summarize x = \(aggregate.rawValue)(\(arguments))")
        #expect(problems.first?.code == .argumentCount)
        #expect(problems.first?.hints == ["call it as \(offered.signature)"])
    }

    @Test func unknownStageHintListsEveryStage() {
        let problem = Engine().check("arrests wher country = \"Togo\"").first
        #expect(problem?.code == .unknownStage)
        #expect(problem?.hints == ["did you mean \"where\"?", "stages: " + StageWord.all.map(\.name).joined(separator: ", ")])
    }
}
