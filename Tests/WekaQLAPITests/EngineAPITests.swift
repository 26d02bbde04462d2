// The engine as a tool embeds it, through `import WekaQL` alone: run, prepare, parameters, check.

import Testing
import WekaQL

@Suite struct EngineAPITests {
    @Test func runReturnsOneResultPerStatement() throws {
        var engine = Engine()
        let results = try engine.run("arrests where country = \"Togo\" select country, arrested; funders count")
        #expect(results.count == 2)
        #expect(results[0].table.fields.map(\.name) == ["country", "arrested"])
        #expect(results[0].table.first?["arrested"] == .integer(1))
        #expect(results[1].table.first?["count"] == .integer(3))
        #expect(results[0].binding == nil)
    }

    @Test func letBindingsLastAcrossRuns() throws {
        var engine = Engine()
        let bound = try engine.run("let asia = countries where continent = \"Asia\"")
        #expect(bound[0].binding == "asia")
        #expect(engine.bindings["asia"]?.count == 5)
        let counted = try engine.run("asia count")
        #expect(counted[0].table[0, 0] == .integer(5))
    }

    @Test func copiesOfAnEngineAreIndependent() throws {
        var first = Engine()
        let second = first
        try first.run("let x = funders")
        #expect(first.bindings["x"] != nil)
        #expect(second.bindings["x"] == nil)
    }

    @Test func preparedQueryRunsWithTypedParameters() throws {
        let query = try Engine().prepare("arrests where country = $c and arrested >= $n select country, arrested")
        #expect(query.parameters == ["c": .string, "n": .integer])
        #expect(query.fields.map(\.name) == ["country", "arrested"])
        #expect(query.fields.map(\.type) == [.string, .integer])
        let togo = try query.run(["c": "Togo", "n": 1])
        #expect(togo.map(\.values) == [["Togo", 1]])
        let none = try query.run(["c": "Togo", "n": 2])
        #expect(none.isEmpty)
        let uae = try query.run(["c": .string("United Arab Emirates"), "n": .integer(10)])
        #expect(uae.first?["arrested"]?.integerValue == 34)
    }

    @Test func anIntegerParameterWidensWhereADecimalIsExpected() throws {
        let query = try Engine().prepare("operations where arrests / countries > $ratio select name")
        #expect(query.parameters == ["ratio": .float])
        #expect(try query.run(["ratio": 6]).map { $0["name"] } == [.string("Weka II")])
    }

    @Test func aMissingParameterIsADiagnosticAtItsPlace() throws {
        let query = try Engine().prepare("arrests where country = $c")
        let error = try #require(throws: Diagnostic.self) { try query.run() }
        #expect(error.code == .unboundParameter)
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 25)
    }

    @Test func aParameterOfTheWrongTypeIsADiagnostic() throws {
        let query = try Engine().prepare("arrests where arrested > $n")
        let error = try #require(throws: Diagnostic.self) { try query.run(["n": "three"]) }
        #expect(error.code == .parameterType)
        #expect(error.message.contains("integer"))
    }

    @Test func prepareTakesExactlyOneQuery() throws {
        let two = try #require(throws: Diagnostic.self) { try Engine().prepare("funders; partners") }
        #expect(two.code == .notOneQuery)
        let binding = try #require(throws: Diagnostic.self) { try Engine().prepare("let f = funders") }
        #expect(binding.code == .notOneQuery)
    }

    @Test func checkFindsEveryProblemWithoutRunning() {
        let problems = Engine().check("arrests where contry = 1\nfunders sort by nme")
        #expect(problems.map(\.code) == [.unknownField, .unknownField])
        #expect(problems.map { $0.location?.line } == [1, 2])
        #expect(Engine().check("figures").isEmpty)
    }

    @Test func parametersOfTextAreTypedByTheirUse() {
        let engine = Engine()
        #expect(engine.parameters(of: "arrests where arrested > $n and country = $c") == ["n": .integer, "c": .string])
        #expect(engine.parameters(of: "operations where start_date = $d") == ["d": .date])
        #expect(engine.parameters(of: SourceFile(name: "q.wql", text: "funders")).isEmpty)
    }

    @Test func runWithSourceFileReportsEachEventInOrder() {
        var engine = Engine()
        var events: [String] = []
        let succeeded = engine.run(SourceFile(name: "report.wql", text: "funders count\narrests select arrested / (arrested - arrested)\n")) { event in
            switch event {
            case .result(let result): events.append("result \(result.table.count)")
            case .failure(let diagnostic): events.append("failure \(diagnostic.code.rawValue) \(diagnostic.file?.name ?? "")")
            }
        }
        #expect(!succeeded)
        #expect(events == ["result 1", "failure E0401 report.wql"])
    }
}
