// The checker's list half: `LIST contains VALUE` and the `unnest FIELD` stage.

extension Checker {
    /// `tags contains "gold"`: whether an element of the list equals the value — exactly, as DuckDB's
    /// `list_contains` (`1` equals `1.0`; no folding of case or accents, unlike text `contains`). The
    /// value must be comparable with the elements; a null list gives null, an empty list false, a null
    /// value null, and a list whose elements are not the value false even when one of them is null.
    mutating func bindListContains(_ list: BoundExpression, _ item: Expression, _ resolver: FieldResolver,
                                   range: SourceRange) throws -> BoundExpression {
        let element = list.type.elementType ?? .null
        let bound = try bind(item, resolver, expecting: element == .null ? nil : element)
        guard !bound.type.isList, bound.type.isComparable(with: element) else {
            throw Diagnostic.listElementType(list: list.type, found: bound.type, range: item.range)
        }
        return BoundExpression(kind: .listContains(list, bound), type: .boolean, range: range)
    }

    /// `unnest FIELD`: the same fields, FIELD now of its list's element type.
    mutating func checkUnnest(_ name: Name, _ resolver: FieldResolver) throws -> (PlanStage, [Field]) {
        let column = try resolver.resolve(name)
        var fields = resolver.fields
        let type = fields[column].type
        guard type.isList || type == .null else {
            throw Diagnostic.notAList(field: fields[column].name, type: type, range: name.range)
        }
        fields[column].type = type.elementType ?? .null
        return (.unnest(column: column), fields)
    }

    /// The hint for a list where an operator needs a scalar.
    static func listOperandHint(_ type: ValueType) -> String? {
        type.isList ? "a list is tested with LIST contains VALUE; unnest FIELD gives a row per element" : nil
    }
}
