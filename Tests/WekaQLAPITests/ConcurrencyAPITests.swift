// One engine shared by many tasks, and a long query stopped from another task.

import Testing
import WekaQL

@Suite struct ConcurrencyAPITests {
    @Test func oneEngineServesManyTasksAtOnce() async throws {
        let engine = Engine()
        let query = try engine.prepare("arrests where country = $c summarize people = sum(arrested), reports = count()")
        let countries = ["Togo", "Cameroon", "Gambia", "United Arab Emirates", "Lesotho", "Morocco", "Gabon", "Oman"]
        let expected = try countries.map { try query.run(["c": .string($0)]).map(\.values) }
        let results = try await withThrowingTaskGroup(of: (Int, [[Value]]).self) { group in
            for round in 0..<64 {
                let index = round % countries.count
                group.addTask {
                    // Half the tasks use the shared prepared query, half run text on their own copy.
                    if round.isMultiple(of: 2) {
                        return (index, try query.run(["c": .string(countries[index])]).map(\.values))
                    }
                    var copy = engine
                    let table = try copy.run("arrests where country = $c summarize people = sum(arrested), reports = count()",
                                             parameters: ["c": .string(countries[index])])[0].table
                    return (index, table.map(\.values))
                }
            }
            var collected: [(Int, [[Value]])] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 64)
        for (index, values) in results { #expect(values == expected[index], "\(countries[index])") }
        #expect(expected[1] == [[3, 1]])
    }

    @Test func sharedRegularExpressionsMatchInManyTasks() async throws {
        // `matches` compiles its pattern once, when the query is prepared; the tasks share it.
        let query = try Engine().prepare("arrests where suspects matches \"\\\\bman\\\\b\" select country")
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<32 { group.addTask { try query.run().count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 2, count: 32))
    }

    /// A table big enough that a query over it takes a while, built in Swift.
    static func bigEngine(rows: Int) throws -> Engine {
        let names = ["Togo", "Niger", "Mali", "Chad", "Oman"]
        let table = try Table(columns: ["id", "country", "amount"], rows: (0..<rows).map { i in
            [.integer(Int64(i)), .string(names[i % names.count] + String(i % 997)), .integer(Int64(i % 10_000))]
        })
        return Engine(dataset: Dataset(collections: [.init(name: "records", table: table)]))
    }

    @Test func aLongQueryIsCancelledFromAnotherTask() async throws {
        let engine = try Self.bigEngine(rows: 300_000)
        let query = try engine.prepare("""
            records where lower(country) contains "o" and amount % 7 != 3
              summarize total = sum(amount), kinds = count_distinct(country) by country
              sort by total desc
            """)
        let token = CancellationToken()
        let runner = Task.detached { () -> Diagnostic? in
            // Run until cancelled: whether the token is set during the first run or a later one, the
            // query must stop with E0402. This asserts the outcome, not how long it took.
            for _ in 0..<10_000 {
                do { _ = try query.run(cancellation: token) } catch let diagnostic as Diagnostic { return diagnostic } catch { return nil }
            }
            return nil
        }
        try await Task.sleep(for: .milliseconds(50))
        token.cancel()
        let stopped = await runner.value
        #expect(stopped?.code == .cancelled)
        #expect(stopped?.code.rawValue == "E0402")
        #expect(token.isCancelled)

        // The token can be reset and the same prepared query runs to the end.
        token.reset()
        let table = try query.run(cancellation: token)
        #expect(table.count == 2 * 997)   // the Togo… and Oman… names: the ones with an "o"
    }

    @Test func aCancelledTokenStopsARunBeforeItStarts() throws {
        let token = CancellationToken()
        token.cancel()
        var engine = Engine()
        let error = try #require(throws: Diagnostic.self) { try engine.run("countries count", cancellation: token) }
        #expect(error.code == .cancelled)
    }
}
