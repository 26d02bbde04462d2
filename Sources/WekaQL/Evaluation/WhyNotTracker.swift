// `why not EXPR`: follows the source rows for which EXPR is true through the stages, counting at each
// how many still reach it, and saying what dropped them: the part of a `where` that was false or null,
// a join that found no partner, a limit they came after.

/// One row of `why not`'s answer.
struct WhyNotStep {
    var stage: String
    var matchingIn: Int?
    var matchingOut: Int
    var detail: String
}

final class WhyNotTracker {
    private let sourceName: String
    /// Each row of the current table that carries matching source rows, with them.
    var carried: [Int32: [Int32]] = [:]
    /// How many matching source rows reach the current stage.
    var alive: Int
    private(set) var steps: [WhyNotStep] = []
    /// When the rows followed are a join's right side's: that join's index among the plan's stages.
    let joinStage: Int?
    /// The index among the plan's stages of the next stage to follow the rows through.
    private var stageIndex = 0
    /// Set when no source row matches: the note naming the nearest values.
    private(set) var note: Diagnostic?

    /// Evaluates `expression` over every row of the source table, `source` (with `joinStage`, of that
    /// join's right side).
    init(_ expression: BoundExpression, text: String, source: Table, sourceName: String, parameters: [String: Value],
         joinStage: Int?) throws {
        self.sourceName = sourceName
        self.joinStage = joinStage
        let f = ExpressionCompiler(table: source, parameters: parameters).compile(expression)
        for row in 0..<source.rowCount where try f(row) == .boolean(true) { carried[Int32(row)] = [Int32(row)] }
        alive = carried.count
        steps.append(WhyNotStep(stage: sourceName, matchingIn: nil, matchingOut: alive,
                                detail: "\(alive) of \(source.rowCount.counting("row")) of \(sourceName) have \(text)"))
        if alive == 0 { note = .noSourceRowMatches(text, collection: sourceName, nearest: NearestValues(source).of(expression),
                                                  range: expression.range) }
    }

    /// Follows the matching rows through one stage.
    func advance(_ stage: PlanStage, range: SourceRange, step: StageLineage, input: Relation, output: Relation,
                 detail: StageDetail, compiler: ExpressionCompiler, observer: RunObserver) throws {
        defer { stageIndex += 1 }
        if let joinStage, stageIndex <= joinStage {
            // The right side's rows enter the query at its join; the stages before it never see them.
            if stageIndex == joinStage { enterJoin(stage, range: range, step: step, output: output, detail: detail, observer: observer) }
            return
        }
        let before = carried
        switch step {
        case .sameTable: break
        case .rows(let map): carried = Self.carried(before, through: map)
        case .sides(let left, _, _): carried = Self.carried(before, through: left)
        case .pairs(let left, _, _):
            carried = [:]
            for (row, from) in left.enumerated() { if let rows = before[from] { carried[Int32(row)] = rows } }
        }
        var reachedRows = Set<Int32>()
        output.forEachRow { row in if let rows = carried[Int32(row)] { reachedRows.formUnion(rows) } }
        let reached = reachedRows.count
        let droppedRows = input.rows.filter { row in before[row].map { !$0.contains(where: reachedRows.contains) } ?? false }
        guard alive > 0 else {
            steps.append(WhyNotStep(stage: observer.text(of: range), matchingIn: 0, matchingOut: 0, detail: "no rows to follow"))
            return
        }
        var text = reached == alive ? "all kept" : "\(alive - reached) dropped"
        if case .aggregate = stage { text = "in \(Set(output.rows.filter { carried[$0] != nil }).count) of \(output.count.counting("group"))" }
        if !droppedRows.isEmpty, let why = Self.reason(stage, droppedRows, input: input, output: output, compiler: compiler, observer: observer) {
            text += ": " + why
        }
        record(observer.text(of: range), reached: reached, detail: text)
    }

    /// Adds the row of a stage that `reached` of the matching rows came through.
    func record(_ stage: String, reached: Int, detail: String) {
        steps.append(WhyNotStep(stage: stage, matchingIn: alive, matchingOut: reached, detail: detail))
        alive = reached
    }

    private static func carried(_ before: [Int32: [Int32]], through map: RowMap) -> [Int32: [Int32]] {
        var after: [Int32: [Int32]] = [:]
        map.forEachPair { row, source in
            if let carried = before[source] { after[row, default: []] += carried }
        }
        return after
    }

    /// What dropped `rows` (rows of the stage's input table), in words.
    private static func reason(_ stage: PlanStage, _ rows: [Int32], input: Relation, output: Relation,
                               compiler: ExpressionCompiler, observer: RunObserver) -> String? {
        switch stage {
        case .filter(let condition, _):
            return conjuncts(of: condition).compactMap { part -> String? in
                let f = compiler.compile(part)
                var falseCount = 0, nullCount = 0
                for row in rows {
                    // One part alone may fail where the whole condition stopped early (`n != 0 and x / n > 1`):
                    // that row is counted as null for the part, as the query never evaluated it.
                    switch try? f(Int(row)) {
                    case .boolean(true)?: continue
                    case .boolean(false)?: falseCount += 1
                    default: nullCount += 1
                    }
                }
                let counts = [falseCount > 0 ? "false for \(falseCount)" : nil, nullCount > 0 ? "null for \(nullCount)" : nil].compactMap { $0 }
                return counts.isEmpty ? nil : "\(observer.text(of: part.range)) is " + counts.joined(separator: ", ")
            }.joined(separator: "; ")
        case .join(let plan):
            let keys = rows.prefix(3).map { input.table.columns[plan.leftKeys[0]][Int($0)] }
            let shown = keys.map { $0.isNull ? "null" : Diagnostic.quoted($0.description) }.joined(separator: ", ")
            return "no row to join on \(input.table.fields[plan.leftKeys[0]].name) \(shown)\(rows.count > 3 ? ", …" : "")"
        case .limit:
            let positions = rows.prefix(3).compactMap { row in input.rows.firstIndex(of: row).map { String($0 + 1) } }
            return "at row\(positions.count == 1 ? "" : "s") \(positions.joined(separator: ", "))\(rows.count > 3 ? ", …" : "") of \(input.count), after the first \(output.count)"
        case .sort:
            return "after the first \(output.count.counting("row")) in this order, all the limit that follows keeps"
        case .project, .distinct, .aggregate, .window, .union, .unnest, .pivot, .unpivot:
            return nil
        }
    }

    /// The parts of `a and b and …`.
    private static func conjuncts(of expression: BoundExpression) -> [BoundExpression] {
        if case .logical(.and, let a, let b) = expression.kind { return conjuncts(of: a) + conjuncts(of: b) }
        return [expression]
    }
}

/// The values of a table nearest to the constants a condition compares its fields with.
struct NearestValues {
    let table: Table

    init(_ table: Table) { self.table = table }

    /// For each `FIELD op CONSTANT` in `expression`: the field and its (up to three) nearest values.
    func of(_ expression: BoundExpression) -> [(field: String, values: [String])] {
        switch expression.kind {
        case .logical(_, let a, let b): return of(a) + of(b)
        case .not(let e): return of(e)
        case .comparison(_, let a, let b), .textMatch(_, let a, let b):
            guard case .column(let c) = a.kind, case .literal(let constant) = b.kind else { return [] }
            let values = nearest(to: constant, inColumn: c)
            return values.isEmpty ? [] : [(table.fields[c].name, values)]
        case .inList(let a, let items, _):
            guard case .column(let c) = a.kind else { return [] }
            return items.compactMap { item in
                guard case .literal(let constant) = item.kind else { return nil }
                let values = nearest(to: constant, inColumn: c)
                return values.isEmpty ? nil : (table.fields[c].name, values)
            }
        default: return []
        }
    }

    private func nearest(to constant: Value, inColumn column: Int) -> [String] {
        var distinct = Set<Value>()
        for row in 0..<table.rowCount where !table[row, column].isNull { distinct.insert(table[row, column]) }
        let target = Array(Folding.fold(constant.description))
        let ranked = distinct.map { value -> (Value, Double) in
            if let a = value.doubleValue, let b = constant.doubleValue { return (value, abs(a - b)) }
            return (value, Double(Suggestions.editDistance(target, Array(Folding.fold(value.description)))))
        }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : Value.sortOrder($0.0, $1.0) < 0 }
        return ranked.prefix(3).map { value, _ in
            if case .string(let text) = value { return JSONText.quote(text) }
            return value.description
        }
    }
}
