// The catalogue's messages for Swift values going in and out of the library: decoding rows into
// `Decodable` types and encoding parameters from `Encodable` ones.

extension Diagnostic {
    static func missingColumn(_ name: String, available: [String]) -> Diagnostic {
        var hints = ["the result's columns: " + available.joined(separator: ", ")]
        if let near = Suggestions.nearest(to: name, in: available) { hints.insert("did you mean \(quoted(near))?", at: 0) }
        hints.append("rename with select … as \(name), or make the property Optional to allow it to be missing")
        return Diagnostic(code: .missingColumn, message: "the result has no column \(quoted(name))", hints: hints)
    }

    static func valueDecoding(column: String, row: Int, found: Value, expected: String) -> Diagnostic {
        let hint = found.isNull ? "make the property Optional to accept nulls"
            : "declare the property as the column's type (\(found.type.rawValue)), or convert in the query"
        return Diagnostic(code: .valueDecoding,
                          message: "row \(row + 1): column \(quoted(column)) is \(found.isNull ? "null" : "\(found.type.rawValue) \(JSONText.quote(found.description))"), which is not \(expected)",
                          hints: [hint])
    }

    static func rowDecoding(_ reason: String, row: Int, type: String?) -> Diagnostic {
        Diagnostic(code: .valueDecoding, message: "row \(row + 1) does not decode\(type.map { " as \($0)" } ?? ""): \(reason)")
    }

    static func parameterEncoding(property: String?) -> Diagnostic {
        Diagnostic(code: .parameterEncoding,
                   message: property.map { "property \(quoted($0)) is not a value a parameter can hold" }
                       ?? "parameters come from a structure's properties (or a [String: Value] dictionary)",
                   hints: ["a parameter is a string, integer, decimal, boolean, date (LocalDate) or nil; arrays and nested structures are not"])
    }
}
