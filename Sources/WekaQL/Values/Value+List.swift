// The rules of list values: their element type, their text in tables and CSV, and their order.

/// Lists (``Value/list(_:)``), as DuckDB has them:
/// - **Elements** are scalars of one type (integers and decimals make decimals); `null` may be an element.
///   A list is never an element of a list: a JSON array of arrays loads as JSON text instead.
/// - **Equality** (`=`, `distinct`, grouping, join keys): the same length and equal elements in order;
///   two null elements are equal there (`[1, null] = [1, null]` is true, as in DuckDB), and `1` equals
///   `1.0`. A null *list* is unknown, as every null is.
/// - **Order** (`sort by`, `min`, `max`, `<`): element by element, a null element after every value, and a
///   list that is a prefix of another before it: `[] < [0, 5] < [1] < [1, 2] < [null]`, as in DuckDB.
/// - **Text** (tables, `||`, `string_agg`): `[a, b]`; an element that could be misread (empty, with a
///   comma, quote, bracket or backslash, with space at either end, or the word `null`) is quoted as
///   `'a, b'` with `\'` and `\\` inside, and a null element is `NULL`, as DuckDB prints them. CSV holds
///   a list as JSON text (`["a","b"]`), JSON output as an array.
extension Value {
    /// The type of a list's elements: the unified type of the non-null ones, `.null` when there is none.
    static func elementType(of elements: [Value]) -> ValueType {
        var type = ValueType.null
        for element in elements { type = type.unified(with: element.type) ?? type }
        return type
    }

    /// `[a, b]`, with an element quoted where it could be misread.
    static func listText(_ elements: [Value]) -> String {
        "[" + elements.map(elementText).joined(separator: ", ") + "]"
    }

    private static func elementText(_ element: Value) -> String {
        switch element {
        case .null: return "NULL"
        case .string(let s): return needsQuotes(s) ? quoted(s) : s
        default: return element.description
        }
    }

    private static func needsQuotes(_ s: String) -> Bool {
        if s.isEmpty || s.lowercased() == "null" { return true }
        if s.first!.isWhitespace || s.last!.isWhitespace { return true }
        return s.utf8.contains { $0 == 0x2C || $0 == 0x27 || $0 == 0x22 || $0 == 0x5B || $0 == 0x5D || $0 == 0x5C }
    }

    private static func quoted(_ s: String) -> String {
        var out = "'"
        for character in s {
            if character == "'" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "'"
    }

    /// The list as JSON text, `["a",1,null]`: how CSV holds it; `nil` for a value that is not a list.
    public var listJSON: String? {
        guard case .list = self else { return nil }
        return JSONRenderer.value(self)
    }

    /// Element by element, null elements last; a prefix first.
    static func compareLists(_ x: [Value], _ y: [Value]) -> Int {
        for (a, b) in zip(x, y) {
            let c = sortOrder(a, b)
            if c != 0 { return c }
        }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }

    /// The elements of a list value; `nil` for null and other kinds.
    public var listValue: [Value]? { if case .list(let elements) = self { return elements } else { return nil } }
}
