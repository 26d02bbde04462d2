// The checker's errors: unknown names, wrong types and misplaced constructs, each with its code,
// place, caret, message and hints — and never a wrong claim.

import Testing
import WekaQL

@Suite struct CheckerErrorTests {
    static let fields = "fields: id, name, city, age, score, active, joined"
    static let functions = "functions: lower, upper, length, trim, substr, concat, coalesce, if, replace, left, right, abs, round, floor, ceil, year, month, day, date_trunc, date_diff, today, split, regex_extract, int, decimal, float, string, date, bool, try_int, try_decimal, try_float, try_string, try_date, try_bool, count, count_distinct, sum, avg, min, max, median, percentile, stddev, variance, count_if, string_agg, first, last, spark, list"

    static let cases: [ExpectedDiagnostic] = [
        // Names
        ExpectedDiagnostic(source: "peple count", code: .unknownCollection, line: 1, column: 1, width: 5,
                           message: "unknown collection \"peple\"",
                           hints: ["did you mean \"people\"?", "collections: people, cities, numbers, empty, nothing"]),
        ExpectedDiagnostic(source: "zzz count", code: .unknownCollection, line: 1, column: 1, width: 3,
                           message: "unknown collection \"zzz\"", hints: ["collections: people, cities, numbers, empty, nothing"]),
        ExpectedDiagnostic(source: "People count", code: .unknownCollection, line: 1, column: 1, width: 6,
                           message: "unknown collection \"People\"", hints: ["did you mean \"people\"?", "collections:"]),
        ExpectedDiagnostic(source: "people where nme = \"Ana\"", code: .unknownField, line: 1, column: 14, width: 3,
                           message: "unknown field \"nme\" in people", hints: ["did you mean \"name\"? (\(fields))"]),
        ExpectedDiagnostic(source: "people where Name = \"Ana\"", code: .unknownField, line: 1, column: 14, width: 4,
                           message: "unknown field \"Name\" in people", hints: ["did you mean \"name\"? (\(fields))"]),
        ExpectedDiagnostic(source: "people where zzz = 1", code: .unknownField, line: 1, column: 14, width: 3,
                           message: "unknown field \"zzz\" in people", hints: [fields]),
        ExpectedDiagnostic(source: "people where cities = 1", code: .unknownField, line: 1, column: 14, width: 6,
                           message: "unknown field \"cities\" in people", hints: [fields]),
        ExpectedDiagnostic(source: "people sort by nme", code: .unknownField, line: 1, column: 16, width: 3,
                           message: "unknown field \"nme\" in people", hints: ["did you mean \"name\"?"]),
        ExpectedDiagnostic(source: "people distinct nme", code: .unknownField, line: 1, column: 17, width: 3,
                           message: "unknown field \"nme\" in people", hints: ["did you mean \"name\"?"]),
        ExpectedDiagnostic(source: "people count by cty", code: .unknownField, line: 1, column: 17, width: 3,
                           message: "unknown field \"cty\" in people", hints: ["did you mean \"city\"?"]),
        ExpectedDiagnostic(source: "people summarize n = count() by cty", code: .unknownField, line: 1, column: 33, width: 3,
                           message: "unknown field \"cty\" in people", hints: ["did you mean \"city\"?"]),
        ExpectedDiagnostic(source: "people summarize s = sum(agee)", code: .unknownField, line: 1, column: 26, width: 4,
                           message: "unknown field \"agee\" in people", hints: ["did you mean \"age\"?"]),
        ExpectedDiagnostic(source: "people select upper(nme)", code: .unknownField, line: 1, column: 21, width: 3,
                           message: "unknown field \"nme\" in people", hints: ["did you mean \"name\"?"]),
        ExpectedDiagnostic(source: "people join cities on cty", code: .unknownField, line: 1, column: 23, width: 3,
                           message: "unknown field \"cty\" in people", hints: ["did you mean \"city\"?"]),
        ExpectedDiagnostic(source: "people join cities on city = contry", code: .unknownField, line: 1, column: 30, width: 6,
                           message: "unknown field \"contry\" in cities",
                           hints: ["did you mean \"country\"? (fields: city, country, population)"]),
        ExpectedDiagnostic(source: "people join citie on city", code: .unknownCollection, line: 1, column: 13, width: 5,
                           message: "unknown collection \"citie\"", hints: ["did you mean \"cities\"?", "collections:"]),
        ExpectedDiagnostic(source: "people select lowr(name)", code: .unknownFunction, line: 1, column: 15, width: 4,
                           message: "unknown function \"lowr\"", hints: ["did you mean \"lower\"?", functions]),
        ExpectedDiagnostic(source: "people select shout(name)", code: .unknownFunction, line: 1, column: 15, width: 5,
                           message: "unknown function \"shout\"", hints: [functions]),
        ExpectedDiagnostic(source: "people select name, name", code: .duplicateColumn, line: 1, column: 21, width: 4,
                           message: "column \"name\" appears twice in the result",
                           hints: ["name one of them with \"as\": … as name_2"]),
        ExpectedDiagnostic(source: "people select *, id", code: .duplicateColumn, line: 1, column: 18, width: 2,
                           message: "column \"id\" appears twice in the result", hints: ["name one of them with \"as\": … as id_2"]),
        // Stages after a stage that changed the fields
        ExpectedDiagnostic(source: "people count where name = \"Ana\"", code: .unknownField, line: 1, column: 20, width: 4,
                           message: "unknown field \"name\" in the result of \"count\"",
                           hints: ["\"name\" existed before, but an earlier stage of this query removed it"]),
        ExpectedDiagnostic(source: "people count by city | where age > 1", code: .unknownField, line: 1, column: 30, width: 3,
                           message: "unknown field \"age\" in the result of \"count by\"", hints: ["\"age\" existed before"]),
        ExpectedDiagnostic(source: "people select id | sort by name", code: .unknownField, line: 1, column: 28, width: 4,
                           message: "unknown field \"name\" in the result of \"select\"", hints: ["\"name\" existed before"]),
        ExpectedDiagnostic(source: "people summarize n = count() by city select age", code: .unknownField, line: 1, column: 45, width: 3,
                           message: "unknown field \"age\" in the result of \"summarize\"", hints: ["\"age\" existed before"]),
        ExpectedDiagnostic(source: "people distinct city select name", code: .unknownField, line: 1, column: 29, width: 4,
                           message: "unknown field \"name\" in the result of \"distinct\"", hints: ["\"name\" existed before"]),
        // Types
        ExpectedDiagnostic(source: "people where age = \"five\"", code: .typeMismatch, line: 1, column: 20, width: 6,
                           message: "cannot compare integer field \"age\" with string \"five\"",
                           hints: ["field \"age\" holds integers; compare it with a number"]),
        ExpectedDiagnostic(source: "people where age > \"5\"", code: .typeMismatch, line: 1, column: 20, width: 3,
                           message: "cannot compare integer field \"age\" with string \"5\"",
                           hints: ["remove the quotes to compare with the number 5"]),
        ExpectedDiagnostic(source: "people where name = 5", code: .typeMismatch, line: 1, column: 21, width: 1,
                           message: "cannot compare string field \"name\" with integer 5"),
        ExpectedDiagnostic(source: "people where joined = 5", code: .typeMismatch, line: 1, column: 23, width: 1,
                           message: "cannot compare date field \"joined\" with integer 5"),
        ExpectedDiagnostic(source: "people where joined > \"June\"", code: .invalidDate, line: 1, column: 23, width: 6,
                           message: "\"June\" is not a date", hints: ["a date is written \"YYYY-MM-DD\""]),
        ExpectedDiagnostic(source: "people where active = 1", code: .typeMismatch, line: 1, column: 23, width: 1,
                           message: "cannot compare boolean field \"active\" with integer 1"),
        ExpectedDiagnostic(source: "people where name", code: .notBoolean, line: 1, column: 14, width: 4,
                           message: "\"where\" needs a condition, found a string expression",
                           hints: ["compare it with something, for example: where arrested > 2"]),
        ExpectedDiagnostic(source: "people select length(age)", code: .argumentType, line: 1, column: 22, width: 3,
                           message: "length(text or list) needs text or a list here, found integer"),
        ExpectedDiagnostic(source: "people select year(name)", code: .argumentType, line: 1, column: 20, width: 4,
                           message: "year(date) needs a date here, found string"),
        ExpectedDiagnostic(source: "people select substr(name, \"1\")", code: .argumentType, line: 1, column: 28, width: 3,
                           message: "substr(text, start[, length]) needs an integer here, found string"),
        ExpectedDiagnostic(source: "people select round(score, 1.5)", code: .argumentType, line: 1, column: 28, width: 3,
                           message: "round(number[, digits]) needs an integer here, found decimal"),
        ExpectedDiagnostic(source: "people select abs(name)", code: .argumentType, line: 1, column: 19, width: 4,
                           message: "abs(number) needs a number here, found string"),
        ExpectedDiagnostic(source: "people select substr(name)", code: .argumentCount, line: 1, column: 15, width: 12,
                           message: "wrong number of arguments (1) to substr(text, start[, length])",
                           hints: ["call it as substr(text, start[, length])"]),
        ExpectedDiagnostic(source: "people select lower()", code: .argumentCount, line: 1, column: 15, width: 7,
                           message: "wrong number of arguments (0) to lower(text)", hints: ["call it as lower(text)"]),
        ExpectedDiagnostic(source: "people select sum(age)", code: .misplacedAggregate, line: 1, column: 15, width: 8,
                           message: "aggregate \"sum\" can only be used in \"summarize\"",
                           hints: ["for example: summarize total = sum(arrested) by country",
                                   "or, beside each row, a window: extend total = sum(arrested) over (by country)"]),
        ExpectedDiagnostic(source: "people where count() > 1", code: .misplacedAggregate, line: 1, column: 14, width: 7,
                           message: "aggregate \"count\" can only be used in \"summarize\"", hints: ["for example:"]),
        ExpectedDiagnostic(source: "people summarize lower(name)", code: .notAggregate, line: 1, column: 18, width: 11,
                           message: "\"summarize\" needs an aggregate such as sum(arrested)",
                           hints: ["aggregates: count(), count_distinct(), sum(), avg(), min(), max()"]),
        ExpectedDiagnostic(source: "people summarize n = age", code: .notAggregate, line: 1, column: 22, width: 3,
                           message: "\"summarize\" needs an aggregate such as sum(arrested)", hints: ["aggregates:"]),
        ExpectedDiagnostic(source: "people summarize s = sum(name)", code: .argumentType, line: 1, column: 26, width: 4,
                           message: "sum(number) needs a number here, found string"),
        ExpectedDiagnostic(source: "people summarize a = avg(joined)", code: .argumentType, line: 1, column: 26, width: 6,
                           message: "avg(number) needs a number here, found date"),
        ExpectedDiagnostic(source: "people summarize n = count(1, 2)", code: .argumentCount, line: 1, column: 22, width: 11,
                           message: "wrong number of arguments (2) to count([value])",
                           hints: ["call it as count([value])"]),
        ExpectedDiagnostic(source: "people summarize s = sum()", code: .argumentCount, line: 1, column: 22, width: 5,
                           message: "wrong number of arguments (0) to sum(number)", hints: ["call it as sum(number)"]),
        ExpectedDiagnostic(source: "people summarize n = count(), n = sum(age)", code: .duplicateColumn, line: 1, column: 31, width: 1,
                           message: "column \"n\" appears twice in the result", hints: ["name one of them with \"as\""]),
        ExpectedDiagnostic(source: "people where name matches \"([\"", code: .invalidRegex, line: 1, column: 29, width: 1,
                           message: "invalid regular expression \"([\": \"[\" is not closed", hints: ["add \"]\""]),
        ExpectedDiagnostic(source: "people where name matches name", code: .notConstant, line: 1, column: 27, width: 4,
                           message: "expected a regular expression in double quotes here"),
        ExpectedDiagnostic(source: "people limit age", code: .notConstant, line: 1, column: 14, width: 3,
                           message: "expected a whole number (or a $parameter) here"),
        ExpectedDiagnostic(source: "people limit 1.5", code: .notConstant, line: 1, column: 14, width: 3,
                           message: "expected a whole number (or a $parameter) here"),
        ExpectedDiagnostic(source: "people limit 2 offset name", code: .notConstant, line: 1, column: 23, width: 4,
                           message: "expected a whole number (or a $parameter) here"),
        ExpectedDiagnostic(source: "people select name + 1", code: .typeMismatch, line: 1, column: 15, width: 4,
                           message: "\"+\" needs a number, found string", hints: ["join text with a || b"]),
        ExpectedDiagnostic(source: "people select age * name", code: .typeMismatch, line: 1, column: 21, width: 4,
                           message: "\"*\" needs a number, found string"),
        ExpectedDiagnostic(source: "people select -name", code: .typeMismatch, line: 1, column: 16, width: 4,
                           message: "\"-\" needs a number, found string"),
        ExpectedDiagnostic(source: "people where not age", code: .typeMismatch, line: 1, column: 18, width: 3,
                           message: "\"not\" needs a boolean, found integer"),
        ExpectedDiagnostic(source: "people where age > 1 and name", code: .typeMismatch, line: 1, column: 26, width: 4,
                           message: "\"and\" needs a boolean, found string"),
        ExpectedDiagnostic(source: "people where name = \"x\" or age", code: .typeMismatch, line: 1, column: 28, width: 3,
                           message: "\"or\" needs a boolean, found integer"),
        ExpectedDiagnostic(source: "people where name contains 3", code: .typeMismatch, line: 1, column: 28, width: 1,
                           message: "\"contains\" needs text, found integer"),
        ExpectedDiagnostic(source: "people where age =~ \"x\"", code: .typeMismatch, line: 1, column: 14, width: 3,
                           message: "\"=~\" needs text, found integer"),
        ExpectedDiagnostic(source: "people where age starts with \"4\"", code: .typeMismatch, line: 1, column: 14, width: 3,
                           message: "\"starts with\" needs text, found integer"),
        ExpectedDiagnostic(source: "people join cities on id = city", code: .typeMismatch, line: 1, column: 28, width: 4,
                           message: "cannot join integer field \"id\" with string field \"city\"", hints: ["the keys of a join must be of one type"]),
        ExpectedDiagnostic(source: "people full join cities on city, age = country", code: .typeMismatch, line: 1, column: 40, width: 7,
                           message: "cannot join integer field \"age\" with string field \"country\"", hints: ["the keys of a join must be of one type"]),
        ExpectedDiagnostic(source: "people semi join cities on town", code: .unknownField, line: 1, column: 28, width: 4,
                           message: "unknown field \"town\" in people", hints: ["fields:"]),
        ExpectedDiagnostic(source: "people anti join cities on city = town", code: .unknownField, line: 1, column: 35, width: 4,
                           message: "unknown field \"town\" in cities", hints: ["fields:"]),
        ExpectedDiagnostic(source: "people union (cities select name = population)", code: .unionTypeClash, line: 1, column: 14, width: 33,
                           message: "column \"name\" is string in people but integer in cities",
                           hints: ["union matches columns by name"]),
        ExpectedDiagnostic(source: "people select collection = 1 union cities", code: .unionTypeClash, line: 1, column: 36, width: 6,
                           message: "column \"collection\" is integer in the result of \"select\" but string in cities",
                           hints: ["union matches columns by name"]),
        ExpectedDiagnostic(source: "people union nowhere", code: .unknownCollection, line: 1, column: 14, width: 7,
                           message: "unknown collection \"nowhere\"", hints: ["collections:"]),
        ExpectedDiagnostic(source: "people where city in (cities)", code: .unknownField, line: 1, column: 23, width: 6,
                           message: "unknown field \"cities\" in people", hints: ["fields:"]),
        ExpectedDiagnostic(source: "people where city in (cities select city, country)", code: .subqueryColumns, line: 1, column: 23, width: 27,
                           message: "the query of \"in (…)\" gives 2 columns (\"city\", \"country\"); it must give one",
                           hints: ["select the column to look in"]),
        ExpectedDiagnostic(source: "people select city in (cities select city)", code: .misplacedSubquery, line: 1, column: 15, width: 28,
                           message: "a query in \"in (…)\" is allowed only in a where condition", hints: ["filter with it"]),
        ExpectedDiagnostic(source: "people summarize n = count_if(city not in (cities select city))", code: .misplacedSubquery, line: 1, column: 31, width: 32,
                           message: "a query in \"in (…)\" is allowed only in a where condition", hints: ["filter with it"]),
        ExpectedDiagnostic(source: "people where age in (cities select city)", code: .subqueryType, line: 1, column: 14, width: 3,
                           message: "cannot look for integer values in the string column \"city\"", hints: ["compare values of one type"]),
        ExpectedDiagnostic(source: "people where city in (cities where citty = 1 select city)", code: .unknownField, line: 1, column: 36, width: 5,
                           message: "unknown field \"citty\" in cities", hints: ["did you mean \"city\"?"]),
        // A failed binding is reported once, not again at each use.
        ExpectedDiagnostic(source: "let a = peple count\na count\na where count > 1", code: .unknownCollection, line: 1, column: 9, width: 5,
                           message: "unknown collection \"peple\"", hints: ["did you mean \"people\"?", "collections:"]),
        ExpectedDiagnostic(source: "let a = people count\na where name = \"x\"", code: .unknownField, line: 2, column: 9, width: 4,
                           message: "unknown field \"name\" in a", hints: ["fields: count"]),
        ExpectedDiagnostic(source: "b count", code: .unknownCollection, line: 1, column: 1, width: 1,
                           message: "unknown collection \"b\"", hints: ["collections: people, cities, numbers, empty, nothing"]),
    ]

    @Test(arguments: cases)
    func reportsNameAndTypeErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
        // engine.run throws the same first error.
        let thrown = LangFixtures.failure(expected.source)
        #expect(thrown?.code == expected.code)
        #expect(thrown?.range == diagnostics.first?.range)
    }

    @Test func theReadmeExample() {
        let expected = ExpectedDiagnostic(
            source: "arrests where contry = \"Togo\"", code: .unknownField, line: 1, column: 15, width: 6,
            message: "unknown field \"contry\" in arrests",
            hints: ["did you mean \"country\"? (fields: country, arrested, suspects, nationality, offence, place, linked_operation, notice, …)"])
        expected.check(LangFixtures.diagnostics(expected.source, in: .builtIn).first)
    }

    @Test func aStringForANumberOnTheBuiltInData() {
        let expected = ExpectedDiagnostic(
            source: "arrests where arrested = \"five\"", code: .typeMismatch, line: 1, column: 26, width: 6,
            message: "cannot compare integer field \"arrested\" with string \"five\"",
            hints: ["field \"arrested\" holds integers; compare it with a number"])
        expected.check(LangFixtures.diagnostics(expected.source, in: .builtIn).first)
    }

    @Test(arguments: [
        ("people where age in (1, \"x\")", 25, 3),
        ("people where age between 1 and \"x\"", 32, 3),
        ("people where age not in (\"1\")", 26, 3),
    ])
    func listAndRangeTypeErrorsNameBothSides(_ source: String, _ column: Int, _ width: Int) throws {
        let diagnostic = try #require(LangFixtures.diagnostics(source).first)
        #expect(diagnostic.code == .typeMismatch)
        #expect(diagnostic.location?.column == column)
        #expect(LangFixtures.caretWidth(diagnostic) == width)
        #expect(diagnostic.message.contains("integer field \"age\""))
        #expect(diagnostic.message.contains("string \""))
    }

    @Test func everyBadStatementOfAScriptIsReported() {
        let diagnostics = LangFixtures.diagnostics("peple count\npeople where nme = 1\npeople select lowr(name)\npeople count")
        #expect(diagnostics.map(\.code) == [.unknownCollection, .unknownField, .unknownFunction])
        #expect(diagnostics.map { $0.location?.line } == [1, 2, 3])
    }

    @Test func nameErrorsInSeveralStagesOfOneStatementAreAllReported() {
        // `where` and `sort by` keep the fields, so checking can go on after a bad name in them.
        let diagnostics = LangFixtures.diagnostics("people where nme = 1 | sort by agee | select cty")
        #expect(diagnostics.first?.message == "unknown field \"nme\" in people")
        #expect(diagnostics.map(\.code) == [.unknownField, .unknownField, .unknownField])
        #expect(diagnostics.map { $0.location?.column } == [14, 32, 46])
    }

    @Test func syntaxAndNameErrorsComeOutInSourceOrder() {
        let diagnostics = LangFixtures.diagnostics("people where nme = 1\npeople wher x\npeple count")
        #expect(diagnostics.map(\.code) == [.unknownField, .unknownStage, .unknownCollection])
    }

    @Test func aBadFieldIsNeverReportedAsAMissingCollection() {
        for source in ["people where city = cities", "people join cities on country", "people select cities"] {
            let codes = LangFixtures.diagnostics(source).map(\.code)
            #expect(codes == [.unknownField], "\(source)")
        }
    }

    @Test func namesAreCaseSensitiveButKeywordsAreNot() throws {
        #expect(LangFixtures.diagnostics("people WHERE age > 1 SELECT name").isEmpty)
        #expect(LangFixtures.diagnostics("people where AGE > 1").map(\.code) == [.unknownField])
    }

    @Test(arguments: [
        ("people where score", "\"where\" needs a condition, found a decimal expression"),
        ("people where name", "\"where\" needs a condition, found a string expression"),
        ("people select coalesce(name, 1)", "coalesce(value, …) needs a string like the first argument here, found integer"),
    ])
    func messagesUseTheArticleA(_ source: String, _ message: String) throws {
        #expect(try #require(LangFixtures.diagnostics(source).first).message == message)
    }

    @Test(arguments: [
        ("people where age", "\"where\" needs a condition, found an integer expression"),
        ("people select coalesce(age, \"x\")", "coalesce(value, …) needs an integer like the first argument here, found string"),
    ])
    func messagesUseTheArticleAnBeforeAVowel(_ source: String, _ message: String) throws {
        let diagnostic = try #require(LangFixtures.diagnostics(source).first)
        #expect(diagnostic.message == message)
    }

    // MARK: - Parameters

    @Test func anUnboundParameterIsNamedAndPlaced() {
        var engine = Engine(dataset: LangFixtures.dataset)
        do {
            _ = try engine.run("people where name = $who")
            Issue.record("ran without a value for $who")
        } catch {
            let diagnostic = error   // typed: `catch let … as Diagnostic` here crashes Swift 6.3.1 (SILGen)
            #expect(diagnostic.code == .unboundParameter)
            #expect(diagnostic.message == "no value given for parameter $who")
            #expect(diagnostic.hints == ["pass it with --param who=VALUE, or in run([\"who\": …])"])
            #expect(diagnostic.location?.line == 1)
            #expect(diagnostic.location?.column == 21)
        }
    }

    @Test func aParameterOfTheWrongTypeIsAnError() {
        var engine = Engine(dataset: LangFixtures.dataset)
        let diagnostic = #expect(throws: Diagnostic.self) {
            _ = try engine.run("people where name = $who", parameters: ["who": 5])
        }
        #expect(diagnostic?.code == .parameterType)
        #expect(diagnostic?.message == "parameter $who must be string, was given integer")
    }

    @Test func parametersBindToTheirPlaces() throws {
        var engine = Engine(dataset: LangFixtures.dataset)
        let results = try engine.run("people where age >= $min and city = $city select id limit $n",
                                     parameters: ["min": 30, "city": "Lomé", "n": 1])
        #expect(results.first?.table.map(\.values) == [[1]])
    }
}
