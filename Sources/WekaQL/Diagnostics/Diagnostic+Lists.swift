// The catalogue's messages for lists, `unnest` and nested JSON (codes in Diagnostic+Catalogue.swift).

extension Diagnostic {
    static func notAList(field: String, type: ValueType, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .notAList, message: "\"unnest\" needs a list, field \(quoted(field)) is \(type.rawValue)", range: range,
                   hints: ["a list comes from a JSON array, split(text, separator) or list(value); for example: extend words = split(\(field), \" \") | unnest words"])
    }

    static func listElementType(list: ValueType, found: ValueType, range: SourceRange) -> Diagnostic {
        let element = list.elementType ?? .null
        return Diagnostic(code: .listElementType,
                          message: "\"contains\" on a \(list.rawValue) needs \(article(element.rawValue)) \(element.rawValue), found \(found.rawValue)",
                          range: range,
                          hints: ["LIST contains VALUE tests whether an element equals VALUE exactly; to match text inside the elements, unnest the list first"])
    }

    static func dottedName(_ name: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .dottedName, message: "a field name with a dot is written in back-quotes", range: range,
                   hints: ["write `\(name)`: a JSON object field loads as dotted fields such as `address.city`"])
    }

    static func nestedJSONAsText(column: String, collection: String, row: Int, what: String, path: String) -> Diagnostic {
        Diagnostic(code: .nestedJSONAsText, severity: .warning,
                   message: "\(path): field \(quoted(column)) of \(quoted(collection)) holds \(what) (first at row \(row)); it loads as JSON text",
                   hints: ["only objects (as dotted fields) and arrays of scalars (as lists) load as values; query the text with contains or matches, or flatten the file first (for example with jq)"])
    }
}
