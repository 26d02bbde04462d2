// Checks `$parameter` values against the types their query expects, before any row is read.

enum ParameterBinder {
    static func bind(_ values: [String: Value], to expected: [String: ValueType],
                     at ranges: [String: SourceRange]) throws -> [String: Value] {
        var bound: [String: Value] = [:]
        for name in expected.keys.sorted(by: { (ranges[$0]?.start ?? 0) < (ranges[$1]?.start ?? 0) }) {
            guard let value = values[name] else { throw Diagnostic.unboundParameter(name, range: ranges[name]) }
            bound[name] = try convert(value, to: expected[name]!, name: name, range: ranges[name])
        }
        return bound
    }

    private static func convert(_ value: Value, to type: ValueType, name: String, range: SourceRange?) throws -> Value {
        switch (value, type) {
        case (.null, _), (_, .null): return value
        case (.integer(let i), .decimal): return .decimal(ExactDecimal(integer: i))
        case (.integer(let i), .float): return .float(Double(i))
        case (.decimal(let d), .float): return .float(d.doubleValue)
        case (.string(let s), .date):
            guard let date = LocalDate(s) else { throw Diagnostic.parameterType(name, expected: .date, found: .string, range: range) }
            return .date(date)
        default:
            guard value.type == type else { throw Diagnostic.parameterType(name, expected: type, found: value.type, range: range) }
            return value
        }
    }
}

extension Value {
    /// Parses command-line text as a value of `type`: `5` for an integer, `Togo` for a string,
    /// `2022-06-12` for a date. With ``ValueType/null`` (any type fits) a number stays a number.
    /// Returns `nil` when the text does not fit the type.
    public init?(parsing text: String, as type: ValueType) {
        let value: Value?
        switch type {
        case .null: value = Int64(text).map(Value.integer) ?? ExactDecimal(text).map(Value.decimal) ?? Double(text).map(Value.float) ?? .string(text)
        case .string: value = .string(text)
        case .integer: value = Int64(text).map(Value.integer)
        case .decimal: value = ExactDecimal(text, lenient: true).map(Value.decimal)
        case .float: value = Double(text).map(Value.float)
        case .boolean: value = text == "true" ? .boolean(true) : (text == "false" ? .boolean(false) : nil)
        case .date: value = LocalDate(text).map(Value.date)
        case .list: value = nil
        }
        guard let value else { return nil }
        self = value
    }
}
