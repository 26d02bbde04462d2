// What of a query can be left to the database when the query itself runs in memory (it mixes a table with
// other data): the columns its source's rows need, and the `where` stages at its start that SQLite can
// compute without any chance of an error. The filters still run in memory after (on fewer rows).

extension QueryPlan {
    /// The source's columns the query reads, or `nil` for all of them (its result or a join carries every one).
    var sourceColumnsRead: Set<Int>? {
        var read = Set<Int>()
        for stage in stages {
            switch stage.stage {
            case .filter(let condition, _): read.formUnion(condition.columnsRead)
            case .sort(let keys): keys.forEach { read.formUnion($0.0.columnsRead) }
            case .limit: break
            case .project(let expressions): return expressions.reduce(into: read) { $0.formUnion($1.columnsRead) }
            case .distinct(let columns): return read.union(columns)
            case .aggregate(let plan):
                plan.keys.forEach { read.formUnion($0.columnsRead) }
                plan.aggregates.forEach { if let argument = $0.argument { read.formUnion(argument.columnsRead) } }
                return read
            case .join, .union, .unnest, .window, .pivot, .unpivot: return nil
            }
        }
        return nil
    }

    /// The `where` stages before any other stage (a filter after a `limit` or `sort` would see other rows).
    var leadingFilters: [BoundExpression] {
        var filters: [BoundExpression] = []
        for stage in stages {
            guard case .filter(let condition, _) = stage.stage else { break }
            filters.append(condition)
        }
        return filters
    }
}

extension BoundExpression {
    /// The input columns the expression reads.
    var columnsRead: Set<Int> {
        switch kind {
        case .column(let index): return [index]
        case .literal, .parameter: return []
        case .negate(let e), .not(let e), .isNull(let e, _), .regexMatch(let e, _): return e.columnsRead
        case .logical(_, let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b), .textMatch(_, let a, let b):
            return a.columnsRead.union(b.columnsRead)
        case .listContains(let a, let b): return a.columnsRead.union(b.columnsRead)
        case .regexExtract(let e, _, let group): return e.columnsRead.union(group.columnsRead)
        case .inSubquery(let e, _, _): return e.columnsRead
        case .inList(let e, let items, _): return items.reduce(e.columnsRead) { $0.union($1.columnsRead) }
        case .between(let e, let low, let high, _): return e.columnsRead.union(low.columnsRead).union(high.columnsRead)
        case .call(_, let arguments): return arguments.reduce([]) { $0.union($1.columnsRead) }
        case .conditional(let branches, let otherwise):
            let inBranches = branches.reduce(Set<Int>()) { $0.union($1.condition.columnsRead).union($1.result.columnsRead) }
            return inBranches.union(otherwise?.columnsRead ?? [])
        }
    }
}
