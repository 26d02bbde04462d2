// A join's left side streams from an opened file in chunks (it is not read whole first) when the join's
// output streams: the results are those of the files loaded whole, and only the other side's file is read.

import Foundation
import Testing
@testable import WekaQL

@Suite struct StreamedJoinLeftTests {
    static let left: String = {
        var text = "id,k,n,v\n"
        for i in 0..<3_000 { text += "\(i),\(i % 41 == 0 ? "" : "Côte \(i % 257)"),\(i % 9 == 0 ? "" : String(i % 50)),v\(i % 5)\n" }
        return text
    }()
    static let right: String = {
        var text = "k,w\n"
        for i in 0..<600 { text += "\(i % 31 == 0 ? "" : "Côte \(i % 300)"),w\(i % 4)\n" }
        return text
    }()

    static let queries = [
        "l join r on k | count", "l left join r on k | count by v, w", "l join r on k | where n > 40 | sort by n desc, id limit 6",
        "l semi join r on k | summarize s = sum(n) by v", "l anti join r on k | where id < 200", "l where n < 3 | join r on k | distinct w",
    ]

    @Test(arguments: queries)
    func aStreamedLeftSideGivesTheLoadedResult(_ query: String) throws {
        let l = try TemporaryFile(name: "l.csv", contents: Data(Self.left.utf8))
        let r = try TemporaryFile(name: "r.csv", contents: Data(Self.right.utf8))
        try withExtendedLifetime((l, r)) {
            var loaded = Dataset()
            try loaded.load(path: l.path)
            try loaded.load(path: r.path)
            var eager = Engine(dataset: loaded)
            let expected = try eager.run(query).map { Renderer(format: .table).render($0.table) }
            var opened = Dataset()
            try opened.open(path: l.path)
            try opened.open(path: r.path)
            var engine = Engine(dataset: opened)
            engine.streamsFiles = true
            let streamed = try engine.run(query).map { Renderer(format: .table).render($0.table) }
            #expect(streamed == expected)
            #expect(engine.dataset["l"]?.file?.columnsRead == [], "the left file was read whole")
            #expect(engine.dataset["r"]?.file?.columnsRead.isEmpty == false)
        }
    }

    @Test func aSelfJoinStillReadsItsFileOnce() throws {
        let l = try TemporaryFile(name: "l.csv", contents: Data(Self.left.utf8))
        try withExtendedLifetime(l) {
            var opened = Dataset()
            try opened.open(path: l.path)
            var engine = Engine(dataset: opened)
            engine.streamsFiles = true
            let counted = try engine.run("l join l on v count")
            #expect(counted[0].table.values(ofColumn: 0) == [.integer(5 * 600 * 600)])
            #expect(engine.dataset["l"]?.file?.columnsRead.isEmpty == false, "the right side reads the file")
        }
    }
}
