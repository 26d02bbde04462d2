// Splits a `summarize` item such as `rate = round(sum(a) / sum(b), 2)` into the aggregate calls, which the
// grouping computes, and the expression over them, which is computed once per group afterwards.

/// The aggregates of one `summarize` stage and the hidden columns that hold them.
struct AggregateSplit {
    /// Names of hidden aggregate columns start with a character no query can write in a name.
    static let hiddenPrefix = "\u{1}"

    /// The fields of `by`, first in the grouped table.
    var keyFields: [Field]
    /// Every aggregate, in order: an item's own (`sum(x)`) and those taken out of expressions.
    var aggregates: [BoundAggregate] = []
    /// A field per aggregate, after the keys in the grouped table.
    var hidden: [Field] = []
    /// For each item that is a plain aggregate, its index in `aggregates`.
    var plainIndexes: [Int] = []

    init(keyFields: [Field]) {
        self.keyFields = keyFields
    }

    /// The fields an item's expression can name: the keys (by name), and the hidden aggregate columns.
    var resolvable: [Field] { keyFields + hidden }

    /// `expression` with each aggregate call replaced by a name of its hidden column; the calls are bound
    /// against the rows. An expression with no aggregate in it is not an aggregate (E0305).
    mutating func extract(_ expression: Expression, _ checker: inout Checker, _ rows: FieldResolver) throws -> Expression {
        let before = aggregates.count
        let rewritten = try replacingAggregates(in: expression, &checker, rows)
        guard aggregates.count > before else { throw Diagnostic.notAggregate(range: expression.range) }
        return rewritten
    }

    private mutating func replacingAggregates(in expression: Expression, _ checker: inout Checker, _ rows: FieldResolver) throws -> Expression {
        var e = expression
        switch expression.kind {
        case .literal, .field, .parameter:
            return expression
        case .window(let call):
            throw Diagnostic.misplacedWindow(call.function.text, place: "\"summarize\"", range: expression.range)
        case .call(let name, let arguments):
            if AggregateFunction(rawValue: name.text.lowercased()) != nil {
                let aggregate = try checker.bindAggregate(expression, rows)
                let hiddenName = Self.hiddenPrefix + String(aggregates.count)
                aggregates.append(aggregate)
                hidden.append(Field(name: hiddenName, type: aggregate.type))
                return Expression(kind: .field(Name(text: hiddenName, range: expression.range)), range: expression.range)
            }
            e.kind = .call(name, try arguments.map { try replacingAggregates(in: $0, &checker, rows) })
        case .unary(let op, let x):
            e.kind = .unary(op, try replacingAggregates(in: x, &checker, rows))
        case .binary(let op, let a, let b):
            e.kind = .binary(op, try replacingAggregates(in: a, &checker, rows), try replacingAggregates(in: b, &checker, rows))
        case .inList(let x, let items, let negated):
            e.kind = .inList(try replacingAggregates(in: x, &checker, rows), try items.map { try replacingAggregates(in: $0, &checker, rows) }, negated: negated)
        case .inQuery(let x, let query, let negated):
            e.kind = .inQuery(try replacingAggregates(in: x, &checker, rows), query, negated: negated)
        case .isNull(let x, let negated):
            e.kind = .isNull(try replacingAggregates(in: x, &checker, rows), negated: negated)
        case .between(let x, let low, let high, let negated):
            e.kind = .between(try replacingAggregates(in: x, &checker, rows), try replacingAggregates(in: low, &checker, rows),
                              try replacingAggregates(in: high, &checker, rows), negated: negated)
        case .conditional(let branches, let otherwise):
            e.kind = .conditional(try branches.map {
                WhenClause(condition: try replacingAggregates(in: $0.condition, &checker, rows), result: try replacingAggregates(in: $0.result, &checker, rows))
            }, otherwise: try otherwise.map { try replacingAggregates(in: $0, &checker, rows) })
        }
        return e
    }
}
