// The line of each loaded row (what `why` shows as file:line), noted while the file is parsed: quoted
// line breaks, blank lines, CRLF, rows left out by bad_rows=skip, a file parsed in two halves, JSON lines.

import Foundation
import Testing
@testable import WekaQL

@Suite struct RecordLineTests {
    /// The line of every row of the file's one collection.
    /// (A JSON document's lines are found by reading it again, so the file is kept while they are asked.)
    static func lines(_ name: String, _ text: String, _ options: [String] = []) throws -> [Int?] {
        let file = try TemporaryFile(name: name, contents: Data(text.utf8))
        return try withExtendedLifetime(file) {
            var dataset = Dataset()
            try dataset.load(path: file.path, options: LoadOptions(options))
            let collection = try #require(dataset.collections.last)
            let loaded = try #require(collection.file)
            let rows = try collection.table.rowCount
            return (0..<rows).map { loaded.line(ofRow: $0) }
        }
    }

    @Test func csvRowsOnTheirLines() throws {
        let text = "a,b\n1,\"x\ny\"\n\n\n2,z\r\n3,\"q\"\r\n\"4\n\n\",w\n5,v"
        #expect(try Self.lines("t.csv", text) == [2, 6, 7, 8, 11])
    }

    @Test func skippedRowsKeepTheLinesCounted() throws {
        let text = "a,b\n1,2\n3\n\"4\n\",5,6\n7,8\n"
        #expect(try Self.lines("t.csv", text, ["bad_rows=skip"]) == [2, 6])
    }

    @Test func withoutHeaderAndAfterSkippedLines() throws {
        #expect(try Self.lines("t.csv", "note\nnote\n1,2\n3,4\n", ["skip=2", "header=false"]) == [3, 4])
    }

    @Test func aFileParsedInTwoHalvesCountsOnAcrossThem() throws {
        // Over CSVLoader.parallelThreshold, so parsed in two parts; every 1000th record spans two lines.
        var text = "id,note\n"
        var expected: [Int?] = []
        var line = 2
        for row in 0..<120_000 {
            expected.append(line)
            if row % 1000 == 7 {
                text += "\(row),\"two\nlines and some text to make the file large enough\"\n"
                line += 2
            } else {
                text += "\(row),one line and some text to make the file large enough\n"
                line += 1
            }
        }
        #expect(text.utf8.count > CSVLoader.parallelThreshold)
        #expect(try Self.lines("big.csv", text) == expected)
    }

    @Test func jsonLinesAndJSONArrays() throws {
        #expect(try Self.lines("t.jsonl", "{\"a\": 1}\n\n{\"a\":\n 2}\n{\"a\": 3}\n") == [1, 3, 5])
        #expect(try Self.lines("t.json", "[\n{\"a\": 1},\n\n{\"a\": 2}]") == [2, 4])
    }

    @Test func theIndexKeepsOnlyWhereLinesJump() {
        var index = RecordLineIndex()
        for line in [2, 3, 4, 7, 8, 20] { index.append(line: line) }
        var other = RecordLineIndex()
        for line in [0, 1, 3] { other.append(line: line) }
        index.append(contentsOf: other, lineOffset: 21)
        #expect((0..<9).map { index.line(ofRow: $0) } == [2, 3, 4, 7, 8, 20, 21, 22, 24])
        #expect(index.line(ofRow: 9) == nil && index.line(ofRow: -1) == nil)
    }
}
