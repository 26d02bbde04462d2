// wekaql's exact decimals as PostgreSQL's `numeric`, which keeps each value's own scale as wekaql does
// (`1.50` stays `1.50`), adds and subtracts at the larger scale and multiplies at the sum of the scales.
// What differs is written out: a result past wekaql's 64-bit units or past scale 18 is an error (numeric
// would go on), `/` rounds as wekaql's quotient rule says, `round(d, n)` never adds zeros, `avg` is `sum / count`
// by that rule. The other dialects give every value of a column one scale (DuckDB's and Spark's
// `DECIMAL(p, s)`) and SQLite has no decimal type: there an exact decimal is error E1000.

extension SQLWriter {
    /// Whether exact decimals have SQL in this dialect (on DuckDB, those whose scale the query fixes).
    var hasExactDecimals: Bool { dialect == .postgres || dialect == .duckdb }

    /// Whether the decimal `e` has SQL: always on PostgreSQL, on DuckDB when the query alone fixes its scale.
    func decimalHasSQL(_ e: BoundExpression) -> Bool {
        dialect == .postgres || (dialect == .duckdb && staticScale(e) != nil)
    }

    /// The decimal `value` checked against wekaql's bounds: null stays null; a value whose units do not fit
    /// in 64 bits, or whose scale is past 18, fails (PostgreSQL's "bigint out of range"). The value is named
    /// once, in a subquery, unless `inline` (an aggregate, which must stay in its own query level).
    mutating func checkedDecimal(_ value: String, inline: Bool = false) -> String {
        mayFail = true
        let v = inline ? value : name("v")
        let units = "CAST(CASE WHEN scale(\(v)) > 18 THEN 1e19 ELSE \(v) * power(10::numeric, scale(\(v))) END AS BIGINT)"
        let test = "CASE WHEN \(units) IS NULL THEN NULL ELSE \(v) END"
        return inline ? "(\(test))" : "(SELECT \(test) FROM (SELECT \(value) AS \(v)) AS \(name("d")))"
    }

    /// `a op b` where the result is an exact decimal (one side a decimal, the other a decimal or an integer).
    mutating func decimalArithmetic(_ op: BinaryOperator, _ x: String, _ y: String, _ a: BoundExpression, _ b: BoundExpression,
                                    _ e: BoundExpression) throws(Diagnostic) -> String {
        guard decimalHasSQL(e) else { throw Diagnostic.noSQL("an exact decimal", dialect, range: e.range) }
        if dialect == .duckdb, let scale = staticScale(e) {
            let (l, r) = (duckOperand(x, a.type), duckOperand(y, b.type))
            return duckDecimal(op == .remainder ? "(CASE WHEN \(r) = 0 THEN \(raise("division by zero")) ELSE \(l) % \(r) END)" : "(\(l) \(op.rawValue) \(r))", scale: scale)
        }
        switch op {
        case .add, .subtract, .multiply: return checkedDecimal("(\(x) \(op.rawValue) \(y))")
        case .divide: return decimalQuotient(x, y)
        default: return checkedDecimal("mod(\(x), \(y))")   // the sign of the dividend, at the larger scale
        }
    }

    /// `a / b` by wekaql's rule (``ExactDecimal/dividing(by:)``): the quotient truncated to 30 places (exact:
    /// `div` of numerics), rounded half away from zero to 12 places, fewer when the whole part needs the room
    /// (18 digits in all), never fewer than the dividend's scale; then without the trailing zeros past that
    /// scale. A whole part of more than 18 digits fails. A zero divisor fails in `div`.
    mutating func decimalQuotient(_ x: String, _ y: String, inline: Bool = false) -> String {
        mayFail = true
        let (a, b, q, w, r) = (name("a"), name("b"), name("q"), name("w"), name("r"))
        let truncated = "SELECT \(a), div(\(a) * 1e30, \(b)) * 1e-30 AS \(q) FROM (SELECT \(x) AS \(a), \(y) AS \(b)) AS \(name("d1"))"
        let digits = "SELECT \(a), \(q), length(CAST(trunc(abs(\(q))) AS TEXT)) AS \(w) FROM (\(truncated)) AS \(name("d2"))"
        let rounded = "SELECT \(a), \(w), round(\(q), greatest(scale(\(a)), least(12, 18 - \(w)))) AS \(r) FROM (\(digits)) AS \(name("d3"))"
        let v = "round(\(r), greatest(scale(\(a)), min_scale(\(r))))"
        let units = "CAST(CASE WHEN \(w) > 18 OR scale(\(v)) > 18 THEN 1e19 ELSE \(v) * power(10::numeric, scale(\(v))) END AS BIGINT)"
        return "(SELECT CASE WHEN \(units) IS NULL THEN NULL ELSE \(v) END FROM (\(rounded)) AS \(name("d4")))"
    }

    /// `-d`: only the one value whose negation leaves 64 bits fails.
    mutating func decimalNegation(_ x: String, _ e: BoundExpression) throws(Diagnostic) -> String {
        guard decimalHasSQL(e) else { throw Diagnostic.noSQL("an exact decimal", dialect, range: e.range) }
        if dialect == .duckdb, let scale = staticScale(e) { return duckDecimal("(- \(x))", scale: scale) }
        return checkedDecimal("(- \(x))")
    }

    /// `abs`, `round(d, n)` of a decimal, or `nil` when the call does not give a decimal from one.
    mutating func decimalFunction(_ function: Function, _ x: [String], _ arguments: [BoundExpression], _ e: BoundExpression) -> String? {
        guard hasExactDecimals, arguments.first?.type == .decimal else { return nil }
        if dialect == .duckdb {
            guard e.type == .decimal, let scale = staticScale(e) else { return nil }
            switch function {
            case .abs: return duckDecimal("abs(\(x[0]))", scale: scale)
            case .round where scale < staticScale(arguments[0]) ?? 0:
                return duckDecimal("round(\(x[0]), CAST(\(x[1]) AS INTEGER))", scale: scale)
            case .round:   // as many places as the value has, or more: as it is (the digits still read, as bound)
                return x.count > 1 ? "(CASE WHEN \(x[1]) IS NULL THEN NULL ELSE \(x[0]) END)" : x[0]
            default: return nil
            }
        }
        switch function {
        case .abs:
            return checkedDecimal("abs(\(x[0]))")
        case .round where x.count > 1:
            // Rounding to as many places as the value has, or more, leaves it as it is: `round(1.5, 3)` is `1.5`.
            let (v, n) = (name("v"), name("n"))
            let rounded = "CASE WHEN \(n) >= scale(\(v)) THEN \(v) ELSE round(\(v), CAST(\(n) AS INTEGER)) END"
            return checkedDecimal("(SELECT \(rounded) FROM (SELECT \(x[0]) AS \(v), \(x[1]) AS \(n)) AS \(name("d5")))")
        default:
            return nil
        }
    }

    /// `sum` and `avg` of decimals: the exact sum at the largest scale, checked; the mean as `sum / count` by
    /// the rule of `/` (null over no values); `nil` for the other aggregates, which need nothing of their own.
    mutating func decimalAggregate(_ function: AggregateFunction, _ x: String, _ argument: BoundExpression,
                                   range: SourceRange) throws(Diagnostic) -> String? {
        guard hasExactDecimals else { throw Diagnostic.noSQL("\(function.rawValue)() of an exact decimal", dialect, range: range) }
        if dialect == .duckdb {
            // The sum is DuckDB's DECIMAL(38, s), exact; the mean's scale depends on the data.
            switch function {
            case .sum: return duckDecimal("sum(\(x))", scale: staticScale(argument) ?? 0)
            case .avg: throw Diagnostic.noSQL("avg() of an exact decimal", dialect, range: range)
            default: return nil
            }
        }
        switch function {
        case .sum: return checkedDecimal("sum(\(x))", inline: true)
        case .avg: return decimalMean(x)
        default: return nil
        }
    }

    /// `avg`: the aggregates computed in the query's own level, their quotient in a subquery over them.
    private mutating func decimalMean(_ x: String) -> String {
        mayFail = true
        let quotient = decimalQuotient(name("s"), name("n"))
        return "(SELECT \(quotient) FROM (SELECT sum(\(x)) AS \(name("s")), NULLIF(count(\(x)), 0) AS \(name("n"))) AS \(name("d6")))"
    }

    /// A cast to or from a decimal, or `nil` when neither side is one.
    mutating func decimalCast(_ cast: Cast, from source: ValueType, _ x: String, range: SourceRange) throws(Diagnostic) -> String? {
        guard cast.target == .decimal || source == .decimal else { return nil }
        guard hasExactDecimals else { throw Diagnostic.noSQL("an exact decimal", dialect, range: range) }
        switch (cast.target, source) {
        case (.decimal, .decimal): return x
        case (.decimal, .integer): return "CAST(\(x) AS \(dialect == .duckdb ? "DECIMAL(19, 0)" : "NUMERIC"))"
        case (.decimal, .boolean): return "CAST((CASE WHEN \(x) THEN 1 WHEN NOT \(x) THEN 0 END) AS \(dialect == .duckdb ? "DECIMAL(18, 0)" : "NUMERIC"))"
        case (.decimal, .null): return "CAST(NULL AS \(dialect == .duckdb ? "DECIMAL(18, 0)" : "NUMERIC"))"
        case (.integer, .decimal) where !cast.isTry:
            mayFail = true   // halves away from zero, as numeric's cast rounds; past 64 bits an error
            return "CAST(\(x) AS BIGINT)"
        case (.float, .decimal): return "CAST(\(x) AS \(dialect.typeName(.float)))"   // the nearest double
        case (.string, .decimal): return "CAST(\(x) AS \(dialect.typeName(.string)))"   // every digit of the scale, as wekaql writes it
        case (.boolean, .decimal): return "(\(x) <> 0)"
        default:
            // From text or a float, wekaql reads digits numeric would read otherwise (exponents, 18 digits).
            throw Diagnostic.noSQL("\(cast.isTry ? "try_" : "")decimal() of \(source == .float ? "a float" : source.rawValue)", dialect, range: range)
        }
    }
}

// DuckDB: `DECIMAL(p, s)` has one scale per expression, fixed when the SQL is planned. Where wekaql's scale
// follows from the query alone (literals, integers, `+ − ×` and `%` of them, `abs`, `round(d, n)`, and
// branches of one scale), it is the same, and the SQL computes with it: literals as `DECIMAL(18, s)`, each
// result cast to `DECIMAL(19, s)` after a check against 64-bit units (DuckDB's width of 38 is never reached:
// operands have at most 19 digits). A decimal whose scale depends on the data (a decimal column, a `/`, an
// `avg`) is E1000 there.
extension SQLWriter {
    /// wekaql's scale of the decimal `e` where the query alone fixes it; `nil` where the data does.
    func staticScale(_ e: BoundExpression) -> Int? {
        if e.type == .integer { return 0 }
        guard e.type == .decimal else { return nil }
        switch e.kind {
        case .literal(.decimal(let d)): return d.scale
        case .parameter(let name):
            if case .decimal(let d)? = parameterValues[name] { return d.scale }
            return parameterValues[name]?.type == .integer ? 0 : nil
        case .negate(let x): return staticScale(x)
        case .arithmetic(let op, let a, let b):
            guard op != .divide, let x = staticScale(a), let y = staticScale(b) else { return nil }
            return op == .multiply ? x + y : max(x, y)
        case .call(.abs, let arguments): return staticScale(arguments[0])
        case .call(.decimal, let arguments): return arguments[0].type == .integer ? 0 : nil
        case .call(.round, let arguments) where arguments.count > 1:
            guard let s = staticScale(arguments[0]), case .literal(.integer(let n)) = arguments[1].kind else { return nil }
            return n >= s ? s : max(Int(n), 0)
        case .call(.coalesce, let arguments): return oneScale(arguments)
        case .call(.if, let arguments): return oneScale(Array(arguments.dropFirst()))
        case .conditional(let branches, let otherwise): return oneScale(branches.map(\.result) + (otherwise.map { [$0] } ?? []))
        default: return nil
        }
    }

    /// The scale every one of `expressions` has (a null has any), or `nil` when they differ.
    private func oneScale(_ expressions: [BoundExpression]) -> Int? {
        var scale: Int?
        for e in expressions where e.type != .null {
            guard let s = staticScale(e), scale == nil || scale == s else { return nil }
            scale = s
        }
        return scale
    }

    /// The DuckDB decimal `sql` of scale `scale`, checked against wekaql's bounds and cast to `DECIMAL(19, scale)`.
    mutating func duckDecimal(_ sql: String, scale: Int) -> String {
        mayFail = true
        guard scale <= ExactDecimal.maximumDigits else {
            return "(CASE WHEN \(sql) IS NULL THEN NULL ELSE \(raise("decimal out of range")) END)"
        }
        let bound = ExactDecimal(units: .max, scale: scale)!.description
        return "(CASE WHEN abs(\(sql)) > \(bound) THEN \(raise("decimal out of range")) ELSE CAST(\(sql) AS DECIMAL(19, \(scale))) END)"
    }

    /// An operand of DuckDB decimal arithmetic: an integer as `DECIMAL(19, 0)` (every 64-bit integer).
    func duckOperand(_ sql: String, _ type: ValueType) -> String {
        type == .integer ? "CAST(\(sql) AS DECIMAL(19, 0))" : sql
    }
}

extension Value {
    /// The scale of a decimal, 0 for another number (a bound value where a decimal is expected).
    var decimalScale: Int { if case .decimal(let d) = self { return d.scale } else { return 0 } }
}
