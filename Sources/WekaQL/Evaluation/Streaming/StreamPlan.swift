// How a query streams: its first stages run on each chunk of the source by itself (`where` and the
// projections), one stage after them folds the chunks' partial results into a small one (the sink), and
// the stages after that run in memory on the sink's output, by the ordinary evaluator.

/// What folds the chunks' rows, after the row-wise stages.
enum StreamSinkKind {
    /// `count`, `count by`, `summarize`, with aggregates whose partial results merge exactly.
    case aggregate(AggregatePlan)
    case distinct(columns: [Int])
    /// `sort … limit`, `top`: the first `keep` rows under the sort (limit plus offset).
    case top(keys: [(BoundExpression, descending: Bool)], keep: Int)
    /// `sort by` (without a small `limit`): every row, sorted; `keep` the input columns read after the sort.
    case sorted(keys: [(BoundExpression, descending: Bool)], keep: [Int])
    /// `limit` without a sort: reading stops once the first `keep` rows are in.
    case first(keep: Int)
    /// Nothing folds: the rows the row-wise stages keep are collected.
    case rows
}

/// A query split for streaming over the chunks of its source collection.
struct StreamPlan {
    typealias Stage = (stage: PlanStage, fields: [Field], range: SourceRange)

    /// The collection streamed.
    var collection: String
    /// The stages run on each chunk: filters and projections.
    var prefix: [Stage]
    var sink: StreamSinkKind
    /// The fields of the sink's output.
    var sinkFields: [Field]
    /// The index in the query's stages of the first stage after the sink (or of the sink's own stage
    /// for `first`/`top`, whose `limit` runs again in memory to apply the offset).
    var restStart: Int
    /// Stages the sink leaves to run in memory before those from `restStart` (an aggregate's outputs).
    var restHead: [Stage]
    /// The source columns a chunk must hold (ascending).
    var columns: [Int]
    /// Where the sink's stage is written (for a spill's errors).
    var sinkRange: SourceRange? = nil

    /// The largest `sort … limit` kept per chunk and merged; past it, a sort holds its rows in memory.
    static let largestTop = 65_536

    /// The plan's split, or `nil` when it cannot stream: its source is not a chunked collection, it is
    /// traced, or a stage that reads across rows comes before any sink (or caveats must be checked there).
    init?(_ plan: QueryPlan, dataset: Dataset, parameters: [String: Value]) {
        guard plan.lineage == nil, !plan.columnsAtRunTime, case .collection(let name) = plan.source,
              let collection = dataset[name], let chunks = collection.chunks else { return nil }
        self.collection = collection.name
        var index = 0
        while index < plan.stages.count, Self.isRowWise(plan.stages[index].stage) { index += 1 }
        prefix = Array(plan.stages[..<index])
        let inputFields = prefix.last?.fields ?? chunks.fields
        sinkFields = inputFields
        restHead = []
        sink = .rows
        restStart = index
        if index < plan.stages.count {
            let (stage, fields, range) = plan.stages[index]
            sinkRange = range
            switch stage {
            case .aggregate(let aggregate) where aggregate.aggregates.allSatisfy(Self.merges):
                sink = .aggregate(aggregate)
                restStart = index + 1
                if let outputs = aggregate.outputs {
                    sinkFields = aggregate.groupedFields
                    restHead = [(.project(outputs), fields, range)]
                } else {
                    sinkFields = fields
                }
            case .distinct(let columns):
                sink = .distinct(columns: columns)
                sinkFields = fields
                restStart = index + 1
            case .sort(let keys):
                if index + 1 < plan.stages.count, case .limit(let count, let offset) = plan.stages[index + 1].stage,
                   let keep = Self.rows(count, offset, parameters), keep <= Self.largestTop {
                    sink = .top(keys: keys, keep: keep)
                    restStart = index + 1
                } else if name != JoinStreamSplit.collection {   // a join's rows held for a sort stay budgeted (E0406)
                    sink = .sorted(keys: keys, keep: Self.columnsRead(after: index, in: plan.stages, width: inputFields.count))
                    restStart = index + 1
                }
            case .limit(let count, let offset):
                if let keep = Self.rows(count, offset, parameters), keep > 0 { sink = .first(keep: keep) }
            default: break
            }
        }
        // Caveats are read from the rows entering a stage: those of the streamed stages would need every row.
        // Nothing streams before a stage that needs every row: the collection is read whole, as without streaming.
        if case .rows = sink, prefix.isEmpty, index < plan.stages.count { return nil }
        columns = Self.sourceColumns(prefix: prefix, sink: sink, width: chunks.fields.count)
        let streamed = restStart
        if plan.caveats.contains(where: { $0.key < streamed && !$0.value.isEmpty }) { return nil }
    }

    /// Filters and projections, which read one row at a time (a projection holds no window: windows are stages of their own).
    static func isRowWise(_ stage: PlanStage) -> Bool {
        switch stage {
        case .filter, .project: return true
        default: return false
        }
    }

    /// Whether chunks' partial results of `aggregate` merge into exactly the whole input's result (float
    /// sums too: they are exact until read, see FloatSum); the statistics and lists need every value.
    static func merges(_ aggregate: BoundAggregate) -> Bool {
        switch aggregate.function {
        case .count, .count_if, .count_distinct, .min, .max, .first, .last: return true
        case .sum, .avg: return aggregate.argument.map { [.integer, .decimal, .float, .null].contains($0.type) } ?? false
        default: return false
        }
    }

    /// The input columns the stage after `index` reads: those of a projection or a grouping, else every column.
    static func columnsRead(after index: Int, in stages: [Stage], width: Int) -> [Int] {
        guard index + 1 < stages.count else { return Array(0..<width) }
        var used = Set<Int>()
        switch stages[index + 1].stage {
        case .project(let expressions): expressions.forEach { $0.collectColumns(into: &used) }
        case .aggregate(let aggregate):
            aggregate.keys.forEach { $0.collectColumns(into: &used) }
            aggregate.aggregates.forEach { $0.argument?.collectColumns(into: &used) }
        default: return Array(0..<width)
        }
        return used.sorted()
    }

    /// A `limit` and `offset` as the number of rows to keep, when both are constant whole numbers.
    static func rows(_ count: BoundExpression, _ offset: BoundExpression?, _ parameters: [String: Value]) -> Int? {
        let compiler = ExpressionCompiler(table: Table(fields: [], columns: [], rowCount: 0), parameters: parameters)
        func value(_ e: BoundExpression) -> Int? {
            // A count that does not evaluate before any row (a failing call) is no known count: the
            // stage then runs unstreamed, where the same evaluation reports its error.
            guard let v = try? compiler.compile(e)(0) else { return nil }
            return Evaluator.rowCount(v)
        }
        guard let n = value(count) else { return nil }
        guard let offset else { return n }
        guard let m = value(offset) else { return nil }
        let (total, overflow) = n.addingReportingOverflow(m)
        return overflow ? nil : total
    }

    /// The source columns read: those the stages name up to the first projection (which makes every
    /// later column); without one, those the sink reads, or every column when whole rows are kept.
    static func sourceColumns(prefix: [Stage], sink: StreamSinkKind, width: Int) -> [Int] {
        var used = Set<Int>()
        for (stage, _, _) in prefix {
            switch stage {
            case .filter(let condition, _): condition.collectColumns(into: &used)
            case .project(let expressions):
                expressions.forEach { $0.collectColumns(into: &used) }
                return used.sorted()
            default: break
            }
        }
        switch sink {
        case .aggregate(let aggregate):
            aggregate.keys.forEach { $0.collectColumns(into: &used) }
            aggregate.aggregates.forEach { $0.argument?.collectColumns(into: &used) }
        case .distinct(let columns): used.formUnion(columns)
        case .sorted(let keys, let keep):
            keys.forEach { $0.0.collectColumns(into: &used) }
            used.formUnion(keep)
        case .top, .first, .rows: return Array(0..<width)
        }
        return used.sorted()
    }
}

extension BoundExpression {
    /// Adds the columns this expression reads to `columns`.
    func collectColumns(into columns: inout Set<Int>) {
        switch kind {
        case .column(let c): columns.insert(c)
        case .literal, .parameter: break
        case .negate(let a), .not(let a), .regexMatch(let a, _), .isNull(let a, _), .inSubquery(let a, _, _):
            a.collectColumns(into: &columns)
        case .logical(_, let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b), .textMatch(_, let a, let b),
             .listContains(let a, let b), .regexExtract(let a, _, let b):
            a.collectColumns(into: &columns)
            b.collectColumns(into: &columns)
        case .inList(let a, let list, _):
            a.collectColumns(into: &columns)
            list.forEach { $0.collectColumns(into: &columns) }
        case .between(let a, let b, let c, _):
            [a, b, c].forEach { $0.collectColumns(into: &columns) }
        case .call(_, let arguments): arguments.forEach { $0.collectColumns(into: &columns) }
        case .conditional(let branches, let otherwise):
            for branch in branches {
                branch.condition.collectColumns(into: &columns)
                branch.result.collectColumns(into: &columns)
            }
            otherwise?.collectColumns(into: &columns)
        }
    }
}
