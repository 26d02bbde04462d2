// Warnings the eager load gives that a streamed read finds as it goes: a JSON lines field that mixes
// kinds only past the first chunk (W0506, naming the row the whole load names), and the rows
// `bad_rows=skip` left out, given once per file however many statements stream over it.

import Foundation
import Testing
@testable import WekaQL

@Suite struct StreamedWarningsTests {
    /// Runs `script` over the JSON lines `text` opened as `c`, read in chunks of `chunkBytes`.
    static func streamedJSONLines(_ file: TemporaryFile, _ script: String, chunkBytes: Int) throws -> String {
        try withExtendedLifetime(file) {
            var warnings: [Diagnostic] = []
            var chunks = try JSONLinesChunks(path: file.path, file: try #require(try FileBytes.map(file.path)), collection: "c", warnings: &warnings)
            chunks.chunkBytes = chunkBytes
            var dataset = Dataset()
            dataset.add(Dataset.Collection(name: "c", description: "", columns: FileColumns(chunks: chunks, path: file.path, options: LoadOptions(), seconds: 0)))
            var engine = Engine(dataset: dataset)
            engine.streamsFiles = true
            return StreamingCorpusTests.output(engine, "q.wql", script, parameters: [:])
        }
    }

    static func eagerWarnings(_ file: TemporaryFile) throws -> [Diagnostic] {
        try withExtendedLifetime(file) {
            var dataset = Dataset()
            var options = LoadOptions()
            options.name = "c"
            return try dataset.load(path: file.path, options: options)
        }
    }

    @Test(arguments: [64, 1 << 20])
    func aMixOnlyALateChunkShowsIsWarnedAsLoadingWarns(_ chunkBytes: Int) throws {
        let lines = (0..<3_000).map { i in i == 2_900 ? "{\"id\": \(i), \"v\": \"two\"}" : "{\"id\": \(i), \"v\": \(i)}" }
        let text = lines.joined(separator: "\n") + "\n"
        let file = try TemporaryFile(name: "c.jsonl", contents: Data(text.utf8))
        let expected = try Self.eagerWarnings(file).filter { $0.code == .mixedTypes }
        #expect(expected.count == 1)
        let output = try Self.streamedJSONLines(file, "c where id > 10 select v count\nc where id > 20 count", chunkBytes: chunkBytes)
        #expect(output.contains(expected[0].message), "\(output)")
        #expect(output.components(separatedBy: "W0506").count == 2, "given once: \(output)")
    }

    @Test func skippedRowsAreWarnedOncePerFile() throws {
        let text = "a,b\n1,2\n3\n4,5,6\n7,8\n"
        let file = try TemporaryFile(name: "t.csv", contents: Data(text.utf8))
        try withExtendedLifetime(file) {
            var dataset = Dataset()
            try dataset.open(path: file.path, options: try LoadOptions(["bad_rows=skip"]))
            var engine = Engine(dataset: dataset)
            engine.streamsFiles = true
            let output = StreamingCorpusTests.output(engine, "q.wql", "t count\nt where a > 1 count\nt count by b", parameters: [:])
            #expect(output.components(separatedBy: Diagnostic.Code.skippedRows.rawValue).count == 2, "\(output)")
        }
    }
}
