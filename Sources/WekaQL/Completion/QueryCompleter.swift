// Turns what may come at the cursor into candidates: the names in scope, the fields the query has at
// that point (by checking the query up to the stage being typed), and the values of a field.

/// Completes query text; `file` holds the text up to the cursor.
struct QueryCompleter {
    let engine: Engine
    let file: SourceFile
    let context: CompletionContext

    /// The most distinct values offered for one field.
    static let valueLimit = 5000

    init(engine: Engine, file: SourceFile) {
        self.engine = engine
        self.file = file
        self.context = CompletionContext(file)
    }

    func completions() -> Completions {
        let range = SourceRange(context.partialStart, file.bytes.count)
        let expectation = context.expectation
        let input = expectation.fields || expectation.valuesOf != nil ? inputOfStage() : nil
        let (values, aliases) = expectation.valuesOf.map { self.values(of: $0, input: input, inList: expectation.inList) } ?? ([], [])
        let others = names(expectation, inputFields: input?.fields ?? [])
        // Another spelling of a value ("DRC", "The Gambia") is offered as the value it stands for, when the
        // text typed starts no value itself.
        func valuesOrAliases(_ text: String) -> [(key: String, candidate: Completion)] {
            let direct = Self.filter(values, by: text)
            return direct.isEmpty ? Self.filter(aliases, by: text) : direct
        }
        var matching: [(key: String, candidate: Completion)]
        switch context.partial {
        case .none: matching = values.isEmpty ? others : values
        case .word(let word): matching = Self.filter(others, by: word) + valuesOrAliases(word)
        case .string(let text): matching = valuesOrAliases(text)
        case .quotedName(let name):
            matching = Self.filter(others.filter { $0.candidate.kind == .field }, by: name).map {
                ($0.key, Completion("`" + $0.key + "`", kind: .field, detail: $0.candidate.detail))
            }
        }
        // Two aliases of one value offer the same candidate; it is offered once.
        var offered = Set<String>()
        let candidates = matching.map(\.candidate).filter { offered.insert($0.text).inserted }
        return Completions(range: range, word: file.text(in: range), candidates: candidates)
    }

    /// Candidates whose key starts with `word`, ignoring case and accents.
    private static func filter(_ candidates: [(key: String, candidate: Completion)], by word: String) -> [(key: String, candidate: Completion)] {
        let folded = Folding.fold(word)
        return candidates.filter { Folding.fold($0.key).hasPrefix(folded) }
    }

    /// Every candidate but values, each with the text it is matched on.
    private func names(_ expectation: Expectation, inputFields: [Field]) -> [(key: String, candidate: Completion)] {
        var out: [(key: String, candidate: Completion)] = []
        func add(_ key: String, _ candidate: Completion) { out.append((key, candidate)) }
        if expectation.sources {
            for name in engine.bindings.keys.sorted() {
                add(name, Completion(Vocabulary.written(name), kind: .binding, detail: "let"))
            }
            for collection in engine.dataset.collections {
                add(collection.name, Completion(Vocabulary.written(collection.name), kind: .collection, detail: collection.description))
            }
        }
        if expectation.letKeyword { add("let", Completion("let", kind: .keyword)) }
        for field in inputFields where expectation.fields {
            add(field.name, Completion(Vocabulary.written(field.name), kind: .field, detail: field.type.rawValue))
        }
        if let other = expectation.fieldsOf, let (_, fields) = engine.scope.fields(of: other) {
            for field in fields { add(field.name, Completion(Vocabulary.written(field.name), kind: .field, detail: field.type.rawValue)) }
        }
        for word in expectation.keywords { add(word, Completion(word, kind: .keyword)) }
        for word in Vocabulary.stages where expectation.stages { add(word, Completion(word, kind: .keyword)) }
        for (name, signature) in Vocabulary.functions where expectation.functions {
            add(name, Completion(name + "(", kind: .function, detail: signature, terminator: ""))
        }
        for (name, signature) in Vocabulary.windowFunctions where expectation.windowFunctions {
            add(name, Completion(name + "(", kind: .function, detail: signature, terminator: ""))
        }
        for (name, signature) in Vocabulary.aggregates where expectation.aggregates || expectation.windowFunctions {
            add(name, Completion(name + "(", kind: .aggregate, detail: signature, terminator: ""))
        }
        return out
    }

    /// The distinct string values of `field` in the rows entering the current stage, sorted ignoring case and accents.
    /// With them, the aliases of those values, each keyed by the alias.
    private func values(of field: String, input: (fields: [Field], plan: StatementPlan?)?,
                        inList: Bool) -> (values: [(key: String, candidate: Completion)], aliases: [(key: String, candidate: Completion)]) {
        guard let input, let index = input.fields.firstIndex(where: { $0.name == field }),
              input.fields[index].type == .string else { return ([], []) }
        let table: Table?
        if let plan = input.plan, let fetched = engine.databaseValues(of: field, in: plan, limit: Self.valueLimit) {
            table = fetched
        } else if engine.dataset.collections.contains(where: \.isOpenedLazily) {
            table = context.source.flatMap { engine.bindings[$0.name] ?? engine.dataset[$0.name]?.rowsRead }   // only what queries read
        } else if let plan = input.plan, let result = try? engine.execute(plan, parameters: [:], cancellation: nil) {   // none offered on an error
            table = result.table
        } else {
            table = context.source.flatMap { engine.bindings[$0.name] ?? engine.dataset[$0.name]?.rowsRead }   // held in memory
        }
        guard let table, let column = table.columnIndex(field) else { return ([], []) }
        var seen = Set<UTF8Key>()
        var texts: [String] = []
        for row in 0..<table.rowCount where texts.count < Self.valueLimit {
            if case .string(let text) = table[row, column], seen.insert(UTF8Key(text)).inserted { texts.append(text) }
        }
        let sorted = texts.map { (Folding.fold($0), $0) }.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
        func candidate(_ key: String, _ value: String) -> (key: String, candidate: Completion) {
            (key, Completion(Vocabulary.literal(value), kind: .value, terminator: inList ? "" : " "))
        }
        let aliases = input.fields[index].aliases.filter { seen.contains(UTF8Key($0.value)) }.sorted { $0.key < $1.key }
        return (sorted.map { candidate($0.1, $0.1) }, aliases.map { candidate($0.key, $0.value) })
    }

    /// The fields of the rows entering the stage being typed, found by checking the query before it.
    ///
    /// If that part does not check, the stages before it are tried in turn, down to the source alone. The
    /// plan comes with the fields when the query checks on its own, so that it can be run for values.
    private func inputOfStage() -> (fields: [Field], plan: StatementPlan?)? {
        guard let queryStart = context.queryStart, let source = context.source else { return nil }
        let ends = context.expectation.ofSource ? [source.end] : context.stageStarts.reversed() + [source.end]
        for end in ends {
            let query = SourceFile(name: "<completion>", text: file.text(in: SourceRange(queryStart, end)))
            let (plans, errors) = engine.compile(query)
            if errors.isEmpty, plans.count == 1 { return (plans[0].query.fields, plans[0]) }
            // The source may be a `let` of an earlier statement in the same text.
            let whole = SourceFile(name: "<completion>", text: file.text(in: SourceRange(0, end)))
            if let last = engine.compile(whole).plans.last, last.range.start >= context.statementStart {
                return (last.query.fields, nil)
            }
        }
        return nil
    }
}
