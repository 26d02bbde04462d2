// Arithmetic on exact decimals and floats, and the promotion between them (README, "Numbers"):
// integer with integer stays integer (`/` gives a float, as in DuckDB); a decimal with an integer or a
// decimal is an exact decimal; a float with any number is a float.

extension Arithmetic {
    /// `a op b` for numbers at least one of which is a decimal or a float; `nil` for other kinds.
    static func applyDecimalOrFloat(_ op: BinaryOperator, _ a: Value, _ b: Value, range: SourceRange) throws -> Value? {
        switch (a, b) {
        case (.float, _), (_, .float): break
        case (.decimal(let x), _):
            guard let y = exact(b) else { return nil }
            return try decimal(op, x, y, range: range)
        case (.integer(let x), .decimal(let y)):
            return try decimal(op, ExactDecimal(integer: x), y, range: range)
        default: return nil
        }
        guard let x = a.doubleValue, let y = b.doubleValue else { return nil }
        return try float(op, x, y, range: range)
    }

    private static func exact(_ v: Value) -> ExactDecimal? {
        switch v {
        case .decimal(let d): return d
        case .integer(let i): return ExactDecimal(integer: i)
        default: return nil
        }
    }

    /// Exact: `+ -` at the larger scale, `*` at the sum of the scales, `/` at ``ExactDecimal/quotientScale(_:)``.
    static func decimal(_ op: BinaryOperator, _ x: ExactDecimal, _ y: ExactDecimal, range: SourceRange) throws -> Value {
        let result: ExactDecimal?
        switch op {
        case .add: result = x.adding(y)
        case .subtract: result = x.subtracting(y)
        case .multiply: result = x.multiplying(by: y)
        case .divide:
            guard y.units != 0 else { throw Diagnostic.divisionByZero(range: range) }
            result = x.dividing(by: y)
        default:
            guard y.units != 0 else { throw Diagnostic.divisionByZero(range: range) }
            result = x.remainder(dividingBy: y)
        }
        guard let result else { throw Diagnostic.decimalOverflow(range: range) }
        return .decimal(result)
    }

    /// Binary floating point; a result past the largest double is an error, not infinity.
    static func float(_ op: BinaryOperator, _ x: Double, _ y: Double, range: SourceRange) throws -> Value {
        switch op {
        case .add: return try finite(x + y, range)
        case .subtract: return try finite(x - y, range)
        case .multiply: return try finite(x * y, range)
        case .divide:
            guard y != 0 else { throw Diagnostic.divisionByZero(range: range) }
            return try finite(x / y, range)
        default:
            guard y != 0 else { throw Diagnostic.divisionByZero(range: range) }
            return .float(x.truncatingRemainder(dividingBy: y))
        }
    }

    static func finite(_ d: Double, _ range: SourceRange) throws -> Value {
        guard d.isFinite else { throw Diagnostic.floatOverflow(range: range) }
        return .float(d)
    }
}

extension ValueType {
    /// The type of `left op right` for numbers: see the file's opening comment.
    static func arithmeticResult(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType {
        if left == .float || right == .float { return .float }
        if left == .decimal || right == .decimal { return .decimal }
        return op == .divide ? .float : .integer
    }
}
