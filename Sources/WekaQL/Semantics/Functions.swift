// The built-in functions: their names, argument types, result types and what they compute.

/// A scalar function such as `lower(country)`.
enum Function: String, CaseIterable, Sendable {
    case lower, upper, length, trim, substr, concat, coalesce, `if`, replace, left, right
    case abs, round, floor, ceil
    case year, month, day, date_trunc, date_diff, today
    case split
    case regex_extract
    case int, decimal, float, string, date, bool, try_int, try_decimal, try_float, try_string, try_date, try_bool

    /// Usage shown in hints and `.help functions`.
    var signature: String {
        switch self {
        case .lower, .upper, .trim: return "\(rawValue)(text)"
        case .length: return "length(text or list)"
        case .split: return "split(text, separator)"
        case .substr: return "substr(text, start[, length])"
        case .concat: return "concat(value, …)"
        case .coalesce: return "coalesce(value, …)"
        case .if: return "if(condition, then, else)"
        case .replace: return "replace(text, from, to)"
        case .left, .right: return "\(rawValue)(text, count)"
        case .date_trunc: return "date_trunc(unit, date)"
        case .date_diff: return "date_diff(unit, start, end)"
        case .today: return "today()"
        case .abs, .floor, .ceil: return "\(rawValue)(number)"
        case .round: return "round(number[, digits])"
        case .year, .month, .day: return "\(rawValue)(date)"
        case .regex_extract: return "regex_extract(text, pattern[, group])"
        case .int, .decimal, .float, .string, .date, .bool, .try_int, .try_decimal, .try_float, .try_string, .try_date, .try_bool:
            return "\(rawValue)(value)"
        }
    }

    /// The accepted numbers of arguments.
    var arity: ClosedRange<Int> {
        switch self {
        case .substr, .regex_extract: return 2...3
        case .round: return 1...2
        case .concat, .coalesce: return 1...64
        case .if, .replace, .date_diff: return 3...3
        case .left, .right, .date_trunc, .split: return 2...2
        case .today: return 0...0
        default: return 1...1
        }
    }

    /// The one type the argument at `index` can have, which types a parameter there (`year($d)` takes a
    /// date); `nil` where several fit (`abs` takes either number, `coalesce` anything).
    func argumentType(at index: Int) -> ValueType? {
        switch self {
        case .lower, .upper, .trim, .length: return .string
        case .substr: return index == 0 ? .string : .integer
        case .round: return index == 0 ? nil : .integer
        case .year, .month, .day: return .date
        case .if: return index == 0 ? .boolean : nil
        case .replace, .split: return .string
        case .left, .right: return index == 0 ? .string : .integer
        case .date_trunc, .date_diff: return index == 0 ? .string : .date
        case .today: return nil
        case .regex_extract: return index == 2 ? .integer : .string
        case .concat, .coalesce, .abs, .floor, .ceil: return nil
        case .int, .decimal, .float, .string, .date, .bool, .try_int, .try_decimal, .try_float, .try_string, .try_date, .try_bool: return nil
        }
    }

    /// The result type for the argument types, or the index of the first argument that does not fit.
    func resultType(_ arguments: [ValueType]) -> Result<ValueType, ArgumentMismatch> {
        func require(_ index: Int, _ accepted: [ValueType], _ what: String) -> ArgumentMismatch? {
            let type = arguments[index]
            return type == .null || accepted.contains(type) ? nil : ArgumentMismatch(index: index, expected: what)
        }
        switch self {
        case .lower, .upper, .trim:
            return require(0, [.string], "text").map(Result.failure) ?? .success(.string)
        case .length:
            if arguments[0].isList { return .success(.integer) }
            return require(0, [.string], "text or a list").map(Result.failure) ?? .success(.integer)
        case .split:
            if let m = require(0, [.string], "text") ?? require(1, [.string], "text") { return .failure(m) }
            return .success(.list(of: .string))
        case .substr:
            if let m = require(0, [.string], "text") ?? require(1, [.integer], "an integer")
                ?? (arguments.count > 2 ? require(2, [.integer], "an integer") : nil) { return .failure(m) }
            return .success(.string)
        case .concat:
            return .success(.string)
        case .replace:
            if let m = require(0, [.string], "text") ?? require(1, [.string], "text") ?? require(2, [.string], "text") { return .failure(m) }
            return .success(.string)
        case .left, .right:
            if let m = require(0, [.string], "text") ?? require(1, [.integer], "an integer") { return .failure(m) }
            return .success(.string)
        case .date_trunc, .date_diff:
            if let m = arguments.indices.dropFirst().lazy.compactMap({ require($0, [.date], "a date") }).first { return .failure(m) }
            return .success(self == .date_trunc ? .date : .integer)
        case .today:
            return .success(.date)
        case .regex_extract:   // checked by Checker.bindRegexExtract, which compiles the pattern
            return .success(.string)
        case .if:
            if let m = require(0, [.boolean], "a condition") { return .failure(m) }
            return Self.unified(arguments, from: 1)
        case .coalesce:
            return Self.unified(arguments, from: 0)
        case .abs, .floor, .ceil:
            if let m = require(0, [.integer, .decimal, .float], "a number") { return .failure(m) }
            return .success(self == .abs ? arguments[0] : .integer)
        case .round:
            if let m = require(0, [.integer, .decimal, .float], "a number") ?? (arguments.count > 1 ? require(1, [.integer], "an integer") : nil) {
                return .failure(m)
            }
            // An integer stays an integer (rounded exactly), as in DuckDB; a decimal or float rounded to digits keeps its type.
            guard arguments.count > 1, arguments[0] != .integer else { return .success(.integer) }
            return .success(arguments[0] == .null ? .decimal : arguments[0])
        case .year, .month, .day:
            return require(0, [.date], "a date").map(Result.failure) ?? .success(.integer)
        case .int, .decimal, .float, .string, .date, .bool, .try_int, .try_decimal, .try_float, .try_string, .try_date, .try_bool:
            return cast!.resultType(arguments[0])
        }
    }

    /// The common type of the arguments from `first` on (integer and decimal make decimal; null fits
    /// any), or the first argument that does not fit those before it.
    private static func unified(_ arguments: [ValueType], from first: Int) -> Result<ValueType, ArgumentMismatch> {
        var type = ValueType.null
        for index in first..<arguments.count {
            guard let unified = type.unified(with: arguments[index]) else {
                let like = first == 0 ? "like the first argument" : "like the argument before"
                return .failure(ArgumentMismatch(index: index, expected: "\(Diagnostic.article(type.rawValue)) \(type.rawValue) \(like)"))
            }
            type = unified
        }
        return .success(type)
    }

    /// Whether the function evaluates its arguments only as far as it needs them, as SQL's `coalesce`
    /// does (`coalesce(x, 1 / 0)` fails only where `x` is null); the compiler then gives it its arguments
    /// one at a time, and ``apply(_:)`` is never called. (`if` is checked into a conditional, as `case` is.)
    var isLazy: Bool { self == .coalesce || self == .if }

    /// Computes the function; arguments have the checked types. Throws on overflow.
    func apply(_ arguments: [Value]) throws(EvaluationError) -> Value {
        if self == .concat { return .string(arguments.map(\.description).joined()) }
        if self == .today { return .date(.today()) }
        if let cast { return try cast.apply(arguments[0]) }
        if arguments.contains(where: \.isNull) { return .null }
        switch (self, arguments[0]) {
        case (.lower, .string(let s)): return .string(s.lowercased())
        case (.upper, .string(let s)): return .string(s.uppercased())
        case (.trim, .string(let s)): return .string(String(s.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()))
        case (.length, .string(let s)): return .integer(Int64(s.count))
        case (.length, .list(let elements)): return .integer(Int64(elements.count))
        case (.split, .string(let s)):
            guard case .string(let separator) = arguments[1] else { return .null }
            return .list(Self.split(s, by: separator).map(Value.string))
        case (.substr, .string(let s)): return substring(s, arguments)
        case (.replace, .string(let s)):
            guard case .string(let from) = arguments[1], case .string(let to) = arguments[2], !from.isEmpty else { return arguments[0] }
            return .string(s.replacing(from, with: to))
        case (.left, .string(let s)), (.right, .string(let s)):
            guard case .integer(let n) = arguments[1] else { return .null }
            return .string(Self.end(of: s, count: n, left: self == .left))
        case (.abs, .integer(let i)):
            guard i != .min else { throw .overflow }
            return .integer(Swift.abs(i))
        case (.abs, .decimal(let d)):
            guard let magnitude = d.magnitude else { throw .decimalOverflow }
            return .decimal(magnitude)
        case (.abs, .float(let d)): return .float(Swift.abs(d))
        case (.floor, let v), (.ceil, let v), (.round, let v):
            return try roundNumber(v, arguments.count > 1 ? arguments[1] : nil)
        case (.year, .date(let d)): return .integer(Int64(d.components.year))
        case (.month, .date(let d)): return .integer(Int64(d.components.month))
        case (.day, .date(let d)): return .integer(Int64(d.components.day))
        case (.date_trunc, .string(let unit)):
            guard case .date(let d) = arguments[1], let unit = DateUnit(rawValue: unit) else { return .null }
            return .date(d.truncated(to: unit))
        case (.date_diff, .string(let unit)):
            guard case .date(let a) = arguments[1], case .date(let b) = arguments[2], let unit = DateUnit(rawValue: unit) else { return .null }
            return .integer(LocalDate.difference(in: unit, from: a, to: b))
        default: return .null
        }
    }

    /// `left` and `right`: the first (last) `count` characters, or for a negative count all but the last
    /// (first) `-count`, as in DuckDB.
    private static func end(of s: String, count: Int64, left: Bool) -> String {
        let n = Int(clamping: count)
        if n >= 0 { return String(left ? s.prefix(n) : s.suffix(n)) }
        let drop = n == .min ? Int.max : -n
        return String(left ? s.dropLast(drop) : s.dropFirst(drop))
    }

    private func substring(_ s: String, _ arguments: [Value]) -> Value {
        guard case .integer(let start) = arguments[1] else { return .null }
        let characters = Array(s)
        let from = Int(max(1, min(start, Int64(characters.count) + 1))) - 1
        var length = characters.count - from
        if arguments.count > 2, case .integer(let n) = arguments[2] { length = Int(max(0, min(n, Int64(length)))) }
        return .string(String(characters[from..<(from + length)]))
    }

    private func roundNumber(_ value: Value, _ digits: Value?) throws(EvaluationError) -> Value {
        if case .integer(let i) = value { return try Self.roundInteger(i, digits: digits) }
        if case .decimal(let d) = value { return try roundExact(d, digits) }
        guard case .float(let d) = value else { return .null }
        if case .integer(let places)? = digits {
            return .float(Self.roundDecimal(d, places: Int(clamping: places)))
        }
        let rounded: Double
        switch self {
        case .floor: rounded = d.rounded(.down)
        case .ceil: rounded = d.rounded(.up)
        default: rounded = d.rounded(.toNearestOrAwayFromZero)
        }
        guard let i = Int64(exactly: rounded) else { throw .overflow }
        return .integer(i)
    }
}

extension Function {
    /// An integer rounded to `digits` places, exactly: itself for no digits or 0 or more (an integer has
    /// no fraction: never through a decimal, which holds 53 bits), or to a multiple of 10^-digits, halves
    /// away from zero (`round(15, -1)` is 20). Throws when the result does not fit.
    static func roundInteger(_ i: Int64, digits: Value?) throws(EvaluationError) -> Value {
        guard case .integer(let places)? = digits, places < 0 else { return .integer(i) }
        // 10^39 is past any Int64 doubled: every integer rounds to 0 there.
        guard places > -39 else { return .integer(0) }
        var scale: Int128 = 1
        for _ in 0..<(-places) { scale *= 10 }
        let x = Int128(i)
        let remainder = x % scale
        var rounded = x - remainder
        if remainder.magnitude * 2 >= scale.magnitude { rounded += x < 0 ? -scale : scale }
        guard let result = Int64(exactly: rounded) else { throw .overflow }
        return .integer(result)
    }
}

extension Function {
    /// `d` rounded to `places` decimal places (tens, hundreds… for a negative `places`), halves away from
    /// zero, on the shortest decimal text of `d` — the digits a query writes and a table shows — so that
    /// `round(2.345, 2)` is 2.35 as in DuckDB, where `2.345 * 100` in binary is 234.49999999999997. (DuckDB
    /// rounds a DOUBLE's exact binary value instead, so its `round(1.005::double, 2)` is 1.0; this gives
    /// 1.01, as DuckDB does for the decimal literal 1.005.)
    static func roundDecimal(_ d: Double, places: Int) -> Double {
        let text = d.magnitude.description                       // "2.345", "1e-05", "1.5e+20"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        let integerDigits = mantissa[0], fraction = mantissa.count > 1 ? mantissa[1] : ""
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let digits = Array((integerDigits + fraction).utf8).map { Int($0) - 48 }
        let point = integerDigits.count + exponent               // digits before the decimal point
        let (kept, overflow) = point.addingReportingOverflow(places)
        guard !overflow, kept < digits.count else { return d }   // already that precise
        guard kept >= 0 else { return 0 * d.sign.multiplier }
        var rounded = Array(digits[..<kept])
        if digits[kept] >= 5 {                                    // the shortest text: 5 and after is a half or more
            var i = rounded.count - 1
            while i >= 0 && rounded[i] == 9 { rounded[i] = 0; i -= 1 }
            if i >= 0 { rounded[i] += 1 } else { rounded.insert(1, at: 0) }
        }
        // The kept digits times 10^(point - kept); a carry (9.99 to 10.0) has only lengthened them.
        let number = rounded.isEmpty ? "0" : String(rounded.map { Character(String($0)) })
        let value = Double("\(number)e\(point - kept)") ?? d.magnitude
        return d < 0 ? -value : value
    }
}

private extension FloatingPointSign {
    var multiplier: Double { self == .minus ? -1 : 1 }
}

/// Which argument of a call has the wrong type, and what it should be.
struct ArgumentMismatch: Error {
    var index: Int
    var expected: String
}

/// An aggregate function of `summarize`.
enum AggregateFunction: String, CaseIterable, Sendable {
    case count, count_distinct, sum, avg, min, max
    case median, percentile, stddev, variance, count_if, string_agg, first, last
    case spark
    case list

    /// Usage shown in hints and `.help functions`.
    var signature: String {
        switch self {
        case .count: return "count([value])"
        case .count_distinct, .min, .max, .first, .last: return "\(rawValue)(value)"
        case .sum, .avg, .median, .stddev, .variance: return "\(rawValue)(number)"
        case .percentile: return "percentile(number, fraction)"
        case .count_if: return "count_if(condition)"
        case .string_agg: return "string_agg(value[, separator])"
        case .spark: return "spark(number)"
        case .list: return "list(value)"
        }
    }

    /// The accepted numbers of arguments.
    var arity: ClosedRange<Int> {
        switch self {
        case .count: return 0...1
        case .percentile: return 2...2
        case .string_agg: return 1...2
        default: return 1...1
        }
    }

    /// What the first argument must be, for messages: "a number", "a condition".
    var argumentKind: String {
        switch self {
        case .count_if: return "a condition"
        case .list: return "a value that is not a list"
        default: return "a number"
        }
    }

    /// The aggregates that the grouping folds on an integer column's array directly.
    static let onIntegerArrays: Set<AggregateFunction> = [.count, .sum, .avg, .min, .max]

    /// Whether nulls reach it: `first` and `last` take the first and last value, null or not, and `list`
    /// keeps every value, nulls included, as DuckDB's do; `spark` draws a null as a gap.
    var takesNulls: Bool { self == .first || self == .last || self == .list || self == .spark }

    /// The result type for an argument type (`nil` argument for `count()`), or `nil` if it does not fit.
    func resultType(_ argument: ValueType?) -> ValueType? {
        switch self {
        case .count, .count_distinct: return .integer
        case .sum: return argument.flatMap { $0.isNumeric ? ($0 == .null ? .integer : $0) : nil }
        // The mean of decimals is exact (at the scale of a quotient); of integers, a float, as in DuckDB.
        case .avg: return argument.flatMap { $0.isNumeric ? ($0 == .decimal ? .decimal : .float) : nil }
        case .median, .percentile, .stddev, .variance: return argument.flatMap { $0.isNumeric ? .float : nil }
        case .count_if: return argument == .boolean || argument == .null ? .integer : nil
        case .string_agg: return .string
        case .spark: return argument.flatMap { $0.isNumeric ? .string : nil }
        case .min, .max, .first, .last: return argument
        case .list: return argument.flatMap { $0.isList ? nil : .list(of: $0) }
        }
    }
}

/// A failure inside a function, placed by the caller.
enum EvaluationError: Error {
    case overflow
    /// An exact decimal result past 18 digits.
    case decimalOverflow
    /// A cast whose value does not convert.
    case doesNotConvert(Value, ValueType)
}
