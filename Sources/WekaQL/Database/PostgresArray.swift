// PostgreSQL's text form of a one-dimensional array, `{a,"b c",NULL,"say \"hi\""}`, read into wekaql's
// lists (a `split`, `list()` or `unnest` compiled to arrays comes back so).

enum PostgresArray {
    /// The elements' texts (`nil` for a NULL element), or `nil` for text that is no one-dimensional array.
    static func elements(_ text: String) -> [String?]? {
        var scalars = Array(text.unicodeScalars)
        // A lower bound other than 1 is written first: `[0:1]={a,b}`.
        if scalars.first == "[", let equals = scalars.firstIndex(of: "=") { scalars.removeFirst(equals + 1) }
        guard scalars.first == "{", scalars.last == "}" else { return nil }
        var elements: [String?] = [], current = String.UnicodeScalarView(), quoted = false, inQuotes = false, escaped = false
        func finish() {
            let element = String(current)
            elements.append(!quoted && element.uppercased() == "NULL" ? nil : element)
            current = String.UnicodeScalarView()
            quoted = false
        }
        for scalar in scalars.dropFirst().dropLast() {
            if escaped { current.append(scalar); escaped = false; continue }
            switch scalar {
            case "\\": escaped = true
            case "\"": inQuotes.toggle(); quoted = true
            case "," where !inQuotes: finish()
            case "{" where !inQuotes, "}" where !inQuotes: return nil   // an array of arrays
            default: current.append(scalar)
            }
        }
        if scalars.count > 2 { finish() }
        return elements
    }
}

extension PostgresValues {
    /// The elements' texts as a list of `element` values; `nil` when one is not a value of that type.
    static func list(_ texts: [String?], of element: ValueType) -> Value? {
        var values: [Value] = []
        values.reserveCapacity(texts.count)
        for text in texts {
            guard let text else { values.append(.null); continue }
            guard let value = value(text, oid: element == .boolean ? 16 : 0, as: element) else { return nil }
            values.append(value)
        }
        return .list(values)
    }
}
