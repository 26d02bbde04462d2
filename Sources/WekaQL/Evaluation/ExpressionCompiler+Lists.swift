// Compiles `LIST contains VALUE`.

extension ExpressionCompiler {
    /// Null for a null list; false for an empty list (which holds nothing, not even an unknown value);
    /// else null for a null value, true when an element equals the value, false otherwise (a null
    /// element is not the value) — DuckDB 2.0's `list_contains`, and SQL's `x IN ()` for the empty list.
    func compileListContains(_ list: @escaping RowFunction, _ item: @escaping RowFunction) -> RowFunction {
        { row in
            guard case .list(let elements) = try list(row) else { return .null }
            if elements.isEmpty { return .boolean(false) }
            let value = try item(row)
            if value.isNull { return .null }
            return .boolean(elements.contains { Value.compare($0, value) == 0 })
        }
    }
}
