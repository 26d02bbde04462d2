// Compiles a bound expression into a closure over one table's typed columns: done once per stage,
// so the per-row work is a chain of closure calls with no name lookups and no dictionaries.

/// A compiled expression: the value for a row index.
typealias RowFunction = (Int) throws -> Value

/// Compiles expressions against one table and one set of parameter values.
struct ExpressionCompiler {
    let table: Table
    let parameters: [String: Value]
    /// The values of the query's `in (QUERY)` subqueries, by index.
    var subqueries: [SubqueryValues] = []

    func compile(_ expression: BoundExpression) -> RowFunction {
        let range = expression.range
        switch expression.kind {
        case .column(let index):
            return columnReader(table.columns[index])
        case .literal(let value):
            return { _ in value }
        case .parameter(let name):
            let value = parameters[name] ?? .null
            return { _ in value }
        case .negate(let operand):
            let f = compile(operand)
            return { row in try Arithmetic.negate(f(row), range: range) }
        case .not(let operand):
            let f = compile(operand)
            return { row in
                switch try f(row) {
                case .boolean(let b): return .boolean(!b)
                default: return .null
                }
            }
        case .logical(let op, let a, let b):
            return compileLogical(op == .and, compile(a), compile(b))
        case .arithmetic(.concatenate, let a, let b):
            let f = compile(a), g = compile(b)
            return { row in
                let x = try f(row)
                if x.isNull { return .null }
                let y = try g(row)
                return y.isNull ? .null : .string(x.description + y.description)
            }
        case .arithmetic(let op, let a, let b):
            let f = compile(a), g = compile(b)
            return { row in try Arithmetic.apply(op, try f(row), try g(row), range: range) }
        case .comparison(let op, let a, let b):
            let f = compile(a), g = compile(b)
            return { row in Comparison.apply(op, try f(row), try g(row)) }
        case .textMatch(let op, let a, let b):
            return compileTextMatch(op, a, b)
        case .regexMatch(let subject, let box):
            let f = compile(subject)
            return { row in
                guard case .string(let s) = try f(row) else { return .null }
                return .boolean(box.program.isMatch(s))
            }
        case .regexExtract(let subject, let box, let group):
            let f = compile(subject), g = compile(group)
            return { row in
                guard case .string(let s) = try f(row), case .integer(let n) = try g(row) else { return .null }
                guard n >= 0 && n <= box.program.captureCount else {
                    throw Diagnostic.regexGroup(n, groups: box.program.captureCount, range: group.range)
                }
                return box.program.extract(group: Int(n), from: s).map(Value.string) ?? .null
            }
        case .inList(let subject, let items, let negated):
            return compileIn(compile(subject), items.map(compile), negated: negated)
        case .inSubquery(let subject, let index, let negated):
            return subqueries[index].membership(compile(subject), negated: negated)
        case .isNull(let subject, let negated):
            let f = compile(subject)
            return { row in .boolean(try f(row).isNull != negated) }
        case .between(let subject, let low, let high, let negated):
            let f = compile(subject), l = compile(low), h = compile(high)
            return { row in
                let v = try f(row)
                let inside = Comparison.and(Comparison.apply(.greaterEqual, v, try l(row)), Comparison.apply(.lessEqual, v, try h(row)))
                return negated ? Comparison.not(inside) : inside
            }
        case .call(.today, _):
            // Read once, when the stage starts, so that every row sees the same day.
            let today = Value.date(.today())
            return { _ in today }
        case .call(let function, let arguments):
            let compiled = arguments.map(compile)
            let call = function.isLazy ? firstNotNull(compiled) : strict(function, compiled, range: range)
            // `coalesce(decimal, integer)` is a decimal whichever argument it returns.
            return widened(call, to: expression.type)
        case .listContains(let list, let item):
            return compileListContains(compile(list), compile(item))
        case .conditional(let branches, let otherwise):
            let conditional = firstTrue(branches.map { (compile($0.condition), compile($0.result)) }, otherwise: otherwise.map(compile))
            return widened(conditional, to: expression.type)
        }
    }

    /// An integer result as a decimal, or a number as a float, for an expression of that type whose branch
    /// gave a narrower number.
    private func widened(_ f: @escaping RowFunction, to type: ValueType) -> RowFunction {
        switch type {
        case .decimal:
            return { row in
                let result = try f(row)
                if case .integer(let i) = result { return .decimal(ExactDecimal(integer: i)) }
                return result
            }
        case .float:
            return { row in
                let result = try f(row)
                switch result {
                case .integer, .decimal: return .float(result.doubleValue!)
                default: return result
                }
            }
        default:
            return f
        }
    }

    /// `case` and `if`: the result of the first branch whose condition is true (a null condition is not),
    /// computed only for the rows that take that branch: `if(x = 0, null, 1 / x)` never divides by zero.
    private func firstTrue(_ branches: [(condition: RowFunction, result: RowFunction)], otherwise: RowFunction?) -> RowFunction {
        { row in
            for branch in branches {
                if case .boolean(true) = try branch.condition(row) { return try branch.result(row) }
            }
            return try otherwise?(row) ?? .null
        }
    }

    /// A function of its arguments' values: each argument is evaluated, then the function.
    private func strict(_ function: Function, _ arguments: [RowFunction], range: SourceRange) -> RowFunction {
        { row in
            let values = try arguments.map { try $0(row) }
            do throws(EvaluationError) { return try function.apply(values) } catch { throw error.diagnostic(function, range: range) }
        }
    }

    /// `coalesce`: the arguments in order, each only for the rows where those before it were null, so
    /// that a later argument fails only where it is reached. (Rows are evaluated one at a time, so an
    /// argument that is not called is not evaluated: `and`, `or` and a later `case` short-circuit alike.)
    private func firstNotNull(_ arguments: [RowFunction]) -> RowFunction {
        { row in
            for argument in arguments {
                let value = try argument(row)
                if !value.isNull { return value }
            }
            return .null
        }
    }

    private func columnReader(_ column: Column) -> RowFunction {
        switch column.storage {
        case .integer(let values, let nulls) where nulls.isEmpty:
            return { .integer(values[$0]) }
        case .string(let codes, let dictionary):
            let strings = dictionary.values.map(Value.string)
            return { row in codes[row] < 0 ? .null : strings[Int(codes[row])] }
        default:
            return { column[$0] }
        }
    }

    private func compileLogical(_ isAnd: Bool, _ f: @escaping RowFunction, _ g: @escaping RowFunction) -> RowFunction {
        if isAnd {
            return { row in
                let a = try f(row)
                if case .boolean(false) = a { return a }
                return Comparison.and(a, try g(row))
            }
        }
        return { row in
            let a = try f(row)
            if case .boolean(true) = a { return a }
            return Comparison.or(a, try g(row))
        }
    }

    private func compileTextMatch(_ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression) -> RowFunction {
        let f = compile(a)
        // A literal pattern is folded once, not per row.
        if case .literal(.string(let pattern)) = b.kind {
            let folded = Folding.fold(pattern)
            return { row in
                guard case .string(let s) = try f(row) else { return .null }
                return .boolean(TextMatch.matches(op, Folding.fold(s), folded))
            }
        }
        let g = compile(b)
        return { row in
            guard case .string(let s) = try f(row), case .string(let p) = try g(row) else { return .null }
            return .boolean(TextMatch.matches(op, Folding.fold(s), Folding.fold(p)))
        }
    }

    private func compileIn(_ f: @escaping RowFunction, _ items: [RowFunction], negated: Bool) -> RowFunction {
        { row in
            let v = try f(row)
            if v.isNull { return .null }
            var sawNull = false
            for item in items {
                switch Comparison.apply(.equal, v, try item(row)) {
                case .boolean(true): return .boolean(!negated)
                case .null: sawNull = true
                default: break
                }
            }
            return sawNull ? .null : .boolean(negated)
        }
    }
}

/// Three-valued comparison and logic, as SQL defines them.
enum Comparison {
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        guard let c = Value.compare(a, b) else { return .null }
        switch op {
        case .equal: return .boolean(c == 0)
        case .notEqual: return .boolean(c != 0)
        case .less: return .boolean(c < 0)
        case .lessEqual: return .boolean(c <= 0)
        case .greater: return .boolean(c > 0)
        default: return .boolean(c >= 0)
        }
    }

    static func and(_ a: Value, _ b: Value) -> Value {
        if case .boolean(false) = a { return a }
        if case .boolean(false) = b { return b }
        if a.isNull || b.isNull { return .null }
        return .boolean(true)
    }

    static func or(_ a: Value, _ b: Value) -> Value {
        if case .boolean(true) = a { return a }
        if case .boolean(true) = b { return b }
        if a.isNull || b.isNull { return .null }
        return .boolean(false)
    }

    static func not(_ a: Value) -> Value {
        if case .boolean(let x) = a { return .boolean(!x) }
        return .null
    }
}

/// `contains`, `starts with`, `ends with` and `=~` on folded text.
enum TextMatch {
    /// Compares folded texts as UTF-8 bytes (contiguous buffers, no generic collection search).
    static func matches(_ op: BinaryOperator, _ text: String, _ pattern: String) -> Bool {
        if op == .fuzzyEqual { return text == pattern }
        var text = text, pattern = pattern
        return text.withUTF8 { t in
            pattern.withUTF8 { p in
                switch op {
                case .startsWith: return t.count >= p.count && t.prefix(p.count).elementsEqual(p)
                case .endsWith: return t.count >= p.count && t.suffix(p.count).elementsEqual(p)
                default: return ByteSearch.contains(t, p)
                }
            }
        }
    }
}

/// Integer arithmetic that reports overflow and division by zero instead of trapping.
enum Arithmetic {
    static func negate(_ v: Value, range: SourceRange) throws -> Value {
        switch v {
        case .integer(let i):
            guard i != .min else { throw Diagnostic.integerOverflow(range: range) }
            return .integer(-i)
        case .decimal(let d):
            guard let negated = d.negated else { throw Diagnostic.decimalOverflow(range: range) }
            return .decimal(negated)
        case .float(let d): return .float(-d)
        default: return .null
        }
    }

    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange) throws -> Value {
        switch (a, b) {
        case (.date(let x), .date(let y)): return .integer(Int64(x.days) - Int64(y.days))
        case (.date(let d), .integer(let n)), (.integer(let n), .date(let d)):
            guard let shifted = d.adding(days: op == .subtract ? (n == .min ? .max : -n) : n) else { throw Diagnostic.dateOutOfRange(range: range) }
            return .date(shifted)
        default: break
        }
        if case .integer(let x) = a, case .integer(let y) = b, op != .divide {
            let (result, overflow): (Int64, Bool)
            switch op {
            case .add: (result, overflow) = x.addingReportingOverflow(y)
            case .subtract: (result, overflow) = x.subtractingReportingOverflow(y)
            case .multiply: (result, overflow) = x.multipliedReportingOverflow(by: y)
            default:
                guard y != 0 else { throw Diagnostic.divisionByZero(range: range) }
                if y == -1 { return .integer(0) }   // Int64.min % -1 is 0, not an overflow
                (result, overflow) = x.remainderReportingOverflow(dividingBy: y)
            }
            guard !overflow else { throw Diagnostic.integerOverflow(range: range) }
            return .integer(result)
        }
        if let result = try applyDecimalOrFloat(op, a, b, range: range) { return result }
        guard let x = a.doubleValue, let y = b.doubleValue else { return .null }
        return try float(op, x, y, range: range)   // integer / integer
    }
}
