// The catalogue's messages for `union` and the subqueries of `in (QUERY)` (codes E0320–E0323).

extension Diagnostic {
    static func unionTypeClash(_ name: String, left: ValueType, leftContext: String, right: ValueType, rightContext: String,
                               range: SourceRange) -> Diagnostic {
        Diagnostic(code: .unionTypeClash,
                   message: "column \(quoted(name)) is \(left.rawValue) in \(leftContext) but \(right.rawValue) in \(rightContext)",
                   range: range,
                   hints: ["union matches columns by name, and a column has one type; integers and decimals mix (the column becomes decimal, as in SQL), other types do not: rename one of them (rename \(name) as \(name)_2) or drop it"])
    }

    static func subqueryColumns(_ names: [String], range: SourceRange) -> Diagnostic {
        let shown = names.prefix(5).map(quoted).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        return Diagnostic(code: .subqueryColumns,
                          message: "the query of \"in (…)\" gives \(names.count) columns (\(shown)); it must give one",
                          range: range, hints: ["select the column to look in: (victims select country)"])
    }

    static func misplacedSubquery(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .misplacedSubquery, message: "a query in \"in (…)\" is allowed only in a where condition",
                   range: range,
                   hints: ["filter with it (where country in (victims select country)), or join: semi join victims on country"])
    }

    static func subqueryType(subject: ValueType, column: Field, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .subqueryType,
                   message: "cannot look for \(subject.rawValue) values in the \(column.type.rawValue) column \(quoted(column.name))",
                   range: range, hints: ["compare values of one type (integers and decimals compare with each other)"])
    }
}
