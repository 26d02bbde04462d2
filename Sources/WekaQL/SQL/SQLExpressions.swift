// Checked expressions as SQL, with wekaql's semantics written out: `/` divides as decimals and fails on
// zero, integer overflow fails, text compares by code point, the folded operators fold, `and` and `or`
// test their right side only where the left does not decide (when the right side can fail).

extension SQLWriter {
    mutating func expression(_ e: BoundExpression) throws(Diagnostic) -> String {
        // Exact decimals and lists where the dialect has no faithful form: refused rather than given as doubles.
        if e.type == .decimal, !decimalHasSQL(e) { throw Diagnostic.noSQL("an exact decimal", dialect, range: e.range) }
        if e.type.isList, !hasLists { throw Diagnostic.noSQL("a list", dialect, range: e.range) }
        switch e.kind {
        case .column(let index):
            return column(index)
        case .literal(let value):
            return bind(value, as: e.type)
        case .parameter(let parameter):
            return bind(parameterValues[parameter] ?? .null, as: e.type)
        case .negate(let operand):
            try refuseFailingConstant(e)
            let x = try expression(operand)
            if e.type == .decimal { return try decimalNegation(x, e) }
            if dialect == .sqlite { mayFail = true; return registered("neg", [x], e.range) }
            return "(- \(x))"
        case .not(let operand):
            return "(NOT \(try expression(operand)))"
        case .logical(let op, let a, let b):
            return try logical(op, a, b)
        case .arithmetic(let op, let a, let b):
            return try arithmetic(op, a, b, e)
        case .comparison(let op, let a, let b):
            let sqlOp = op == .notEqual ? "<>" : op.rawValue
            var (x, y) = (try operand(a, beside: b.type), try operand(b, beside: a.type))
            if a.type.ordersAsText || b.type.ordersAsText, op != .equal, op != .notEqual {
                (x, y) = (dialect.codePointOrder(x), dialect.codePointOrder(y))
            }
            return "(\(x) \(sqlOp) \(y))"
        case .textMatch(let op, let a, let b):
            return try textMatch(op, a, b, range: e.range)
        case .regexMatch(let subject, let box):
            return try regexMatch(subject, box, range: e.range)
        case .inList(let subject, let items, let negated):
            var list: [String] = []
            for item in items { list.append(try operand(item, beside: subject.type)) }
            let besideFloats: ValueType = items.allSatisfy { $0.type == .float } ? .float : subject.type
            return "(\(try operand(subject, beside: besideFloats)) \(negated ? "NOT IN" : "IN") (\(list.joined(separator: ", "))))"
        case .isNull(let subject, let negated):
            return "(\(try expression(subject)) IS \(negated ? "NOT NULL" : "NULL"))"
        case .between(let subject, let low, let high, let negated):
            let besideFloats: ValueType = low.type == .float && high.type == .float ? .float : subject.type
            var (x, l, h) = (try operand(subject, beside: besideFloats), try operand(low, beside: subject.type), try operand(high, beside: subject.type))
            // The bounds in parentheses: PostgreSQL's grammar takes no COLLATE in a bare bound of BETWEEN.
            if subject.type == .string { (x, l, h) = (dialect.codePointOrder(x), "(\(dialect.codePointOrder(l)))", "(\(dialect.codePointOrder(h)))") }
            return "(\(x) \(negated ? "NOT BETWEEN" : "BETWEEN") \(l) AND \(h))"
        case .call(let function, let arguments):
            return try call(function, arguments, e)
        case .listContains(let list, let item):
            return try listContains(list, item, range: e.range)
        case .regexExtract(let subject, let box, let group):
            return try regexExtract(subject, box, group: group, range: e.range)
        case .inSubquery(let subject, let index, let negated):
            return try inSubquery(subject, index: index, negated: negated, range: e.range)
        case .conditional(let branches, let otherwise):
            var sql = "CASE"
            for branch in branches {
                sql += " WHEN \(try expression(branch.condition)) THEN \(try widened(branch.result, to: e.type))"
            }
            if let otherwise { sql += " ELSE \(try widened(otherwise, to: e.type))" }
            return sql + " END"
        }
    }

    /// An integer where a decimal is expected (a branch of a decimal `case`), cast so every engine agrees.
    mutating func widened(_ e: BoundExpression, to type: ValueType) throws(Diagnostic) -> String {
        let sql = try expression(e)
        return type == .float && e.type == .integer ? "CAST(\(sql) AS \(dialect.typeName(.float)))" : sql
    }

    /// `where`'s condition, narrowed as the evaluator's filter narrows it: `a and b` tests `b` only on the
    /// rows `a` keeps, `a or b` only on the rows `a` does not keep (so `b` may divide by a field `a` tests).
    mutating func filterCondition(_ e: BoundExpression) throws(Diagnostic) -> String {
        guard case .logical(let op, let a, let b) = e.kind else { return try expression(e) }
        let (x, y) = (try filterCondition(a), try filterCondition(b))
        return op == .and ? "(CASE WHEN \(x) THEN \(y) ELSE FALSE END)" : "(CASE WHEN \(x) THEN TRUE ELSE \(y) END)"
    }

    /// `and`, `or` in an expression: three-valued; the right side is looked at only where the left side does
    /// not decide, so `false and 1 / 0 = 1` is false (SQL may evaluate both sides: it is then a `CASE`).
    private mutating func logical(_ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression) throws(Diagnostic) -> String {
        let before = mayFail
        mayFail = false
        let (x, y) = (try expression(a), try expression(b))
        let rightMayFail = mayFail
        mayFail = before || mayFail
        let word = op == .and ? "AND" : "OR"
        guard rightMayFail else { return "(\(x) \(word) \(y))" }
        return op == .and ? "(CASE WHEN \(x) = FALSE THEN FALSE ELSE \(x) AND \(y) END)"
                          : "(CASE WHEN \(x) = TRUE THEN TRUE ELSE \(x) OR \(y) END)"
    }

    /// A call of a function wekaql registers on its SQLite connection (`Database/SQLiteFunctions.swift`):
    /// the arguments, then the range of the expression, for errors that point at it.
    func registered(_ function: String, _ arguments: [String], _ range: SourceRange) -> String {
        "wekaql_\(function)(\((arguments + ["\(range.start)", "\(range.end)"]).joined(separator: ", ")))"
    }

    /// `text` as wekaql writes a value of `type` (`||`, `concat`, `string_agg`).
    mutating func text(_ sql: String, of type: ValueType, range: SourceRange, construct: String) throws(Diagnostic) -> String {
        switch type {
        case .string, .null: return sql
        case .integer, .date: return "CAST(\(sql) AS \(dialect.typeName(.string)))"
        case .decimal where hasExactDecimals: return "CAST(\(sql) AS \(dialect.typeName(.string)))"   // every digit of its scale
        case .boolean:
            let yes = dialect == .sqlite ? "1" : "TRUE", no = dialect == .sqlite ? "0" : "FALSE"
            return "(CASE \(sql) WHEN \(yes) THEN 'true' WHEN \(no) THEN 'false' END)"
        case .decimal, .list:
            throw Diagnostic.noSQL("\(construct) of \(type.rawValue)", dialect, range: range)
        case .float:
            // wekaql writes the shortest text that reads back as the same double; SQL engines write others.
            guard dialect == .sqlite else { throw Diagnostic.noSQL("\(construct) of a decimal", dialect, range: range) }
            return registered("decimal_text", [sql], range)
        }
    }

    private mutating func arithmetic(_ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression,
                                     _ e: BoundExpression) throws(Diagnostic) -> String {
        try refuseFailingConstant(e)
        let (x, y) = (try operand(a, beside: b.type), try operand(b, beside: a.type))
        if op == .concatenate {
            let construct = "||"
            return "(\(try text(x, of: a.type, range: a.range, construct: construct)) || \(try text(y, of: b.type, range: b.range, construct: construct)))"
        }
        if a.type == .date || b.type == .date { return try dateArithmetic(op, x, a.type, y, b.type, range: e.range) }
        if e.type == .decimal { return try decimalArithmetic(op, x, y, a, b, e) }
        mayFail = true
        if dialect == .sqlite {
            let names: [BinaryOperator: String] = [.add: "add", .subtract: "subtract", .multiply: "multiply", .divide: "divide", .remainder: "remainder"]
            return registered(names[op]!, [x, y], e.range)
        }
        let decimal = dialect.typeName(.float)
        func real(_ sql: String, _ type: ValueType) -> String { type == .float ? sql : "CAST(\(sql) AS \(decimal))" }
        switch op {
        case .divide:
            let quotient = "(\(real(x, a.type)) / \(real(y, b.type)))"
            switch dialect {
            case .postgres, .spark: return finite(quotient)   // both fail on a zero divisor themselves
            default:
                // A null operand makes null before the divisor is looked at: null / 0 is null.
                return "(CASE WHEN \(x) IS NULL OR \(y) IS NULL THEN NULL WHEN \(y) = 0 THEN \(raise("division by zero")) ELSE \(finite(quotient)) END)"
            }
        case .remainder:
            if e.type == .integer {
                guard dialect == .duckdb else { return "(\(x) % \(y))" }
                return "(CASE WHEN \(x) IS NULL OR \(y) IS NULL THEN NULL WHEN \(y) = 0 THEN \(raise("division by zero")) ELSE \(x) % \(y) END)"
            }
            switch dialect {
            case .postgres:
                // PostgreSQL has no remainder of doubles, and through numeric it is exact where wekaql's is the double's.
                throw Diagnostic.noSQL("% of floats", dialect, range: e.range)
            default:
                return "(CASE WHEN \(x) IS NULL OR \(y) IS NULL THEN NULL WHEN \(y) = 0 THEN \(raise("division by zero")) ELSE \(real(x, a.type)) % \(real(y, b.type)) END)"
            }
        default:
            let sql = "(\(e.type == .float ? real(x, a.type) : x) \(op.rawValue) \(e.type == .float ? real(y, b.type) : y))"
            return e.type == .float ? finite(sql) : sql
        }
    }

    /// A decimal past the doubles is an error in wekaql. PostgreSQL fails by itself; DuckDB and Spark give infinity.
    private func finite(_ sql: String) -> String {
        switch dialect {
        case .duckdb: return "(CASE WHEN isinf(\(sql)) THEN \(raise("decimal out of range")) ELSE \(sql) END)"
        case .spark: return "(CASE WHEN abs(\(sql)) = CAST('Infinity' AS DOUBLE) THEN \(raise("decimal out of range")) ELSE \(sql) END)"
        default: return sql
        }
    }

    /// An expression that fails with `message` where it is evaluated.
    func raise(_ message: String) -> String {
        dialect == .spark ? "raise_error('\(message)')" : "error('\(message)')"
    }

    /// `date + n`, `n + date`, `date - n`, `date - date`.
    private mutating func dateArithmetic(_ op: BinaryOperator, _ x: String, _ xType: ValueType, _ y: String, _ yType: ValueType,
                                         range: SourceRange) throws(Diagnostic) -> String {
        let difference = xType == .date && yType == .date
        if dialect == .sqlite {
            mayFail = !difference || mayFail
            if difference { return "CAST(julianday(\(x)) - julianday(\(y)) AS INTEGER)" }
            let (date, days) = xType == .date ? (x, y) : (y, x)
            return registered(op == .subtract ? "date_subtract" : "date_add", [date, days], range)
        }
        switch dialect {
        case .spark:
            if difference { return "CAST(datediff(\(x), \(y)) AS BIGINT)" }
            let (date, days) = xType == .date ? (x, y) : (y, x)
            return op == .subtract ? "date_sub(\(date), CAST(\(days) AS INT))" : "date_add(\(date), CAST(\(days) AS INT))"
        default:
            if difference { return "CAST((\(x) - \(y)) AS BIGINT)" }
            let (date, days) = xType == .date ? (x, y) : (y, x)
            return "(\(date) \(op == .subtract ? "-" : "+") CAST(\(days) AS INTEGER))"
        }
    }

    /// `=~`, `contains`, `starts with`, `ends with`: both sides folded first.
    private mutating func textMatch(_ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression,
                                    range: SourceRange) throws(Diagnostic) -> String {
        let (x, y) = (try expression(a), try expression(b))
        guard let fx = dialect.folded(x, folding), let fy = dialect.folded(y, folding) else {
            throw Diagnostic.noSQL(op.rawValue + " (which ignores accents)", dialect, range: range)
        }
        switch (op, dialect) {
        case (.contains, .sqlite): return "(instr(\(fx), \(fy)) > 0)"
        case (.contains, .postgres): return "(strpos(\(fx), \(fy)) > 0)"
        case (.contains, _): return "contains(\(fx), \(fy))"
        case (.startsWith, .sqlite): return "(instr(\(fx), \(fy)) = 1)"
        case (.startsWith, _): return "starts_with(\(fx), \(fy))"
        case (.endsWith, .sqlite): return registered("ends_with", [fx, fy], range)
        case (.endsWith, .postgres): return "(right(\(fx), char_length(\(fy))) = \(fy))"
        case (.endsWith, _): return "ends_with(\(fx), \(fy))"
        default: return "(\(fx) = \(fy))"
        }
    }

    /// `matches`: wekaql's own engine on SQLite (a registered function); RE2 on DuckDB, its classes made
    /// Unicode as wekaql's are; elsewhere only a pattern with no special character (a substring search).
    private mutating func regexMatch(_ subject: BoundExpression, _ box: RegexBox, range: SourceRange) throws(Diagnostic) -> String {
        let x = try expression(subject)
        let pattern = String(decoding: box.literal ?? [], as: UTF8.self)
        switch dialect {
        case .sqlite:
            // A pattern with no special character matches where its text occurs: SQLite's own search, no call out.
            if box.literal != nil { return "(instr(\(x), \(bind(.string(pattern), as: .string))) > 0)" }
            return registered("matches", [x, bind(.string(box.pattern), as: .string)], range)
        case .duckdb:
            guard let re2 = RE2Pattern.translate(box.pattern) else {
                throw Diagnostic.noSQL("matches with \\b, \\B or a negated class inside brackets", dialect, range: range)
            }
            return "regexp_matches(\(x), \(bind(.string(re2), as: .string)))"
        case .postgres, .spark:
            guard box.literal != nil else { throw Diagnostic.noSQL("matches with a regular expression", dialect, range: range) }
            let search = dialect == .postgres ? "strpos" : "instr"
            return "(\(search)(\(x), \(bind(.string(pattern), as: .string))) > 0)"
        }
    }
}
