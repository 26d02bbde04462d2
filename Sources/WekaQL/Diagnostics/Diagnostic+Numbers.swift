// The messages of exact decimals and casts (README, "Exact decimals" and "Casts").

extension Diagnostic {
    static func decimalOverflow(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .decimalOverflow, message: "decimal overflow: the exact result does not fit in 18 digits", range: range,
                   hints: ["decimals are exact to 18 digits; use float(x) for approximate arithmetic on larger numbers"])
    }

    /// A cast whose value does not convert, found while the query runs.
    static func doesNotConvert(_ value: Value, to type: ValueType, function: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .doesNotConvert, message: "cannot convert \(shown(value)) to \(article(type.rawValue)) \(type.rawValue)",
                   range: range, hints: [castHint(type, function: function)])
    }

    /// A cast of a constant that does not convert, found before the query runs.
    static func constantDoesNotConvert(_ value: Value, to type: ValueType, function: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .constantDoesNotConvert, message: "cannot convert \(shown(value)) to \(article(type.rawValue)) \(type.rawValue)",
                   range: range, hints: [castHint(type, function: function)])
    }

    private static func shown(_ value: Value) -> String {
        switch value {
        case .string(let s): return "the text " + quoted(s)
        case .null: return "null"
        default: return "the \(value.type.rawValue) \(value.description)"
        }
    }

    private static func castHint(_ type: ValueType, function: String) -> String {
        let rule: String
        switch type {
        case .integer: rule = "an integer is whole digits with an optional sign (decimals and floats round half away from zero)"
        case .decimal: rule = "a decimal has at most 18 digits (\"12.30\", \"1.5e3\")"
        case .float: rule = "a float is a finite number such as \"1.5\" or \"1e-3\""
        case .boolean: rule = "a boolean is true/false, t/f, yes/no, y/n or 1/0"
        case .date: rule = "a date is written YYYY-MM-DD"
        default: rule = "see the table of conversions in the README"
        }
        return rule + "; try_\(function)(x) gives null instead"
    }
}
