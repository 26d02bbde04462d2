// Grammar-driven robustness: programs generated from Grammar/wekaql.ebnf (with real collection and field
// names) must parse, check and run without a crash, and so must mutations of them. Whatever fails must be
// a diagnostic with a position. The same programs seed the query fuzzer (see `writeSeeds`).

import Foundation
import Testing
@testable import WekaQL

@Suite struct GeneratedProgramTests {
    static let programCount = 300

    /// Program `seed`, generated as GrammarTests does, as tokens joined with the grammar's line breaks.
    static func program(_ seed: UInt64, grammar: EBNFGrammar, breaks: LineBreaks) throws -> (text: String, pieces: [GeneratedToken]) {
        var generator = SentenceGenerator(grammar: grammar, seed: seed, overrides: GrammarTests.realNames)
        generator.tokenConditions["DECIMAL"] = { Double($0.replacingOccurrences(of: "_", with: ""))?.isFinite == true }
        let pieces = try generator.pieces(of: "program")
        return (breaks.join(pieces, random: &generator.random), pieces)
    }

    /// Runs `text` every way the CLI and shell do; returns the diagnostics that have no position.
    static func exercise(_ text: String) -> [Diagnostic] {
        let file = SourceFile(name: "generated", text: text)
        var engine = Engine()
        var unplaced = engine.check(file).filter { $0.location == nil }
        _ = Layout.isComplete(text)
        _ = engine.parameters(of: file)
        engine.run(file, parameters: ["c": "Togo", "n": 2, "d": 1.5], keepGoing: true) { event in
            switch event {
            case .result(let result): _ = Renderer(format: .table, maxWidth: 60, maxRows: 6).render(result.table)
            case .failure(let diagnostic):
                _ = diagnostic.description
                // A run stopped from outside has no place; everything else points into the program.
                if diagnostic.location == nil && diagnostic.code != .cancelled { unplaced.append(diagnostic) }
            }
        }
        return unplaced
    }

    @Test func validProgramsRun() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        var ran = 0
        for seed in UInt64(1)...UInt64(Self.programCount) {
            let (text, _) = try Self.program(seed, grammar: grammar, breaks: breaks)
            let syntax = Parser.parse(SourceFile(name: "generated", text: text)).diagnostics
            #expect(syntax.isEmpty, "seed \(seed) does not parse:\n\(text)")
            let unplaced = Self.exercise(text)
            #expect(unplaced.isEmpty, "seed \(seed): errors without a position: \(unplaced.map(\.message))\n\(text)")
            ran += 1
        }
        #expect(ran == Self.programCount)
    }

    /// Token-level mutations (drop, repeat, swap, insert a grammar token, cut) and byte-level ones.
    @Test func mutatedProgramsDoNotCrash() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        let vocabulary = try grammar.language(ofRule: "SYMBOL").union(grammar.language(ofRule: "KEYWORD")).sorted()
            + ["\"x\"", "`a b`", "$c", "0", "-1", "9223372036854775808", "1e400", "(", ")", "\n", ";", "#", "\"", "\\u{"]
        var random = SeededRandom(seed: 2022)
        for seed in UInt64(1)...UInt64(Self.programCount) {
            let (text, pieces) = try Self.program(seed, grammar: grammar, breaks: breaks)
            for _ in 0..<3 {
                var tokens = pieces.map(\.text)
                Self.mutate(&tokens, vocabulary: vocabulary, random: &random)
                let mutated = tokens.joined(separator: random.chance(0.8) ? " " : "")
                let unplaced = Self.exercise(mutated)
                #expect(unplaced.isEmpty, "seed \(seed): errors without a position: \(unplaced.map(\.message))\n\(mutated)")
            }
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                bytes[at] = random.chance(0.5) ? UInt8.random(in: 0...255, using: &random) : bytes[Int.random(in: 0..<bytes.count, using: &random)]
            }
            _ = Self.exercise(String(decoding: bytes, as: UTF8.self))
        }
    }

    static func mutate(_ tokens: inout [String], vocabulary: [String], random: inout SeededRandom) {
        for _ in 0..<Int.random(in: 1...3, using: &random) where !tokens.isEmpty {
            let at = Int.random(in: 0..<tokens.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: tokens.remove(at: at)
            case 1: tokens.insert(tokens[at], at: at)
            case 2: tokens.swapAt(at, Int.random(in: 0..<tokens.count, using: &random))
            case 3: tokens.insert(random.pick(vocabulary), at: at)
            default: tokens.removeSubrange(at...)
            }
        }
    }

    /// Writes the generated programs into Fuzz/corpus/query as fuzzer seeds: WEKAQL_WRITE_FUZZ_SEEDS=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["WEKAQL_WRITE_FUZZ_SEEDS"] == "1"))
    func writeSeeds() throws {
        let grammar = try EBNFGrammar.load(from: GrammarTests.grammarURL)
        let breaks = try LineBreaks(grammar: grammar)
        let corpus = FuzzRegressionTests.folder.deletingLastPathComponent().appendingPathComponent("corpus/query")
        for seed in UInt64(1)...100 {
            let (text, _) = try Self.program(seed, grammar: grammar, breaks: breaks)
            let name = "grammar-" + String(format: "%03d", seed) + ".wql"
            try Data(text.utf8).write(to: corpus.appendingPathComponent(name))
        }
    }
}
