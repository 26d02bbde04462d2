// The words of the language as completion offers them and a shell's help lists them.

/// The language's stages, functions and aggregates, for completion, help text and "did you mean".
public enum Vocabulary {
    /// The stages in the order completion offers them after a source or a stage (from ``StageWord/all``).
    public static let stages = StageWord.all.flatMap(\.offered)

    /// The scalar functions with their usage, such as `("lower", "lower(text)")`, by name.
    public static var functions: [(name: String, signature: String)] {
        Function.allCases.map { ($0.rawValue, $0.signature) }.sorted { $0.name < $1.name }
    }

    /// The aggregates of `summarize`, with their usage, such as `("sum", "sum(number)")`.
    public static var aggregates: [(name: String, signature: String)] {
        AggregateFunction.allCases.map { ($0.rawValue, $0.signature) }
    }

    /// The functions that run only over a window, with their usage: `("rank", "rank() over (…)")`.
    public static var windowFunctions: [(name: String, signature: String)] {
        WindowFunction.allCases.map { ($0.rawValue, $0.signature) }
    }

    /// The candidate nearest to `name` when it is close enough to be a typo (case and accents ignored).
    ///
    /// ```swift
    /// Vocabulary.nearest(to: "tabels", in: ["tables", "schema"])   // "tables"
    /// ```
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        Suggestions.nearest(to: name, in: candidates)
    }

    /// Whether `text` can be written as a bare name; otherwise it needs back-quotes (`` `count by` ``).
    static func isBareName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        let plain = text.unicodeScalars.allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
        }
        guard plain else { return false }
        let keyword = Keyword(rawValue: text.lowercased())
        return keyword == nil || keyword == .count
    }

    /// A field name as a query writes it: bare, or back-quoted.
    static func written(_ name: String) -> String {
        isBareName(name) ? name : "`" + name + "`"
    }

    /// A string value as a literal: in double quotes, with `"`, `\`, control and bidirectional characters
    /// escaped (`\u{1B}`), so that a value completed from the data cannot drive the terminal nor hide.
    public static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where DisplayText.isControl(scalar) || DisplayText.isBidirectionalControl(scalar):
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
