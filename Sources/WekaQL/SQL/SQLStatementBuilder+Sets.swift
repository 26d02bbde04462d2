// The set stages as SQL: `union` (columns matched by name when checked, `collection` a bound label),
// `union distinct`, `semi join` and `anti join` as EXISTS and NOT EXISTS, `full join`, and `x in (QUERY)`.
// Each keeps wekaql's order: the left rows first in their order, then the right side's rows in theirs.

extension SQLWriter {
    /// `union`: the left rows, then the right side's, each output column read from its side's column, the
    /// side's name, or null; cast to the output column's type (an integer column under a decimal one).
    /// `union distinct` then keeps the first row of each set of equal rows, in that order.
    mutating func united(_ left: SQLRelation, _ plan: UnionPlan, fields: [Field]) throws(Diagnostic) -> SQLRelation {
        for field in fields where field.type == .decimal || field.type.isList {
            throw Diagnostic.noSQL("union of \(field.type == .decimal ? "an exact decimal" : "a list") column", dialect, range: plan.range)
        }
        let right: SQLRelation
        switch plan.side {
        case .source(let reference): right = try source(reference, range: plan.range, orderRead: resultOrderRead)
        case .query(let query): right = try relation(for: query, orderRead: resultOrderRead)
        }
        func side(_ relation: SQLRelation, _ sources: [UnionPlan.ColumnSource], part: Int) -> String {
            var items: [String] = []
            for (index, source) in sources.enumerated() {
                let type = dialect.typeName(fields[index].type)
                switch source {
                case .column(let c): items.append("CAST(\(column(c)) AS \(type)) AS \(column(index))")
                case .label(let label): items.append("CAST(\(bind(.string(label), as: .string)) AS \(type)) AS \(column(index))")
                case .null: items.append("CAST(NULL AS \(type)) AS \(column(index))")
                }
            }
            return "SELECT \((items + ["\(part) AS \(name("p"))", ordinal]).joined(separator: ", ")) FROM \(relation.name)"
        }
        let both = "\(side(left, plan.left, part: 0)) UNION ALL \(side(right, plan.right, part: 1))"
        let width = fields.count
        let numbered = "row_number() OVER (ORDER BY \(name("p")), \(ordinal)) AS \(ordinal)"
        let appended = relation("SELECT \(columns(width)), \(numbered) FROM (\(both)) AS \(name("u"))", width: width)
        guard plan.distinct else { return appended }
        let all = columns(width)
        return relation("SELECT \(all), min(\(ordinal)) AS \(ordinal) FROM \(appended.name) GROUP BY \(all)", width: width)
    }

    /// `semi join` and `anti join`: the left rows with (without) a right row of equal keys, each once, in
    /// their order. A null key has no match, as `=` is then not true.
    mutating func semiJoined(_ left: SQLRelation, _ plan: JoinPlan) throws(Diagnostic) -> SQLRelation {
        let right = try source(plan.right, range: plan.range, orderRead: false)
        let on = keysEqual(plan, left: "l", right: "r")
        let test = (plan.kind == .anti ? "NOT " : "") + "EXISTS (SELECT 1 FROM \(right.name) AS \(name("r")) WHERE \(on))"
        return relation("SELECT \(columns(left.width, of: "l")), \(name("l")).\(ordinal) FROM \(left.name) AS \(name("l")) WHERE \(test)",
                        width: left.width)
    }

    /// `full join`: as `left join`, then the right rows no left row matched, in their order; a key column of
    /// both sides shows the right row's key on those rows.
    mutating func fullJoined(_ left: SQLRelation, _ plan: JoinPlan) throws(Diagnostic) -> SQLRelation {
        let right = try source(plan.right, range: plan.range, orderRead: resultOrderRead)
        let (l, r) = (name("l"), name("r"))
        var items: [String] = []
        for index in 0..<left.width {
            if let shared = plan.sharedKeys.first(where: { $0.left == index }) {
                items.append("(CASE WHEN \(l).\(ordinal) IS NULL THEN \(column(shared.right, of: "r")) ELSE \(column(index, of: "l")) END) AS \(column(index))")
            } else {
                items.append(column(index, of: "l") + " AS " + column(index))
            }
        }
        for (offset, index) in plan.rightColumns.enumerated() {
            items.append(column(index, of: "r") + " AS " + column(left.width + offset))
        }
        let order = "row_number() OVER (ORDER BY (CASE WHEN \(l).\(ordinal) IS NULL THEN 1 ELSE 0 END), \(l).\(ordinal), \(r).\(ordinal)) AS \(ordinal)"
        return relation("SELECT \(items.joined(separator: ", ")), \(order) FROM \(left.name) AS \(l) FULL JOIN \(right.name) AS \(r) ON \(keysEqual(plan, left: "l", right: "r"))",
                        width: left.width + plan.rightColumns.count)
    }

    /// The join's keys equal, pair by pair.
    func keysEqual(_ plan: JoinPlan, left: String, right: String) -> String {
        zip(plan.leftKeys, plan.rightKeys).map { column($0, of: left) + " = " + column($1, of: right) }.joined(separator: " AND ")
    }

    /// `x [not] in (QUERY)`: SQL's `IN (subquery)` is wekaql's: false for no rows, else true for an equal
    /// value, else null when `x` or a value is null.
    mutating func inSubquery(_ subject: BoundExpression, index: Int, negated: Bool, range: SourceRange) throws(Diagnostic) -> String {
        guard index < subqueries.count else { throw Diagnostic.noSQL("in (QUERY)", dialect, range: range) }
        let x = try expression(subject)
        let query = try relation(for: subqueries[index], orderRead: false)
        return "(\(x) \(negated ? "NOT IN" : "IN") (SELECT \(column(0)) FROM \(query.name)))"
    }
}
