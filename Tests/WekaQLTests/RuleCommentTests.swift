// Holds the parser's and completion's pictures of the grammar to Grammar/wekaql.ebnf: each parse
// function is headed by its rule, written as the grammar writes it (`// select = "select" , … ;`), and
// what completion offers inside a stage is a word the grammar allows there.

import Foundation
import Testing
@testable import WekaQL

@Suite struct RuleCommentTests {
    static let sources = GrammarTests.folder.deletingLastPathComponent().appendingPathComponent("Sources/WekaQL")

    /// The files whose comments quote the grammar: the parser and completion's reading of stages.
    static func files() throws -> [URL] {
        let syntax = sources.appendingPathComponent("Syntax"), completion = sources.appendingPathComponent("Completion")
        let parser = try FileManager.default.contentsOfDirectory(atPath: syntax.path).filter { $0.hasPrefix("Parser") }
            .map { syntax.appendingPathComponent($0) }
        let expectations = try FileManager.default.contentsOfDirectory(atPath: completion.path)
            .filter { $0.hasPrefix("StageExpectation") || $0 == "CompletionContext.swift" }
            .map { completion.appendingPathComponent($0) }
        return (parser + expectations).sorted { $0.path < $1.path }
    }

    /// A rule quoted in a comment: `// name = body ;`, its body going on over `//` lines until the `;`.
    struct RuleComment {
        var file: String
        var line: Int
        var text: String
    }

    static func ruleComments(in text: String, file: String) -> [RuleComment] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.drop { $0 == " " }
        }
        var comments: [RuleComment] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].hasPrefix("// "), !lines[index].hasPrefix("// MARK"),
                  let equals = lines[index].range(of: " = "),
                  lines[index][lines[index].index(lines[index].startIndex, offsetBy: 3)..<equals.lowerBound]
                    .allSatisfy({ $0.isLetter || $0 == " " }) else { continue }
            var body = [lines[index].dropFirst(3)]
            let start = index
            while !body.last!.trimmingCharacters(in: .whitespaces).hasSuffix(";"), index + 1 < lines.count, lines[index + 1].hasPrefix("//") {
                index += 1
                body.append(lines[index].dropFirst(2))
            }
            comments.append(RuleComment(file: file, line: start + 1, text: body.joined(separator: "\n")))
        }
        return comments
    }

    static func allRuleComments() throws -> [RuleComment] {
        try files().flatMap { url in ruleComments(in: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent) }
    }

    @Test func ruleCommentsNameOnlyTheGrammarsRules() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let comments = try Self.allRuleComments()
        #expect(comments.count >= 40, "found only \(comments.count) rule comments")
        for comment in comments {
            let place = "\(comment.file):\(comment.line)"
            let read: EBNFGrammar
            do { read = try EBNFReader.read(comment.text) } catch {
                Issue.record("\(place): the rule comment is not EBNF as Grammar/wekaql.ebnf writes it (\(error)): \(comment.text)")
                continue
            }
            for rule in read.rules {
                #expect(grammar[rule.name] != nil, "\(place): Grammar/wekaql.ebnf has no rule \"\(rule.name)\"")
                let unknown = EBNFGrammar.references(in: rule.body).filter { grammar[$0] == nil }
                #expect(unknown.isEmpty, "\(place): \(rule.name) names rules Grammar/wekaql.ebnf lacks: \(unknown.sorted())")
            }
        }
    }

    /// `parseSelect` is headed by the rule `select`, `parseGroupKeys` by `group keys`: a parse function
    /// named after a rule of the grammar quotes it.
    @Test func parseFunctionsNamedForARuleQuoteIt() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        var checked = 0
        for url in try Self.files() where url.lastPathComponent.hasPrefix("Parser") {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() {
                guard let match = line.firstMatch(of: /func parse([A-Z][A-Za-z]*)\(/) else { continue }
                let rule = Self.ruleName(String(match.1))
                guard grammar[rule] != nil else { continue }
                checked += 1
                let above = lines[..<number].reversed().prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
                let quoted = Self.ruleComments(in: above.reversed().joined(separator: "\n"), file: url.lastPathComponent)
                    .compactMap { try? EBNFReader.read($0.text).rules.map(\.name) }.flatMap { $0 }
                #expect(quoted.contains(rule), "\(url.lastPathComponent):\(number + 1): parse\(match.1) is not headed by the rule \"\(rule)\"")
            }
        }
        #expect(checked >= 25)
    }

    /// `GroupKeys` → `group keys`.
    static func ruleName(_ camelCase: String) -> String {
        var words: [String] = [], word = ""
        for character in camelCase {
            if character.isUppercase, !word.isEmpty { words.append(word); word = "" }
            word.append(character.lowercased())
        }
        return (words + [word]).joined(separator: " ")
    }

    /// For stages generated from the grammar, at each token, completion offers only keywords that the
    /// grammar has in that stage's rule (or the rules under it): its picture of the grammar is no wider.
    @Test func completionOffersOnlyTheStagesWords() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        guard case .choice(let alternatives)? = grammar["stage"]?.body else { Issue.record("stage is no choice"); return }
        let stages = alternatives.compactMap { if case .rule(let name) = $0 { name } else { nil } }
        #expect(stages.count >= 15)
        for (offset, stage) in stages.enumerated() {
            let reachable = grammar.reachable(from: [stage])   // with CHART KIND, X, …: words that are names
            let words = Set(grammar.terminals(inRules: reachable).flatMap { $0.split(separator: " ").map(String.init) })
            for seed in UInt64(1)...20 {
                var generator = SentenceGenerator(grammar: grammar, seed: seed * 100 + UInt64(offset), overrides: GrammarTests.realNames)
                generator.maxDepth = 8
                let pieces = try generator.pieces(of: stage).filter { $0.kind != .lineBreak }
                var text = "arrests"
                for piece in pieces {
                    text += " " + piece.text
                    let offered = CompletionContext(SourceFile(name: "-", text: text + " ")).expectation.keywords
                    let foreign = offered.flatMap { $0.split(separator: " ").map(String.init) }.filter { !words.contains($0) }
                    #expect(foreign.isEmpty, "after \(text.debugDescription), completion offers \(foreign), which \(stage) does not have")
                }
            }
        }
    }
}
