// The memory budget: a join, sort, grouping or distinct estimated to pass it fails with E0406, placed
// at its stage, before making any rows; sizes are read and written as people write them.

import Testing
import WekaQL

@Suite struct MemoryBudgetTests {
    static func failure(_ query: String, budget: Int) -> Diagnostic? {
        var engine = Engine()
        engine.memoryBudget = MemoryBudget(bytes: budget)
        do {
            try engine.run(query)
            return nil
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            return diagnostic
        }
    }

    @Test func aJoinOverTheBudgetFailsAtItsStageWithItsEstimate() throws {
        // A sort holds every joined row; a `count` would take them a piece at a time (JoinStreamingTests).
        let query = "arrests join arrests on country sort by arrested"
        let error = try #require(Self.failure(query, budget: 1024))
        #expect(error.code == .memoryBudget)
        #expect(error.message.hasPrefix("this join would make about "))
        #expect(error.message.hasSuffix("over the memory budget of 1 KB"))
        let range = try #require(error.range)
        let text = Array(query.utf8)
        #expect(String(decoding: text[range.start..<range.end], as: UTF8.self) == "join arrests on country")
    }

    // A sort or grouping over the budget spills to disk instead (SpillTests).
    @Test(arguments: ["arrests distinct country"])
    func otherStagesOverTheBudgetFail(_ query: String) throws {
        let error = try #require(Self.failure(query, budget: 16))
        #expect(error.code == .memoryBudget)
    }

    @Test func withinTheBudgetTheQueryRuns() throws {
        #expect(Self.failure("arrests join arrests on country count", budget: 1 << 20) == nil)
        #expect(Engine().memoryBudget == MemoryBudget.machineDefault)
        #expect(MemoryBudget.machineDefault.bytes > 0)
    }

    @Test func sizesAreReadAndWrittenInPowersOf1024() {
        #expect(MemoryBudget(parsing: "4GB")?.bytes == 4 << 30)
        #expect(MemoryBudget(parsing: "512 MB")?.bytes == 512 << 20)
        #expect(MemoryBudget(parsing: "1.5g")?.bytes == 3 << 29)
        #expect(MemoryBudget(parsing: "64KiB")?.bytes == 64 << 10)
        #expect(MemoryBudget(parsing: "1000")?.bytes == 1000)
        #expect(MemoryBudget(parsing: "lots") == nil)
        #expect(MemoryBudget(parsing: "-1GB") == nil)
        #expect(MemoryBudget.describe(1536) == "1.5 KB")
        #expect(MemoryBudget.describe(4 << 30) == "4 GB")
        #expect(MemoryBudget.describe(100) == "100 B")
    }
}
