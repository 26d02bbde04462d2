// Window functions in `extend` and `select`: each `f(…) over (…)` is taken out of its expression and
// computed before the stage into a hidden column, which the expression then reads like a field.

extension Checker {
    /// Names of hidden window columns start with a character no query can write in a name.
    static let windowPrefix = "\u{1}w"

    /// The plan of an `extend` or `select` that has window functions: a window stage, then the projection
    /// over the input and the window columns. `nil` for any other stage.
    mutating func planWindows(_ stage: Stage, _ resolver: FieldResolver) throws -> ([PlanStage], [Field])? {
        var windows: [BoundWindow] = []
        var hidden: [Field] = []
        func extract(_ expression: Expression) throws -> Expression {
            try expression.replacingWindows { call, range in
                let window = try self.bindWindow(call, range: range, resolver)
                let name = Self.windowPrefix + String(windows.count)
                windows.append(window)
                hidden.append(Field(name: name, type: window.type))
                return Expression(kind: .field(Name(text: name, range: range)), range: range)
            }
        }
        let rewritten: Stage.Kind
        switch stage.kind {
        case .extend(let assignments):
            rewritten = .extend(try assignments.map { Assignment(name: $0.name, expression: try extract($0.expression)) })
        case .select(let items):
            rewritten = .select(try items.map { item in
                guard case .expression(let expression, let alias) = item else { return item }
                // A window column unnamed is named by its text, as any computed column is.
                let named = alias ?? (expression.hasWindow ? Name(text: resolver.sourceText(expression.range), range: expression.range) : nil)
                return .expression(try extract(expression), alias: named)
            })
        default:
            return nil
        }
        guard !windows.isEmpty else { return nil }
        let widened = FieldResolver(fields: resolver.fields + hidden, context: resolver.context, file: file, earlier: resolver.earlier)
        let checked: (PlanStage, [Field])
        switch rewritten {
        case .extend(let assignments): checked = try checkExtend(assignments, widened)
        case .select(let items): checked = try checkSelect(items, widened)
        default: return nil
        }
        guard case .project(let expressions) = checked.0 else { return nil }
        // `extend` copies every input column and `select *` names them all: the hidden ones are left out.
        let kept = checked.1.indices.filter { !checked.1[$0].name.hasPrefix(Self.windowPrefix) }
        let plan = WindowPlan(windows: windows, fields: hidden)
        return ([.window(plan), .project(kept.map { expressions[$0] })], kept.map { checked.1[$0] })
    }

    /// Binds `f(…) over (…)` against the rows entering the stage.
    mutating func bindWindow(_ call: WindowCall, range: SourceRange, _ resolver: FieldResolver) throws -> BoundWindow {
        let place = windowPlace
        windowPlace = "the arguments or keys of another window function"
        defer { windowPlace = place }
        let partition = try call.partition.map { try bind($0, resolver) }
        let order = try call.order.map { (try bind($0.expression, resolver), descending: $0.descending) }
        let specification = (call.partition.map { resolver.sourceText($0.range) }
            + ["sort"] + call.order.map { resolver.sourceText($0.expression.range) + ($0.descending ? " desc" : "") })
            .joined(separator: "\u{1}")
        func window(_ computation: BoundWindow.Computation, _ type: ValueType) -> BoundWindow {
            BoundWindow(computation: computation, partition: partition, order: order, specification: specification, type: type, range: range)
        }
        let lowered = call.function.text.lowercased()
        if AggregateFunction(rawValue: lowered) != nil {
            let aggregate = try bindAggregate(Expression(kind: .call(call.function, call.arguments), range: range), resolver)
            return window(.aggregate(aggregate), aggregate.type)
        }
        guard let function = WindowFunction(rawValue: lowered) else {
            throw Diagnostic.notWindowFunction(call.function.text, range: call.function.range)
        }
        guard function.arity.contains(call.arguments.count) else {
            throw Diagnostic.argumentCount(function.signature, given: call.arguments.count, range: range)
        }
        switch function {
        case .row_number: return window(.rowNumber, .integer)
        case .rank: return window(.rank, .integer)
        case .dense_rank: return window(.denseRank, .integer)
        case .lag, .lead:
            let value = try bind(call.arguments[0], resolver)
            var offset = 1
            if call.arguments.count > 1 {
                let bound = try bind(call.arguments[1], resolver, expecting: .integer)
                guard case .literal(.integer(let n)) = bound.kind, n >= 0 else {
                    throw Diagnostic.notConstant(range: call.arguments[1].range, what: "a number of rows, 0 or more (a constant)")
                }
                offset = Int(clamping: n)
            }
            return window(.shifted(value, offset: function == .lag ? -offset : offset), value.type)
        }
    }
}

extension Expression {
    /// Whether a window function is in it.
    var hasWindow: Bool {
        var found = false
        _ = try? replacingWindows { _, range in   // the closure never throws: only looking
            found = true
            return Expression(kind: .literal(.null), range: range)
        }
        return found
    }

    /// The expression with each window call replaced by what `replace` makes of it; the rest as it is.
    func replacingWindows(_ replace: (WindowCall, SourceRange) throws -> Expression) throws -> Expression {
        func walk(_ e: Expression) throws -> Expression { try e.replacingWindows(replace) }
        var e = self
        switch kind {
        case .literal, .field, .parameter: return self
        case .window(let call): return try replace(call, range)
        case .call(let name, let arguments): e.kind = .call(name, try arguments.map(walk))
        case .unary(let op, let x): e.kind = .unary(op, try walk(x))
        case .binary(let op, let a, let b): e.kind = .binary(op, try walk(a), try walk(b))
        case .inList(let x, let items, let negated): e.kind = .inList(try walk(x), try items.map(walk), negated: negated)
        case .inQuery(let x, let query, let negated): e.kind = .inQuery(try walk(x), query, negated: negated)
        case .isNull(let x, let negated): e.kind = .isNull(try walk(x), negated: negated)
        case .between(let x, let low, let high, let negated):
            e.kind = .between(try walk(x), try walk(low), try walk(high), negated: negated)
        case .conditional(let branches, let otherwise):
            e.kind = .conditional(try branches.map { WhenClause(condition: try walk($0.condition), result: try walk($0.result)) },
                                  otherwise: try otherwise.map(walk))
        }
        return e
    }
}
