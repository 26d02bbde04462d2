// Window functions as SQL `OVER (PARTITION BY … ORDER BY …)`: the order is wekaql's (nulls last in both
// directions, text by code point), ties in the rows' order for the functions that number or look at
// rows (`row_number`, `lag`, `lead`). An aggregate's frame is SQL's default, as wekaql's: with `sort by`
// the rows up to the current row's last peer, so its order has no tie-breaker; without, the partition.

extension SQLWriter {
    /// The window stage: the input's columns, then a column per window.
    mutating func windowed(_ input: SQLRelation, _ plan: WindowPlan) throws(Diagnostic) -> SQLRelation {
        var items = (0..<input.width).map { column($0) }
        for (index, window) in plan.windows.enumerated() {
            items.append(try windowFunction(window) + " AS " + column(input.width + index))
        }
        return relation("SELECT \(items.joined(separator: ", ")), \(ordinal) FROM \(input.name)", width: input.width + plan.windows.count)
    }

    private mutating func windowFunction(_ window: BoundWindow) throws(Diagnostic) -> String {
        let integer = dialect.typeName(.integer)
        switch window.computation {
        case .rowNumber:
            return "CAST(row_number() OVER \(try over(window, tieBreak: true)) AS \(integer))"
        case .rank:
            return "CAST(rank() OVER \(try over(window, tieBreak: false)) AS \(integer))"
        case .denseRank:
            return "CAST(dense_rank() OVER \(try over(window, tieBreak: false)) AS \(integer))"
        case .shifted(let value, let offset):
            let x = try expression(value)
            let distance = bind(.integer(Int64(offset.magnitude)), as: .integer)
            let count = dialect == .sqlite ? distance : "CAST(\(distance) AS INTEGER)"   // PostgreSQL's lag takes an integer
            return "\(offset < 0 ? "lag" : "lead")(\(x), \(count)) OVER \(try over(window, tieBreak: true))"
        case .aggregate(let aggregate):
            return try windowAggregate(aggregate, over: try over(window, tieBreak: false), range: window.range)
        }
    }

    /// `(PARTITION BY … ORDER BY …)`; with `tieBreak`, rows of equal keys in their order.
    private mutating func over(_ window: BoundWindow, tieBreak: Bool) throws(Diagnostic) -> String {
        var parts: [String] = []
        if !window.partition.isEmpty {
            var keys: [String] = []
            for key in window.partition { keys.append(try expression(key)) }
            parts.append("PARTITION BY " + keys.joined(separator: ", "))
        }
        var order: [String] = []
        for (key, descending) in window.order {
            let x = try expression(key)
            order.append((key.type.ordersAsText ? dialect.codePointOrder(x) : x) + (descending ? " DESC" : "") + " NULLS LAST")
        }
        if tieBreak { order.append(ordinal) }
        if !order.isEmpty { parts.append("ORDER BY " + order.joined(separator: ", ")) }
        return "(" + parts.joined(separator: " ") + ")"
    }

    /// The aggregates whose SQL window function computes what wekaql's does; others have no SQL (E1000).
    private mutating func windowAggregate(_ a: BoundAggregate, over: String, range: SourceRange) throws(Diagnostic) -> String {
        guard let argument = a.argument else { return "count(*) OVER \(over)" }
        if a.addsDoubles { addsFloats = true }
        let x = try expression(argument)
        switch a.function {
        case .count: return "count(\(x)) OVER \(over)"
        case .count_if: return "count(CASE WHEN \(x) THEN 1 END) OVER \(over)"
        case .sum:
            mayFail = true
            let sum = "sum(\(x)) OVER \(over)"
            return argument.type == .integer && dialect != .sqlite && dialect != .spark ? "CAST(\(sum) AS \(dialect.typeName(.integer)))" : sum
        case .avg:
            if let mean = dialect.floatMean(of: argument.type, sum: "sum(\(x)) OVER \(over)", count: "count(\(x)) OVER \(over)") {
                mayFail = true
                return mean
            }
            return "CAST(avg(\(x)) OVER \(over) AS \(dialect.typeName(.float)))"
        case .min, .max:
            if dialect == .postgres && argument.type == .boolean { return "\(a.function == .min ? "bool_and" : "bool_or")(\(x)) OVER \(over)" }
            return "\(a.function.rawValue)(\(argument.type == .string ? dialect.codePointOrder(x) : x)) OVER \(over)"
        default:
            throw Diagnostic.noSQL("\(a.function.rawValue)() over (…)", dialect, range: range)
        }
    }
}
