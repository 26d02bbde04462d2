// The catalogue's messages for window functions, `pivot`, `unpivot` and `regex_extract` (E0330–E0337).

extension Diagnostic {
    /// An aggregate outside `summarize`; in `extend` and `select`, with the window it may have meant.
    static func misplacedAggregate(_ name: String, range: SourceRange, windowHint: Bool) -> Diagnostic {
        var diagnostic = misplacedAggregate(name, range: range)
        if windowHint { diagnostic.hints.append("or, beside each row, a window: extend total = \(name)(arrested) over (by country)") }
        return diagnostic
    }

    /// A window function where only a value of one row fits: `where`, `sort by`, `summarize`, a key.
    static func misplacedWindow(_ name: String, place: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .misplacedWindow, message: "a window function (\(quoted(name + "(…) over (…)"))) cannot be used in \(place)",
                   range: range,
                   hints: ["compute it as a column first, then use the column: … | extend r = rank() over (sort by arrested desc) | where r <= 3"])
    }

    /// `rank()` and its kind without `over`.
    static func windowNeedsOver(_ name: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .windowNeedsOver, message: "\(quoted(name + "()")) is a window function: it needs \"over (…)\"", range: range,
                   hints: ["for example: extend r = \(name)(\(name == "lag" || name == "lead" ? "arrested" : "")) over (by country sort by arrested desc)"])
    }

    /// `over` after a function that is neither an aggregate nor a rank function.
    static func notWindowFunction(_ name: String, range: SourceRange) -> Diagnostic {
        let functions = WindowFunction.allCases.map { $0.rawValue + "()" } + AggregateFunction.allCases.map { $0.rawValue + "()" }
        return Diagnostic(code: .notWindowFunction, message: "\"over\" needs an aggregate or a rank function, and \(quoted(name)) is neither",
                          range: range, hints: ["window functions: \(functions.joined(separator: ", "))"])
    }

    /// `pivot … using EXPR` where EXPR is not one aggregate call.
    static func pivotNeedsAggregate(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .pivotNeedsAggregate, message: "\"pivot … using\" needs one aggregate such as sum(arrested) or count()",
                   range: range,
                   hints: ["aggregates: \(AggregateFunction.allCases.map { $0.rawValue + "()" }.joined(separator: ", "))"])
    }

    /// A stage or a `let` that needs the columns of a pivot whose columns are named only when it runs.
    static func pivotColumnsAtRunTime(_ what: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .pivotColumnsAtRunTime,
                   message: "\(what) needs the columns of a \"pivot\" without \"in (…)\", which are known only when it runs",
                   range: range,
                   hints: ["list the values, which names the columns before it runs: pivot country in (\"Ghana\", \"Togo\") using count()",
                           "after such a pivot, only where, sort by, top and limit over its \"by\" fields may follow"])
    }

    /// `unpivot` over fields of types no one column can hold.
    static func unpivotTypes(_ field: Field, expected: ValueType, first: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .unpivotTypes,
                   message: "cannot unpivot \(field.type.rawValue) field \(quoted(field.name)) into one column with \(expected.rawValue) field \(quoted(first))",
                   range: range,
                   hints: ["the fields of one unpivot share a type (integer and decimal make decimal); unpivot the others in another query"])
    }

    /// `regex_extract(x, pattern, n)` with a group the pattern does not have.
    static func regexGroup(_ group: Int64, groups: Int, range: SourceRange) -> Diagnostic {
        let have = groups == 0 ? "the pattern has no group in parentheses" : "the pattern has \(groups) group\(groups == 1 ? "" : "s")"
        return Diagnostic(code: .regexGroup, message: "there is no group \(group): \(have)", range: range,
                          hints: [groups == 0 ? "group 0, the default, is the whole match"
                                  : "group 0 is the whole match, and 1\(groups > 1 ? " to \(groups)" : "") the groups in parentheses, counted by their \"(\" from the left"])
    }

    /// A value of `pivot … in (…)` that the pivoted field cannot hold.
    static func pivotValueType(_ value: String, type: ValueType, field: Field, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .pivotValueType,
                   message: "pivot value \(value) is \(article(type.rawValue)) \(type.rawValue), but \(quoted(field.name)) is \(article(field.type.rawValue)) \(field.type.rawValue) field",
                   range: range, hints: ["the values of in (…) are values of the pivoted field"])
    }
}
