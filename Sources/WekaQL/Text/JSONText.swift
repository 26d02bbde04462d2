// JSON string quoting, shared by the JSON renderer and JSON diagnostics.

enum JSONText {
    /// `text` as a JSON string literal, escaping quotes, backslashes and control characters: C0 as JSON
    /// requires, and also DEL, C1 controls, bidirectional controls and U+2028, U+2029 as `\u00XX` (valid
    /// JSON, parsed back to the same text), so that JSON shown on a terminal cannot drive it either.
    static func quote(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where DisplayText.isControl(scalar) || DisplayText.isBidirectionalControl(scalar):
                let hex = String(scalar.value, radix: 16)   // every such character is below U+FFFF
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
