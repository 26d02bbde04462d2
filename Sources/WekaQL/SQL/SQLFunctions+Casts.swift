// Casts, `regex_extract`, and exact decimal constants beside floats, as SQL. On SQLite a cast is wekaql's
// own (registered on the connection); elsewhere only the conversions that cannot fail and that SQL
// computes exactly as wekaql does (an engine's CAST of text reads other spellings than wekaql's).

extension SQLWriter {
    /// `int(x)`, `float(x)`, `string(x)`, `bool(x)`, `date(x)` and their `try_` forms.
    mutating func cast(_ cast: Cast, _ function: Function, _ argument: BoundExpression, _ e: BoundExpression) throws(Diagnostic) -> String {
        let source = argument.type
        let x = try expression(argument)
        let target = dialect.typeName(cast.target)
        if dialect == .sqlite {
            if !cast.isTry { mayFail = true }
            // A boolean reaches a registered function as 0 or 1: as text it must read "true" or "false".
            let value = cast.target == .string && source == .boolean ? try text(x, of: .boolean, range: argument.range, construct: function.rawValue) : x
            return registered(function.rawValue, [value], e.range)
        }
        if let sql = try decimalCast(cast, from: source, x, range: e.range) { return sql }
        switch (cast.target, source) {
        case (_, .null):
            return "CAST(NULL AS \(target))"
        case (.integer, .integer), (.float, .float), (.boolean, .boolean), (.date, .date), (.string, .string):
            return x
        case (.float, .integer):
            return "CAST(\(x) AS \(target))"   // the nearest double, as wekaql's
        case (.integer, .boolean), (.float, .boolean):
            return "CAST((CASE WHEN \(x) THEN 1 WHEN NOT \(x) THEN 0 END) AS \(target))"
        case (.boolean, .integer), (.boolean, .float):
            return "(\(x) <> 0)"
        case (.string, .integer), (.string, .date), (.string, .boolean):
            return try text(x, of: source, range: argument.range, construct: function.rawValue)
        default:
            throw Diagnostic.noSQL("\(function.rawValue)() of \(source == .float ? "a float" : source.rawValue)", dialect, range: e.range)
        }
    }

    /// `regex_extract(x, pattern, group)`: wekaql's own engine on SQLite (a registered function); the other
    /// engines give "" where the group takes no part in the match, where wekaql gives null.
    mutating func regexExtract(_ subject: BoundExpression, _ box: RegexBox, group: BoundExpression, range: SourceRange) throws(Diagnostic) -> String {
        guard dialect == .sqlite else { throw Diagnostic.noSQL("regex_extract()", dialect, range: range) }
        let (x, n) = (try expression(subject), try expression(group))
        mayFail = true   // a group past the pattern's is an error
        return registered("regex_group", [x, bind(.string(box.pattern), as: .string), n], range)
    }

    /// `e` where it meets a value of type `other`. An exact decimal constant beside a float is its nearest
    /// double, which is what wekaql compares and computes with there; any other decimal has no SQL yet.
    mutating func operand(_ e: BoundExpression, beside other: ValueType) throws(Diagnostic) -> String {
        if e.type == .decimal, other == .float, let double = constantDouble(e) { return bind(.float(double), as: .float) }
        return try expression(e)
    }

    /// The nearest double of a decimal literal, `$parameter` or negated one.
    private func constantDouble(_ e: BoundExpression) -> Double? {
        switch e.kind {
        case .literal(let value): return value.doubleValue
        case .parameter(let name): return parameterValues[name]?.doubleValue
        case .negate(let inner): return constantDouble(inner).map { -$0 }
        default: return nil
        }
    }
}
