// wekaql's functions and aggregates in each dialect. Where an engine computes something else (characters
// counted as code points where wekaql counts what a reader sees, rounding of the binary value where wekaql
// rounds the written digits, an aggregate with no order), the compile is an error, not another answer.

extension SQLWriter {
    /// Functions without a translation yet: refused (E1000). (Casts are SQLFunctions+Casts.swift, `split` SQLExpressions+Lists.swift.)
    static let notYetInSQL: Set<Function> = [.regex_extract]

    mutating func call(_ function: Function, _ arguments: [BoundExpression], _ e: BoundExpression) throws(Diagnostic) -> String {
        switch function {
        case .coalesce:
            var widenedArgs: [String] = []
            for argument in arguments { widenedArgs.append(try widened(argument, to: e.type)) }
            return widenedArgs.count == 1 ? widenedArgs[0] : "coalesce(\(widenedArgs.joined(separator: ", ")))"
        case .if:
            return "(CASE WHEN \(try expression(arguments[0])) THEN \(try widened(arguments[1], to: e.type)) ELSE \(try widened(arguments[2], to: e.type)) END)"
        case .concat:
            var parts: [String] = []
            for argument in arguments {
                parts.append("coalesce(\(try text(try expression(argument), of: argument.type, range: argument.range, construct: "concat")), '')")
            }
            return "(" + parts.joined(separator: " || ") + ")"
        default:
            break
        }
        if let cast = function.cast { return try self.cast(cast, function, arguments[0], e) }
        if function == .split || (function == .length && arguments[0].type.isList) { return try listFunction(function, arguments, e) }
        if Self.notYetInSQL.contains(function) { throw Diagnostic.noSQL("\(function.rawValue)()", dialect, range: e.range) }
        var args: [String] = []
        // The unit of date_trunc and date_diff is a keyword of the SQL, not a value, except for SQLite's functions.
        let unitFirst = (function == .date_trunc || function == .date_diff) && dialect != .sqlite
        for (index, argument) in arguments.enumerated() { args.append(unitFirst && index == 0 ? "" : try expression(argument)) }
        if dialect == .sqlite {
            // wekaql's own implementation, registered on the connection: characters, case and rounding as in memory.
            if function == .round || function == .floor || function == .ceil || function == .abs { mayFail = true }
            return registered(function.rawValue, args, e.range)
        }
        if let sql = decimalFunction(function, args, arguments, e) { return sql }
        guard let sql = try portable(function, args, arguments, e) else {
            throw Diagnostic.noSQL("\(function.rawValue)()", dialect, range: e.range)
        }
        return sql
    }

    /// The function in PostgreSQL, DuckDB or Spark, or `nil` where the dialect has nothing faithful.
    private mutating func portable(_ function: Function, _ x: [String], _ arguments: [BoundExpression],
                                   _ e: BoundExpression) throws(Diagnostic) -> String? {
        let integer = dialect.typeName(.integer)
        switch function {
        case .lower, .upper:
            return "\(function.rawValue)(\(x[0]))"
        case .length:
            return dialect == .duckdb ? "CAST(length_grapheme(\(x[0])) AS BIGINT)" : nil
        case .trim:
            // Unicode white space at both ends, as Swift's Character.isWhitespace.
            return dialect == .duckdb ? "regexp_replace(\(x[0]), '^[\\t\\n\\x0B\\f\\r\\x{85}\\p{Z}]+|[\\t\\n\\x0B\\f\\r\\x{85}\\p{Z}]+$', '', 'g')" : nil
        case .substr:
            guard dialect == .duckdb else { return nil }
            // A start below 1 is 1; a negative length is 0 (SQL would count from the end).
            // (Not greatest(), which skips a null: a null start or length makes null.)
            func atLeast(_ sql: String, _ least: Int) -> String { "(CASE WHEN \(sql) < \(least) THEN \(least) ELSE \(sql) END)" }
            let length = x.count > 2 ? atLeast(x[2], 0) : "length_grapheme(\(x[0]))"
            return "substring_grapheme(\(x[0]), \(atLeast(x[1], 1)), \(length))"
        case .left, .right:
            return dialect == .duckdb ? "\(function.rawValue)_grapheme(\(x[0]), \(x[1]))" : nil
        case .replace:
            return "replace(\(x[0]), \(x[1]), \(x[2]))"
        case .abs:
            mayFail = true
            return "abs(\(x[0]))"
        case .floor, .ceil, .round:
            return try rounding(function, x, arguments)
        case .year, .month, .day:
            return dialect == .postgres ? "CAST(EXTRACT(\(function.rawValue.uppercased()) FROM \(x[0])) AS BIGINT)"
                                        : "CAST(\(function.rawValue)(\(x[0])) AS \(integer))"
        case .date_trunc:
            guard let unit = constantUnit(arguments[0]) else { return nil }
            return "CAST(date_trunc('\(unit.rawValue)', \(x[1])) AS DATE)"
        case .date_diff:
            guard let unit = constantUnit(arguments[0]) else { return nil }
            return dateDifference(unit, x[1], x[2])
        case .today:
            return dialect == .spark ? "current_date()" : "CURRENT_DATE"
        case .coalesce, .if, .concat:
            return nil   // handled by the caller
        case .split, .regex_extract, .int, .decimal, .float, .string, .date, .bool,
             .try_int, .try_decimal, .try_float, .try_string, .try_date, .try_bool:
            return nil   // refused before (notYetInSQL)
        }
    }

    /// The unit of `date_trunc` and `date_diff`: a literal the checker has read (E0311), written as a keyword.
    private func constantUnit(_ argument: BoundExpression) -> DateUnit? {
        guard case .literal(.string(let text)) = argument.kind else { return nil }
        return DateUnit(named: text)
    }

    /// DuckDB's `date_diff`: unit boundaries crossed from `a` to `b`; weeks as whole 7-day spans.
    private func dateDifference(_ unit: DateUnit, _ a: String, _ b: String) -> String {
        if dialect == .duckdb { return "date_diff('\(unit.rawValue)', \(a), \(b))" }
        let days = dialect == .spark ? "CAST(datediff(\(b), \(a)) AS BIGINT)" : "CAST((\(b) - \(a)) AS BIGINT)"
        func part(_ name: String, _ date: String) -> String {
            dialect == .postgres ? "CAST(EXTRACT(\(name) FROM \(date)) AS BIGINT)" : "CAST(\(name.lowercased())(\(date)) AS BIGINT)"
        }
        let divide = dialect == .spark ? "div" : "/"
        switch unit {
        case .day: return days
        case .week: return "(\(days) \(divide) 7)"   // both truncate toward zero
        case .month: return "((\(part("YEAR", b)) * 12 + \(part("MONTH", b))) - (\(part("YEAR", a)) * 12 + \(part("MONTH", a))))"
        case .quarter:
            func quarter(_ d: String) -> String { "(\(part("YEAR", d)) * 4 + (\(part("MONTH", d)) - 1) \(divide) 3)" }
            return "(\(quarter(b)) - \(quarter(a)))"
        case .year: return "(\(part("YEAR", b)) - \(part("YEAR", a)))"
        }
    }

    /// `floor`, `ceil`, `round`: of an integer the integer itself (`round(i, -n)` to a multiple of 10ⁿ,
    /// halves away from zero); of a decimal an integer, or with digits a decimal rounded on its written digits.
    private mutating func rounding(_ function: Function, _ x: [String], _ arguments: [BoundExpression]) throws(Diagnostic) -> String? {
        let integer = dialect.typeName(.integer), decimal = dialect.typeName(.float)
        mayFail = true
        if arguments[0].type == .integer {
            guard function == .round, x.count > 1 else { return x[0] }
            switch dialect {
            case .postgres: return "CAST(round(CAST(\(x[0]) AS NUMERIC), CAST(\(x[1]) AS INTEGER)) AS BIGINT)"
            case .duckdb, .spark: return "round(\(x[0]), CAST(\(x[1]) AS INTEGER))"
            case .sqlite: return nil
            }
        }
        if x.count == 1 {
            // Halves away from zero; PostgreSQL's round of a double rounds them to even, its numeric's does not.
            let value = dialect == .postgres ? "CAST(\(x[0]) AS NUMERIC)" : x[0]
            return "CAST(\(function.rawValue)(\(value)) AS \(integer))"
        }
        switch dialect {
        case .postgres:
            // PostgreSQL turns a double into numeric by its 15 significant digits.
            return "CAST(round(CAST(\(x[0]) AS NUMERIC), CAST(\(x[1]) AS INTEGER)) AS \(decimal))"
        case .duckdb:
            // The shortest text of the double, as a DECIMAL, is what DuckDB rounds as wekaql does.
            // A double of 1e19 or more is a whole number, which rounding to digits leaves as it is.
            let rounded = "CAST(round(CAST(CAST(\(x[0]) AS VARCHAR) AS DECIMAL(38, 18)), CAST(\(x[1]) AS INTEGER)) AS DOUBLE)"
            return "(CASE WHEN abs(\(x[0])) >= 1e19 AND \(x[1]) >= 0 THEN \(x[0]) WHEN abs(\(x[0])) >= 1e19 THEN \(raise("no SQL for round of a decimal past 1e19 to tens or more")) ELSE \(rounded) END)"
        case .spark, .sqlite:
            return nil
        }
    }

    /// An aggregate over the rows of a group (`o` is each row's position, for the aggregates that take an order).
    mutating func aggregate(_ a: BoundAggregate) throws(Diagnostic) -> String {
        guard let argument = a.argument else { return "count(*)" }
        let x = try expression(argument)
        let integer = dialect.typeName(.integer), decimal = dialect.typeName(.float)
        func unsupported() -> Diagnostic { Diagnostic.noSQL("\(a.function.rawValue)()", dialect, range: a.range) }
        if a.addsDoubles { addsFloats = true }
        if argument.type == .decimal, let sql = try decimalAggregate(a.function, x, argument, range: a.range) { return sql }
        switch a.function {
        case .list: return try listAggregate(x, range: a.range)
        case .spark: throw unsupported()
        case .count: return "count(\(x))"
        case .count_distinct: return "count(DISTINCT \(x))"
        case .count_if: return "count(CASE WHEN \(x) THEN 1 END)"
        case .sum:
            // Integer sums are exact (PostgreSQL's and DuckDB's are wider than 64 bits): an error only when the total does not fit.
            if argument.type == .integer { sumsMayOverflow = true } else { mayFail = true }
            return argument.type == .integer && dialect != .sqlite && dialect != .spark ? "CAST(sum(\(x)) AS \(integer))" : "sum(\(x))"
        case .avg:
            if let mean = dialect.floatMean(of: argument.type, sum: "sum(\(x))", count: "count(\(x))") { mayFail = true; return mean }
            return "CAST(avg(\(x)) AS \(decimal))"
        case .min, .max:
            if dialect == .postgres && argument.type == .boolean { return a.function == .min ? "bool_and(\(x))" : "bool_or(\(x))" }
            return "\(a.function.rawValue)(\(argument.type.ordersAsText ? dialect.codePointOrder(x) : x))"
        case .median, .percentile:
            let fraction = a.function == .median ? "0.5" : bind(a.constant ?? .null, as: .float)
            let real = argument.type == .float ? x : "CAST(\(x) AS \(decimal))"
            switch dialect {
            case .postgres: return "percentile_cont(\(fraction)) WITHIN GROUP (ORDER BY \(real))"
            case .duckdb: return "CAST(quantile_cont(\(real), \(fraction)) AS DOUBLE)"
            case .spark: return "percentile(\(real), \(fraction))"
            case .sqlite: throw unsupported()
            }
        case .stddev, .variance:
            guard dialect != .sqlite else { throw unsupported() }
            return "\(a.function == .stddev ? "stddev_samp" : "var_samp")(\(argument.type == .decimal ? "CAST(\(x) AS \(decimal))" : x))"
        case .string_agg:
            // In the order of the rows, which SQLite 3.40 and Spark cannot ask of an aggregate.
            guard dialect == .postgres || dialect == .duckdb else { throw unsupported() }
            let separator = bind(a.constant ?? .string(","), as: .string)
            return "string_agg(\(try text(x, of: argument.type, range: argument.range, construct: "string_agg")), \(separator) ORDER BY \(ordinal))"
        case .first, .last:
            let direction = a.function == .first ? "" : " DESC"
            switch dialect {
            case .postgres: return "(array_agg(\(x) ORDER BY \(ordinal)\(direction)))[1]"
            case .duckdb: return "\(a.function.rawValue)(\(x) ORDER BY \(ordinal))"
            case .sqlite, .spark: throw unsupported()
            }
        }
    }
}

/// wekaql's regular expressions for RE2 (DuckDB): the same syntax, but `\w`, `\d` and `\s` are Unicode in
/// wekaql and ASCII in RE2, so they are written as Unicode classes.
enum RE2Pattern {
    static let word = "\\p{L}\\p{M}\\p{N}_", digit = "\\p{Nd}", space = "\\t\\n\\x0B\\f\\r\\x{85}\\p{Z}"

    /// The pattern for RE2, or `nil` when it uses what cannot be written so (`\b`, a negated class inside brackets).
    static func translate(_ pattern: String) -> String? {
        var out = "", inClass = false, escaped = false
        for character in pattern {
            if escaped {
                escaped = false
                let classes: [Character: String] = ["w": word, "d": digit, "s": space]
                let negated: [Character: String] = ["W": word, "D": digit, "S": space]
                if let set = classes[character] { out += inClass ? set : "[\(set)]"; continue }
                if let set = negated[character] { guard !inClass else { return nil }; out += "[^\(set)]"; continue }
                if character == "b" || character == "B" { return nil }
                out += "\\" + String(character)
                continue
            }
            switch character {
            case "\\": escaped = true; continue
            case "[" where !inClass: inClass = true
            case "]" where inClass && !out.hasSuffix("[") && !out.hasSuffix("[^"): inClass = false
            default: break
            }
            out.append(character)
        }
        return out
    }
}
