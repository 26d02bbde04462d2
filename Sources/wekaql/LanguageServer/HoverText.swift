// What hovering over a word shows: a stage's usage from `.help stages`, a function's signature, a
// collection's description and fields, a field's type, description, origin and an example value.

import WekaQL

/// Hover text, in Markdown, for the token under the cursor.
struct HoverText {
    let engine: Engine
    let program: Program
    /// The fields the word may name, most likely first (see ``LanguageServer/fieldsInScope(of:at:program:)``).
    let fields: [Field]

    func text(for token: Token, followedBy next: Token?, before: Token?) -> String? {
        if token.kind == .word, next?.kind == .leftParen, let call = function(token.text.lowercased()) { return call }
        if token.kind == .word, let keyword = token.keyword {
            return Self.stage(keyword) ?? "`\(keyword.rawValue)` — keyword"
        }
        let name = token.text
        if before?.kind != .dot, let binding = binding(name) { return binding }
        if let collection = engine.dataset[name] { return collectionText(collection) }
        if let field = fields.first(where: { $0.name == name }) { return Self.field(field, example: example(of: field)) }
        return nil
    }

    /// The usage lines of the stage `keyword` starts (or belongs to, as `by` to `sort by`), from `.help stages`.
    static func stage(_ keyword: Keyword) -> String? {
        // A stage's own lines, not every line whose usage holds the word (`union [distinct]` for `distinct`).
        if let stage = StageWord.starting(with: keyword) { return usage(HelpText.entries(of: stage).map { String($0.dropFirst(2)) }) }
        let word = keyword.rawValue   // a word inside stages' usage, as `by` in `sort by` and `count [by …]`
        var lines: [String] = [], taking = false
        for line in HelpText.stages.split(separator: "\n") {
            if line.hasPrefix("   ") {
                // A continuation of the entry above.
            } else if line.hasPrefix("  ") {
                let usage = line.dropFirst(2).split(separator: " ").prefix(2).map { $0.filter { !"[]|".contains($0) } }
                taking = usage.contains(word)
            } else {
                taking = false
            }
            if taking { lines.append(String(line.dropFirst(2))) }
        }
        return usage(lines)
    }

    private static func usage(_ lines: [String]) -> String? {
        guard !lines.isEmpty else { return nil }
        return "```\n" + lines.joined(separator: "\n") + "\n```\nstage"
    }

    private func function(_ name: String) -> String? {
        if let aggregate = Vocabulary.aggregates.first(where: { $0.name == name }) {
            return "```\n\(aggregate.signature)\n```\naggregate, in `summarize` (and `count by`): `arrests summarize n = \(aggregate.name)(…) by offence`"
        }
        if let function = Vocabulary.functions.first(where: { $0.name == name }) {
            return "```\n\(function.signature)\n```\nfunction"
        }
        return nil
    }

    private func binding(_ name: String) -> String? {
        guard let statement = program.statements.last(where: {
            if case .binding(let bound, _) = $0.kind { return bound.text == name }
            return false
        }) else { return nil }
        let words = program.file.text(in: statement.range).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let shown = words.count > 300 ? String(words.prefix(300)) + " …" : words
        return "```\n\(shown)\n```\na result bound by `let` in this script"
    }

    private func collectionText(_ collection: Dataset.Collection) -> String {
        var text = "**\(collection.name)** — collection"
        if !collection.description.isEmpty { text += "\n\n" + collection.description }
        text += "\n\n```\n" + SchemaText(width: 80).schema(of: collection) + "\n```"
        return text
    }

    /// The first value of `field` that is not null, in a collection that has the field.
    private func example(of field: Field) -> String? {
        for collection in engine.dataset.collections where collection.fields.contains(where: { $0.name == field.name && $0.type == field.type }) {
            // An opened file that can no longer be read has no example to give: the hover shows the rest.
            guard let table = try? collection.table, let column = table.columnIndex(field.name) else { continue }
            for row in 0..<min(table.rowCount, 1000) where !table[row, column].isNull {
                return table[row, column].description
            }
        }
        return nil
    }

    /// A field's type, description, origin and, when there is one, an example value.
    static func field(_ field: Field, example: String? = nil) -> String {
        var text = "**\(field.name)**: \(field.type.rawValue) — field"
        if !field.description.isEmpty { text += "\n\n" + field.description }
        if let origin = field.origin {
            text += "\n\norigin: " + origin.rawValue + (field.originNote.isEmpty ? "" : " — " + field.originNote)
        }
        if let example { text += "\n\nexample: `\(example)`" }
        return text
    }
}
