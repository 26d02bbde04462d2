// A streamed `limit` stops taking rows once it has them but reads its file to the end for what the
// in-memory run, which loads it whole, reports: a bad row past the rows kept is the same error, and a
// value past them that does not fit its column's sampled type gives the column its true type, whatever
// chunk the row falls in.

import Foundation
import Testing
@testable import WekaQL

@Suite struct StreamedLimitTests {
    /// What `script` reports over the CSV `text` opened as `t`: streamed in chunks of `chunkBytes`, or read whole.
    static func output(_ text: String, _ script: String, chunkBytes: Int?) throws -> String {
        let file = try TemporaryFile(name: "t.csv", contents: Data(text.utf8))
        return try withExtendedLifetime(file) {
            var dataset = Dataset()
            if let chunkBytes {
                let chunks = try #require(try CSVChunks.open(path: file.path, options: LoadOptions(), chunkBytes: chunkBytes))
                dataset.add(Dataset.Collection(name: "t", description: "", columns: FileColumns(chunks: chunks, path: file.path, options: LoadOptions(), seconds: 0)))
            } else {
                try dataset.open(path: file.path)
            }
            var engine = Engine(dataset: dataset)
            engine.streamsFiles = chunkBytes != nil
            return StreamingCorpusTests.output(engine, "q.wql", script, parameters: [:])
        }
    }

    static let rows = "id,name\n" + (1...400).map { "\($0),n\($0)\n" }.joined()

    @Test(arguments: ["t limit 3", "t where id > 2 limit 2 offset 1", "t union t limit 3", "t select name limit 1"])
    func aBadRowPastTheLimitIsTheInMemoryError(_ script: String) throws {
        let text = Self.rows + "401,x,extra\n402,y\n"
        let expected = try Self.output(text, script, chunkBytes: nil)
        #expect(expected.contains("E0503"), "\(expected)")
        for size in [64, 1_000, 1 << 20] {
            let streamed = try Self.output(text, script, chunkBytes: size)
            #expect(streamed.contains("E0503"), "\(script) in chunks of \(size) bytes: \(streamed)")
        }
    }

    @Test(arguments: ["t limit 3", "t union t select collection, id limit 2", "t where name = \"n2\" limit 1"])
    func aMisfitPastTheLimitGivesTheTrueType(_ script: String) throws {
        let text = Self.rows + "x401,n401\n"
        let expected = try Self.output(text, script, chunkBytes: nil)
        #expect(!expected.contains("error["), "\(expected)")
        for size in [64, 1 << 20] {
            #expect(try Self.output(text, script, chunkBytes: size) == expected, "\(script) in chunks of \(size) bytes")
        }
    }
}
