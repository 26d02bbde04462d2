// The stages that reshape the columns and keep the rows: `extend`, `rename` and `drop` are projections
// (so they run as `select` does), and `top` is `sort by` followed by `limit` (so it runs as a top-k).

extension Checker {
    /// `extend NAME = EXPR, …`: every input column, in order, with a column of the same name replaced in
    /// place and the new ones after. Each expression reads the stage's input, not an earlier item.
    mutating func checkExtend(_ assignments: [Assignment], _ resolver: FieldResolver) throws -> (PlanStage, [Field]) {
        var expressions = resolver.fields.indices.map {
            BoundExpression(kind: .column($0), type: resolver.fields[$0].type, range: assignments[0].name.range)
        }
        var output = resolver.fields
        var assigned: [(String, SourceRange)] = []
        for assignment in assignments {
            let bound = try bind(assignment.expression, resolver)
            let field = outputField(bound, named: assignment.name.text, aliased: true, resolver)
            assigned.append((assignment.name.text, assignment.name.range))
            if let index = output.firstIndex(where: { $0.name == assignment.name.text }), index < resolver.fields.count {
                expressions[index] = bound
                output[index] = field
            } else {
                expressions.append(bound)
                output.append(field)
            }
        }
        try checkUnique(assigned)
        return (.project(expressions), output)
    }

    /// `rename OLD as NEW, …`: the same columns; a new name may not be one the result already has.
    func checkRename(_ renamings: [Renaming], _ resolver: FieldResolver) throws -> (PlanStage, [Field]) {
        var output = resolver.fields
        var renamed: [String: String] = [:]
        for renaming in renamings {
            let index = try resolver.resolve(renaming.old)
            let oldName = resolver.fields[index].name
            guard renamed[oldName] == nil else { throw Diagnostic.duplicateColumn(oldName, range: renaming.old.range) }
            if let clash = output.firstIndex(where: { $0.name == renaming.new.text }), clash != index {
                throw Diagnostic.renameClash(renaming.new.text, range: renaming.new.range)
            }
            output[index].name = renaming.new.text
            renamed[oldName] = renaming.new.text
        }
        // A field's qualifier is named by its field: it follows the renaming.
        for index in output.indices {
            if let qualifier = output[index].qualifierField, let name = renamed[qualifier] { output[index].qualifierField = name }
        }
        let expressions = resolver.fields.indices.map {
            BoundExpression(kind: .column($0), type: resolver.fields[$0].type, range: renamings[0].old.range)
        }
        return (.project(expressions), output)
    }

    /// `drop FIELD, …`: every other column, in order; at least one must be left.
    func checkDrop(_ names: [Name], _ resolver: FieldResolver, range: SourceRange) throws -> (PlanStage, [Field]) {
        let dropped = Set(try names.map { try resolver.resolve($0) })
        let kept = resolver.fields.indices.filter { !dropped.contains($0) }
        guard !kept.isEmpty else { throw Diagnostic.dropsEverything(range: range) }
        let expressions = kept.map { BoundExpression(kind: .column($0), type: resolver.fields[$0].type, range: range) }
        return (.project(expressions), kept.map { resolver.fields[$0] })
    }

    /// `top N by KEY, …`: a sort whose next stage is its limit, which the evaluator runs as a top-k.
    mutating func checkTop(_ count: Expression, _ keys: [SortKey], _ resolver: FieldResolver) throws -> [PlanStage] {
        let bound = try keys.map { (try bind($0.expression, resolver), descending: $0.descending) }
        return [.sort(bound), .limit(count: try bindCount(count, resolver), offset: nil)]
    }
}
