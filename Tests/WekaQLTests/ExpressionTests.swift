// Operators: arithmetic, comparison, logic, lists, ranges and text matching — and the runtime errors
// of arithmetic, which name the place and never trap.

import Testing
import WekaQL

@Suite struct ExpressionTests {
    /// Evaluates `expression` on person 1 (Ana, Lomé, age 30, score 2.5, active, joined 2022-06-12).
    static func evaluate(_ expression: String) throws -> Value {
        // Bracketed: `select a = b` names a column.
        try LangFixtures.value("people where id = 1 select (\(expression)) as v")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var expression: String
        var value: Value
        var testDescription: String { expression }
        init(_ expression: String, _ value: Value) {
            self.expression = expression
            self.value = value
        }
    }

    static let arithmetic: [Case] = [
        Case("1 + 2", 3),
        Case("7 - 10", -3),
        Case("6 * 7", 42),
        Case("7 / 2", .float(3.5)),
        Case("6 / 3", .float(2)),
        Case("age / 4", .float(7.5)),
        Case("7 % 3", 1),
        Case("-7 % 3", -1),
        Case("7 % -3", 1),
        Case("7.5 % 2", 1.5),
        Case("1 + 2.5", 3.5),
        Case("2 * 1.5", .decimal(3)),
        Case("3 - 0.5", 2.5),
        Case("age + 1", 31),
        Case("score * 2", .decimal(5)),
        Case("age + score", 32.5),
        Case("-age", -30),
        Case("- -3", 3),
        Case("-(1 + 2)", -3),
        Case("-score", -2.5),
        Case("2 + 3 * 4", 14),
        Case("(2 + 3) * 4", 20),
        Case("10 - 4 - 3", 3),
        Case("100 / 10 / 4", .float(2.5)),
        Case("9223372036854775807", .integer(.max)),
        Case("-9223372036854775807 - 1", .integer(.min)),
        Case("1.5e2", .float(150)),
        Case("1_000 * 3", 3000),
    ]

    @Test(arguments: arithmetic)
    func computesArithmetic(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    @Test(arguments: [
        ("1 + 2", ValueType.integer), ("7 / 7", .float), ("1 + 1.0", .decimal), ("age * 2", .integer),
        ("score - 1", .decimal), ("age % 7", .integer), ("-age", .integer), ("-score", .decimal),
    ])
    func arithmeticTypes(_ expression: String, _ type: ValueType) throws {
        let table = try LangFixtures.table("people select \(expression) as v")
        #expect(table.fields.first?.type == type)
    }

    static let comparisons: [Case] = [
        Case("1 = 1", true), Case("1 = 1.0", true), Case("1 < 1.5", true), Case("2 > 1.5", true),
        Case("age = 30", true), Case("age == 30", true), Case("age != 30", false), Case("age <> 31", true),
        Case("age < 30", false), Case("age <= 30", true), Case("age > 30", false), Case("age >= 30", true),
        Case("score = 2.5", true), Case("score > 2", true),
        Case("\"a\" < \"b\"", true), Case("\"B\" < \"a\"", true), Case("\"z\" < \"é\"", true),
        Case("\"abc\" = \"ABC\"", false), Case("name = \"Ana\"", true), Case("city = \"Lome\"", false),
        Case("false < true", true), Case("active = true", true), Case("active != false", true),
        Case("joined = \"2022-06-12\"", true), Case("joined < \"2022-06-13\"", true), Case("joined > \"2021-12-31\"", true),
        Case("\"2022-06-12\" = joined", true),
    ]

    @Test(arguments: comparisons)
    func compares(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    static let logic: [Case] = [
        Case("true and true", true), Case("true and false", false), Case("false and true", false),
        Case("true or false", true), Case("false or false", false), Case("not true", false), Case("not false", true),
        Case("not (age > 40)", true), Case("not age > 40", true), Case("age > 1 and age < 40", true),
        Case("age > 40 or name = \"Ana\"", true), Case("false and false or true", true), Case("false and (false or true)", false),
    ]

    @Test(arguments: logic)
    func combinesConditions(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    static let listsAndRanges: [Case] = [
        Case("age in (1, 30)", true), Case("age in (1, 2)", false), Case("age not in (1, 30)", false),
        Case("age not in (1, 2)", true), Case("age in (30.0)", true), Case("name in (\"ana\", \"Ana\")", true),
        Case("name in (\"ana\")", false), Case("age in (age)", true), Case("age in (10 + 20)", true),
        Case("age between 30 and 31", true), Case("age between 30 and 30", true), Case("age between 31 and 40", false),
        Case("age between 40 and 20", false), Case("age not between 31 and 40", true), Case("score between 2 and 3", true),
        Case("name between \"A\" and \"B\"", true), Case("joined between \"2022-01-01\" and \"2022-12-31\"", true),
        Case("joined in (\"2022-06-12\")", true),
    ]

    @Test(arguments: listsAndRanges)
    func testsListsAndRanges(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    static let text: [Case] = [
        Case("name contains \"n\"", true), Case("name contains \"AN\"", true), Case("name contains \"x\"", false),
        Case("name contains \"\"", true), Case("city contains \"lome\"", true), Case("city contains \"OMÉ\"", true),
        Case("city starts with \"LO\"", true), Case("city starts with \"om\"", false), Case("city ends with \"ME\"", true),
        Case("city ends with \"Lo\"", false), Case("name starts with \"\"", true),
        Case("\"Côte d'Ivoire\" =~ \"cote d'ivoire\"", true), Case("\"cote d'ivoire\" =~ \"Côte d'Ivoire\"", true),
        Case("\"Côte d’Ivoire\" =~ \"Côte d'Ivoire\"", true), Case("\"ÉMILE\" =~ \"emile\"", true),
        Case("\"São Tomé\" =~ \"SAO TOME\"", true), Case("\"Lomé\" =~ \"Lome \"", false), Case("name =~ \"ANA\"", true),
        Case("name =~ \"an\"", false), Case("\"Cafe\\u{301}\" =~ \"cafe\"", true),
        Case("name matches \"^A.a$\"", true), Case("name matches \"^a\"", false), Case("city matches \"é$\"", true),
        Case("name matches \"n\"", true), Case("name matches \"(?i)^ANA$\"", true),
        Case("name not contains \"x\"", true), Case("name not starts with \"A\"", false),
    ]

    @Test(arguments: text)
    func matchesText(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    static let literals: [Case] = [
        Case("\"a\\tb\"", "a\tb"), Case("\"\\u{1F600}\"", "😀"), Case("\"say \\\"hi\\\"\"", "say \"hi\""),
        Case("\"back\\\\slash\"", "back\\slash"), Case("\"line\\nbreak\"", "line\nbreak"),
        Case("true", true), Case("false", false), Case("null", .null), Case("0.5", 0.5), Case("`age`", 30),
    ]

    @Test(arguments: literals)
    func readsLiterals(_ c: Case) throws {
        #expect(try Self.evaluate(c.expression) == c.value)
    }

    @Test func whereKeepsOnlyTrueRows() throws {
        #expect(try LangFixtures.column("people where age > 26 select id") == [1, 4, 5])
        #expect(try LangFixtures.column("people where name contains \"a\" select id") == [1, 4, 6])
        #expect(try LangFixtures.column("people where city =~ \"LOME\" or age > 40 select id") == [1, 4, 5])
        #expect(try LangFixtures.column("people where name matches \"^[A-D]\" and not active select id") == [])
        #expect(try LangFixtures.column("people where true select id") == [1, 2, 3, 4, 5, 6])
        #expect(try LangFixtures.column("people where false select id") == [])
    }

    @Test func textMatchingOnTheBuiltInData() throws {
        #expect(try LangFixtures.column("countries where country =~ \"cote d'ivoire\" select iso3", in: .builtIn) == ["CIV"])
        #expect(try LangFixtures.column("countries where country starts with \"GUINEA\" select country sort by country", in: .builtIn)
                == ["Guinea", "Guinea-Bissau"])
        #expect(try LangFixtures.column("arrests where suspects contains \"MAN\" select country", in: .builtIn)
                == ["Morocco", "Côte d'Ivoire", "Gabon"])
    }

    // MARK: - Runtime errors

    static func column(of fragment: String, in source: String) -> Int {
        source.distance(from: source.startIndex, to: source.range(of: fragment)!.lowerBound) + 1
    }

    struct RuntimeCase: Sendable, CustomTestStringConvertible {
        var source: String
        var fragment: String
        var code: Diagnostic.Code
        var testDescription: String { source }
    }

    static let runtimeCases: [RuntimeCase] = [
        RuntimeCase(source: "numbers select i + 1 as v", fragment: "i + 1", code: .integerOverflow),
        RuntimeCase(source: "numbers select i - 1 as v", fragment: "i - 1", code: .integerOverflow),
        RuntimeCase(source: "numbers select i * 2 as v", fragment: "i * 2", code: .integerOverflow),
        RuntimeCase(source: "numbers select -i as v", fragment: "-i", code: .integerOverflow),
        RuntimeCase(source: "numbers select abs(i) as v", fragment: "abs(i)", code: .integerOverflow),
        RuntimeCase(source: "numbers where i + i > 0", fragment: "i + i", code: .integerOverflow),
        RuntimeCase(source: "numbers sort by i * i", fragment: "i * i", code: .integerOverflow),
        RuntimeCase(source: "numbers select round(d * 1e300) as v", fragment: "round(d * 1e300)", code: .integerOverflow),
        RuntimeCase(source: "numbers select 1 / zero as v", fragment: "1 / zero", code: .divisionByZero),
        RuntimeCase(source: "numbers select i % zero as v", fragment: "i % zero", code: .divisionByZero),
        RuntimeCase(source: "numbers select d / 0 as v", fragment: "d / 0", code: .divisionByZero),
        RuntimeCase(source: "numbers select d % 0 as v", fragment: "d % 0", code: .divisionByZero),
        RuntimeCase(source: "numbers select 1.5 / 0.0 as v", fragment: "1.5 / 0.0", code: .divisionByZero),
        RuntimeCase(source: "numbers where label = \"one\" and 1 / zero > 0", fragment: "1 / zero", code: .divisionByZero),
    ]

    @Test(arguments: runtimeCases)
    func arithmeticErrorsNameThePlace(_ c: RuntimeCase) throws {
        let diagnostic = try #require(LangFixtures.failure(c.source))
        #expect(diagnostic.code == c.code)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location?.line == 1)
        #expect(diagnostic.location?.column == Self.column(of: c.fragment, in: c.source))
        #expect(LangFixtures.caretWidth(diagnostic) == c.fragment.count)
        switch c.code {
        case .integerOverflow:
            #expect(diagnostic.message == "integer overflow")
            #expect(diagnostic.hints == ["integers are 64-bit; use a decimal (for example 1.0 * x) for larger results"])
        default:
            #expect(diagnostic.message == "division by zero")
            #expect(diagnostic.hints == ["guard the divisor, for example: where d != 0"])
        }
    }

    @Test func aRuntimeErrorOnALaterLineIsPlacedThere() throws {
        let diagnostic = try #require(LangFixtures.failure("numbers count\nnumbers\n  select i + 1 as v"))
        #expect(diagnostic.code == .integerOverflow)
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.location?.column == 10)
    }

    @Test func rowsThatWouldFailAreNotEvaluatedOnceFilteredOut() throws {
        #expect(try LangFixtures.column("numbers where label = \"one\" select i + 1 as v") == [2])
        #expect(try LangFixtures.column("numbers where zero != 0 select 1 / zero as v") == [])
        #expect(try LangFixtures.column("numbers where label = \"max\" select float(i) * 1.0 as v") == [.float(Double(Int64.max))])
    }

    @Test func largeResultsInFloatsDoNotOverflow() throws {
        #expect(try LangFixtures.value("numbers where label = \"max\" select float(1.0) * i + 1 as v")
                == .float(Double(Int64.max) + 1))
    }

    @Test func theRemainderOfTheSmallestIntegerByMinusOneIsZero() throws {
        // The result, 0, fits; only the quotient would overflow.
        let value = try LangFixtures.value("numbers where label = \"min\" select i % -1 as v")
        #expect(value == 0)
    }

    @Test func decimalOverflowIsNotCalledAnIntegerOverflow() throws {
        let diagnostic = try #require(LangFixtures.failure("numbers select d * 1e308 * 10 as v"))
        #expect(diagnostic.message != "integer overflow")
    }

    @Test func theSmallestIntegerCanBeWritten() throws {
        // The hint for E0004 says integers run from -9223372036854775808; that literal should work.
        let value = try Self.evaluate("-9223372036854775808")
        #expect(value == .integer(.min))
    }
}
