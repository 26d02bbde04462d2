// Which stages read the order of the rows they are given, so that a source's position `o` is computed only
// when something reads it. A table's rows are numbered by a window over the whole table (`row_number() OVER
// ()` on PostgreSQL), which costs a pass and keeps the engine from filtering while it scans; where no stage
// reads that number, the source gives the constant 0 instead, and the result is the same: the rows a stage
// keeps and the values it computes do not depend on it, and every later `o` is numbered again (by a group's
// keys, by `1` for a whole-table aggregate) before anything reads it.

extension QueryPlan {
    /// Whether the order of the source's rows is read, and of each stage's result, when the order of the
    /// plan's result is read (`resultOrderRead`) or not (the rows of `x in (QUERY)`).
    func orderReads(resultOrderRead: Bool) -> (source: Bool, stages: [Bool]) {
        var read = resultOrderRead
        var stagesRead = [Bool](repeating: false, count: stages.count)
        for index in stages.indices.reversed() {
            stagesRead[index] = read
            read = stages[index].stage.readsInputOrder(outputOrderRead: read)
        }
        return (read, stagesRead)
    }

    /// Whether every plan the statement for this one reads (itself, the `let` plans of `bindings` it names,
    /// its union sides and `in (QUERY)` subqueries, through one another) has only stages for which
    /// ``PlanStage/takesTupleIDs``.
    func takesTupleIDs(bindings: [String: QueryPlan]) -> Bool {
        func named(_ reference: SourceReference) -> QueryPlan? {
            if case .binding(let name) = reference { return bindings[name] } else { return nil }
        }
        var read: [QueryPlan] = [named(source)].compactMap { $0 } + subqueries
        for stage in stages {
            guard stage.stage.takesTupleIDs else { return false }
            if case .join(let join) = stage.stage, let plan = named(join.right) { read.append(plan) }
        }
        return read.allSatisfy { $0.takesTupleIDs(bindings: bindings) }
    }
}

extension PlanStage {
    /// Whether the stage reads the order of its input rows, given whether its own result's order is read.
    /// A `limit` keeps the first rows, a window numbers or looks at rows in their order (ties in `o`), and
    /// first/last/string_agg/list() take the rows in order; a `sort` breaks ties by the input's order, and
    /// the others keep it, which matters only when their result's order is read. Aggregates number their
    /// groups by their keys, so their input's order matters only to the order-taking aggregates.
    func readsInputOrder(outputOrderRead: Bool) -> Bool {
        switch self {
        case .limit, .window: return true
        case .aggregate(let plan): return plan.aggregates.contains(where: \.function.takesRowOrder)
        case .pivot(let plan): return plan.aggregate.function.takesRowOrder
        case .filter, .project, .sort, .distinct, .join, .union, .unnest, .unpivot: return outputOrderRead
        }
    }

    /// Whether `o` may be PostgreSQL's `ctid` through this stage: not where it is aggregated (`min(o)` of a
    /// `distinct`: PostgreSQL 12 and 13 have no `min` of a tid) or meets another relation's `o` in a
    /// `UNION ALL`, whose types must agree.
    var takesTupleIDs: Bool {
        switch self {
        case .distinct, .union: return false
        default: return true
        }
    }
}

extension AggregateFunction {
    /// Whether the aggregate's value depends on the order of its rows (its SQL orders them by `o`).
    var takesRowOrder: Bool {
        switch self {
        case .first, .last, .string_agg, .list: return true
        default: return false
        }
    }
}

extension BoundAggregate {
    /// Whether its SQL adds doubles (a float's sum, mean, deviation; a decimal's deviation, computed on
    /// doubles), whose last digits depend on the order the rows are added in. Integer and decimal sums are exact.
    var addsDoubles: Bool {
        guard let type = argument?.type else { return false }
        switch function {
        case .sum, .avg: return type != .integer && type != .decimal
        case .stddev, .variance: return type != .integer
        default: return false
        }
    }
}
