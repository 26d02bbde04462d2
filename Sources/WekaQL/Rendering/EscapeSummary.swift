// What a rendering showed with escapes, counted as it renders, and the footer line that says so.

/// How many values and field names a rendered table showed with escapes (see ``DisplayText``), and of
/// what kinds. Empty for the machine formats, which keep the data exact, and under `raw`.
public struct EscapeSummary: Sendable, Hashable {
    /// Values (cells) shown with escapes.
    public var values = 0
    /// Field names shown with escapes.
    public var names = 0
    /// The kinds of characters escaped.
    public var kinds: DisplayText.Escapes = []

    /// An empty summary.
    public init() {}

    /// Whether nothing was escaped.
    public var isEmpty: Bool { values == 0 && names == 0 }

    /// Counts `text`, a value or (with `isName`) a field name as shown.
    mutating func count(_ text: DisplayText, isName: Bool = false) {
        guard !text.escapes.isEmpty else { return }
        if isName { names += 1 } else { values += 1 }
        kinds.formUnion(text.escapes)
    }

    /// The footer line: `1 value shown with escapes (control characters)`; `nil` when nothing was escaped.
    public var sentence: String? {
        guard !isEmpty else { return nil }
        var counted: [String] = []
        if names > 0 { counted.append(names == 1 ? "1 field name" : "\(names) field names") }
        if values > 0 { counted.append(values == 1 ? "1 value" : "\(values) values") }
        var what: [String] = []
        if kinds.contains(.control) { what.append("control characters") }
        if kinds.contains(.bidirectional) { what.append("bidirectional controls") }
        return counted.joined(separator: " and ") + " shown with escapes (" + what.joined(separator: ", ") + ")"
    }
}
