// A checked query as one SQL statement: each stage a common table expression over the one before, every
// relation carrying `o`, the row's position in wekaql's order, so that the result comes out in that order
// (stable sorts, distinct rows in order of first appearance, groups sorted by their keys, joins in the
// left side's order then the right side's).

extension SQLWriter {
    /// The statement for `plan`.
    mutating func compile(_ plan: QueryPlan) throws(Diagnostic) -> String {
        tupleIDs = plan.takesTupleIDs(bindings: bindings)
        let result = try relation(for: plan, keepingOrder: true)
        let outputs = plan.fields.enumerated().map { column($0.offset) + " AS " + name($0.element.name) }
        return statement(selecting: "SELECT \(outputs.joined(separator: ", ")) FROM \(result.name) ORDER BY \(orderBy(result))")
    }

    /// The relation of a query's rows after all its stages, numbered by `o`; with `keepingOrder`, a last
    /// `sort` (and the `limit` after it) may leave its order as keys instead (``SQLRelation/order``). Without
    /// `orderRead`, nothing reads the order of its rows (the rows of `x in (QUERY)`).
    mutating func relation(for plan: QueryPlan, keepingOrder: Bool = false, orderRead: Bool = true) throws(Diagnostic) -> SQLRelation {
        let (outer, outerRead) = (subqueries, resultOrderRead)
        subqueries = plan.subqueries
        defer { (subqueries, resultOrderRead) = (outer, outerRead) }
        let reads = plan.orderReads(resultOrderRead: orderRead)
        var current = try source(plan.source, range: plan.stages.first?.range, orderRead: reads.source)
        for (index, stage) in plan.stages.enumerated() {
            resultOrderRead = reads.stages[index]
            if current.order != nil, !stage.stage.keepsOrderKeys { current = numbered(current) }
            current = try apply(stage.stage, to: current, range: stage.range, fields: stage.fields)
        }
        return keepingOrder ? current : numbered(current)
    }

    /// A relation ordered by keys, numbered by them in `o` (ties in the order the rows had).
    private mutating func numbered(_ input: SQLRelation) -> SQLRelation {
        guard input.order != nil else { return input }
        return relation("SELECT \(columns(input.width)), row_number() OVER (ORDER BY \(orderBy(input))) AS \(ordinal) FROM \(input.name)", width: input.width)
    }

    /// A collection's table, with its columns renamed `c0…` and its rows numbered (when `orderRead`); or a
    /// `let` name's query.
    mutating func source(_ reference: SourceReference, range: SourceRange?, orderRead: Bool) throws(Diagnostic) -> SQLRelation {
        switch reference {
        case .binding(let bindingName):
            guard let plan = bindings[bindingName] else { throw Diagnostic.noSQLForResult(bindingName, range: range) }
            return try relation(for: plan, orderRead: orderRead)
        case .collection(let collection):
            guard let table = tables[collection] else { throw Diagnostic.noSQLForResult(collection, range: range) }
            noteTable(collection)
            let columns = table.columns.enumerated().map { name($0.element) + " AS " + column($0.offset) }
            let select = (columns + [sourceOrdinal(of: table, orderRead: orderRead) + " AS " + ordinal]).joined(separator: ", ")
            return relation("SELECT \(select) FROM \(name(table.name))", width: table.columns.count, computing: false)
        }
    }

    /// The relation after `stage`, whose result has `fields`.
    mutating func apply(_ stage: PlanStage, to input: SQLRelation, range: SourceRange, fields: [Field]) throws(Diagnostic) -> SQLRelation {
        switch stage {
        case .filter(let condition, _):
            let test = try filterCondition(condition)
            return relation("SELECT * FROM \(input.name) WHERE \(test)", width: input.width)
        case .project(let expressions):
            var items: [String] = []
            for (index, expression) in expressions.enumerated() { items.append(try self.expression(expression) + " AS " + column(index)) }
            return relation("SELECT \(items.joined(separator: ", ")), \(ordinal) FROM \(input.name)", width: expressions.count,
                            computing: !onlyColumns(expressions))
        case .sort(let keys):
            return try sorted(input, by: keys)
        case .limit(let count, let offset):
            var sql = "SELECT * FROM \(input.name) ORDER BY \(input.order == nil ? ordinal : orderBy(input)) LIMIT \(dialect.count(try expression(count)))"
            if let offset { sql += " OFFSET \(dialect.count(try expression(offset)))" }
            var limited = relation(sql, width: input.width)
            limited.order = input.order
            return limited
        case .distinct(let indexes):
            let kept = indexes.enumerated().map { column($0.element) + " AS " + column($0.offset) }.joined(separator: ", ")
            let keys = indexes.map { column($0) }.joined(separator: ", ")
            return relation("SELECT \(kept), min(\(ordinal)) AS \(ordinal) FROM \(input.name) GROUP BY \(keys)", width: indexes.count)
        case .aggregate(let plan):
            return try aggregated(input, plan, range: range)
        case .join(let plan):
            switch plan.kind {
            case .inner, .left: return try joined(input, plan)
            case .semi, .anti: return try semiJoined(input, plan)
            case .full: return try fullJoined(input, plan)
            }
        case .union(let plan):
            return try united(input, plan, fields: fields)
        case .unnest(let column):
            return try unnested(input, column: column, range: range)
        case .window(let plan):
            return try windowed(input, plan)
        case .pivot(let plan):
            return try pivoted(input, plan, range: range)
        case .unpivot(let plan):
            return try unpivoted(input, plan, range: range)
        }
    }

    /// `sort by`: the keys computed as columns `k0…`, which order the relation, ties in the order they had.
    /// The next stage numbers the rows by them, unless it is a `limit` or the end of the query: then the
    /// statement ends `ORDER BY keys LIMIT n`, which an engine runs as a top-n sort, with no window.
    private mutating func sorted(_ input: SQLRelation, by keys: [(BoundExpression, descending: Bool)]) throws(Diagnostic) -> SQLRelation {
        var computed: [String] = [], order: [(column: String, direction: String)] = []
        for (index, key) in keys.enumerated() {
            computed.append(try expression(key.0) + " AS " + name("k\(index)"))
            let collation = key.0.type.ordersAsText ? dialect.codePointOrder("") : ""
            order.append((name("k\(index)"), collation + (key.descending ? " DESC" : "") + " NULLS LAST"))
        }
        var keyed = relation("SELECT \(columns(input.width)), \(ordinal), \(computed.joined(separator: ", ")) FROM \(input.name)", width: input.width,
                             computing: !onlyColumns(keys.map(\.0)))
        keyed.order = order + [(ordinal, "")]
        return keyed
    }

    /// `count by` and `summarize`: the keys computed, the rows grouped and the groups numbered in the order
    /// of their keys; then the items over aggregates, when there are such items.
    mutating func aggregated(_ input: SQLRelation, _ plan: AggregatePlan, range: SourceRange) throws(Diagnostic) -> SQLRelation {
        var source = input
        if !plan.keys.isEmpty {
            var keys: [String] = []
            for (index, key) in plan.keys.enumerated() { keys.append(try expression(key) + " AS " + name("g\(index)")) }
            source = relation("SELECT *, \(keys.joined(separator: ", ")) FROM \(input.name)", width: input.width, computing: !onlyColumns(plan.keys))
        }
        var items = plan.keys.indices.map { name("g\($0)") + " AS " + column($0) }
        for (index, aggregate) in plan.aggregates.enumerated() {
            items.append(try self.aggregate(aggregate) + " AS " + column(plan.keys.count + index))
        }
        let width = plan.keys.count + plan.aggregates.count
        var grouped: SQLRelation
        if plan.keys.isEmpty {
            grouped = relation("SELECT \(items.joined(separator: ", ")), 1 AS \(ordinal) FROM \(source.name)", width: width)
        } else {
            let keyNames = plan.keys.indices.map { name("g\($0)") }
            let order = zip(plan.keys, keyNames).map { ($0.type.ordersAsText ? dialect.codePointOrder($1) : $1) + " NULLS LAST" }
            let numbered = "row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS \(ordinal)"
            grouped = relation("SELECT \(items.joined(separator: ", ")), \(numbered) FROM \(source.name) GROUP BY \(keyNames.joined(separator: ", "))",
                               width: width)
        }
        guard let outputs = plan.outputs else { return grouped }
        var computed: [String] = []
        for (index, output) in outputs.enumerated() { computed.append(try expression(output) + " AS " + column(index)) }
        grouped = relation("SELECT \(computed.joined(separator: ", ")), \(ordinal) FROM \(grouped.name)", width: outputs.count)
        return grouped
    }

    /// `[left] join`: rows in the left side's order, each left row's matches in the right side's order.
    private mutating func joined(_ left: SQLRelation, _ plan: JoinPlan) throws(Diagnostic) -> SQLRelation {
        let right = try source(plan.right, range: plan.range, orderRead: resultOrderRead)
        let leftAlias = "l", rightAlias = "r"
        var items = (0..<left.width).map { column($0, of: leftAlias) + " AS " + column($0) }
        for (offset, index) in plan.rightColumns.enumerated() {
            items.append(column(index, of: rightAlias) + " AS " + column(left.width + offset))
        }
        let order = "row_number() OVER (ORDER BY \(name(leftAlias)).\(ordinal), \(name(rightAlias)).\(ordinal)) AS \(ordinal)"
        let kind = plan.kind == .left ? "LEFT JOIN" : "JOIN"
        let on = zip(plan.leftKeys, plan.rightKeys).map { column($0, of: leftAlias) + " = " + column($1, of: rightAlias) }
            .joined(separator: " AND ")
        return relation("SELECT \(items.joined(separator: ", ")), \(order) FROM \(left.name) AS \(name(leftAlias)) \(kind) \(right.name) AS \(name(rightAlias)) ON \(on)",
                        width: left.width + plan.rightColumns.count)
    }
}

extension PlanStage {
    /// Whether the stage reads its input's order from the keys of a `sort` before it as well as from `o`.
    var keepsOrderKeys: Bool {
        if case .limit = self { return true }
        return false
    }
}
