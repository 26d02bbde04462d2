// Checks `pivot` and `unpivot`, which turn values into columns and columns into rows, and
// `regex_extract`, whose pattern is compiled (and its group checked) before the query runs.

extension Checker {
    /// `pivot FIELD [in (v, …)] using AGG(EXPR) [by KEY, …]`: the keys, then a column per value typed as
    /// the aggregate. Without `in`, the value columns are named when it runs (``openPivot``).
    mutating func checkPivot(_ clause: PivotClause, _ resolver: FieldResolver, range: SourceRange) throws -> (PlanStage, [Field]) {
        let column = try resolver.resolve(clause.column)
        let keys = try clause.keys.map { try resolver.resolve($0) }
        guard case .call(let name, _) = clause.aggregate.kind, AggregateFunction(rawValue: name.text.lowercased()) != nil else {
            throw Diagnostic.pivotNeedsAggregate(range: clause.aggregate.range)
        }
        let aggregate = try bindAggregate(clause.aggregate, resolver)
        let keyFields = keys.map { resolver.fields[$0] }
        var names = zip(keyFields, clause.keys).map { ($0.name, $1.range) }
        var output = keyFields
        var values: [Value]?
        if let items = clause.values {
            values = try items.map { try pivotValue($0, of: resolver.fields[column], resolver) }
            for (value, item) in zip(values!, items) {
                output.append(Field(name: value.description, type: aggregate.type))
                names.append((value.description, item.range))
            }
        } else {
            openPivot = range
        }
        try checkUnique(names)
        let plan = PivotPlan(keys: keys, column: column, values: values, aggregate: aggregate, keyFields: keyFields, range: range)
        return (.pivot(plan), output)
    }

    /// A value of `in (…)`: a constant the pivoted field can hold (a date may be written as a string).
    private mutating func pivotValue(_ item: Expression, of field: Field, _ resolver: FieldResolver) throws -> Value {
        let bound = try bind(item, resolver, expecting: field.type)
        guard case .literal(let value) = bound.kind, !value.isNull else {
            throw Diagnostic.notConstant(range: item.range, what: "a value of \(Diagnostic.quoted(field.name)) (a constant)")
        }
        if field.type == .date, case .string(let text) = value {
            guard let date = LocalDate(text) else { throw Diagnostic.invalidDate(text, range: item.range) }
            return .date(date)
        }
        guard field.type.isComparable(with: value.type) else {
            throw Diagnostic.pivotValueType(resolver.sourceText(item.range), type: value.type, field: field, range: item.range)
        }
        return value
    }

    /// `unpivot FIELD, … into NAME, VALUE`: the other columns, then NAME (text) and VALUE (the fields' type).
    func checkUnpivot(_ clause: UnpivotClause, _ resolver: FieldResolver) throws -> (PlanStage, [Field]) {
        let columns = try clause.fields.map { try resolver.resolve($0) }
        try checkUnique(zip(columns, clause.fields).map { (resolver.fields[$0].name, $1.range) })
        var type = ValueType.null
        for (column, name) in zip(columns, clause.fields) {
            let field = resolver.fields[column]
            guard let unified = type.unified(with: field.type) else {
                let first = columns.first { resolver.fields[$0].type != .null }.map { resolver.fields[$0].name } ?? ""
                throw Diagnostic.unpivotTypes(field, expected: type, first: first, range: name.range)
            }
            type = unified
        }
        let kept = resolver.fields.indices.filter { !columns.contains($0) }
        let output = kept.map { resolver.fields[$0] }
            + [Field(name: clause.nameColumn.text, type: .string), Field(name: clause.valueColumn.text, type: type)]
        try checkUnique(kept.map { (resolver.fields[$0].name, clause.fields[0].range) }
                        + [(clause.nameColumn.text, clause.nameColumn.range), (clause.valueColumn.text, clause.valueColumn.range)])
        let plan = UnpivotPlan(kept: kept, fields: columns, names: columns.map { resolver.fields[$0].name }, valueType: type)
        return (.unpivot(plan), output)
    }

    /// After a `pivot` without `in (…)`, only stages that keep the columns may follow.
    func checkAfterOpenPivot(_ stage: Stage) throws {
        guard openPivot != nil, !stage.keepsFields else { return }
        throw Diagnostic.pivotColumnsAtRunTime("\"\(file.text(in: stage.keywordRange))\"", range: stage.keywordRange)
    }

    /// `regex_extract(text, pattern[, group])`: the pattern a constant, compiled here; a constant group
    /// one the pattern has.
    mutating func bindRegexExtract(_ arguments: [Expression], _ resolver: FieldResolver, range: SourceRange) throws -> BoundExpression {
        let signature = Function.regex_extract.signature
        let subject = try bind(arguments[0], resolver, expecting: .string)
        guard subject.type == .string || subject.type == .null else {
            throw Diagnostic.argumentType(signature, expected: "text", found: subject.type, range: arguments[0].range, hint: nil)
        }
        let pattern = try bind(arguments[1], resolver, expecting: .string)
        guard case .literal(.string(let text)) = pattern.kind else {
            throw Diagnostic.notConstant(range: arguments[1].range, what: "a regular expression in double quotes")
        }
        let program: RegexProgram
        do throws(RegexSyntaxError) {
            program = try RegexProgram(text)
        } catch {
            throw Diagnostic.invalidRegex(text, error, range: placement(of: error, inLiteral: arguments[1].range, text))
        }
        var group = BoundExpression(kind: .literal(.integer(0)), type: .integer, range: range)
        if arguments.count > 2 {
            group = try bind(arguments[2], resolver, expecting: .integer)
            guard group.type == .integer || group.type == .null else {
                throw Diagnostic.argumentType(signature, expected: "an integer", found: group.type, range: arguments[2].range, hint: nil)
            }
            if case .literal(.integer(let n)) = group.kind, n < 0 || n > program.captureCount {
                throw Diagnostic.regexGroup(n, groups: program.captureCount, range: arguments[2].range)
            }
        }
        return BoundExpression(kind: .regexExtract(subject, RegexBox(program, pattern: text), group: group), type: .string, range: range)
    }
}
