// The syntax tree: what the parser builds and the checker reads. Every node carries its source range.

/// A parsed script: statements in order, and the file they came from.
public struct Program: Sendable {
    /// The statements that parsed; a statement with a syntax error is left out.
    public var statements: [Statement]
    /// The text they came from.
    public var file: SourceFile
}

/// A name as written, with its place: a collection, a field, a function, a `let` binding.
public struct Name: Hashable, Sendable {
    /// The name, without back-quotes.
    public var text: String
    /// Where it is written.
    public var range: SourceRange
}

/// One statement: a query to print, or `let NAME = QUERY`.
public struct Statement: Sendable {
    /// What kind of statement it is.
    public enum Kind: Sendable {
        /// A query whose result is printed.
        case query(Query)
        /// `let NAME = QUERY`: binds the result for later statements.
        case binding(Name, Query)
        /// `assert QUERY [is empty] [, "message"]`: fails unless the query's rows say it holds.
        case assertion(Assertion)
    }
    /// What kind of statement it is.
    public var kind: Kind
    /// The whole statement.
    public var range: SourceRange
    /// The `explain` keyword, when the statement starts with it: its result is then what each stage did.
    public var explain: SourceRange? = nil

    /// The query of the statement, bound or not.
    public var query: Query {
        switch kind {
        case .query(let q), .binding(_, let q): return q
        case .assertion(let assertion): return assertion.query
        }
    }
}

/// A source (a collection or a `let` name) followed by stages.
public struct Query: Sendable {
    /// The collection or binding the rows come from.
    public var source: Name
    /// The stages, applied in order.
    public var stages: [Stage]
    /// The whole query.
    public var range: SourceRange
    /// `| why` or `| why not EXPR`, after the last stage.
    public var why: WhyClause? = nil
}

/// One stage of a query, such as `where arrested > 2`.
public struct Stage: Sendable {
    /// The stages of the language.
    public enum Kind: Sendable {
        /// `where EXPR`: keeps the rows for which EXPR is true.
        case filter(Expression)
        /// `select EXPR [as NAME], …` (`*` for every column).
        case select([SelectItem])
        /// `sort by EXPR [asc|desc], …` (or `order by`).
        case sort([SortKey])
        /// `limit N [offset M]`.
        case limit(count: Expression, offset: Expression?)
        /// `distinct [FIELD, …]`.
        case distinct([Name])
        /// `count` or `count by KEY, …`.
        case count(by: [GroupKey])
        /// `summarize NAME = EXPR, … [by KEY, …]`, each EXPR over aggregates such as `sum(arrested)`.
        case summarize([Aggregation], by: [GroupKey])
        /// `[left|full|semi|anti] join COLLECTION on KEY, …`, each KEY `FIELD` or `LEFT = RIGHT`.
        case join(JoinClause)
        /// `union [distinct] SOURCE` or `union [distinct] (QUERY)`: the rows of both, columns matched by name.
        case union(UnionClause)
        /// `extend NAME = EXPR, …`: adds columns and keeps the others; a name that exists replaces that
        /// column in place.
        case extend([Assignment])
        /// `rename OLD as NEW, …`: the same columns, some renamed.
        case rename([Renaming])
        /// `drop FIELD, …`: every column but these.
        case drop([Name])
        /// `top N by EXPR [asc|desc], …`: the first N rows in that order (`sort by` then `limit`).
        case top(count: Expression, by: [SortKey])
        /// `chart KIND [x = F] [y = F, …] [by F] [title "…"] [bins = N]`: the last stage, drawing the rows.
        case chart(ChartClause)
        /// `unnest FIELD`: one row per element of a list field, the other columns repeated.
        case unnest(Name)
        /// `pivot FIELD [in (v, …)] using AGG(EXPR) [by FIELD, …]`: a row per group, a column per value.
        case pivot(PivotClause)
        /// `unpivot FIELD, … into NAME, VALUE`: a row per field of each row.
        case unpivot(UnpivotClause)
    }
    /// What the stage does.
    public var kind: Kind
    /// The stage keyword(s), such as `sort by`.
    public var keywordRange: SourceRange
    /// The whole stage.
    public var range: SourceRange
}

/// An item of `select`.
public enum SelectItem: Sendable {
    /// `*`: every column, in order.
    case all(SourceRange)
    /// `EXPR [as NAME]`, or `NAME = EXPR`.
    case expression(Expression, alias: Name?)
}

/// `NAME = EXPR` of `extend`.
public struct Assignment: Sendable {
    /// The column it makes or replaces.
    public var name: Name
    /// Its value, computed from the stage's input row.
    public var expression: Expression
}

/// `OLD as NEW` of `rename`.
public struct Renaming: Sendable {
    /// The field renamed.
    public var old: Name
    /// Its new name.
    public var new: Name
}

/// A key of `sort by`.
public struct SortKey: Sendable {
    /// What to sort on.
    public var expression: Expression
    /// `desc`; nulls sort last either way.
    public var descending: Bool
}

/// `NAME = EXPR` in `summarize`; the name is optional.
public struct Aggregation: Sendable {
    /// The output column name, if written.
    public var name: Name?
    /// An aggregate call such as `sum(arrested)`, or an expression over aggregate calls and the group
    /// keys, such as `round(sum(a) / sum(b), 2)`.
    public var call: Expression
}

/// A key of `count by` or `summarize … by`: a field, or `[NAME =] EXPR` such as `decade = year / 10 * 10`.
public struct GroupKey: Sendable {
    /// The output column name, if written (a key that is not a field is otherwise named by its text).
    public var name: Name?
    /// What the rows are grouped by.
    public var expression: Expression

    /// The field the key is, when it is a bare field and not renamed.
    public var field: Name? {
        guard name == nil, case .field(let field) = expression.kind else { return nil }
        return field
    }
}

/// `[left|full|semi|anti] join COLLECTION on KEY { ("," | "and") KEY }`.
public struct JoinClause: Sendable {
    /// Which rows the join keeps.
    public var kind: JoinKind
    /// The collection or binding joined in.
    public var collection: Name
    /// The pairs of key fields, all of which must be equal for two rows to match.
    public var keys: [JoinKey]

    /// `true` for `left join`: unmatched left rows are kept with nulls on the right.
    public var isLeft: Bool { kind == .left }
}

/// An expression, with its place.
public struct Expression: Sendable {
    /// The forms of expression.
    public indirect enum Kind: Sendable {
        /// A literal: string, integer, decimal, boolean or null.
        case literal(Value)
        /// A field of the current rows.
        case field(Name)
        /// A `$name` placeholder, bound when the query runs.
        case parameter(Name)
        /// `-x` or `not x`.
        case unary(UnaryOperator, Expression)
        /// `x op y`.
        case binary(BinaryOperator, Expression, Expression)
        /// `f(x, …)`.
        case call(Name, [Expression])
        /// `x [not] in (a, b, …)`.
        case inList(Expression, [Expression], negated: Bool)
        /// `x [not] in (QUERY)`: the values of the query's one column.
        case inQuery(Expression, Query, negated: Bool)
        /// `x is [not] null`.
        case isNull(Expression, negated: Bool)
        /// `x [not] between low and high`.
        case between(Expression, Expression, Expression, negated: Bool)
        /// `case when C then A … [else B] end`: the first branch whose condition is true.
        case conditional([WhenClause], otherwise: Expression?)
        /// `f(x, …) over (…)`: an aggregate or rank function over a window of rows.
        case window(WindowCall)
    }
    /// What it is.
    public var kind: Kind { didSet { height = Self.height(of: kind) } }
    /// Where it is.
    public var range: SourceRange
    /// The levels of the tree from here down (1 for a leaf). Kept rather than computed, so that the parser
    /// can bound it cheaply: `a or b or …` deepens the tree without nesting any parse call, and the checker
    /// and evaluator recurse over the tree.
    private(set) var height: Int

    init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = Self.height(of: kind)
    }

    private static func height(of kind: Kind) -> Int {
        switch kind {
        case .literal, .field, .parameter: return 1
        case .unary(_, let e), .isNull(let e, _), .inQuery(let e, _, _): return e.height + 1
        case .binary(_, let a, let b): return max(a.height, b.height) + 1
        case .call(_, let arguments): return (arguments.map(\.height).max() ?? 0) + 1
        case .inList(let e, let items, _): return max(e.height, items.map(\.height).max() ?? 0) + 1
        case .between(let e, let low, let high, _): return max(e.height, low.height, high.height) + 1
        case .conditional(let branches, let otherwise):
            let heights = branches.map { max($0.condition.height, $0.result.height) } + [otherwise?.height ?? 0]
            return (heights.max() ?? 0) + 1
        case .window(let call): return call.height
        }
    }
}

/// `when CONDITION then RESULT` of a `case`.
public struct WhenClause: Sendable {
    /// The branch is taken when this is true (not false, not null).
    public var condition: Expression
    /// The value of the `case` when the branch is taken.
    public var result: Expression
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable, Hashable {
    case negate = "-", not
}

/// Infix operators. Their precedence is the table ``BinaryOperator/precedence``.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case fuzzyEqual = "=~", contains, startsWith = "starts with", endsWith = "ends with", matches
    case concatenate = "||", add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"

    /// Binding strength: higher binds tighter. `not` (prefix) sits between `and` and the comparisons.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual,
             .fuzzyEqual, .contains, .startsWith, .endsWith, .matches: return 4
        // As in SQL: tighter than comparisons, looser than arithmetic ("n: " || a + b adds first).
        case .concatenate: return 5
        case .add, .subtract: return 6
        case .multiply, .divide, .remainder: return 7
        }
    }

    /// The precedence of prefix `not`, and of `in`, `is` and `between`.
    static let notPrecedence = 3
    static let comparisonPrecedence = 4

    /// Whether it compares or matches (non-associative, and yields a boolean).
    var isComparison: Bool { precedence == Self.comparisonPrecedence }
}
