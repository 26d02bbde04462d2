// The evaluator: runs a checked plan over in-memory tables, one stage after another.
// It never resolves a name: the checker has turned every field into a column index.

/// What running one query produced: its table, and notes such as "no rows; did you mean …".
struct QueryOutcome {
    var table: Table
    var notes: [Diagnostic]
    /// The lineage of the result's rows, when it was traced.
    var lineage: QueryLineage? = nil
    var graph: LineageGraph? = nil
}

struct Evaluator {
    let dataset: Dataset
    let bindings: [String: Table]
    let parameters: [String: Value]
    let cancellation: CancellationToken?
    var budget = MemoryBudget.machineDefault
    /// Where a sort or grouping over the budget spills (Evaluation/Spill).
    var spill = SpillSettings()
    /// How the `let` bindings were made, to follow lineage through them.
    var origins: [String: ResultOrigin] = [:]
    /// Record the result's lineage (also when the plan does not end with `why`), and what each stage did.
    var tracing = false
    var explaining = false
    /// The statements that fetched the rows of database tables, `explain`'s first rows.
    var sentStatements: [StageReport] = []
    /// The inputs lineage traces to, shared with the runs of the bindings it goes through.
    var graph: LineageGraph? = nil
    /// The values of the plan's `in (QUERY)` queries, when found already (by a streamed run).
    var subqueryValues: [SubqueryValues]? = nil

    func run(_ plan: QueryPlan) throws -> QueryOutcome {
        let subqueries = try subqueryValues ?? plan.subqueries.map { SubqueryValues(try subquery(tracedIn: nil).run($0).table) }
        let source = try table(plan.source)
        var relation = Relation(source)
        let observer = try observer(for: plan, source: source)   // nil unless lineage or explain is asked
        var notes: [Diagnostic] = []
        for (index, (stage, fields, range)) in plan.stages.enumerated() {
            if cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: nil) }
            notes += CaveatExplainer(relation: relation).notes(for: plan.caveats[index] ?? [])
            let compiler = ExpressionCompiler(table: relation.table, parameters: parameters, subqueries: subqueries)
            let input: Relation? = observer == nil ? nil : relation   // kept only when observed
            var detail = StageDetail.none
            observer?.startStage()
            switch stage {
            case .filter(let condition, let probes):
                let before = relation
                relation.selection = try Filter(relation: relation, compiler: compiler, cancellation: cancellation).apply(condition)
                if relation.count == 0 && before.count > 0 { notes += explain(probes, before) }
            case .project(let expressions):
                relation = Relation(try project(relation, expressions, fields: fields, compiler: compiler))
            case .sort(let keys):
                let limit = try topLimit(after: index, in: plan, compiler: compiler)
                if limit.map({ $0 >= relation.count / 8 }) ?? true,
                   ExternalSorter.needsSpill(rows: relation.count, keys: keys.count, budget: budget) {
                    relation.selection = try ExternalSorter(relation: relation, compiler: compiler, budget: budget, settings: spill,
                                                            cancellation: cancellation, range: range).sorted(by: keys)
                    break
                }
                let sorter = Sorter(relation: relation, compiler: compiler, cancellation: cancellation, range: range)
                if let limit, ExternalSorter.needsSpill(rows: relation.count, keys: keys.count, budget: budget) {
                    // Under an eighth of the rows: k rows and a stretch of keys at a time.
                    let perRow = ExternalSorter.bytesPerRow(keys: keys.count)
                    try budget.check("sort", rows: 2 * max(1, limit), bytesPerRow: perRow, range: range)
                    relation.selection = try sorter.first(limit, by: keys, stretch: max(limit, budget.bytes / perRow - limit))
                    break
                }
                try budget.check("sort", rows: relation.count, bytesPerRow: 4 + 8 * keys.count, range: range)
                relation.selection = try sorter.sorted(by: keys, limit: limit)
            case .limit(let count, let offset):
                relation.selection = try limit(relation, count: count, offset: offset, compiler: compiler)
            case .distinct(let columns):
                try budget.check("distinct", rows: relation.count, bytesPerRow: 16 + 16 * columns.count, range: range)
                relation = Relation(try distinct(relation, columns: columns, fields: fields, range: range))
            case .aggregate(let aggregate):
                let spills = observer == nil && PartitionedGrouper.needsSpill(rows: relation.count, keys: aggregate.keys.count, budget: budget)
                if !spills { try budget.check("grouping", rows: relation.count, bytesPerRow: 4 + 16 * aggregate.keys.count, range: range) }
                let grouped = try self.aggregate(relation, aggregate, fields: fields, compiler: compiler, keepingGroups: observer != nil,
                                                 spilling: spills ? range : nil)
                relation = Relation(grouped.table)
                if let groups = grouped.groups { detail = .groups(groups) }
            case .join(let join):
                if observer == nil, let streamed = try streamingJoin(plan, at: index, left: relation, subqueries: subqueries) {
                    return QueryOutcome(table: streamed.table, notes: notes + streamed.notes)
                }
                let right = try table(join.right)
                let joined = try Joiner(left: relation, right: right, cancellation: cancellation, budget: budget).join(join, fields: fields)
                relation = joined.relation
                if observer != nil { detail = .join(joined, right: right) }
            case .union(let union):
                let side = try unionSide(union.side, tracedIn: observer?.graph)
                notes += side.notes
                relation = Relation(try Uniter(cancellation: cancellation, budget: budget).union(union, left: relation, right: side.table, fields: fields))
                if let lineage = side.lineage { detail = .union(right: side.table, rightSide: lineage) }
            case .unnest(let column):
                relation = Relation(try unnest(relation, column: column, fields: fields, range: range))
            case .window(let windows):
                try budget.check("window", rows: relation.count, bytesPerRow: 8 + 24 * windows.windows.count, range: range)
                relation = try WindowEvaluator(relation: relation, parameters: parameters, cancellation: cancellation, range: range).apply(windows)
            case .pivot(let pivot):
                try budget.check("pivot", rows: relation.count, bytesPerRow: 4 + 16 * (pivot.keys.count + 1), range: range)
                relation = Relation(try Pivoter(relation: relation, parameters: parameters, cancellation: cancellation, budget: budget)
                    .pivot(pivot, fields: fields))
            case .unpivot(let unpivot):
                try budget.check("unpivot", rows: relation.count * unpivot.fields.count, bytesPerRow: 24, range: range)
                relation = Relation(try Pivoter(relation: relation, parameters: parameters, cancellation: cancellation).unpivot(unpivot, fields: fields))
            }
            if let observer, let input {
                try observer.finishStage(stage, range: range, input: input, output: relation, detail: detail, compiler: compiler) {
                    try rightLineage(of: stage, graph: observer.graph)
                }
            }
        }
        let result = relation.materialized()
        // After a pivot without `in (…)`, its value columns are named by the rows; a lineage has its own fields.
        let fields = plan.lineage == nil && !plan.columnsAtRunTime ? plan.fields : result.fields
        let table = Table(fields: fields, columns: result.columns, rowCount: result.rowCount)
        guard let observer else { return QueryOutcome(table: table, notes: notes) }
        return traced(plan, result: table, selection: relation.selection, observer: observer, notes: notes)
    }

    func table(_ source: SourceReference) throws -> Table {
        switch source {
        case .binding(let name):
            // With keepGoing, a `let` that failed at run time leaves its name unbound; its error is already reported.
            guard let table = bindings[name] else { throw StatementFailure.failedBinding(name) }
            return table
        case .collection(let name): return try dataset[name]!.table
        }
    }

    /// Groups and folds; a key that is an expression is computed first as an extra column (for the
    /// selected rows only), and outputs over aggregates are computed on the grouped table.
    private func aggregate(_ relation: Relation, _ plan: AggregatePlan, fields: [Field], compiler: ExpressionCompiler,
                           keepingGroups: Bool, spilling: SourceRange? = nil) throws -> (table: Table, groups: RowMap?) {
        var input = relation
        var groups: [Int] = []
        var extra: [Column] = []
        for key in plan.keys {
            if case .column(let c) = key.kind { groups.append(c); continue }
            let f = compiler.compile(key)
            var values = [Value](repeating: .null, count: relation.table.rowCount)
            try relation.forEachRow { row in values[row] = try f(row) }
            groups.append(relation.table.columns.count + extra.count)
            extra.append(Column(type: key.type, values: values))
        }
        if !extra.isEmpty {
            let extraFields = plan.keys.filter { if case .column = $0.kind { false } else { true } }.map { Field(name: "", type: $0.type) }
            let table = Table(fields: relation.table.fields + extraFields, columns: relation.table.columns + extra, rowCount: relation.table.rowCount)
            input = Relation(table, selection: relation.selection)
        }
        let grouper = Grouper(relation: input, compiler: ExpressionCompiler(table: input.table, parameters: parameters), cancellation: cancellation)
        let groupedFields = plan.outputs == nil ? fields : plan.groupedFields
        let grouped: Table, rows: RowMap?
        if let spilling, !groups.isEmpty, plan.aggregates.allSatisfy(StreamPlan.merges) {
            let settings = GroupSpilling(settings: spill, budget: budget, range: spilling, cancellation: cancellation)
            grouped = try AggregateSink.grouping(input, by: groups, plan, fields: groupedFields,
                                                   compiler: grouper.compiler, spilling: settings)
            rows = nil
        } else if let spilling, !groups.isEmpty {
            grouped = try PartitionedGrouper(grouper: grouper, budget: budget, settings: spill, range: spilling)
                .aggregate(groups: groups, aggregates: plan.aggregates, fields: groupedFields)
            rows = nil
        } else {
            (grouped, rows) = try grouper.aggregate(groups: groups, aggregates: plan.aggregates, fields: groupedFields, keepingGroups: keepingGroups)
        }
        guard let outputs = plan.outputs else { return (grouped, rows) }
        return (try project(Relation(grouped), outputs, fields: fields, compiler: ExpressionCompiler(table: grouped, parameters: parameters)), rows)
    }

    func project(_ relation: Relation, _ expressions: [BoundExpression], fields: [Field],
                         compiler: ExpressionCompiler) throws -> Table {
        let rows = relation.rows
        let columns = try expressions.map { expression -> Column in
            if case .column(let c) = expression.kind {
                return relation.selection == nil ? relation.table.columns[c] : relation.table.columns[c].gathering(rows)
            }
            let f = compiler.compile(expression)
            var builder = ColumnBuilder(type: expression.type, capacity: rows.count)
            for (index, row) in rows.enumerated() {
                if index & 0x3FF == 0x3FF, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: expression.range) }
                builder.append(try f(Int(row)))
            }
            return builder.build()
        }
        return Table(fields: fields, columns: columns, rowCount: rows.count)
    }

    private func limit(_ relation: Relation, count: BoundExpression, offset: BoundExpression?,
                       compiler: ExpressionCompiler) throws -> [Int32] {
        func integer(_ e: BoundExpression) throws -> Int {
            guard let n = Self.rowCount(try compiler.compile(e)(0)) else {
                throw Diagnostic.invalidArgument("limit and offset need a whole number of 0 or more", range: e.range)
            }
            return n
        }
        let rows = relation.rows
        let start = min(rows.count, try offset.map(integer) ?? 0)
        let end = min(rows.count, start + min(try integer(count), rows.count))
        return Array(rows[start..<end])
    }

    /// A `limit` or `offset` value as a number of rows: a whole number of 0 or more. A decimal counts when
    /// it is whole (`limit $n` with `$n` also compared with decimals is bound as 2.0), as SQL's LIMIT 2.0.
    static func rowCount(_ value: Value) -> Int? {
        switch value {
        case .integer(let n) where n >= 0: return Int(clamping: n)
        case .decimal(let d) where d.units >= 0 && d.integerValue != nil: return Int(d.integerValue!)
        case .float(let d) where d >= 0 && d.rounded() == d && d < 9.2e18: return Int(d)
        default: return nil
        }
    }

    /// When `limit` follows a sort, the number of rows the sort must produce (count plus offset).
    private func topLimit(after index: Int, in plan: QueryPlan, compiler: ExpressionCompiler) throws -> Int? {
        guard index + 1 < plan.stages.count, case .limit(let count, let offset) = plan.stages[index + 1].stage,
              let n = Self.rowCount(try compiler.compile(count)(0)) else { return nil }
        var total = n
        if let offset {
            guard let m = Self.rowCount(try compiler.compile(offset)(0)) else { return nil }
            total = total.addingReportingOverflow(Int(clamping: m)).partialValue
        }
        return total >= 0 ? total : nil
    }

    private func distinct(_ relation: Relation, columns: [Int], fields: [Field], range: SourceRange) throws -> Table {
        var seen = Set<[Value]>()
        var kept: [Int32] = []
        var checked = 0
        try relation.forEachRow { row in
            checked &+= 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: range) }
            if seen.insert(columns.map { relation.table.columns[$0][row].normalizedForDistinct }).inserted { kept.append(Int32(row)) }
        }
        return Table(fields: fields, columns: columns.map { relation.table.columns[$0].gathering(kept) }, rowCount: kept.count)
    }

    /// Why a filter kept nothing: string literals that are not values of their field, with the nearest one.
    func explain(_ probes: [NoMatchProbe], _ input: Relation) -> [Diagnostic] {
        probes.compactMap { probe in
            let values = input.table.columns[probe.column].distinctStrings
            let target = probe.folded ? Folding.fold(probe.literal) : probe.literal
            if values.contains(where: { StringBytes.equal(probe.folded ? Folding.fold($0) : $0, target) }) { return nil }
            let alias = probe.aliasOf.flatMap { alias in values.contains { StringBytes.equal($0, alias) } ? alias : nil }
            return .noMatch(probe.literal, field: probe.fieldName, suggestion: alias ?? Suggestions.nearest(to: probe.literal, in: values),
                            range: probe.range)
        }
    }
}
