// The checker's set stages: joins on several keys, `union`, and the subqueries of `in (QUERY)`.

extension Checker {
    /// The name of the column `union` adds, telling which collection each row comes from.
    static let collectionColumn = "collection"

    mutating func checkJoin(_ clause: JoinClause, fields: [Field], _ resolver: FieldResolver,
                            range: SourceRange) throws -> (PlanStage, [Field]) {
        let (right, rightFields) = try resolveSource(clause.collection)
        let rightResolver = FieldResolver(fields: rightFields, context: clause.collection.text, file: file, earlier: [])
        var leftKeys: [Int] = [], rightKeys: [Int] = []
        for key in clause.keys {
            let l = try resolver.resolve(key.left), r = try rightResolver.resolve(key.right)
            guard fields[l].type.isComparable(with: rightFields[r].type) else {
                throw Diagnostic.joinKeyMismatch(left: fields[l], right: rightFields[r], range: key.right.range)
            }
            leftKeys.append(l)
            rightKeys.append(r)
        }
        var plan = JoinPlan(right: right, kind: clause.kind, leftKeys: leftKeys, rightKeys: rightKeys, rightColumns: [], range: range)
        if clause.kind == .semi || clause.kind == .anti { return (.join(plan), fields) }
        // A right key named as its left key is the same value in every matched row: it is shown once.
        let shared = zip(leftKeys, rightKeys).filter { fields[$0].name == rightFields[$1].name }
        plan.rightColumns = rightFields.indices.filter { r in !shared.contains { $0.1 == r } }
        var output = fields
        if clause.kind == .full {
            // An unmatched right row shows its key in the shared column, which takes both keys' type.
            plan.sharedKeys = shared.map { (left: $0.0, right: $0.1) }
            for (l, r) in shared { output[l].type = fields[l].type.unified(with: rightFields[r].type) ?? fields[l].type }
        }
        output += renamedRightFields(plan.rightColumns.map { rightFields[$0] }, taken: fields.map(\.name), collection: clause.collection.text)
        return (.join(plan), output)
    }

    /// The right side's kept fields, a name already taken becoming `COLLECTION_name` (then `_2`, …);
    /// a right field's qualifier is a right field too, so it follows its renaming.
    private func renamedRightFields(_ fields: [Field], taken: [String], collection: String) -> [Field] {
        var taken = Set(taken)
        var renamed: [String: String] = [:]
        var output: [Field] = []
        for var field in fields {
            if taken.contains(field.name) {
                var candidate = "\(collection)_\(field.name)"
                var suffix = 2
                while taken.contains(candidate) { candidate = "\(collection)_\(field.name)_\(suffix)"; suffix += 1 }
                renamed[field.name] = candidate
                field.name = candidate
            }
            taken.insert(field.name)
            output.append(field)
        }
        for index in output.indices {
            if let qualifier = output[index].qualifierField, let name = renamed[qualifier] { output[index].qualifierField = name }
        }
        return output
    }

    /// `union`: the left's columns in order, then the right's new ones, matched by name. Plain `union`
    /// first gives each side a `collection` column (its name) unless it has one; `union distinct` does not,
    /// as a row it keeps may come from both sides.
    mutating func checkUnion(_ clause: UnionClause, _ resolver: FieldResolver, range: SourceRange) throws -> (PlanStage, [Field]) {
        let side: UnionPlan.Side, rightFields: [Field], rightLabel: String
        switch clause.side {
        case .source(let name):
            let (reference, fields) = try resolveSource(name)
            (side, rightFields, rightLabel) = (.source(reference), fields, name.text)
        case .query(let query):
            let plan = try checkNested(query)
            (side, rightFields, rightLabel) = (.query(plan), plan.fields, query.source.text)
        }
        typealias Sourced = (field: Field, source: UnionPlan.ColumnSource)
        var left: [Sourced] = resolver.fields.enumerated().map { ($0.element, .column($0.offset)) }
        var right: [Sourced] = rightFields.enumerated().map { ($0.element, .column($0.offset)) }
        if !clause.distinct {
            let origin = Field(name: Self.collectionColumn, type: .string, description: "the collection the row comes from")
            if !left.contains(where: { $0.field.name == Self.collectionColumn }) { left.insert((origin, .label(sourceLabel)), at: 0) }
            if !right.contains(where: { $0.field.name == Self.collectionColumn }) { right.insert((origin, .label(rightLabel)), at: 0) }
        }
        var output: [Field] = [], leftSources: [UnionPlan.ColumnSource] = [], rightSources: [UnionPlan.ColumnSource] = []
        for (field, source) in left {
            leftSources.append(source)
            guard let match = right.first(where: { $0.field.name == field.name }) else {
                output.append(field)
                rightSources.append(.null)
                continue
            }
            guard let type = field.type.unified(with: match.field.type) else {
                throw Diagnostic.unionTypeClash(field.name, left: field.type, leftContext: resolver.context, right: match.field.type,
                                                rightContext: rightLabel, range: clause.sideRange)
            }
            output.append(field.unioned(with: match.field, type: type))
            rightSources.append(match.source)
        }
        for (field, source) in right where !left.contains(where: { $0.field.name == field.name }) {
            output.append(field)
            leftSources.append(.null)
            rightSources.append(source)
        }
        let plan = UnionPlan(side: side, left: leftSources, right: rightSources, distinct: clause.distinct, range: range)
        return (.union(plan), output)
    }

    /// `x [not] in (QUERY)`, in a `where` only: the query gives one column, comparable with `x`.
    mutating func bindInSubquery(_ subject: Expression, _ query: Query, negated: Bool, _ resolver: FieldResolver,
                                 range: SourceRange) throws -> BoundExpression {
        guard subqueriesAllowed else { throw Diagnostic.misplacedSubquery(range: range) }
        var boundSubject = try bind(subject, resolver)
        let plan = try checkNested(query)
        guard plan.fields.count == 1 else {
            throw Diagnostic.subqueryColumns(plan.fields.map(\.name), range: query.range)
        }
        let column = plan.fields[0]
        if case .parameter = boundSubject.kind, boundSubject.type == .null {
            boundSubject = try bind(subject, resolver, expecting: column.type)   // `$p in (…)`: the column's type
        }
        guard boundSubject.type.isComparable(with: column.type) else {
            throw Diagnostic.subqueryType(subject: boundSubject.type, column: column, range: subject.range)
        }
        subqueries.append(plan)
        return BoundExpression(kind: .inSubquery(boundSubject, index: subqueries.count - 1, negated: negated), type: .boolean, range: range)
    }

    /// A query inside another (a `union` side, an `in` list): checked on its own, with the outer stage's
    /// caveats and subquery permission kept aside.
    private mutating func checkNested(_ query: Query) throws -> QueryPlan {
        let outer = (caveats, subqueriesAllowed)
        subqueriesAllowed = false
        defer { (caveats, subqueriesAllowed) = outer }
        return try check(query)
    }
}
