// `case when … then … else … end`, `case x when v then …`, and `if(c, a, b)`: typing, nulls, laziness.

import Testing
import WekaQL

@Suite struct ConditionalTests {
    /// Values checked against DuckDB 1.x (`select case …`) on the same rows (see ``LangFixtures/peopleRows``).
    @Test(arguments: [
        ("case when age > 26 then \"old\" else \"young\" end", ["old", "young", "young", "old", "old", "young"]),
        ("case when age > 26 then 1 end", [1, .null, .null, 1, 1, .null]),
        ("case when age is null then 0 when age > 35 then 2 else 1 end", [1, 0, 1, 1, 2, 0]),
        ("case city when \"Lomé\" then 1 when \"Accra\" then 2 else 0 end", [1, 2, 0, 1, 0, 2]),
        ("if(active, score, 0)", [2.5, 0.0, 0.0, 4.0, 0.0, .null]),
        ("if(age = 30, null, id)", [.null, 2, 3, .null, 5, 6]),
        ("case when active then age end", [30, .null, .null, 30, .null, .null]),
    ] as [(String, [Value])])
    func picksTheFirstTrueBranch(_ expression: String, _ expected: [Value]) throws {
        #expect(try LangFixtures.column("people select \(expression) as v") == expected)
    }

    @Test func aNullConditionIsNotTrue() throws {
        // Chloé's `active` is null: neither `active` nor `not active` holds, so the else branch is taken.
        #expect(try LangFixtures.value("people where id = 3 select case when active then 1 when not active then 2 else 3 end as v") == 3)
        #expect(try LangFixtures.value("people where id = 3 select if(null, 1, 2) as v") == 2)
    }

    @Test(arguments: [
        ("case when age > 1 then 1 else 2.5 end", ValueType.decimal), ("case when age > 1 then null else 2 end", .integer),
        ("if(age > 1, \"a\", null)", .string), ("case when age > 1 then null end", .null), ("if(active, joined, null)", .date),
    ])
    func branchesHaveOneType(_ expression: String, _ type: ValueType) throws {
        #expect(try LangFixtures.table("people select \(expression) as v").fields.first?.type == type)
    }

    @Test func anIntegerBranchOfADecimalCaseIsADecimal() throws {
        #expect(try LangFixtures.value("people where id = 1 select case when true then 1 else 2.5 end as v") == .decimal(1))
    }

    @Test func onlyTheRowsThatReachABranchEvaluateIt() throws {
        // `zero` is 0 on every row: the division is never reached.
        #expect(try LangFixtures.column("numbers select if(zero = 0, null, 1 / zero) as v") == [.null, .null, .null])
        #expect(try LangFixtures.column("numbers select case when zero != 0 then i / zero else -1 end as v") == [.float(-1), .float(-1), .float(-1)])
        #expect(try LangFixtures.column("numbers select case when label = \"one\" then i + 1 else 0 end as v") == [0, 0, 2])
        // …and where it is reached, it fails at its place.
        let failure = LangFixtures.failure("numbers select if(zero = 0, 1 / zero, 0)")
        #expect(failure?.code == .divisionByZero)
    }

    static let errors: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people select case when age then 1 end", code: .notBoolean, line: 1, column: 25, width: 3,
                           message: "\"when\" needs a condition, found an integer expression",
                           hints: ["compare it with something, for example: when arrested > 2 then …"]),
        ExpectedDiagnostic(source: "people select if(name, 1, 2)", code: .notBoolean, line: 1, column: 18, width: 4,
                           message: "\"if\" needs a condition, found a string expression", hints: ["compare it with something"]),
        ExpectedDiagnostic(source: "people select case when age > 1 then 1 else \"x\" end", code: .branchType, line: 1, column: 45, width: 3,
                           message: "the branches of \"case\" disagree: a string here, an integer in \"1\"",
                           hints: ["every branch gives one type"]),
        ExpectedDiagnostic(source: "people select if(age > 1, joined, 2)", code: .branchType, line: 1, column: 35, width: 1,
                           message: "the branches of \"if\" disagree: an integer here, a date in \"joined\"",
                           hints: ["every branch gives one type"]),
        ExpectedDiagnostic(source: "people select case city when 1 then 2 end", code: .typeMismatch, line: 1, column: 30, width: 1,
                           message: "cannot compare string field \"city\" with integer 1"),
        ExpectedDiagnostic(source: "people select case when age > 1 then 1", code: .expected, line: 1, column: 39, width: 0,
                           message: "expected \"end\" to close \"case\" at line 1, column 15, found the end of the input",
                           hints: ["a case reads: case when CONDITION then VALUE … else VALUE end"]),
        ExpectedDiagnostic(source: "people select case else 1 end", code: .expectedExpression, line: 1, column: 20, width: 4,
                           message: "expected an expression, found keyword \"else\"", hints: ["\"else\" is a keyword"]),
        ExpectedDiagnostic(source: "people select if(age > 1, 2)", code: .argumentCount, line: 1, column: 15, width: 14,
                           message: "wrong number of arguments (2) to if(condition, then, else)",
                           hints: ["call it as if(condition, then, else)"]),
    ]

    @Test(arguments: errors)
    func misusesArePlacedErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }

    @Test func aCaseMaySpanLines() throws {
        let query = "people select case\n  when age > 35 then \"old\"\n  else \"other\"\nend as v\nsort by v"
        #expect(try LangFixtures.column(query).first == "old")
    }
}
