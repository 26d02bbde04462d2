// The parser's rules for window functions (`… over (…)`) and the `pivot` and `unpivot` stages.

extension Parser {
    // window = call , "over" , "(" , [ "by" , expression list ] , [ ( "sort" | "order" ) , "by" , sort key ,
    //          { "," , sort key } ] , ")" ;
    // The call is parsed already; without "over" it stays a call.
    mutating func parseWindowIfOver(_ call: Expression) throws(StatementFailure) -> Expression {
        guard at(.over), case .call(let name, let arguments) = call.kind else { return call }
        let over = advance()
        try expect(.leftParen, "\"(\" after \"over\"")
        let open = previous
        var partition: [Expression] = []
        if eat(.by) {
            repeat { partition.append(try parseExpression()) } while eat(.comma)
        }
        var order: [SortKey] = []
        if at(.sort) || at(.order) {
            let word = advance()
            guard eat(.by) else { throw failure(.expected("\"by\" after \"\(word.text)\"", found: current, hint: "write \"over (sort by FIELD)\"")) }
            order = try parseSortKeys()
        }
        guard at(.rightParen) else {
            let what = order.isEmpty ? (partition.isEmpty ? "\"by\", \"sort by\" or \")\" in \"over (…)\"" : "\",\", \"sort by\" or \")\"") : "\",\" or \")\""
            throw failure(.expected(what, found: current, hint: "a window reads: over (by FIELD, … sort by FIELD [desc], …)"))
        }
        try expectClosing(open)
        let window = WindowCall(function: name, arguments: arguments, partition: partition, order: order, overRange: over.range)
        return Expression(kind: .window(window), range: range(from: call.range.start))
    }

    // pivot = "pivot" , field , [ "in" , "(" , expression list , ")" ] , "using" , expression ,
    //         [ "by" , field , { "," , field } ] ;
    mutating func parsePivot(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let column = try parseName("the field whose values become columns")
        var values: [Expression]?
        if eat(.in) {
            try expect(.leftParen, "\"(\" after \"in\"")
            let open = previous
            var items: [Expression] = []
            repeat { items.append(try parseExpression()) } while eat(.comma)
            try expectClosing(open)
            values = items
        }
        guard eat(.using) else {
            throw failure(.expected("\"using\" and an aggregate", found: current, hint: "write \"pivot \(column.text) using count() by FIELD\""))
        }
        let aggregate = try parseExpression()
        let keys = eat(.by) ? try parseFieldList() : []
        let clause = PivotClause(column: column, values: values, aggregate: aggregate, keys: keys)
        return stage(.pivot(clause), start, keywordEnd: keyword.range.end)
    }

    // unpivot = "unpivot" , field , { "," , field } , "into" , new name , "," , new name ;
    mutating func parseUnpivot(_ start: Int) throws(StatementFailure) -> Stage {
        let keyword = advance()
        let fields = try parseFieldList()
        guard eat(.into) else {
            throw failure(.expected("\"into\" and two new column names", found: current, hint: "write \"unpivot a, b into field, value\""))
        }
        let nameColumn = try parseName("a name for the column of field names")
        try expect(.comma, "\",\" and a name for the column of values")
        let valueColumn = try parseName("a name for the column of values")
        let clause = UnpivotClause(fields: fields, nameColumn: nameColumn, valueColumn: valueColumn)
        return stage(.unpivot(clause), start, keywordEnd: keyword.range.end)
    }
}
