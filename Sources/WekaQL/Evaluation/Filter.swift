// `where`: narrows a selection. Conjunctions narrow step by step; a predicate on one string column is
// decided once per distinct string (dictionary entry), then applied to the codes by table lookup;
// integer comparisons with a constant run as a plain loop; anything else runs the compiled closure.

struct Filter {
    let relation: Relation
    let compiler: ExpressionCompiler
    let cancellation: CancellationToken?

    /// The selected rows for which `condition` is true, in order.
    func apply(_ condition: BoundExpression) throws -> [Int32] {
        try select(condition, from: relation.selection)
    }

    private func select(_ condition: BoundExpression, from selection: [Int32]?) throws -> [Int32] {
        if case .logical(.and, let a, let b) = condition.kind {
            return try select(b, from: try select(a, from: selection))
        }
        if let lookup = dictionaryLookup(condition, rows: selection?.count ?? relation.table.rowCount) {
            let (codes, truth) = lookup
            return scan(selection) { truth[Int(codes[$0]) + 1] }
        }
        if let kernel = integerKernel(condition) {
            return scan(selection, kernel)
        }
        let f = compiler.compile(condition)
        var result: [Int32] = []
        var checked = 0
        try forEach(selection) { row in
            checked += 1
            if checked & 0xFFFF == 0, cancellation?.isCancelled == true { throw Diagnostic.cancelled(range: condition.range) }
            if case .boolean(true) = try f(row) { result.append(Int32(row)) }
        }
        return result
    }

    private func forEach(_ selection: [Int32]?, _ body: (Int) throws -> Void) rethrows {
        if let selection { for row in selection { try body(Int(row)) } }
        else { for row in 0..<relation.table.rowCount { try body(row) } }
    }

    private func scan(_ selection: [Int32]?, _ keep: (Int) -> Bool) -> [Int32] {
        var result: [Int32] = []
        if let selection {
            result.reserveCapacity(selection.count / 4)
            for row in selection where keep(Int(row)) { result.append(row) }
        } else {
            for row in 0..<relation.table.rowCount where keep(row) { result.append(Int32(row)) }
        }
        return result
    }

    /// For a condition that reads exactly one column, a string column: its codes, and the truth of
    /// the condition for null (index 0) and for each dictionary entry (index code + 1).
    /// Worth it only when there are fewer distinct strings than rows to test; if deciding an entry
    /// fails (say, a division by zero), the rows are tested one by one so only real rows can fail.
    private func dictionaryLookup(_ condition: BoundExpression, rows: Int) -> ([Int32], [Bool])? {
        guard let column = condition.singleColumn,
              case .string(let codes, let dictionary) = relation.table.columns[column].storage,
              dictionary.values.count < rows else { return nil }
        // Evaluate the condition over a one-column table holding null, then each distinct string.
        var builder = ColumnBuilder(type: .string, capacity: dictionary.values.count + 1)
        builder.appendNull()
        for value in dictionary.values { builder.append(.string(value)) }
        let entries = builder.build()
        var columns = relation.table.columns.map { _ in Column(storage: .null(entries.count)) }
        columns[column] = entries
        let table = Table(fields: relation.table.fields, columns: columns, rowCount: entries.count)
        let f = ExpressionCompiler(table: table, parameters: compiler.parameters).compile(condition)
        do {
            let truth = try (0..<entries.count).map { row -> Bool in
                if case .boolean(true) = try f(row) { return true }
                return false
            }
            return (codes, truth)
        } catch {
            return nil
        }
    }

    /// `integer-column op constant` as a closure over the raw array.
    private func integerKernel(_ condition: BoundExpression) -> ((Int) -> Bool)? {
        guard case .comparison(let op, let a, let b) = condition.kind,
              case .column(let c) = a.kind, case .integer(let values, let nulls) = relation.table.columns[c].storage else { return nil }
        let constant: Int64
        switch b.kind {
        case .literal(.integer(let i)): constant = i
        case .parameter(let name):
            guard case .integer(let i)? = compiler.parameters[name] else { return nil }
            constant = i
        default: return nil
        }
        let test: (Int64) -> Bool
        switch op {
        case .equal: test = { $0 == constant }
        case .notEqual: test = { $0 != constant }
        case .less: test = { $0 < constant }
        case .lessEqual: test = { $0 <= constant }
        case .greater: test = { $0 > constant }
        default: test = { $0 >= constant }
        }
        if nulls.isEmpty { return { test(values[$0]) } }
        return { !nulls[$0] && test(values[$0]) }
    }
}

extension BoundExpression {
    /// The one column this expression reads, if it reads exactly one (and no parameter-free
    /// surprises: literals and parameters are constants).
    var singleColumn: Int? {
        var found: Int?
        var multiple = false
        visitColumns { column in
            if let f = found, f != column { multiple = true }
            found = column
        }
        return multiple ? nil : found
    }

    func visitColumns(_ body: (Int) -> Void) {
        switch kind {
        case .column(let c): body(c)
        case .literal, .parameter: break
        case .negate(let e), .not(let e), .isNull(let e, _), .regexMatch(let e, _): e.visitColumns(body)
        case .logical(_, let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b), .textMatch(_, let a, let b):
            a.visitColumns(body); b.visitColumns(body)
        case .inList(let e, let items, _): e.visitColumns(body); items.forEach { $0.visitColumns(body) }
        case .between(let e, let l, let h, _): e.visitColumns(body); l.visitColumns(body); h.visitColumns(body)
        case .call(_, let arguments): arguments.forEach { $0.visitColumns(body) }
        }
    }
}
