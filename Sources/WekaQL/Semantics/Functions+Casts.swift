// Casts: `int(x)`, `decimal(x)`, `float(x)`, `string(x)`, `date(x)`, `bool(x)`, which fail on a value that
// does not convert, and their `try_` forms, which give null instead (DuckDB's TRY_CAST). The rules are
// the README's table "Casts".

/// One cast function: the type it converts to, and whether a failure is null.
struct Cast {
    let target: ValueType
    let isTry: Bool

    /// What `int(x)` and the others accept besides their own type and null (anything else is a check-time
    /// error): numbers and booleans are numbers; text converts to anything; anything to text.
    func accepts(_ type: ValueType) -> Bool {
        switch target {
        case .integer, .decimal, .float: return type.isNumeric || type == .boolean || type == .string
        case .boolean: return type.isNumeric || type == .boolean || type == .string
        case .date: return type == .date || type == .string || type == .null
        default: return true
        }
    }

    func resultType(_ argument: ValueType) -> Result<ValueType, ArgumentMismatch> {
        guard accepts(argument) else {
            let expected = target == .date ? "text or a date" : "a number, a boolean or text"
            return .failure(ArgumentMismatch(index: 0, expected: expected))
        }
        return .success(target)
    }

    /// The converted value; a value that does not convert is null for a `try_` form and an error otherwise.
    func apply(_ value: Value) throws(EvaluationError) -> Value {
        if value.isNull { return .null }
        if let converted = Self.convert(value, to: target) { return converted }
        if isTry { return .null }
        throw .doesNotConvert(value, target)
    }

    /// A constant argument that does not convert is an error before the query runs (E0340), not at its
    /// first row; `try_` forms give null for it as for any value.
    func checkConstant(_ argument: BoundExpression, function: Function) throws {
        guard !isTry, case .literal(let value) = argument.kind, !value.isNull, Self.convert(value, to: target) == nil else { return }
        throw Diagnostic.constantDoesNotConvert(value, to: target, function: function.rawValue, range: argument.range)
    }

    /// The conversion itself, `nil` when the value does not convert.
    static func convert(_ value: Value, to target: ValueType) -> Value? {
        switch target {
        case .integer: return integer(value).map(Value.integer)
        case .decimal: return decimal(value).map(Value.decimal)
        case .float: return float(value).map(Value.float)
        case .string: return .string(value.description)
        case .boolean: return boolean(value).map(Value.boolean)
        case .date:
            if case .date = value { return value }
            guard case .string(let s) = value else { return nil }
            return LocalDate(trimmed(s)).map(Value.date)
        case .null: return value
        case .list: return nil
        }
    }

    /// Whole numbers as they are; decimals and floats rounded half away from zero, when the result fits;
    /// text of digits with a sign and leading zeros (`+007`), or of a decimal, rounded (`"1.5"` is 2, as in
    /// DuckDB); booleans as 1 and 0.
    private static func integer(_ value: Value) -> Int64? {
        switch value {
        case .integer(let i): return i
        case .decimal(let d): return d.rounded(places: 0).map(\.units)
        case .float(let d):
            let r = d.rounded(.toNearestOrAwayFromZero)
            return r.isFinite && r >= -0x1p63 && r < 0x1p63 ? Int64(r) : nil
        case .boolean(let b): return b ? 1 : 0
        case .string(let s):
            var text = trimmed(s)
            if let whole = text.withUTF8({ TextScalars.anyInteger($0) }) { return whole }
            return text.withUTF8 { TextScalars.anyDecimal($0) }.flatMap { $0.rounded(places: 0)?.units }
        default: return nil
        }
    }

    /// Integers at scale 0; floats as their shortest text (`0.1`, not 0.1000000000000000055…), when that has
    /// no more than 18 digits; text in any plain or scientific form that is exact in 18 digits.
    private static func decimal(_ value: Value) -> ExactDecimal? {
        switch value {
        case .integer(let i): return ExactDecimal(integer: i)
        case .decimal(let d): return d
        case .float(let d): return ExactDecimal(shortest: d)
        case .boolean(let b): return ExactDecimal(integer: b ? 1 : 0)
        case .string(let s):
            var text = trimmed(s)
            return text.withUTF8 { TextScalars.anyDecimal($0) }
        default: return nil
        }
    }

    /// Any number, to the nearest double; text a double reads (finite: `1e400` does not convert).
    private static func float(_ value: Value) -> Double? {
        switch value {
        case .integer, .decimal, .float: return value.doubleValue
        case .boolean(let b): return b ? 1 : 0
        case .string(let s):
            var text = trimmed(s)
            return text.withUTF8 { TextScalars.anyFloat($0) }
        default: return nil
        }
    }

    /// Zero is false and any other number true; text as `anyBoolean` reads it (`yes`, `F`, `1`).
    private static func boolean(_ value: Value) -> Bool? {
        switch value {
        case .boolean(let b): return b
        case .integer(let i): return i != 0
        case .decimal(let d): return d.units != 0
        case .float(let d): return d != 0
        case .string(let s):
            var text = trimmed(s)
            return text.withUTF8 { TextScalars.anyBoolean($0) }
        default: return nil
        }
    }

    /// Text without the spaces, tabs and line breaks around it (`" 42 "` is an integer, as in DuckDB).
    private static func trimmed(_ s: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(s.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

extension EvaluationError {
    /// The error placed at the call of `function`.
    func diagnostic(_ function: Function, range: SourceRange) -> Diagnostic {
        switch self {
        case .overflow: return .integerOverflow(range: range)
        case .decimalOverflow: return .decimalOverflow(range: range)
        case .doesNotConvert(let value, let type):
            return .doesNotConvert(value, to: type, function: function.rawValue.replacing("try_", with: ""), range: range)
        }
    }
}

extension Function {
    /// The cast this function is, or `nil` for other functions.
    var cast: Cast? {
        switch self {
        case .int, .try_int: return Cast(target: .integer, isTry: self == .try_int)
        case .decimal, .try_decimal: return Cast(target: .decimal, isTry: self == .try_decimal)
        case .float, .try_float: return Cast(target: .float, isTry: self == .try_float)
        case .string, .try_string: return Cast(target: .string, isTry: self == .try_string)
        case .date, .try_date: return Cast(target: .date, isTry: self == .try_date)
        case .bool, .try_bool: return Cast(target: .boolean, isTry: self == .try_bool)
        default: return nil
        }
    }

    /// A decimal rounded exactly: to an integer for `round(x)`, `floor` and `ceil`; to `digits` places,
    /// halves away from zero, for `round(x, digits)`.
    func roundExact(_ d: ExactDecimal, _ digits: Value?) throws(EvaluationError) -> Value {
        if case .integer(let places)? = digits {
            guard let rounded = d.rounded(places: Int(max(-40, min(40, places)))) else { throw .decimalOverflow }
            return .decimal(rounded)
        }
        switch self {
        case .floor: return .integer(d.wholePart(roundingDown: true))
        case .ceil: return .integer(d.wholePart(roundingDown: false))
        default:
            guard let rounded = d.rounded(places: 0) else { throw .overflow }
            return .integer(rounded.units)
        }
    }
}
