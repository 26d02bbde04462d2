// The language server's requests on a document: completion, hover, document symbols, formatting and
// go to definition. Each works on the library's values: completions, the parsed program, the formatter.

import WekaQL

extension LanguageServer {
    func completion(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let cursor = document.offset(of: parameters?["position"])
        let found = engine.completions(for: document.file.text, cursor: cursor)
        let range = document.range(found.range)
        let program = Parser.parse(document.file).program
        let fields = fieldsInScope(of: document, at: cursor, program: program)
        let items: [JSONValue] = (bindings(before: cursor, in: document, program: program, completing: found) + found.candidates).enumerated().map { index, candidate in
            var detail = candidate.detail
            var documentation: String?
            if candidate.kind == .field, let field = fields.first(where: { Self.written($0.name) == candidate.text }) {
                detail = field.type.rawValue
                documentation = HoverText.field(field)
            } else if candidate.kind == .keyword, let first = candidate.text.split(separator: " ").first,
                      let keyword = Keyword(rawValue: String(first)), Keyword.stageStarts.contains(keyword) || keyword == .let {
                documentation = HoverText.stage(keyword)
            }
            var item: [(String, JSONValue)] = [
                ("label", .string(candidate.text)),
                ("kind", .integer(Self.completionKind(candidate.kind))),
                ("detail", .string(detail)),
                ("sortText", .string(String(1_000_000 + index))),   // the completer's order, most relevant first
                ("filterText", .string(candidate.text)),
                ("textEdit", .object([("range", range), ("newText", .string(candidate.text))])),
            ]
            if let documentation { item.append(("documentation", .object([("kind", .string("markdown")), ("value", .string(documentation))]))) }
            return .object(item)
        }
        return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
    }

    func hover(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let cursor = document.offset(of: parameters?["position"])
        let tokens = Lexer.tokenize(document.file).tokens
        // The token under the cursor, or the name just before it (the cursor at a word's end).
        let under = tokens.firstIndex { $0.range.start <= cursor && cursor < $0.range.end && $0.kind != .newline }
        let before = tokens.firstIndex { $0.range.end == cursor && $0.range.length > 0 && [.word, .quotedName].contains($0.kind) }
        guard let index = under ?? before else { return .null }
        let token = tokens[index]
        let next = tokens[(index + 1)...].first { $0.kind != .newline }
        let hover = HoverText(engine: engine, program: Parser.parse(document.file).program,
                              fields: fieldsInScope(of: document, at: token.range.start))
        guard let text = hover.text(for: token, followedBy: next, before: index > 0 ? tokens[index - 1] : nil) else { return .null }
        return .object([
            ("contents", .object([("kind", .string("markdown")), ("value", .string(text))])),
            ("range", document.range(token.range)),
        ])
    }

    func semanticTokens(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let program = Parser.parse(document.file).program
        let data = SemanticTokens(document: document, engine: engine, program: program).encoded
        return .object([("data", .array(data.map { .integer(Int64($0)) }))])
    }

    func documentSymbols(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let symbols: [JSONValue] = Parser.parse(document.file).program.statements.compactMap { statement in
            guard case .binding(let name, let query) = statement.kind else { return nil }
            return .object([
                ("name", .string(name.text)),
                ("detail", .string("let = " + query.source.text)),
                ("kind", .integer(13)),   // Variable
                ("range", document.range(statement.range)),
                ("selectionRange", document.range(name.range)),
            ])
        }
        return .array(symbols)
    }

    func formatting(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let formatted: String
        do { formatted = try Formatter.format(document.text, name: document.name) } catch {
            let place = error.location.map { "\($0.line):\($0.column): " } ?? ""
            throw Failure(code: .requestFailed, message: "cannot format \(document.name): \(place)\(error.message)")
        }
        guard formatted != document.text else { return .array([]) }
        return .array([.object([("range", document.wholeRange), ("newText", .string(formatted))])])
    }

    /// From a `let` name to the `let` that binds it: the last one before the use (else the first after).
    func definition(_ parameters: JSONValue?) throws(Failure) -> JSONValue {
        let document = try document(parameters)
        let cursor = document.offset(of: parameters?["position"])
        let tokens = Lexer.tokenize(document.file).tokens
        guard let token = tokens.first(where: { [.word, .quotedName].contains($0.kind) && $0.range.start <= cursor && cursor <= $0.range.end }) else {
            return .null
        }
        let bindings = Parser.parse(document.file).program.statements.compactMap { statement -> Name? in
            if case .binding(let name, _) = statement.kind, name.text == token.text { return name }
            return nil
        }
        guard let binding = bindings.last(where: { $0.range.start <= token.range.start }) ?? bindings.first else { return .null }
        guard let uri = parameters?["textDocument"]?["uri"] else { return .null }
        return .object([("uri", uri), ("range", document.range(binding.range))])
    }

    // MARK: - Helpers

    /// Where collections are offered, the names the document's `let`s bind before `cursor`, which the
    /// engine does not know (it has run nothing).
    func bindings(before cursor: Int, in document: DocumentText, program: Program, completing found: Completions) -> [Completion] {
        // Sources are expected where, with the word being typed left out, collections are offered.
        let atWordStart = found.word.isEmpty ? found : engine.completions(for: document.file.text, cursor: found.range.start)
        guard atWordStart.candidates.contains(where: { $0.kind == .collection }) else { return [] }
        var names: [String] = []
        for statement in program.statements where statement.range.end < cursor {
            if case .binding(let name, _) = statement.kind, name.text.lowercased().hasPrefix(found.word.lowercased()), !names.contains(name.text) {
                names.append(name.text)
            }
        }
        return names.map { Completion(Self.written($0), kind: .binding, detail: "let") }
    }

    /// The fields a name at `offset` may refer to: those of the statement's source collection and of the
    /// collections it joins, then of every collection (a `let` source's columns come from collections too).
    func fieldsInScope(of document: DocumentText, at offset: Int, program: Program? = nil) -> [Field] {
        let statements = (program ?? Parser.parse(document.file).program).statements
        var fields: [Field] = []
        if let statement = statements.last(where: { $0.range.start <= offset }) {
            var sources = [statement.query.source.text]
            for stage in statement.query.stages {
                if case .join(let clause) = stage.kind { sources.append(clause.collection.text) }
            }
            for source in sources { fields += engine.dataset[source]?.fields ?? [] }
        }
        return fields + engine.dataset.collections.flatMap(\.fields)
    }

    static func written(_ name: String) -> String {
        name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
            && Keyword(rawValue: name.lowercased()) == nil ? name : "`" + name + "`"
    }

    static func completionKind(_ kind: Completion.Kind) -> Int64 {
        switch kind {
        case .keyword: return 14
        case .collection: return 9     // Module
        case .binding: return 6        // Variable
        case .field: return 5          // Field
        case .function, .aggregate: return 3
        case .value: return 12         // Value
        case .command: return 1
        case .path: return 17          // File
        }
    }
}
