// `split(text, separator)`: text to a list of text, on the separator's bytes, as DuckDB's `string_split`.

extension Function {
    /// The pieces of `text` between occurrences of `separator`, compared as UTF-8 bytes (so a precomposed
    /// "é" is not split by "e"); empty pieces are kept (`split("a,,b", ",")` is `[a, '', b]`, and
    /// `split("", ",")` is `['']`). An empty separator splits into Unicode scalars, so `split("", "")` is
    /// `[]`, as DuckDB (2.0) does.
    static func split(_ text: String, by separator: String) -> [String] {
        if separator.isEmpty { return text.unicodeScalars.map { String($0) } }
        let bytes = Array(text.utf8), needle = Array(separator.utf8)
        var pieces: [String] = []
        var start = 0, index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += needle.count
                start = index
            } else {
                index += 1
            }
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }
}
