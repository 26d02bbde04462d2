// Exact decimals (README "Exact decimals"): the scale is kept, + - * are exact, / and avg round to 12
// places, overflow is an error, and scientific notation or more digits fall back to floats.

import Testing
@testable import WekaQL

@Suite struct ExactDecimalTests {
    /// The value of `expression` on one row, and its text as tables and CSV print it.
    static func evaluated(_ expression: String) throws -> (Value, String) {
        let value = try LangFixtures.value("people where id = 1 select \(expression) as v")
        return (value, value.description)
    }

    @Test(arguments: [
        ("1.50", "1.50"), ("12.10 + 0.20", "12.30"), ("0.1 + 0.2", "0.3"), ("1.5 * 1.25", "1.875"), ("2.0 * 3", "6.0"),
        ("12.30 - 0.3", "12.00"), ("-1.50", "-1.50"), ("-(0.05)", "-0.05"), ("7.5 % 2", "1.5"), ("-7.5 % 2", "-1.5"),
        ("abs(-2.50)", "2.50"), ("coalesce(null * 1.5, 2)", "2"), ("if(true, 1, 2.25)", "1"),
        ("round(2.345, 2)", "2.35"), ("round(1.005, 2)", "1.01"), ("round(-2.5)", "-3"), ("round(1.5, 3)", "1.5"),
        ("round(1234.5678, -2)", "1200"), ("floor(-1.5)", "-2"), ("ceil(-1.5)", "-1"), ("floor(2.0)", "2"),
    ])
    func arithmeticIsExactAndKeepsTheScale(_ expression: String, _ text: String) throws {
        let (value, shown) = try Self.evaluated(expression)
        #expect(shown == text, "\(expression)")
        #expect(value.type == (expression.hasPrefix("round(") && !expression.contains(",") || expression.hasPrefix("floor") || expression.hasPrefix("ceil") ? .integer : .decimal), "\(expression)")
    }

    /// `/`: 12 places, fewer when the whole part needs them, trailing zeros past the dividend's scale dropped.
    @Test(arguments: [
        ("12.30 / 3", "4.10"), ("1.0 / 3", "0.333333333333"), ("10 / 4.0", "2.5"), ("2.00 / 8", "0.25"),
        ("-1.0 / 3", "-0.333333333333"), ("2.0 / 3", "0.666666666667"), ("1 / 0.125", "8"),
        ("123456789012.5 / 7", "17636684144.6428571"), ("0.000001 / 3", "0.000000333333"),
    ])
    func divisionHasADocumentedScale(_ expression: String, _ text: String) throws {
        let (value, shown) = try Self.evaluated(expression)
        #expect(shown == text, "\(expression)")
        #expect(value.type == .decimal)
    }

    @Test func integerDivisionIsAFloat() throws {
        #expect(try Self.evaluated("7 / 2").0 == .float(3.5))
    }

    static let prices = try! LangFixtures.dataset("p", ["g", "amount"], [
        ["a", .decimal(ExactDecimal("12.10")!)], ["a", .decimal(ExactDecimal("0.20")!)], ["b", .decimal(ExactDecimal("1.5")!)],
        ["b", .decimal(ExactDecimal("2.25")!)], ["b", .null], ["c", .decimal(ExactDecimal("351088745.39")!)],
    ])

    @Test func aggregatesAreExact() throws {
        let rows = try LangFixtures.rows("p summarize s = sum(amount), m = avg(amount), lo = min(amount), hi = max(amount) by g", in: Self.prices)
        #expect(rows.map { $0.map(\.description) } == [
            ["a", "12.30", "6.15", "0.20", "12.10"], ["b", "3.75", "1.875", "1.5", "2.25"],
            ["c", "351088745.39", "351088745.39", "351088745.39", "351088745.39"],
        ])
        #expect(try LangFixtures.value("p summarize s = sum(amount)", in: Self.prices).description == "351088761.44")
        #expect(try LangFixtures.value("p summarize m = avg(amount)", in: Self.prices).description == "70217752.288")
    }

    @Test func statisticsOfDecimalsAreFloats() throws {
        #expect(try LangFixtures.value("p summarize m = median(amount)", in: Self.prices) == .float(2.25))
    }

    @Test func decimalsCompareAsNumbers() throws {
        #expect(try Self.evaluated("1.50 = 1.5").0 == true)
        #expect(try Self.evaluated("0.1 + 0.2 = 0.3").0 == true)
        #expect(try Self.evaluated("2 < 2.01").0 == true)
        #expect(try Self.evaluated("9223372036854775807 > 1.5").0 == true)
        #expect(try LangFixtures.rows("p where amount > 2 sort by amount select amount", in: Self.prices).map { $0[0].description }
                == ["2.25", "12.10", "351088745.39"])
        // 1.50 and 1.5 are one group and one distinct value.
        let equal = try LangFixtures.dataset("e", ["x"], [[.decimal(ExactDecimal("1.50")!)], [.decimal(ExactDecimal("1.5")!)]])
        #expect(try LangFixtures.value("e summarize n = count_distinct(x)", in: equal) == 1)
    }

    @Test(arguments: ["999999999999999999 * 10.0", "0.5 * 9223372036854775807", "900000000000000.000 * 100000", "-9000000000000000.00 - 90000000000000000.0"])
    func overflowIsAPlacedError(_ expression: String) throws {
        let diagnostic = try #require(LangFixtures.failure("people where id = 1 select \(expression) as v"))
        #expect(diagnostic.code == .decimalOverflow, "\(expression)")
        #expect(diagnostic.hints.contains { $0.contains("float(x)") })
    }

    @Test func aSumPastEighteenDigitsIsAnError() throws {
        let big = try LangFixtures.dataset("b", ["x"], Array(repeating: [.decimal(ExactDecimal("90000000000000000.0")!)], count: 20))
        let diagnostic = try #require(LangFixtures.failure("b summarize s = sum(x)", in: big))
        #expect(diagnostic.code == .decimalOverflow)
        #expect(try LangFixtures.value("b summarize s = sum(float(x))", in: big) == .float(1.8e18))
    }

    @Test(arguments: [("2e3", "2000.0"), ("1.5e-7", "1.5e-07"), ("0.1234567890123456789", "0.12345678901234568"), ("float(0.1) + 0.2", "0.30000000000000004")])
    func scientificNotationAndMoreDigitsAreFloats(_ expression: String, _ text: String) throws {
        let (value, shown) = try Self.evaluated(expression)
        #expect(value.type == .float)
        #expect(shown == text)
    }

    @Test func promotionRules() throws {
        let table = try LangFixtures.table("people where id = 1 select a = 1 + 1, b = 1 + 1.5, c = 1.5 + 2e0, d = 1 / 2, e = 1.5 / 2, f = float(1) * 2")
        #expect(table.fields.map(\.type) == [.integer, .decimal, .float, .float, .decimal, .float])
    }

    @Test func rendererPrintsTheExactText() throws {
        let table = try LangFixtures.table("p where g = \"a\" select amount, whole = amount * 0 + 1", in: Self.prices)
        #expect(Renderer(format: .csv).render(table) == "amount,whole\n12.10,1.00\n0.20,1.00\n")
        #expect(Renderer(format: .jsonl).render(table).contains("{\"amount\":12.10,\"whole\":1.00}"))
        let whole = try LangFixtures.table("people where id = 1 select w = coalesce(null * 1.5, 2)")
        #expect(Renderer(format: .jsonl).render(whole).contains("{\"w\":2.0}"))   // a point tells decimals from integers
    }

    @Test func exactDecimalValues() {
        #expect(ExactDecimal("1.50")?.description == "1.50")
        #expect(ExactDecimal("-0.05")?.description == "-0.05")
        #expect(ExactDecimal("1234567890123456789") == nil)   // 19 digits
        #expect(ExactDecimal("1e3") == nil)
        #expect(ExactDecimal("+1.5", lenient: true)?.description == "1.5")
        #expect(ExactDecimal(".5", lenient: true)?.description == "0.5")
        #expect(ExactDecimal("1.50")!.hashValue == ExactDecimal("1.5")!.hashValue)
        #expect(ExactDecimal("0.1")!.doubleValue == 0.1)
    }
}
