// `assert QUERY [, "message"]` and `assert QUERY is empty`: when they hold, what a failure says, and
// how the engine reports it (an error that stops the run, or a warning after which it goes on).

import Testing
import WekaQL

@Suite struct AssertTests {
    /// The codes reported by running `source`, in order; results that are asserts that held count as "ok".
    static func outcomes(_ source: String, severity: Diagnostic.Severity = .error) -> [String] {
        var engine = Engine()
        engine.assertionSeverity = severity
        var outcomes: [String] = []
        engine.run(SourceFile(name: "t.wql", text: source)) { event in
            switch event {
            case .result(let result): outcomes.append(result.isAssertion ? "ok" : "table")
            case .failure(let diagnostic): outcomes.append("\(diagnostic.severity.rawValue) \(diagnostic.code.rawValue)")
            }
        }
        return outcomes
    }

    @Test(arguments: [
        ("assert countries count | select (count = 44), \"44 countries took part\"", "ok"),
        ("assert countries count | select (count = 45)", "error E0800"),
        ("assert countries where country = \"Atlantis\" | select (country = \"x\")", "error E0800"),   // no row
        ("assert arrests select (arrested > 0)", "error E0800"),   // nulls are not true
        ("assert arrests where arrested is not null | select (arrested > 0)", "ok"),
        ("assert arrests where arrested < 0 is empty", "ok"),
        ("assert arrests where arrested > 30 is empty, \"no big reports\"", "error E0801"),
    ])
    func eachFormHoldsOrFails(_ source: String, _ outcome: String) {
        #expect(Self.outcomes(source) == [outcome], "\(source)")
    }

    @Test func aFailureStopsTheRunUnlessItIsAWarning() {
        let script = "assert countries count | select (count = 1)\ncountries count"
        #expect(Self.outcomes(script) == ["error E0800"])
        #expect(Self.outcomes(script, severity: .warning) == ["warning E0800", "table"])
    }

    @Test func theFailureNamesItsPlaceMessageAndRowsWithTheirSources() throws {
        var engine = Engine()
        do {
            try engine.run("countries count\nassert arrests where arrested > 4 is empty, \"only small reports\"")
            Issue.record("the assert held")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            let text = diagnostic.description
            #expect(text.hasPrefix("<query>:2:1: error[E0801]: assertion failed: only small reports\n"))
            #expect(text.contains("help: expected no rows, got 2 rows"))
            #expect(text.contains("row 2: country = \"Gambia\", arrested = 5"))
            #expect(text.contains("source: ") && text.contains("34 men and women"))
        }
    }

    @Test(arguments: ["assert countries count", "assert countries select country, iso3", "assert countries count | select count = 44"])
    func anAssertNeedsOneBooleanColumn(_ source: String) {
        #expect(Engine().check(SourceFile(name: "-e", text: source)).map(\.code) == [.assertionShape])
    }

    @Test func isEmptyBelongsToAnAssertAndAssertStartsAStatement() {
        #expect(Engine().check(SourceFile(name: "-e", text: "arrests where arrested > 3 is empty")).map(\.code) == [.isEmptyOutsideAssert])
        // A line starting with `assert` is a statement of its own, not a continuation of the one above.
        #expect(Self.outcomes("countries count\nassert countries count | select (count = 44)") == ["table", "ok"])
    }
}
