// The checker's part for `why` and `why not`: the result of such a query is its lineage.

extension Checker {
    /// Makes `plan` answer with its lineage when the query ends with `why` or `why not EXPR` (EXPR is over
    /// the source's fields: it picks the source rows to follow through the stages; or, when it names a
    /// field only a join brings, over that join's right side, whose rows are followed from the join on).
    mutating func checkWhy(_ why: WhyClause?, plan: inout QueryPlan, sourceFields: [Field]) throws {
        plan.file = file
        guard let why else { return }
        guard let condition = why.condition else {
            plan.lineage = .why
            plan.fields += LineageTables.whyFields(after: plan.fields)
            return
        }
        let resolver = FieldResolver(fields: sourceFields, context: "\(plan.sourceName) (why not reads the source's rows)",
                                     file: file, earlier: [])
        var bound: BoundExpression
        var joinStage: Int?
        do {
            bound = try bind(condition, resolver, expecting: .boolean)
        } catch let unknown as Diagnostic where unknown.code == .unknownField {
            guard let joined = try bindOnJoinedSide(condition, stages: plan.stages) else { throw unknown }
            (bound, joinStage) = joined
        }
        guard bound.type == .boolean || bound.type == .null else {
            throw Diagnostic.notBoolean(type: bound.type, range: condition.range, place: "why not")
        }
        plan.lineage = .whyNot(bound, text: file.text(in: condition.range), joinStage: joinStage)
        plan.fields = LineageTables.whyNotFields
        plan.parameters = parameters
        plan.parameterRanges = parameterRanges
    }

    /// `condition` bound over the right side of the first join whose right side has every field it names,
    /// with that join's index among the plan's stages; `nil` when no join's does.
    private mutating func bindOnJoinedSide(_ condition: Expression, stages: [(stage: PlanStage, fields: [Field], range: SourceRange)])
        throws -> (BoundExpression, Int)? {
        for (index, entry) in stages.enumerated() {
            guard case .join(let join) = entry.stage, let (_, fields) = scope.fields(of: join.right.name) else { continue }
            let resolver = FieldResolver(fields: fields, context: "\(join.right.name) (why not reads the joined side's rows)",
                                         file: file, earlier: [])
            do {
                return (try bind(condition, resolver, expecting: .boolean), index)
            } catch let unknown as Diagnostic where unknown.code == .unknownField {
                continue
            }
        }
        return nil
    }
}

extension SourceReference {
    /// The collection's or binding's name.
    var name: String {
        switch self {
        case .collection(let name), .binding(let name): return name
        }
    }
}
