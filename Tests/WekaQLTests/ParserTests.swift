// The parser: the shape of every stage and expression, precedence, syntax errors and recovery.

import Testing
import WekaQL

@Suite struct ParserTests {
    /// Parses `text`, requiring no diagnostics.
    static func program(_ text: String) throws -> Program {
        let (program, diagnostics) = Parser.parse(SourceFile(name: "-e", text: text))
        try #require(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return program
    }

    /// The stages of the single query in `text`, described as text.
    static func stages(_ text: String) throws -> [String] {
        let statements = try program(text).statements
        try #require(statements.count == 1)
        return statements[0].query.stages.map(describe)
    }

    /// The condition of `t where CONDITION`, as an S-expression.
    static func condition(_ text: String) throws -> String {
        let stages = try program("t where " + text).statements.first?.query.stages
        guard case .filter(let expression)? = stages?.first?.kind, stages?.count == 1 else {
            Issue.record("not one where stage: \(text)")
            return ""
        }
        return sexp(expression)
    }

    static func sexp(_ e: Expression) -> String {
        switch e.kind {
        case .literal(.string(let s)): return "\"\(s)\""
        case .literal(let v): return v.isNull ? "null" : v.description
        case .field(let name): return name.text
        case .parameter(let name): return "$" + name.text
        case .unary(let op, let x): return "(\(op == .not ? "not" : "-") \(sexp(x)))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(sexp(a)) \(sexp(b)))"
        case .call(let name, let arguments): return "\(name.text)(\(arguments.map(sexp).joined(separator: ", ")))"
        case .inList(let x, let items, let negated):
            return "(\(negated ? "not in" : "in") \(sexp(x)) [\(items.map(sexp).joined(separator: ", "))])"
        case .inQuery(let x, let query, let negated):
            return "(\(negated ? "not in" : "in") \(sexp(x)) (\(describe(query))))"
        case .isNull(let x, let negated): return "(is \(negated ? "not " : "")null \(sexp(x)))"
        case .between(let x, let low, let high, let negated):
            return "(\(negated ? "not between" : "between") \(sexp(x)) \(sexp(low)) \(sexp(high)))"
        case .conditional(let branches, let otherwise):
            let whens = branches.map { "(when \(sexp($0.condition)) \(sexp($0.result)))" }
            return "(case \(whens.joined(separator: " "))\(otherwise.map { " (else \(sexp($0)))" } ?? ""))"
        case .window(let w):
            let by = w.partition.isEmpty ? "" : " (by \(w.partition.map(sexp).joined(separator: ", ")))"
            let order = w.order.isEmpty ? "" : " (sort \(w.order.map { sexp($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")))"
            return "(over \(w.function.text)(\(w.arguments.map(sexp).joined(separator: ", ")))\(by)\(order))"
        }
    }

    static func key(_ key: GroupKey) -> String {
        key.field?.text ?? ((key.name.map { "\($0.text) = " } ?? "") + sexp(key.expression))
    }

    static func describe(_ query: Query) -> String {
        ([query.source.text] + query.stages.map(describe)).joined(separator: " ")
    }

    static func describe(_ stage: Stage) -> String {
        switch stage.kind {
        case .filter(let e): return "where \(sexp(e))"
        case .select(let items):
            return "select " + items.map { item in
                switch item {
                case .all: return "*"
                case .expression(let e, let alias): return sexp(e) + (alias.map { " as \($0.text)" } ?? "")
                }
            }.joined(separator: ", ")
        case .sort(let keys):
            return "sort by " + keys.map { sexp($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .limit(let count, let offset):
            return "limit \(sexp(count))" + (offset.map { " offset \(sexp($0))" } ?? "")
        case .distinct(let names): return (["distinct"] + [names.map(\.text).joined(separator: ", ")]).filter { !$0.isEmpty }.joined(separator: " ")
        case .count(let by): return by.isEmpty ? "count" : "count by " + by.map(key).joined(separator: ", ")
        case .summarize(let aggregations, let by):
            let items = aggregations.map { ($0.name.map { "\($0.text) = " } ?? "") + sexp($0.call) }.joined(separator: ", ")
            return "summarize \(items)" + (by.isEmpty ? "" : " by " + by.map(key).joined(separator: ", "))
        case .join(let clause):
            let keys = clause.keys.map { $0.left.text == $0.right.text ? $0.left.text : "\($0.left.text) = \($0.right.text)" }
            return "\(clause.kind.words) \(clause.collection.text) on \(keys.joined(separator: ", "))"
        case .union(let clause):
            let side: String
            switch clause.side {
            case .source(let name): side = name.text
            case .query(let query): side = "(\(describe(query)))"
            }
            return (clause.distinct ? "union distinct " : "union ") + side
        case .extend(let assignments):
            return "extend " + assignments.map { "\($0.name.text) = \(sexp($0.expression))" }.joined(separator: ", ")
        case .rename(let renamings):
            return "rename " + renamings.map { "\($0.old.text) as \($0.new.text)" }.joined(separator: ", ")
        case .drop(let names): return "drop " + names.map(\.text).joined(separator: ", ")
        case .top(let count, let keys):
            return "top \(sexp(count)) by " + keys.map { sexp($0.expression) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        case .chart(let clause):
            let options = [clause.x.map { "x = \($0.text)" }, clause.y.isEmpty ? nil : "y = " + clause.y.map(\.text).joined(separator: ", "),
                           clause.by.map { "by \($0.text)" }, clause.title.map { "title \"\($0)\"" }, clause.bins.map { "bins = \($0.count)" }]
            return (["chart \(clause.kind.text)"] + options.compactMap { $0 }).joined(separator: " ")
        case .unnest(let field): return "unnest \(field.text)"
        case .pivot(let p):
            let values = p.values.map { " in (\($0.map(sexp).joined(separator: ", ")))" } ?? ""
            return "pivot \(p.column.text)\(values) using \(sexp(p.aggregate))" + (p.keys.isEmpty ? "" : " by " + p.keys.map(\.text).joined(separator: ", "))
        case .unpivot(let u):
            return "unpivot \(u.fields.map(\.text).joined(separator: ", ")) into \(u.nameColumn.text), \(u.valueColumn.text)"
        }
    }

    // MARK: - Stages

    struct StageCase: Sendable, CustomTestStringConvertible {
        var source: String
        var stages: [String]
        var testDescription: String { source }
    }

    static let stageCases: [StageCase] = [
        StageCase(source: "t", stages: []),
        StageCase(source: "t where a > 1", stages: ["where (> a 1)"]),
        StageCase(source: "t select *", stages: ["select *"]),
        StageCase(source: "t select *, a as b, a + 1, `count` as `where`", stages: ["select *, a as b, (+ a 1), count as where"]),
        StageCase(source: "t sort by a desc, b asc, c", stages: ["sort by a desc, b, c"]),
        StageCase(source: "t order by lower(a) desc", stages: ["sort by lower(a) desc"]),
        StageCase(source: "t limit 5", stages: ["limit 5"]),
        StageCase(source: "t limit 5 offset 2", stages: ["limit 5 offset 2"]),
        StageCase(source: "t limit $n offset $m", stages: ["limit $n offset $m"]),
        StageCase(source: "t distinct", stages: ["distinct"]),
        StageCase(source: "t chart bar", stages: ["chart bar"]),
        StageCase(source: "t chart column x = a, y = b, `c` by d title \"T\"", stages: ["chart column x = a y = b, c by d title \"T\""]),
        StageCase(source: "t | chart hist x = a bins = 5", stages: ["chart hist x = a bins = 5"]),
        StageCase(source: "t distinct a, b", stages: ["distinct a, b"]),
        StageCase(source: "t count", stages: ["count"]),
        StageCase(source: "t count by a, b", stages: ["count by a, b"]),
        StageCase(source: "t summarize n = count(), s = sum(x), avg(y) by a, b",
                  stages: ["summarize n = count(), s = sum(x), avg(y) by a, b"]),
        StageCase(source: "t summarize d = count_distinct(a), lo = min(a), hi = max(a)",
                  stages: ["summarize d = count_distinct(a), lo = min(a), hi = max(a)"]),
        StageCase(source: "t join c on k", stages: ["join c on k"]),
        StageCase(source: "t join c on l = r", stages: ["join c on l = r"]),
        StageCase(source: "t inner join c on k", stages: ["join c on k"]),
        StageCase(source: "t left join c on l = r", stages: ["left join c on l = r"]),
        StageCase(source: "t join c on a, b = x", stages: ["join c on a, b = x"]),
        StageCase(source: "t join c on a = x and b = y", stages: ["join c on a = x, b = y"]),
        StageCase(source: "t full join c on k", stages: ["full join c on k"]),
        StageCase(source: "t semi join c on k | anti join d on j", stages: ["semi join c on k", "anti join d on j"]),
        StageCase(source: "t union c union distinct d", stages: ["union c", "union distinct d"]),
        StageCase(source: "t union (c where a > 1 select a) where a < 3", stages: ["union (c where (> a 1) select a)", "where (< a 3)"]),
        StageCase(source: "t where a in (c select a)", stages: ["where (in a (c select a))"]),
        StageCase(source: "t where a not in (c | where b select a) and (a in (b))", stages: ["where (and (not in a (c where b select a)) (in a [b]))"]),
        StageCase(source: "t | where a | select b | count", stages: ["where a", "select b", "count"]),
        StageCase(source: "t where a select b count", stages: ["where a", "select b", "count"]),
        StageCase(source: "t count by a sort by count desc", stages: ["count by a", "sort by count desc"]),
        StageCase(source: "t count by a | where count > 1 | select a, count", stages: ["count by a", "where (> count 1)", "select a, count"]),
        StageCase(source: "t WHERE a Sort By b DESC LIMIT 1 OFFSET 0", stages: ["where a", "sort by b desc", "limit 1 offset 0"]),
        StageCase(source: "t LEFT JOIN c ON k", stages: ["left join c on k"]),
        StageCase(source: "`count` where `select` = 1", stages: ["where (= select 1)"]),
        StageCase(source: "t select m = a + 1, (m = a), m == a, `top` = 2", stages: ["select (+ a 1) as m, (= m a), (= m a), 2 as top"]),
        StageCase(source: "t extend b = a * 2, a = lower(a)", stages: ["extend b = (* a 2), a = lower(a)"]),
        StageCase(source: "t rename a as b, c as `drop`", stages: ["rename a as b, c as drop"]),
        StageCase(source: "t drop a, b | top 3 by c desc, d", stages: ["drop a, b", "top 3 by c desc, d"]),
        StageCase(source: "t TOP $n BY a Extend x = 1", stages: ["top $n by a", "extend x = 1"]),
    ]

    @Test(arguments: stageCases)
    func parsesStages(_ c: StageCase) throws {
        #expect(try Self.stages(c.source) == c.stages)
    }

    @Test func stageRangesCoverTheirKeywordsAndText() throws {
        let text = "people where age > 2 | sort by age desc"
        let file = SourceFile(name: "-e", text: text)
        let stages = try Self.program(text).statements[0].query.stages
        #expect(stages.map { file.text(in: $0.keywordRange) } == ["where", "sort by"])
        #expect(stages.map { file.text(in: $0.range) } == ["where age > 2", "sort by age desc"])
    }

    @Test func letBindsAQuery() throws {
        let statements = try Self.program("let adults = people where age >= 18\nadults count").statements
        #expect(statements.count == 2)
        guard case .binding(let name, let query) = statements[0].kind else {
            Issue.record("not a binding")
            return
        }
        #expect(name.text == "adults")
        #expect(query.source.text == "people")
        #expect(query.stages.map(Self.describe) == ["where (>= age 18)"])
        guard case .query(let second) = statements[1].kind else {
            Issue.record("not a query")
            return
        }
        #expect(second.source.text == "adults")
    }

    // MARK: - Expressions

    struct ExpressionCase: Sendable, CustomTestStringConvertible {
        var source: String
        var tree: String
        var testDescription: String { source }
    }

    static let expressionCases: [ExpressionCase] = [
        ExpressionCase(source: "a or b and c", tree: "(or a (and b c))"),
        ExpressionCase(source: "a and b or c", tree: "(or (and a b) c)"),
        ExpressionCase(source: "not a = b", tree: "(not (= a b))"),
        ExpressionCase(source: "not a and b", tree: "(and (not a) b)"),
        ExpressionCase(source: "not not a", tree: "(not (not a))"),
        ExpressionCase(source: "true and not false or null", tree: "(or (and true (not false)) null)"),
        ExpressionCase(source: "a = 1 + 2 * 3", tree: "(= a (+ 1 (* 2 3)))"),
        ExpressionCase(source: "(1 + 2) * 3", tree: "(* (+ 1 2) 3)"),
        ExpressionCase(source: "1 - 2 - 3", tree: "(- (- 1 2) 3)"),
        ExpressionCase(source: "8 / 4 / 2", tree: "(/ (/ 8 4) 2)"),
        ExpressionCase(source: "x % 2 = 1", tree: "(= (% x 2) 1)"),
        ExpressionCase(source: "-a * b", tree: "(* (- a) b)"),
        ExpressionCase(source: "- -1", tree: "(- (- 1))"),
        ExpressionCase(source: "a - -1.5", tree: "(- a (- 1.5))"),
        ExpressionCase(source: "a != 1 or a <> 2", tree: "(or (!= a 1) (!= a 2))"),
        ExpressionCase(source: "a <= 1 or a >= 2 or a < 0 or a > 9", tree: "(or (or (or (<= a 1) (>= a 2)) (< a 0)) (> a 9))"),
        ExpressionCase(source: "a == 1", tree: "(= a 1)"),
        ExpressionCase(source: "a in (1, 2)", tree: "(in a [1, 2])"),
        ExpressionCase(source: "a not in (\"x\")", tree: "(not in a [\"x\"])"),
        ExpressionCase(source: "a in ()", tree: "(in a [])"),
        ExpressionCase(source: "a is null", tree: "(is null a)"),
        ExpressionCase(source: "a is not null and b", tree: "(and (is not null a) b)"),
        ExpressionCase(source: "a between 1 and 2 and b", tree: "(and (between a 1 2) b)"),
        ExpressionCase(source: "a not between 1 + 1 and 3", tree: "(not between a (+ 1 1) 3)"),
        ExpressionCase(source: "n contains \"x\" and n starts with \"A\"", tree: "(and (contains n \"x\") (starts with n \"A\"))"),
        ExpressionCase(source: "n ends with \"e\" or n matches \"^A\"", tree: "(or (ends with n \"e\") (matches n \"^A\"))"),
        ExpressionCase(source: "n not contains \"x\"", tree: "(not (contains n \"x\"))"),
        ExpressionCase(source: "n not starts with \"x\"", tree: "(not (starts with n \"x\"))"),
        ExpressionCase(source: "n =~ \"côte\"", tree: "(=~ n \"côte\")"),
        ExpressionCase(source: "n CONTAINS \"x\" AND n IS NOT NULL", tree: "(and (contains n \"x\") (is not null n))"),
        ExpressionCase(source: "lower(n) = \"ana\"", tree: "(= lower(n) \"ana\")"),
        ExpressionCase(source: "coalesce(a, b, 0) > 1", tree: "(> coalesce(a, b, 0) 1)"),
        ExpressionCase(source: "count() > 1", tree: "(> count() 1)"),
        ExpressionCase(source: "count > 1 and `count` < 9", tree: "(and (> count 1) (< count 9))"),
        ExpressionCase(source: "a = $p", tree: "(= a $p)"),
        ExpressionCase(source: "a + 1 between 2 and 3", tree: "(between (+ a 1) 2 3)"),
        ExpressionCase(source: "a * 2 in (4)", tree: "(in (* a 2) [4])"),
        ExpressionCase(source: "((a))", tree: "a"),
    ]

    @Test(arguments: expressionCases)
    func parsesExpressions(_ c: ExpressionCase) throws {
        #expect(try Self.condition(c.source) == c.tree)
    }

    @Test func literalsHaveTheirValues() throws {
        let stages = try Self.program("t select \"s\", 42, 1.5, 2e3, true, false, null, -7").statements[0].query.stages
        guard case .select(let items)? = stages.first?.kind else {
            Issue.record("no select")
            return
        }
        let values: [Value?] = items.map {
            guard case .expression(let e, _) = $0, case .literal(let v) = e.kind else { return nil }
            return v
        }
        #expect(values == ["s", 42, 1.5, .float(2000), true, false, .null, nil])
    }

    @Test func expressionRangesCoverTheirText() throws {
        let text = "t where lower(name) = \"ana\" and (age + 1) > 2"
        let file = SourceFile(name: "-e", text: text)
        guard case .filter(let e)? = try Self.program(text).statements[0].query.stages.first?.kind,
              case .binary(.and, let left, let right) = e.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(file.text(in: e.range) == "lower(name) = \"ana\" and (age + 1) > 2")
        #expect(file.text(in: left.range) == "lower(name) = \"ana\"")
        #expect(file.text(in: right.range) == "(age + 1) > 2")
    }

    // MARK: - Syntax errors

    static let errorCases: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people wher age > 2", code: .unknownStage, line: 1, column: 8, width: 4,
                           message: "unknown stage \"wher\"",
                           hints: ["did you mean \"where\"?", "stages: where, select, extend, rename, drop, sort by, top, limit, distinct, count, summarize, join"]),
        ExpectedDiagnostic(source: "people where age > 2 srot by age", code: .unknownStage, line: 1, column: 22, width: 4,
                           message: "unknown stage \"srot\"", hints: ["did you mean \"sort\"?", "stages:"]),
        ExpectedDiagnostic(source: "people where age > 2 city", code: .unknownStage, line: 1, column: 22, width: 4,
                           message: "unknown stage \"city\"", hints: ["stages: where, select, extend, rename, drop, sort by, top, limit, distinct, count, summarize, join"]),
        ExpectedDiagnostic(source: "people sort age", code: .expected, line: 1, column: 13, width: 3,
                           message: "expected \"by\" after \"sort\", found name \"age\"", hints: ["write \"sort by FIELD\""]),
        ExpectedDiagnostic(source: "people order age", code: .expected, line: 1, column: 14, width: 3,
                           message: "expected \"by\" after \"order\", found name \"age\"", hints: ["write \"order by FIELD\""]),
        ExpectedDiagnostic(source: "people where", code: .expectedExpression, line: 1, column: 13, width: 0,
                           message: "expected an expression, found the end of the input"),
        ExpectedDiagnostic(source: "people where age >", code: .expectedExpression, line: 1, column: 19, width: 0,
                           message: "expected an expression, found the end of the input"),
        ExpectedDiagnostic(source: "people where age > ; people count", code: .expectedExpression, line: 1, column: 19, width: 0,
                           message: "expected an expression, found the end of the statement"),
        ExpectedDiagnostic(source: "people select name, , age", code: .expectedExpression, line: 1, column: 21, width: 1,
                           message: "expected an expression, found \",\""),
        ExpectedDiagnostic(source: "people limit", code: .expectedExpression, line: 1, column: 13, width: 0,
                           message: "expected an expression, found the end of the input"),
        ExpectedDiagnostic(source: "people where (age > 2", code: .unclosedParenthesis, line: 1, column: 22, width: 0,
                           message: "expected \")\" to close \"(\" at line 1, column 14, found the end of the input"),
        ExpectedDiagnostic(source: "people select lower(name", code: .unclosedParenthesis, line: 1, column: 25, width: 0,
                           message: "expected \")\" to close \"(\" at line 1, column 20, found the end of the input"),
        ExpectedDiagnostic(source: "people where age in (1, 2 count", code: .unclosedParenthesis, line: 1, column: 27, width: 5,
                           message: "expected \")\" to close \"(\" at line 1, column 21, found keyword \"count\""),
        ExpectedDiagnostic(source: "people join on id", code: .keywordAsName, line: 1, column: 13, width: 2,
                           message: "expected a collection to join, found keyword \"on\"",
                           hints: ["back-quote a name that is a keyword: `on`"]),
        ExpectedDiagnostic(source: "people count by", code: .expected, line: 1, column: 16, width: 0,
                           message: "expected a field name, found the end of the input"),
        ExpectedDiagnostic(source: "people join cities city", code: .expected, line: 1, column: 20, width: 4,
                           message: "expected \"on\" and the key field, found name \"city\""),
        ExpectedDiagnostic(source: "people left cities on city", code: .expected, line: 1, column: 13, width: 6,
                           message: "expected \"join\", found name \"cities\""),
        ExpectedDiagnostic(source: "people where age in 1", code: .expected, line: 1, column: 21, width: 1,
                           message: "expected \"(\" after \"in\", found number 1"),
        ExpectedDiagnostic(source: "people where age between 1 or 2", code: .expected, line: 1, column: 28, width: 2,
                           message: "expected \"and\" in \"between … and …\", found keyword \"or\""),
        ExpectedDiagnostic(source: "people where age is 1", code: .expected, line: 1, column: 21, width: 1,
                           message: "expected \"null\" after \"is\", found number 1"),
        ExpectedDiagnostic(source: "people | | count", code: .expected, line: 1, column: 10, width: 1,
                           message: "expected a stage (where, select, sort by, …) or the end of the statement, found \"|\""),
        ExpectedDiagnostic(source: "people where age > 1 (", code: .expected, line: 1, column: 22, width: 1,
                           message: "expected a stage (where, select, sort by, …) or the end of the statement, found \"(\""),
        ExpectedDiagnostic(source: "= people", code: .expectedSource, line: 1, column: 1, width: 1,
                           message: "a statement starts with a collection or \"let\", found \"=\"",
                           hints: ["for example: arrests where country = \"Togo\""]),
        ExpectedDiagnostic(source: "where age > 2", code: .expectedSource, line: 1, column: 1, width: 5,
                           message: "a statement starts with a collection or \"let\", found keyword \"where\"",
                           hints: ["for example: arrests where country = \"Togo\""]),
        ExpectedDiagnostic(source: "\"people\" count", code: .expectedSource, line: 1, column: 1, width: 8,
                           message: "a statement starts with a collection or \"let\", found string \"people\"",
                           hints: ["for example:"]),
        ExpectedDiagnostic(source: "let = people", code: .expected, line: 1, column: 5, width: 1,
                           message: "expected a name for the binding, found \"=\""),
        ExpectedDiagnostic(source: "let x people", code: .expected, line: 1, column: 7, width: 6,
                           message: "expected \"=\" after the name in let, found name \"people\""),
        ExpectedDiagnostic(source: "people count\n  people sort name", code: .expected, line: 2, column: 15, width: 4,
                           message: "expected \"by\" after \"sort\", found name \"name\"", hints: ["write \"sort by FIELD\""]),
    ]

    /// A keyword where a name or an expression belongs: recovery resumes at that keyword, which
    /// starts a stage of its own.
    static let keywordCases: [ExpectedDiagnostic] = [
        ExpectedDiagnostic(source: "people select where", code: .expectedExpression, line: 1, column: 15, width: 5,
                           message: "expected an expression, found keyword \"where\"",
                           hints: ["\"where\" is a keyword; back-quote a field with that name: `where`"]),
        ExpectedDiagnostic(source: "people select name as where", code: .keywordAsName, line: 1, column: 23, width: 5,
                           message: "expected a column name after \"as\", found keyword \"where\"",
                           hints: ["back-quote a name that is a keyword: `where`"]),
        ExpectedDiagnostic(source: "people count by where", code: .keywordAsName, line: 1, column: 17, width: 5,
                           message: "expected a field name, found keyword \"where\"",
                           hints: ["back-quote a name that is a keyword: `where`"]),
    ]

    @Test(arguments: keywordCases)
    func reportsAKeywordWhereANameBelongsOnce(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        expected.check(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
    }

    @Test func aNegativeLimitIsNotCalledAMissingExpression() throws {
        // `-1` is an expression; what is wrong is that limit needs a whole number of 0 or more.
        let diagnostic = try #require(LangFixtures.diagnostics("people limit -1").first)
        #expect(diagnostic.location?.column == 14)
        #expect(diagnostic.code == .notConstant)
        #expect(diagnostic.message == "expected a whole number (or a $parameter) here")
        #expect(LangFixtures.caretWidth(diagnostic) == 2)
    }

    @Test(arguments: errorCases)
    func reportsSyntaxErrors(_ expected: ExpectedDiagnostic) {
        let diagnostics = LangFixtures.diagnostics(expected.source)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))")
        expected.check(diagnostics.first)
    }

    @Test(arguments: [
        String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300),
        String(repeating: "- ", count: 300) + "1",
        String(repeating: "not ", count: 300) + "true",
    ])
    func deepNestingIsAnErrorNotACrash(_ expression: String) {
        let diagnostics = LangFixtures.diagnostics("people where " + expression)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .nestingTooDeep)
        #expect(diagnostics.first?.message == "expression nested too deeply (more than 256 levels)")
        #expect(diagnostics.first?.location?.line == 1)
    }

    @Test func moderateNestingParses() throws {
        let value = try LangFixtures.value("people select " + String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
                                           + " as one limit 1")
        #expect(value == 1)
    }

    // MARK: - Recovery

    @Test func threeBadStatementsReportThreeErrors() {
        let diagnostics = LangFixtures.diagnostics("people wher age > 2\npeople sort age\npeople where nme = 1")
        #expect(diagnostics.map(\.code) == [.unknownStage, .expected, .unknownField])
        #expect(diagnostics.map { $0.location?.line } == [1, 2, 3])
    }

    @Test func threeBadStagesInOneStatementReportThreeErrors() {
        let diagnostics = LangFixtures.diagnostics("people where > 2 | select , | sort by")
        #expect(diagnostics.map(\.code) == [.expectedExpression, .expectedExpression, .expectedExpression])
        #expect(diagnostics.map { $0.location?.column } == [14, 27, 38])
    }

    @Test func recoveryResumesAtAStageKeywordWithoutAPipe() {
        let diagnostics = LangFixtures.diagnostics("people where age > > 2 sort name limit x y")
        #expect(diagnostics.map(\.code) == [.expectedExpression, .expected, .unknownStage])
        #expect(diagnostics.map { $0.location?.column } == [20, 29, 42])
    }

    @Test func statementsWithSyntaxErrorsAreLeftOutOfTheProgram() {
        let (program, diagnostics) = Parser.parse(SourceFile(name: "-e", text: "people count\npeople wher x\npeople limit 1"))
        #expect(diagnostics.count == 1)
        #expect(program.statements.map { $0.query.source.text } == ["people", "people"])
        #expect(program.statements.map { $0.query.stages.map(Self.describe) } == [["count"], ["limit 1"]])
    }

    @Test func aStatementWithASyntaxErrorIsNotAlsoCheckedForNames() {
        // `nme` is unknown, but the statement did not parse, so only the syntax error is reported.
        let diagnostics = LangFixtures.diagnostics("people where nme = 1 sort nme")
        #expect(diagnostics.map(\.code) == [.expected])
    }

    @Test func nothingRunsWhenAnyStatementIsWrong() {
        var engine = Engine(dataset: LangFixtures.dataset)
        #expect(throws: Diagnostic.self) { try engine.run("let a = people count\npeople wher x") }
        #expect(engine.bindings["a"] == nil)
    }

    @Test func anUnclosedParenthesisDoesNotSwallowTheLinesAfterIt() {
        // A "(" that no ")" closes ends its statement at the line break, so the next lines are
        // statements of their own: one error for the missing ")", then the next line's own error.
        let diagnostics = LangFixtures.diagnostics("people where (age > 2\npeople count\npeople wher x")
        #expect(diagnostics.map(\.code) == [.unclosedParenthesis, .unknownStage])
        #expect(diagnostics.first?.message == "expected \")\" to close \"(\" at line 1, column 14, found the end of the statement")
        #expect(diagnostics.first?.location?.line == 1)
        #expect(diagnostics.last?.message == "unknown stage \"wher\"")
        #expect(diagnostics.last?.location?.line == 3)
        #expect(diagnostics.last?.location?.column == 8)
    }

    @Test func aParenthesisClosedOnALaterLineStillContinues() {
        #expect(LangFixtures.diagnostics("people where (age > 2\n or age < 1) count").isEmpty)
        #expect(LangFixtures.diagnostics("people where ((age > 2\n or age < 1) count; people count").map(\.code) == [.unclosedParenthesis])
    }
}
