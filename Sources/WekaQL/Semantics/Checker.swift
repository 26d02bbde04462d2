// The checker: resolves every collection, field and function, and types every expression,
// before any row is touched. Its output is a `StatementPlan` the evaluator runs without names.

/// The schemas visible to a statement: the dataset's collections and earlier `let` bindings.
struct Scope: Sendable {
    var collections: [String: [Field]]
    var collectionOrder: [String]
    var bindings: [String: [Field]] = [:]
    /// Bindings whose statement failed: uses of them are skipped silently, not reported again.
    var failedBindings: Set<String> = []

    init(dataset: Dataset) {
        // A former name ("seizures") still reads its collection, unless a collection of that name is loaded.
        let former = dataset.collections.flatMap { collection in collection.formerNames.map { ($0, collection.fields) } }
        collections = Dictionary(former, uniquingKeysWith: { first, _ in first })
        for collection in dataset.collections { collections[collection.name] = collection.fields }
        collectionOrder = dataset.collectionNames
    }

    func fields(of name: String) -> (SourceReference, [Field])? {
        if let fields = bindings[name] { return (.binding(name), fields) }
        if let fields = collections[name] { return (.collection(name), fields) }
        return nil
    }

    var allNames: [String] { bindings.keys.sorted() + collectionOrder }
}

/// Checks one parsed statement at a time against a ``Scope``.
struct Checker {
    var scope: Scope
    /// The text being checked, for default column names such as `lower(country)`.
    var file: SourceFile
    /// Parameters seen so far, with their expected types, and where each is first used.
    var parameters: [String: ValueType] = [:]
    var parameterRanges: [String: SourceRange] = [:]
    /// The types of the values given for parameters, when known: they type a parameter whose place does
    /// not (`select $n`, `abs($n)`), as DuckDB binds a prepared statement's untyped parameters again
    /// when it runs.
    var parameterTypes: [String: ValueType] = [:]
    /// The caveats found while checking the current stage (uses of hedged figures and partial totals).
    var caveats: [Caveat] = []
    /// The subqueries of the query being checked (``QueryPlan/subqueries``), and whether the expression
    /// being bound may have one (only a `where` condition may).
    var subqueries: [QueryPlan] = []
    var subqueriesAllowed = false
    /// The name the query being checked reads from: the `collection` of its rows in a `union`.
    var sourceLabel = ""
    /// The stage being checked, for an error about a window function found in it.
    var windowPlace = ""
    /// Where a `pivot` without `in (…)` is in the current query: its columns are named only when it runs.
    var openPivot: SourceRange?

    /// Checks `statement`; on success a `let` binds its schema for later statements.
    mutating func check(_ statement: Statement) throws -> StatementPlan {
        parameters = [:]
        parameterRanges = [:]
        let binding: String?
        if case .binding(let name, _) = statement.kind { binding = name.text } else { binding = nil }
        do {
            let query = try check(statement.query)
            var assertion: AssertionPlan?
            if case .assertion(let written) = statement.kind {
                assertion = try checkAssertion(written, fields: query.fields, range: statement.range)
            }
            if binding != nil, let pivot = openPivot { throw Diagnostic.pivotColumnsAtRunTime("\"let\"", range: pivot) }
            if let binding {
                scope.bindings[binding] = query.fields
                scope.failedBindings.remove(binding)
            }
            return StatementPlan(query: query, binding: binding, range: statement.range, assertion: assertion,
                                 explain: statement.explain != nil)
        } catch {
            if let binding { scope.failedBindings.insert(binding); scope.bindings[binding] = nil }
            throw error
        }
    }

    mutating func check(_ query: Query) throws -> QueryPlan {
        let outer = (subqueries, sourceLabel)
        (subqueries, sourceLabel) = ([], query.source.text)
        defer { (subqueries, sourceLabel) = outer }
        let (source, sourceFields) = try resolveSource(query.source)
        var fields = sourceFields
        var stages: [(stage: PlanStage, fields: [Field], range: SourceRange)] = []
        var context = query.source.text
        var earlier = Set(sourceFields.map(\.name))
        var errors: [Diagnostic] = []
        var caveatsByStage: [Int: [Caveat]] = [:]
        var chart: ChartSpec?
        openPivot = nil
        for stage in query.stages {
            let checked: ([PlanStage], [Field])
            caveats = []
            windowPlace = "\"\(stageName(stage))\""
            if case .chart(let clause) = stage.kind {
                guard stage.range == query.stages.last?.range else { throw Diagnostic.chartNotLast(range: stage.keywordRange) }
                let resolver = FieldResolver(fields: fields, context: context, file: file, earlier: earlier)
                do { chart = try checkChart(clause, fields: fields, resolver, range: stage.keywordRange) } catch let diagnostic as Diagnostic {
                    throw StatementFailure.check(errors + [diagnostic])
                }
                continue
            }
            do {
                try checkAfterOpenPivot(stage)
                checked = try plan(stage, fields: fields, context: context, earlier: earlier)
            } catch let diagnostic as Diagnostic where stage.keepsFields {
                errors.append(diagnostic)
                continue
            } catch let diagnostic as Diagnostic {
                throw StatementFailure.check(errors + [diagnostic])
            }
            let (plans, output) = checked
            if !caveats.isEmpty { caveatsByStage[stages.count] = caveats }
            earlier.formUnion(output.map(\.name))
            stages += plans.map { ($0, output, stage.range) }
            fields = output
            context = "the result of \"\(stageName(stage))\""
        }
        if !errors.isEmpty { throw StatementFailure.check(errors) }
        var plan = QueryPlan(source: source, sourceName: query.source.text, stages: stages, fields: fields,
                             parameters: parameters, parameterRanges: parameterRanges, caveats: caveatsByStage, chart: chart,
                             subqueries: subqueries, columnsAtRunTime: openPivot != nil)
        try checkWhy(query.why, plan: &plan, sourceFields: sourceFields)
        return plan
    }

    /// The stage's name in a message, from ``StageWord`` (the one list of stages), with the form it was
    /// written in (`count by`, `union distinct`, `left join`). The switch only names each kind's keyword:
    /// a lookup by the stage's first token would need none, but then a new kind of stage would compile
    /// without a name here; the switch keeps the compiler's check that every kind has one.
    private func stageName(_ stage: Stage) -> String {
        let keyword: Keyword, variant: Bool
        switch stage.kind {
        case .filter: (keyword, variant) = (.where, false)
        case .select: (keyword, variant) = (.select, false)
        case .sort: (keyword, variant) = (.sort, false)
        case .limit: (keyword, variant) = (.limit, false)
        case .distinct: (keyword, variant) = (.distinct, false)
        case .count(let by): (keyword, variant) = (.count, !by.isEmpty)
        case .summarize: (keyword, variant) = (.summarize, false)
        case .join(let clause): return clause.kind.words
        case .union(let clause): (keyword, variant) = (.union, clause.distinct)
        case .extend: (keyword, variant) = (.extend, false)
        case .rename: (keyword, variant) = (.rename, false)
        case .drop: (keyword, variant) = (.drop, false)
        case .top: (keyword, variant) = (.top, false)
        case .chart: (keyword, variant) = (.chart, false)
        case .unnest: (keyword, variant) = (.unnest, false)
        case .pivot: (keyword, variant) = (.pivot, false)
        case .unpivot: (keyword, variant) = (.unpivot, false)
        }
        guard let word = StageWord.starting(with: keyword) else { return keyword.rawValue }
        // The variant is the stage's last offer: `count by` after `count`, `union distinct` after `union`.
        return variant ? word.offered.last ?? word.name : word.name
    }

    func resolveSource(_ name: Name) throws -> (SourceReference, [Field]) {
        if let found = scope.fields(of: name.text) { return found }
        if scope.failedBindings.contains(name.text) { throw StatementFailure.failedBinding(name.text) }
        throw Diagnostic.unknownCollection(name.text, range: name.range, available: scope.allNames)
    }

    // MARK: - Stages

    /// The plan stages of one stage (`top` is two), and its output fields.
    private mutating func plan(_ stage: Stage, fields: [Field], context: String, earlier: Set<String>) throws -> ([PlanStage], [Field]) {
        if let windowed = try planWindows(stage, FieldResolver(fields: fields, context: context, file: file, earlier: earlier)) {
            return windowed
        }
        guard case .top(let count, let keys) = stage.kind else {
            let (plan, output) = try check(stage, fields: fields, context: context, earlier: earlier)
            return ([plan], output)
        }
        let resolver = FieldResolver(fields: fields, context: context, file: file, earlier: earlier)
        return (try checkTop(count, keys, resolver), fields)
    }

    private mutating func check(_ stage: Stage, fields: [Field], context: String, earlier: Set<String>) throws -> (PlanStage, [Field]) {
        let resolver = FieldResolver(fields: fields, context: context, file: file, earlier: earlier)
        switch stage.kind {
        case .filter(let condition):
            subqueriesAllowed = true
            defer { subqueriesAllowed = false }
            let bound = try bind(condition, resolver, expecting: .boolean)   // `where $flag`: a boolean
            guard bound.type == .boolean || bound.type == .null else {
                throw Diagnostic.notBoolean(type: bound.type, range: condition.range)
            }
            return (.filter(bound, probes: probes(in: bound, fields: fields)), fields)
        case .select(let items):
            return try checkSelect(items, resolver)
        case .sort(let keys):
            let bound = try keys.map { (try bind($0.expression, resolver), descending: $0.descending) }
            return (.sort(bound), fields)
        case .limit(let count, let offset):
            let boundCount = try bindCount(count, resolver)
            let boundOffset = try offset.map { try bindCount($0, resolver) }
            return (.limit(count: boundCount, offset: boundOffset), fields)
        case .distinct(let names):
            let columns = names.isEmpty ? Array(fields.indices) : try names.map { try resolver.resolve($0) }
            return (.distinct(columns: columns), columns.map { fields[$0] })
        case .count(let keys):
            let (bound, keyFields, _) = try bindGroupKeys(keys, resolver)
            let count = BoundAggregate(function: .count, argument: nil, type: .integer, range: stage.keywordRange)
            let output = keyFields + [Field(name: "count", type: .integer, description: "number of rows")]
            let plan = AggregatePlan(keys: bound, aggregates: [count], groupedFields: output, outputs: nil)
            return (.aggregate(plan), try unique(output, range: stage.range))
        case .summarize(let aggregations, let keys):
            return try checkSummarize(aggregations, keys, resolver, range: stage.range)
        case .join(let clause):
            return try checkJoin(clause, fields: fields, resolver, range: stage.range)
        case .union(let clause):
            return try checkUnion(clause, resolver, range: stage.range)
        case .extend(let assignments):
            return try checkExtend(assignments, resolver)
        case .rename(let renamings):
            return try checkRename(renamings, resolver)
        case .drop(let names):
            return try checkDrop(names, resolver, range: stage.keywordRange)
        case .unnest(let name):
            return try checkUnnest(name, resolver)
        case .pivot(let clause):
            return try checkPivot(clause, resolver, range: stage.range)
        case .unpivot(let clause):
            return try checkUnpivot(clause, resolver)
        case .top:
            preconditionFailure("planned by plan(_:fields:context:earlier:)")
        case .chart:
            preconditionFailure("checked by check(_ query:)")
        }
    }

    mutating func checkSelect(_ items: [SelectItem], _ resolver: FieldResolver) throws -> (PlanStage, [Field]) {
        var expressions: [BoundExpression] = []
        var output: [Field] = []
        var names: [(String, SourceRange)] = []
        for item in items {
            switch item {
            case .all(let range):
                for (index, field) in resolver.fields.enumerated() {
                    expressions.append(BoundExpression(kind: .column(index), type: field.type, range: range))
                    output.append(field)
                    names.append((field.name, range))
                }
            case .expression(let expression, let alias):
                let bound = try bind(expression, resolver)
                let name = alias?.text ?? defaultName(expression, resolver)
                expressions.append(bound)
                output.append(outputField(bound, named: name, aliased: alias != nil, resolver))
                names.append((name, alias?.range ?? expression.range))
            }
        }
        try checkUnique(names)
        return (.project(expressions), output)
    }

    /// A selected field keeps its provenance (and, unless renamed, its description); a computed one has neither.
    func outputField(_ bound: BoundExpression, named name: String, aliased: Bool, _ resolver: FieldResolver) -> Field {
        guard case .column(let index) = bound.kind else { return Field(name: name, type: bound.type) }
        var field = resolver.fields[index]
        field.name = name
        if aliased { field.description = "" }
        return field
    }

    private func defaultName(_ expression: Expression, _ resolver: FieldResolver) -> String {
        // Only a name for the column: an unknown field is reported where the expression is checked.
        if case .field(let name) = expression.kind, let index = try? resolver.resolve(name) {
            return resolver.fields[index].name
        }
        return resolver.sourceText(expression.range)
    }

    /// The keys of `count by` and `summarize … by`: a field keeps its name and description; an
    /// expression is named by its `NAME =` or its text.
    private mutating func bindGroupKeys(_ keys: [GroupKey], _ resolver: FieldResolver) throws
        -> (keys: [BoundExpression], fields: [Field], names: [(String, SourceRange)]) {
        var bound: [BoundExpression] = [], fields: [Field] = [], names: [(String, SourceRange)] = []
        for key in keys {
            if let field = key.field {
                let index = try resolver.resolve(field)
                bound.append(BoundExpression(kind: .column(index), type: resolver.fields[index].type, range: field.range))
                fields.append(resolver.fields[index])
                names.append((field.text, field.range))
                continue
            }
            let expression = try bind(key.expression, resolver)
            let name = key.name?.text ?? defaultName(key.expression, resolver)
            bound.append(expression)
            fields.append(Field(name: name, type: expression.type))
            names.append((name, key.name?.range ?? key.expression.range))
        }
        return (bound, fields, names)
    }

    private mutating func checkSummarize(_ aggregations: [Aggregation], _ keys: [GroupKey], _ resolver: FieldResolver,
                                         range: SourceRange) throws -> (PlanStage, [Field]) {
        let (boundKeys, keyFields, keyNames) = try bindGroupKeys(keys, resolver)
        var split = AggregateSplit(keyFields: keyFields)
        var items: [(name: String, range: SourceRange, post: Expression?)] = []
        for aggregation in aggregations {
            let range = aggregation.name?.range ?? aggregation.call.range
            if isAggregateCall(aggregation.call) {
                let aggregate = try bindAggregate(aggregation.call, resolver)
                split.plainIndexes.append(split.aggregates.count)
                split.aggregates.append(aggregate)
                split.hidden.append(Field(name: aggregation.name?.text ?? defaultAggregateName(aggregation.call, aggregate), type: aggregate.type))
                items.append((split.hidden.last!.name, range, nil))
                continue
            }
            let post = try split.extract(aggregation.call, &self, resolver)
            items.append((aggregation.name?.text ?? resolver.sourceText(aggregation.call.range), range, post))
        }
        try checkUnique(keyNames + items.map { ($0.name, $0.range) })
        let groupedFields = keyFields + split.hidden
        // Every item a plain aggregate: the grouped table is the output.
        guard items.contains(where: { $0.post != nil }) else {
            return (.aggregate(AggregatePlan(keys: boundKeys, aggregates: split.aggregates, groupedFields: groupedFields, outputs: nil)), groupedFields)
        }
        let grouped = FieldResolver(fields: split.resolvable, context: "the groups of \"summarize\"", file: file, earlier: [])
        var outputs = keyFields.indices.map { BoundExpression(kind: .column($0), type: keyFields[$0].type, range: range) }
        var output = keyFields
        var plain = 0
        for item in items {
            let bound: BoundExpression
            if let post = item.post {
                bound = try bindOverGroups(post, grouped, resolver)
            } else {
                let index = keyFields.count + split.plainIndexes[plain]
                plain += 1
                bound = BoundExpression(kind: .column(index), type: groupedFields[index].type, range: item.range)
            }
            outputs.append(bound)
            output.append(Field(name: item.name, type: bound.type))
        }
        let plan = AggregatePlan(keys: boundKeys, aggregates: split.aggregates, groupedFields: groupedFields, outputs: outputs)
        return (.aggregate(plan), output)
    }

    /// Binds an item's expression over the groups: a name there is a key of `by` or an aggregate taken
    /// out of it; a field of the rows that is neither must be inside an aggregate (E0312).
    private mutating func bindOverGroups(_ expression: Expression, _ grouped: FieldResolver, _ rows: FieldResolver) throws -> BoundExpression {
        do {
            return try bind(expression, grouped)
        } catch let diagnostic as Diagnostic where diagnostic.code == .unknownField {
            if let range = diagnostic.range, let name = rows.fields.first(where: { $0.name == file.text(in: range) || "`\($0.name)`" == file.text(in: range) }) {
                throw Diagnostic.notGrouped(name.name, range: range, keys: grouped.fields.map(\.name).filter { !$0.hasPrefix(AggregateSplit.hiddenPrefix) })
            }
            throw diagnostic
        }
    }

    private func isAggregateCall(_ expression: Expression) -> Bool {
        guard case .call(let name, _) = expression.kind else { return false }
        return AggregateFunction(rawValue: name.text.lowercased()) != nil
    }

    private func defaultAggregateName(_ call: Expression, _ aggregate: BoundAggregate) -> String {
        guard case .call(_, let arguments) = call.kind, let first = arguments.first else { return aggregate.function.rawValue }
        if case .field(let name) = first.kind { return "\(aggregate.function.rawValue)_\(name.text)" }
        return aggregate.function.rawValue
    }

    private func unique(_ fields: [Field], range: SourceRange) throws -> [Field] {
        try checkUnique(fields.map { ($0.name, range) })
        return fields
    }

    func checkUnique(_ names: [(String, SourceRange)]) throws {
        var seen = Set<String>()
        for (name, range) in names {
            guard seen.insert(name).inserted else { throw Diagnostic.duplicateColumn(name, range: range) }
        }
    }

    /// `limit` and `offset` take a non-negative integer literal or a parameter.
    mutating func bindCount(_ expression: Expression, _ resolver: FieldResolver) throws -> BoundExpression {
        let bound = try bind(expression, resolver, expecting: .integer)
        switch bound.kind {
        case .literal(.integer(let n)) where n >= 0: return bound
        case .parameter: return bound
        default: throw Diagnostic.notConstant(range: expression.range)
        }
    }

    /// The string comparisons of a filter that can explain an empty result.
    private func probes(in expression: BoundExpression, fields: [Field]) -> [NoMatchProbe] {
        switch expression.kind {
        case .logical(.and, let a, let b), .logical(.or, let a, let b):
            return probes(in: a, fields: fields) + probes(in: b, fields: fields)
        case .comparison(.equal, let a, let b), .textMatch(.fuzzyEqual, let a, let b):
            guard case .column(let c) = a.kind, case .literal(.string(let text)) = b.kind else { return [] }
            let folded = if case .textMatch = expression.kind { true } else { false }
            return [NoMatchProbe(column: c, fieldName: fields[c].name, literal: text, folded: folded,
                                 aliasOf: fields[c].canonicalValue(forAlias: text), range: b.range)]
        case .inList(let a, let items, negated: false):
            guard case .column(let c) = a.kind else { return [] }
            return items.compactMap {
                guard case .literal(.string(let text)) = $0.kind else { return nil }
                return NoMatchProbe(column: c, fieldName: fields[c].name, literal: text, folded: false,
                                    aliasOf: fields[c].canonicalValue(forAlias: text), range: $0.range)
            }
        default:
            return []
        }
    }
}

/// Resolves field names against the fields at one point of a query.
struct FieldResolver {
    var fields: [Field]
    /// What the fields belong to, for messages: "arrests" or "the result of \"count by\"".
    var context: String
    var file: SourceFile
    /// Fields that existed at an earlier stage of the query, to explain one that a stage removed.
    var earlier: Set<String>

    func resolve(_ name: Name) throws -> Int {
        if let index = fields.firstIndex(where: { $0.name == name.text }) { return index }
        let available = fields.map(\.name)
        if earlier.contains(name.text) {
            throw Diagnostic.fieldGone(name.text, context: context, range: name.range, available: available)
        }
        throw Diagnostic.unknownField(name.text, context: context, range: name.range, available: available)
    }

    func sourceText(_ range: SourceRange) -> String {
        file.text(in: range)
    }
}

extension Stage {
    /// Whether the stage's output has the same fields as its input, so that checking can go on past an error in it.
    var keepsFields: Bool {
        switch kind {
        case .filter, .sort, .limit, .top: return true
        default: return false
        }
    }
}
