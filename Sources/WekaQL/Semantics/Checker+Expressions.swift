// The checker's expression half: binds names to columns and gives every expression a type.

extension Checker {
    /// Binds `expression` against the fields of `resolver`. `expecting` types a bare parameter.
    mutating func bind(_ expression: Expression, _ resolver: FieldResolver, expecting: ValueType? = nil) throws -> BoundExpression {
        let range = expression.range
        switch expression.kind {
        case .literal(let value):
            return BoundExpression(kind: .literal(value), type: value.type, range: range)
        case .field(let name):
            let index = try resolver.resolve(name)
            return BoundExpression(kind: .column(index), type: resolver.fields[index].type, range: range)
        case .parameter(let name):
            let expected = expecting ?? .null
            if parameters[name.text] == nil || parameters[name.text] == .null { parameters[name.text] = expected }
            if parameterRanges[name.text] == nil { parameterRanges[name.text] = name.range }
            let type = expecting ?? parameterTypes[name.text] ?? .null
            return BoundExpression(kind: .parameter(name.text), type: type, range: range)
        case .unary(let op, let operand):
            return try bindUnary(op, operand, resolver, range: range)
        case .binary(let op, let left, let right):
            return try bindBinary(op, left, right, resolver, range: range)
        case .call(let name, let arguments):
            return try bindCall(name, arguments, resolver, range: range)
        case .inList(let subject, let items, let negated):
            var boundSubject = try bind(subject, resolver)
            var boundItems = try items.map { try bind($0, resolver, expecting: boundSubject.type) }
            // `$p in (1, 2)`: a parameter subject takes the items' type, as it takes the other side's in `=`.
            boundSubject = try typedByOthers(boundSubject, subject, boundItems, resolver)
            boundItems = try zip(items, boundItems).map { item, bound in
                try requireComparable(boundSubject, subject, bound, item, op: "in")
                return coerced(bound, to: boundSubject.type)
            }
            return BoundExpression(kind: .inList(boundSubject, boundItems, negated: negated), type: .boolean, range: range)
        case .isNull(let subject, let negated):
            return BoundExpression(kind: .isNull(try bind(subject, resolver), negated: negated), type: .boolean, range: range)
        case .between(let subject, let low, let high, let negated):
            var s = try bind(subject, resolver)
            let l = try bind(low, resolver, expecting: s.type), h = try bind(high, resolver, expecting: s.type)
            s = try typedByOthers(s, subject, [l, h], resolver)
            try requireComparable(s, subject, l, low, op: "between")
            try requireComparable(s, subject, h, high, op: "between")
            noteHedges([s], resolver, use: "compared")
            return BoundExpression(kind: .between(s, coerced(l, to: s.type), coerced(h, to: s.type), negated: negated),
                                   type: .boolean, range: range)
        }
    }

    private mutating func bindUnary(_ op: UnaryOperator, _ operand: Expression, _ resolver: FieldResolver,
                                    range: SourceRange) throws -> BoundExpression {
        switch op {
        case .not:
            let bound = try bind(operand, resolver, expecting: .boolean)
            guard bound.type == .boolean || bound.type == .null else {
                throw Diagnostic.operandType(op: "not", expected: "a boolean", found: bound.type, range: operand.range)
            }
            return BoundExpression(kind: .not(bound), type: .boolean, range: range)
        case .negate:
            let bound = try bind(operand, resolver, expecting: .integer)
            guard bound.type.isNumeric else {
                throw Diagnostic.operandType(op: "-", expected: "a number", found: bound.type, range: operand.range)
            }
            // Folded only when it fits: -(-9223372036854775808) is left to overflow, as an error, at run time.
            if case .literal(.integer(let i)) = bound.kind, i != .min { return BoundExpression(kind: .literal(.integer(-i)), type: .integer, range: range) }
            if case .literal(.decimal(let d)) = bound.kind { return BoundExpression(kind: .literal(.decimal(-d)), type: .decimal, range: range) }
            return BoundExpression(kind: .negate(bound), type: bound.type, range: range)
        }
    }

    private mutating func bindBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression,
                                     _ resolver: FieldResolver, range: SourceRange) throws -> BoundExpression {
        switch op {
        case .and, .or:
            let l = try bind(left, resolver, expecting: .boolean), r = try bind(right, resolver, expecting: .boolean)
            for (bound, source) in [(l, left), (r, right)] where bound.type != .boolean && bound.type != .null {
                throw Diagnostic.operandType(op: op.rawValue, expected: "a boolean", found: bound.type, range: source.range)
            }
            return BoundExpression(kind: .logical(op, l, r), type: .boolean, range: range)
        case .add, .subtract, .multiply, .divide, .remainder:
            let l = try bind(left, resolver, expecting: .integer), r = try bind(right, resolver, expecting: .integer)
            for (bound, source) in [(l, left), (r, right)] where !bound.type.isNumeric {
                throw Diagnostic.operandType(op: op.rawValue, expected: "a number", found: bound.type, range: source.range,
                                             hint: op == .add && bound.type == .string ? "join text with concat(a, b)" : nil)
            }
            let type: ValueType = op == .divide || l.type == .decimal || r.type == .decimal ? .decimal : .integer
            noteHedges([l, r], resolver, use: "used in arithmetic")
            return BoundExpression(kind: .arithmetic(op, l, r), type: type, range: range)
        case .fuzzyEqual, .contains, .startsWith, .endsWith, .matches:
            let l = try bind(left, resolver, expecting: .string), r = try bind(right, resolver, expecting: .string)
            for (bound, source) in [(l, left), (r, right)] where bound.type != .string && bound.type != .null {
                throw Diagnostic.operandType(op: op.rawValue, expected: "text", found: bound.type, range: source.range)
            }
            if op == .matches { return try bindRegex(l, r, right, range: range) }
            return BoundExpression(kind: .textMatch(op, l, resolvingAlias(r, of: l, op: op, resolver)), type: .boolean, range: range)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            var l = try bind(left, resolver)
            var r = try bind(right, resolver, expecting: l.type)
            if case .parameter = l.kind { l = try bind(left, resolver, expecting: r.type) }
            try requireComparable(l, left, r, right, op: op.rawValue)
            (l, r) = (coerced(l, to: r.type), coerced(r, to: l.type))
            noteHedges([l, r], resolver, use: "compared")
            return BoundExpression(kind: .comparison(op, l, r), type: .boolean, range: range)
        }
    }

    /// A parameter whose own place leaves its type open (the subject of `in` or `between`) bound again
    /// expecting the type of the first of `others` that has one; any other expression as it is.
    private mutating func typedByOthers(_ bound: BoundExpression, _ expression: Expression, _ others: [BoundExpression],
                                        _ resolver: FieldResolver) throws -> BoundExpression {
        guard case .parameter = bound.kind, let type = others.first(where: { $0.type != .null })?.type else { return bound }
        return try bind(expression, resolver, expecting: type)
    }

    /// `field =~ "the gambia"`: a literal that is an alias of the field's values ("The Gambia") becomes the
    /// value it stands for ("Gambia"), so that the release's own spellings match.
    private func resolvingAlias(_ literal: BoundExpression, of subject: BoundExpression, op: BinaryOperator,
                                _ resolver: FieldResolver) -> BoundExpression {
        guard op == .fuzzyEqual, case .column(let c) = subject.kind, case .literal(.string(let text)) = literal.kind,
              let canonical = resolver.fields[c].canonicalValue(forAlias: text) else { return literal }
        return BoundExpression(kind: .literal(.string(canonical)), type: .string, range: literal.range)
    }

    /// Records a caveat for each operand that is a field whose values the source may qualify.
    mutating func noteHedges(_ operands: [BoundExpression], _ resolver: FieldResolver, use: String) {
        for operand in operands {
            guard case .column(let c) = operand.kind, let qualifier = resolver.fields[c].qualifierField else { continue }
            let qualifierColumn = resolver.fields.firstIndex { $0.name == qualifier }
            caveats.append(.hedged(column: c, field: resolver.fields[c], qualifierColumn: qualifierColumn, use: use, range: operand.range))
        }
    }

    private func bindRegex(_ subject: BoundExpression, _ pattern: BoundExpression, _ source: Expression,
                           range: SourceRange) throws -> BoundExpression {
        guard case .literal(.string(let text)) = pattern.kind else { throw Diagnostic.notConstant(range: source.range, what: "a regular expression in double quotes") }
        do throws(RegexSyntaxError) {
            let program = try RegexProgram(text)
            return BoundExpression(kind: .regexMatch(subject, RegexBox(program, pattern: text)), type: .boolean, range: range)
        } catch {
            throw Diagnostic.invalidRegex(text, error, range: placement(of: error, inLiteral: source.range, text))
        }
    }

    /// Where in the source a pattern's error is: on the offending characters when the literal is written
    /// as the pattern itself (no escapes), else the whole literal.
    private func placement(of error: RegexSyntaxError, inLiteral range: SourceRange, _ pattern: String) -> SourceRange {
        let written = file.bytes[range.start..<min(range.end, file.bytes.count)]
        guard error.length > 0, written.count == pattern.utf8.count + 2, written.dropFirst().dropLast().elementsEqual(pattern.utf8) else {
            return range
        }
        let start = range.start + 1 + error.offset
        return SourceRange(start, start + error.length)
    }

    /// A string literal compared with a date becomes a date literal, so `start_date >= "2022-06-12"` works.
    private func coerced(_ bound: BoundExpression, to type: ValueType) -> BoundExpression {
        guard type == .date, case .literal(.string(let text)) = bound.kind, let date = LocalDate(text) else { return bound }
        return BoundExpression(kind: .literal(.date(date)), type: .date, range: bound.range)
    }

    private func requireComparable(_ l: BoundExpression, _ left: Expression, _ r: BoundExpression, _ right: Expression,
                                   op: String) throws {
        if l.type.isComparable(with: r.type) { return }
        if l.type == .date, case .literal(.string(let text)) = r.kind, LocalDate(text) != nil { return }
        if r.type == .date, case .literal(.string(let text)) = l.kind, LocalDate(text) != nil { return }
        throw Diagnostic.typeMismatch(op: op, left: l, leftText: describe(left), right: r, rightText: describe(right))
    }

    private func describe(_ expression: Expression) -> String {
        switch expression.kind {
        case .field(let name): return "field \"\(name.text)\""
        case .literal(.string(let s)): return JSONText.quote(s)
        case .literal(let v): return v.isNull ? "null" : v.description
        default: return "\"\(file.text(in: expression.range))\""
        }
    }

    private mutating func bindCall(_ name: Name, _ arguments: [Expression], _ resolver: FieldResolver,
                                   range: SourceRange) throws -> BoundExpression {
        let lowered = name.text.lowercased()
        if AggregateFunction(rawValue: lowered) != nil {
            throw Diagnostic.misplacedAggregate(lowered, range: range)
        }
        guard let function = Function(rawValue: lowered) else {
            throw Diagnostic.unknownFunction(name.text, range: name.range,
                                             available: Function.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue))
        }
        guard function.arity.contains(arguments.count) else {
            throw Diagnostic.argumentCount(function.signature, given: arguments.count, range: range)
        }
        let bound = try arguments.indices.map { try bind(arguments[$0], resolver, expecting: function.argumentType(at: $0)) }
        switch function.resultType(bound.map(\.type)) {
        case .success(let type):
            return BoundExpression(kind: .call(function, bound), type: type, range: range)
        case .failure(let mismatch):
            throw Diagnostic.argumentType(function.signature, expected: mismatch.expected,
                                          found: bound[mismatch.index].type, range: arguments[mismatch.index].range)
        }
    }

    /// Binds `AGG(EXPR)` of `summarize`.
    mutating func bindAggregate(_ call: Expression, _ resolver: FieldResolver) throws -> BoundAggregate {
        guard case .call(let name, let arguments) = call.kind,
              let function = AggregateFunction(rawValue: name.text.lowercased()) else {
            throw Diagnostic.notAggregate(range: call.range)
        }
        let signature = function == .count ? "count() or count(value)" : "\(function.rawValue)(value)"
        let allowed = function == .count ? 0...1 : 1...1
        guard allowed.contains(arguments.count) else {
            throw Diagnostic.argumentCount(signature, given: arguments.count, range: call.range)
        }
        let argument = try arguments.first.map { try bind($0, resolver) }
        guard let type = function.resultType(argument?.type) else {
            throw Diagnostic.argumentType(signature, expected: "a number", found: argument?.type ?? .null, range: arguments[0].range)
        }
        if let argument, case .column(let c) = argument.kind {
            if [.sum, .avg, .min, .max].contains(function) {
                noteHedges([argument], resolver, use: function == .sum ? "summed" : function == .avg ? "averaged" : "compared")
            }
            if function == .sum, resolver.fields[c].releaseTotal != nil {
                caveats.append(.partialTotal(column: c, field: resolver.fields[c], range: call.range))
            }
        }
        return BoundAggregate(function: function, argument: argument, type: type, range: call.range)
    }
}
