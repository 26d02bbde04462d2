// The checked plan: what the checker hands the evaluator. Names are column indexes; every expression is typed.

/// An expression with every name resolved and its type known.
struct BoundExpression: Sendable {
    indirect enum Kind: Sendable {
        case column(Int)
        case literal(Value)
        case parameter(String)
        case negate(BoundExpression)
        case not(BoundExpression)
        case logical(BinaryOperator, BoundExpression, BoundExpression)
        case arithmetic(BinaryOperator, BoundExpression, BoundExpression)
        case comparison(BinaryOperator, BoundExpression, BoundExpression)
        /// `=~`, `contains`, `starts with`, `ends with`: compared after ``Folding/fold(_:)``.
        case textMatch(BinaryOperator, BoundExpression, BoundExpression)
        case regexMatch(BoundExpression, RegexBox)
        case inList(BoundExpression, [BoundExpression], negated: Bool)
        /// `x [not] in (QUERY)`: the values of ``QueryPlan/subqueries``[index], found before the stages run.
        case inSubquery(BoundExpression, index: Int, negated: Bool)
        case isNull(BoundExpression, negated: Bool)
        case between(BoundExpression, BoundExpression, BoundExpression, negated: Bool)
        case call(Function, [BoundExpression])
        /// `case` and `if`: the result of the first branch whose condition is true, else `otherwise`
        /// (null when there is none). Each branch is evaluated only for the rows that reach it.
        case conditional([BoundBranch], otherwise: BoundExpression?)
        /// `LIST contains VALUE`: whether an element equals the value (see Checker+Lists.swift).
        case listContains(BoundExpression, BoundExpression)
        /// `regex_extract(x, pattern, group)`: the text of the group in the first match, else null.
        case regexExtract(BoundExpression, RegexBox, group: BoundExpression)
    }
    var kind: Kind
    var type: ValueType
    var range: SourceRange
}

/// `when CONDITION then RESULT`, checked.
struct BoundBranch: Sendable {
    var condition: BoundExpression
    var result: BoundExpression
}

/// A compiled regular expression, shared between tasks (matching does not mutate it).
final class RegexBox: Sendable {
    let program: RegexProgram
    /// The pattern, when it has no special characters: it then matches as a plain substring search.
    let literal: [UInt8]?
    /// The pattern as written, for SQL engines that run it themselves.
    let pattern: String

    init(_ program: RegexProgram, pattern: String) {
        self.program = program
        self.pattern = pattern
        let special: Set<Unicode.Scalar> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]
        literal = pattern.unicodeScalars.contains(where: special.contains) ? nil : Array(pattern.utf8)
    }
}

/// An aggregate of `summarize` or `count`.
struct BoundAggregate: Sendable {
    var function: AggregateFunction
    /// `nil` for `count()`.
    var argument: BoundExpression?
    /// The constant second argument: the fraction of `percentile`, the separator of `string_agg`.
    var constant: Value? = nil
    var type: ValueType
    var range: SourceRange
}

/// `count by` and `summarize`: group the rows by `keys`, fold `aggregates` per group, and, when the items
/// are expressions over aggregates (`round(sum(a) / sum(b), 2)`), compute `outputs` over the grouped table.
struct AggregatePlan: Sendable {
    /// What the rows are grouped by, over the input: columns, or expressions (`year(start_date)`).
    var keys: [BoundExpression]
    var aggregates: [BoundAggregate]
    /// The grouped table's fields: a column per key, then one per aggregate.
    var groupedFields: [Field]
    /// The output columns over the grouped table, or `nil` when it is the output as it is.
    var outputs: [BoundExpression]?
}

/// A string comparison in a `where`, kept to explain an empty result ("did you mean …").
struct NoMatchProbe: Sendable {
    var column: Int
    var fieldName: String
    var literal: String
    var folded: Bool
    /// The value the literal stands for when it is an alias of the field ("DRC"), suggested before any near value.
    var aliasOf: String?
    var range: SourceRange
}

/// A use of a field that the result must be read with care for; the evaluator checks it against the stage's input rows.
enum Caveat: Sendable {
    /// A sum, average, minimum, maximum, comparison or arithmetic (`use`) over a field whose values the
    /// source may qualify; `qualifierColumn` is where the row's hedge is, when the field's qualifier is in the rows.
    case hedged(column: Int, field: Field, qualifierColumn: Int?, use: String, range: SourceRange)
    /// A sum of a field whose rows are only part of a total the source gives (``Field/releaseTotal``).
    case partialTotal(column: Int, field: Field, range: SourceRange)
}

/// Where a query's rows come from.
enum SourceReference: Sendable, Hashable {
    case collection(String)
    case binding(String)
}

/// One checked stage.
enum PlanStage: Sendable {
    case filter(BoundExpression, probes: [NoMatchProbe])
    case project([BoundExpression])
    case sort([(BoundExpression, descending: Bool)])
    case limit(count: BoundExpression, offset: BoundExpression?)
    case distinct(columns: [Int])
    case aggregate(AggregatePlan)
    case join(JoinPlan)
    /// `unnest FIELD`: a row per element of the list in `column` (see Evaluator+Unnest.swift).
    case unnest(column: Int)
    case union(UnionPlan)
    /// Window functions, each computed into a column added after the input's (Plan+Reshaping.swift).
    case window(WindowPlan)
    case pivot(PivotPlan)
    case unpivot(UnpivotPlan)
}

/// A checked join: the right side, the key columns of each side (pairwise), and which right columns are kept.
struct JoinPlan: Sendable {
    var right: SourceReference
    var kind: JoinKind
    var leftKeys: [Int]
    var rightKeys: [Int]
    var rightColumns: [Int]
    /// For `full join`: left key columns whose same-named right key was dropped, each with that right
    /// key, so that an unmatched right row still shows its key there.
    var sharedKeys: [(left: Int, right: Int)] = []
    var range: SourceRange
}

/// A checked query: its source, stages, and the fields of its result after each stage.
struct QueryPlan: Sendable {
    var source: SourceReference
    var sourceName: String
    var stages: [(stage: PlanStage, fields: [Field], range: SourceRange)]
    /// The fields of the result.
    var fields: [Field]
    /// The parameters it uses, with the type each is expected to have (`.null` when any fits).
    var parameters: [String: ValueType]
    /// Where each parameter is first used, for "no value given" errors.
    var parameterRanges: [String: SourceRange] = [:]
    /// The caveats of each stage, by the stage's index, checked against the rows entering it.
    var caveats: [Int: [Caveat]] = [:]
    /// What its last stage, `chart`, draws.
    var chart: ChartSpec? = nil
    /// The queries of `in (QUERY)` in its stages, run before the stages (they do not read the outer rows).
    var subqueries: [QueryPlan] = []
    /// After a `pivot` without `in (…)`: the result's value columns are named when it runs, and `fields`
    /// holds only its keys.
    var columnsAtRunTime = false
    /// `| why` or `| why not EXPR` at the end: the result is then the lineage, and `fields` its fields.
    var lineage: LineageRequest? = nil
    /// The text the ranges point into, for `explain` and `why not` to quote the stages as written.
    var file: SourceFile? = nil
}

/// A checked statement.
struct StatementPlan: Sendable {
    var query: QueryPlan
    /// The name it binds, for `let`.
    var binding: String?
    var range: SourceRange
    /// What an `assert` statement checks of the query's rows.
    var assertion: AssertionPlan? = nil
    /// `explain QUERY`: the result is what each stage did.
    var explain = false
}
