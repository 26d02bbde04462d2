// Streamed rows are the rows of `run` over the whole query corpus (StreamingCorpusTests' scripts): each
// query of each script, prepared after the script's `let`s ran, read through RowSequence and RowCursor,
// over the built-in data in memory and read in chunks of 3 rows.

import Foundation
import Testing
@testable import WekaQL

@Suite struct RowStreamCorpusTests {
    /// The queries of `script` that prepare (not `let`, `explain` or `assert`), with an engine that ran it.
    static func queries(_ script: URL, over dataset: Dataset) throws -> (Engine, [String]) {
        var engine = Engine(dataset: dataset)
        let file = SourceFile(name: script.lastPathComponent, text: try String(contentsOf: script, encoding: .utf8))
        engine.run(file, parameters: StreamingCorpusTests.parameters(for: script), keepGoing: true) { _ in }
        let plans = engine.compile(file).plans.filter { $0.binding == nil && !$0.explain && $0.assertion == nil }
        return (engine, plans.map { file.text(in: $0.range) })
    }

    static func names(_ fields: [Field]) -> [String] { fields.map(\.name) }

    @Test(arguments: [false, true])
    func streamedRowsAreRunRows(chunked: Bool) async throws {
        let dataset = chunked ? try StreamingCorpusTests.chunked(.builtIn, rows: 3) : Dataset.builtIn
        var compared = 0, inPieces = 0
        for script in StreamingCorpusTests.scripts {
            let (engine, queries) = try Self.queries(script, over: dataset)
            let parameters = StreamingCorpusTests.parameters(for: script)
            for text in queries {
                guard let prepared = try? engine.prepare(text) else { continue }
                let label = "\(script.lastPathComponent): \(text)"
                guard let whole = try? prepared.run(parameters) else {
                    await #expect(throws: Diagnostic.self, "\(label)") { for try await _ in prepared.rows(parameters) {} }
                    continue
                }
                var streamed: [[Value]] = []
                for try await row in prepared.rows(parameters) { streamed.append(row.values) }
                #expect(streamed == whole.map(\.values), "\(label)")
                let cursor = try prepared.cursor(parameters)
                var pieces: [Table] = []
                while let chunk = try cursor.nextChunk() { pieces.append(chunk) }
                #expect(pieces.flatMap { $0.map(\.values) } == whole.map(\.values), "\(label)")
                #expect(pieces.allSatisfy { Self.names($0.fields) == Self.names(whole.fields) }, "\(label)")
                compared += 1
                if pieces.count > 1 { inPieces += 1 }
            }
        }
        #expect(compared > 100, "only \(compared) corpus queries compared")
        if chunked { #expect(inPieces > 20, "only \(inPieces) corpus queries came in more than one chunk") }
    }
}
