// Plain-text listings of schemas and notes, for the shell's `.schema` and `.notes` and `wekaql --notes`:
// descriptions are wrapped whole, never cut, and every field says where its values come from. Names and
// descriptions of loaded files are untrusted: they are shown with escapes (DisplayText), like values.

/// Formats a collection's schema, or notes, as text wrapped to a width.
///
/// ```swift
/// let text = SchemaText(width: 100).schema(of: Dataset.builtIn["arrests"]!)
/// ```
public struct SchemaText: Sendable {
    /// The widest a line may be (at least 40 columns are used).
    public var width: Int

    /// Creates a formatter for lines of up to `width` columns.
    public init(width: Int = 100) {
        self.width = max(40, width)
    }

    /// A collection's name and description, then one entry per field: name, type, origin and the whole
    /// description, with why an inferred field is so, where a reference field comes from, its qualifier
    /// field, the release total it is part of, and its aliases.
    public func schema(of collection: Dataset.Collection) -> String {
        var title = collection.name + (collection.description.isEmpty ? "" : " — \(collection.description)")
        if !collection.formerNames.isEmpty { title += " (formerly \(collection.formerNames.joined(separator: ", ")))" }
        return schema(of: collection.fields, title: title)
    }

    /// The entries of `fields` under a title line.
    public func schema(of fields: [Field], title: String) -> String {
        let nameWidth = min(30, fields.map { DisplayText.width(of: DisplayText.escaping($0.name)) }.max() ?? 0)
        let typeWidth = fields.map { $0.type.rawValue.count }.max() ?? 0
        let originWidth = fields.contains { $0.origin != nil } ? Field.Origin.allCases.map(\.rawValue.count).max()! : 0
        let columns = 2 + nameWidth + 2 + typeWidth + 2 + (originWidth > 0 ? originWidth + 2 : 0)
        // Too narrow for descriptions beside the names: they go under each name instead.
        let indent = width - columns >= 30 ? columns : 4
        var lines = wrap(title, width: width)
        for field in fields {
            var head = "  " + padded(DisplayText.escaping(field.name), nameWidth) + "  " + padded(field.type.rawValue, typeWidth) + "  "
            if originWidth > 0 { head += padded(field.origin?.rawValue ?? "", originWidth) + "  " }
            if DisplayText.width(of: head) > indent { lines.append(head.trimmingTrailingSpaces); head = String(repeating: " ", count: indent) }
            let body = wrap(field.description.isEmpty ? "-" : field.description, width: width - indent)
                + details(of: field).flatMap { wrap($0, width: width - indent) }
            for (index, line) in body.enumerated() {
                lines.append(index == 0 ? head + line : String(repeating: " ", count: indent) + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Notes under a title, one paragraph each, wrapped with a hanging indent.
    public func notes(_ notes: [String], title: String) -> String {
        var lines = wrap(title, width: width)
        if notes.isEmpty { lines.append("  (no notes)") }
        for note in notes {
            lines += wrap(note, width: width - 4).enumerated().map { ($0.offset == 0 ? "  - " : "    ") + $0.element }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dataset's own notes, then each collection's.
    public func notes(of dataset: Dataset) -> String {
        ([notes(dataset.notes, title: dataset.name.isEmpty ? "the data" : dataset.name)]
            + dataset.collections.map(notes(of:))).joined(separator: "\n")
    }

    /// One collection's notes.
    public func notes(of collection: Dataset.Collection) -> String {
        notes(collection.notes, title: collection.name + (collection.description.isEmpty ? "" : " — \(collection.description)"))
    }

    private func details(of field: Field) -> [String] {
        var lines: [String] = []
        if !field.originNote.isEmpty { lines.append((field.origin == .inferred ? "why: " : "from: ") + field.originNote) }
        if let qualifier = field.qualifierField { lines.append("hedges: each value's qualifier (\"nearly\", \"some\", …) is in \(qualifier)") }
        if let total = field.releaseTotal { lines.append("part of: \(total)") }
        if !field.aliases.isEmpty {
            let byValue = Dictionary(grouping: field.aliases.keys, by: { field.aliases[$0]! })
            lines.append("aliases: " + byValue.keys.sorted().map { "\($0) ← \(byValue[$0]!.sorted().joined(separator: ", "))" }
                .joined(separator: "; "))
        }
        return lines
    }

    private func padded(_ text: String, _ width: Int) -> String {
        let shown = DisplayText.width(of: text)
        return shown >= width ? text : text + String(repeating: " ", count: width - shown)
    }

    /// Words of `text`, escaped, in lines of at most `width` columns; a longer word gets a line of its own.
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in DisplayText.escaping(text).split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && DisplayText.width(of: line) + 1 + DisplayText.width(of: String(word)) > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        lines.append(line)
        return lines
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
