// The library used from many tasks at once, for ThreadSanitizer (Scripts/sanitize.sh) to watch: first use
// of lazily decoded built-in tables, engines and prepared queries over one shared dataset, CSV files
// (one large enough to be parsed on two threads) loaded while queries run, and cancellation.

import Foundation
import Testing
@testable import WekaQL

@Suite struct ConcurrentUseTests {
    /// A fresh copy of the built-in dataset whose tables are not decoded yet, so that the tasks race to
    /// decode them (`Dataset.builtIn` itself is decoded once per process, by whichever test came first).
    static func undecodedBuiltIn() throws -> Dataset {
        try PackageResources.weka_ii_json.withUnsafeBufferPointer { try BuiltInDecoder.decode($0) }
    }

    static let queries = [
        "arrests where arrested > 2 select country, arrested sort by arrested desc",
        "countries count by continent",
        "victims summarize n = count(), people = sum(victims) by country",
        "arrests join countries on country | count by continent",
        "figures where approx select metric, value / 8 as eighth",
        "smuggling left join countries on country select country, iso3, migrants",
    ]

    @Test func manyTasksShareOneDataset() async throws {
        let dataset = try Self.undecodedBuiltIn()
        let expected = try Self.queries.map { query -> [[Value]] in
            var engine = Engine(dataset: Dataset.builtIn)
            return try engine.run(query)[0].table.map(\.values)
        }
        let prepared = try Engine(dataset: dataset).prepare("arrests where country = $c select arrested")
        let outcomes = try await withThrowingTaskGroup(of: (Int, [[Value]]).self) { group in
            for round in 0..<48 {
                group.addTask {
                    if round % 3 == 0 {
                        return (-1, try prepared.run(["c": .string(round % 2 == 0 ? "Togo" : "Gambia")]).map(\.values))
                    }
                    let index = round % Self.queries.count
                    var engine = Engine(dataset: dataset)
                    // A `let` in each task's own engine: bindings are per engine, never shared.
                    let results = try engine.run("let mine = \(Self.queries[index])\nmine")
                    return (index, results[1].table.map(\.values))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.count == 48)
        for (index, values) in outcomes where index >= 0 { #expect(values == expected[index], "\(Self.queries[index])") }
    }

    /// Loading CSV files in several tasks while others query: each task adds to its own copy of the dataset.
    @Test func loadingWhileQuerying() async throws {
        let large = try TemporaryFile(name: "large.csv", contents: Self.largeCSV(bytes: CSVLoader.parallelThreshold + (1 << 20)))
        let small = try TemporaryFile(name: "small.csv", contents: Data("country,n\nTogo,1\nGhana,2\n".utf8))
        let (largePath, smallPath) = (large.path, small.path)
        @Sendable func count(_ kind: Int) throws -> Int64 {
            var dataset = Dataset.builtIn
            let query: String
            switch kind {
            case 0: try dataset.load(path: largePath); query = "large where note is not null count"
            case 1: try dataset.load(path: smallPath); query = "small join countries on country | count"
            default: query = "arrests count"
            }
            var engine = Engine(dataset: dataset)
            guard case .integer(let n) = try engine.run(query)[0].table[0]["count"] else { throw TestFailure(message: "no count") }
            return n
        }
        let expected = try (0..<3).map(count)
        let counts = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
            for round in 0..<12 { group.addTask { (round % 3, try count(round % 3)) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.count == 12)
        for (kind, n) in counts { #expect(n == expected[kind]) }
        // The files are used to the end (an optimiser may otherwise delete them once their paths are read).
        #expect(FileManager.default.fileExists(atPath: large.path) && FileManager.default.fileExists(atPath: small.path))
    }

    @Test func cancellingFromAnotherTask() async throws {
        let table = try Table(columns: ["n"], rows: (0..<200_000).map { [.integer(Int64($0))] })
        let engine = Engine(dataset: Dataset(collections: [.init(name: "numbers", table: table)]))
        let query = try engine.prepare("numbers where n % 7 = 3 and n * 2 > 10 select n + 1 as m sort by m desc")
        let token = CancellationToken()
        async let outcome: Int? = Task.detached {
            var finished = 0
            for _ in 0..<50 {
                guard (try? query.run(cancellation: token)) != nil else { return finished }
                finished += 1
            }
            return nil
        }.value
        try await Task.sleep(for: .milliseconds(20))
        token.cancel()
        _ = await outcome   // stopped (a number of finished runs) or all 50 done before the cancel: either is fine
        #expect(token.isCancelled)
    }

    /// A CSV of about `bytes` bytes with integers, decimals, text with quotes and line breaks, and nulls.
    static func largeCSV(bytes: Int) -> Data {
        var text = "id,amount,place,note\n"
        var row = 0
        while text.utf8.count < bytes {
            text += "\(row),\(Double(row) / 4),\"Lomé, Togo\",\(row % 5 == 0 ? "" : "\"line\nbreak \"\"\(row)\"\"\"")\n"
            row += 1
        }
        return Data(text.utf8)
    }
}
