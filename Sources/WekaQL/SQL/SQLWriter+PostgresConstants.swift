// Where PostgreSQL's arithmetic differs from wekaql's in ways the SQL text can account for.
//
// PostgreSQL computes an expression of constants (literals and bound values: an unnamed statement is
// planned with its values) once, when it plans the statement, even in a branch no row takes or over a
// table with no rows. An error there fails the whole statement where wekaql computes nothing
// (`coalesce(x, 1 % 0)` on rows where x is never null). Such an expression has no SQL on PostgreSQL, and
// the query runs in memory instead.
//
// PostgreSQL's `avg` of doubles also sums their squares (its transition function is the variance's), which
// fails with an overflow past about 1.3e154 where the mean itself is finite; the sum over the count is
// wekaql's mean, computed in the same order.

extension SQLWriter {
    /// Throws E1000 on PostgreSQL when `e` reads no column and fails when computed.
    func refuseFailingConstant(_ e: BoundExpression) throws(Diagnostic) {
        guard dialect == .postgres, e.isConstantArithmetic else { return }
        let compute = ExpressionCompiler(table: Table(fields: [], columns: [], rowCount: 1), parameters: parameterValues).compile(e)
        do {
            _ = try compute(0)
        } catch {
            throw Diagnostic.noSQL("a constant expression that fails (PostgreSQL computes it when planning the statement, for no row)",
                                   dialect, range: e.range)
        }
    }
}

extension SQLDialect {
    /// The mean of doubles as `sum / count` where the dialect's `avg` fails where wekaql's does not; else `nil`.
    func floatMean(of type: ValueType, sum: String, count: String) -> String? {
        guard self == .postgres, type == .float else { return nil }
        return "(\(sum) / CAST(\(count) AS \(typeName(.float))))"
    }
}

extension BoundExpression {
    /// Whether it is arithmetic of literals and parameters only (which PostgreSQL computes when planning).
    var isConstantArithmetic: Bool {
        switch kind {
        case .literal, .parameter: return true
        case .negate(let operand): return operand.isConstantArithmetic
        case .arithmetic(_, let a, let b): return a.isConstantArithmetic && b.isConstantArithmetic
        default: return false
        }
    }
}
