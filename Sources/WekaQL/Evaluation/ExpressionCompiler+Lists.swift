// Compiles `LIST contains VALUE`.

extension ExpressionCompiler {
    /// Null for a null list or value; true when an element equals the value; else false (a null
    /// element is not the value), as DuckDB's `list_contains`.
    func compileListContains(_ list: @escaping RowFunction, _ item: @escaping RowFunction) -> RowFunction {
        { row in
            guard case .list(let elements) = try list(row) else { return .null }
            let value = try item(row)
            if value.isNull { return .null }
            return .boolean(elements.contains { Value.compare($0, value) == 0 })
        }
    }
}
