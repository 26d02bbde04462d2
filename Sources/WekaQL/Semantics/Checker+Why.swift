// The checker's part for `why` and `why not`: the result of such a query is its lineage.

extension Checker {
    /// Makes `plan` answer with its lineage when the query ends with `why` or `why not EXPR` (EXPR is over
    /// the source's fields: it picks the source rows to follow through the stages).
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
        let bound = try bind(condition, resolver, expecting: .boolean)
        guard bound.type == .boolean || bound.type == .null else {
            throw Diagnostic.notBoolean(type: bound.type, range: condition.range, place: "why not")
        }
        plan.lineage = .whyNot(bound, text: file.text(in: condition.range))
        plan.fields = LineageTables.whyNotFields
        plan.parameters = parameters
        plan.parameterRanges = parameterRanges
    }
}
