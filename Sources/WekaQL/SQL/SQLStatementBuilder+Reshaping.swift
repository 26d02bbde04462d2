// `pivot … in (…)` as conditional aggregation (a group per key, an aggregate per listed value over that
// value's rows only) and `unpivot` as a UNION ALL of a select per field, in wekaql's order.

extension SQLWriter {
    /// `pivot F in (v, …) AGG by KEYS`: `summarize` by the keys of `AGG(CASE WHEN F = v THEN x END)` per
    /// value, so a value no row of a group has gets 0 for the counts and null for the others, and only the
    /// listed values' rows are aggregated. Without `in (…)` the columns are named by the data: no SQL.
    mutating func pivoted(_ input: SQLRelation, _ plan: PivotPlan, range: SourceRange) throws(Diagnostic) -> SQLRelation {
        guard let values = plan.values else { throw Diagnostic.noSQL("pivot without in (…)", dialect, range: plan.range) }
        if values.contains(where: \.isNull) { throw Diagnostic.noSQL("pivot … in (null)", dialect, range: plan.range) }
        let keys = zip(plan.keys, plan.keyFields).map { BoundExpression(kind: .column($0), type: $1.type, range: plan.range) }
        var aggregates: [BoundAggregate] = []
        for value in values {
            let field = BoundExpression(kind: .column(plan.column), type: value.type, range: plan.range)
            let literal = BoundExpression(kind: .literal(value), type: value.type, range: plan.range)
            let listed = BoundExpression(kind: .comparison(.equal, field, literal), type: .boolean, range: plan.range)
            var aggregate = plan.aggregate
            if let argument = aggregate.argument {
                aggregate.argument = BoundExpression(kind: .conditional([BoundBranch(condition: listed, result: argument)], otherwise: nil),
                                                     type: argument.type, range: argument.range)
            } else {
                aggregate.function = .count_if   // count(): the listed value's rows
                aggregate.argument = listed
            }
            aggregates.append(aggregate)
        }
        return try aggregated(input, AggregatePlan(keys: keys, aggregates: aggregates, groupedFields: [], outputs: nil), range: range)
    }

    /// `unpivot`: for each row, in order, a row per named field whose value is not null: the kept columns,
    /// the field's name, its value.
    mutating func unpivoted(_ input: SQLRelation, _ plan: UnpivotPlan, range: SourceRange) throws(Diagnostic) -> SQLRelation {
        if plan.valueType == .decimal || plan.valueType.isList {
            throw Diagnostic.noSQL("unpivot of \(plan.valueType == .decimal ? "exact decimals" : "lists")", dialect, range: range)
        }
        let type = dialect.typeName(plan.valueType)
        let kept = plan.kept.enumerated().map { column($0.element) + " AS " + column($0.offset) }
        var selects: [String] = []
        for (index, field) in plan.fields.enumerated() {
            let items = kept + ["CAST(\(bind(.string(plan.names[index]), as: .string)) AS \(dialect.typeName(.string))) AS \(column(kept.count))",
                                "CAST(\(column(field)) AS \(type)) AS \(column(kept.count + 1))", ordinal, "\(index) AS \(name("q"))"]
            selects.append("SELECT \(items.joined(separator: ", ")) FROM \(input.name) WHERE \(column(field)) IS NOT NULL")
        }
        let width = kept.count + 2
        let numbered = "row_number() OVER (ORDER BY \(ordinal), \(name("q"))) AS \(ordinal)"
        return relation("SELECT \(columns(width)), \(numbered) FROM (\(selects.joined(separator: " UNION ALL "))) AS \(name("u"))", width: width)
    }
}
