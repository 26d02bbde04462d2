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
        case .inQuery(let subject, let query, let negated):
            return try bindInSubquery(subject, query, negated: negated, resolver, range: range)
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
        case .conditional(let branches, let otherwise):
            return try bindConditional(branches.map { ($0.condition, $0.result) }, otherwise: otherwise, "case", resolver, range: range)
        case .window(let call):
            throw Diagnostic.misplacedWindow(call.function.text, place: windowPlace, range: range)
        }
    }

    /// `case` and `if`: each condition a boolean, and the branches of one type (integer and decimal make
    /// a decimal; null fits any), so that the column has one type whichever branch a row takes.
    private mutating func bindConditional(_ branches: [(Expression, Expression)], otherwise: Expression?, _ what: String,
                                          _ resolver: FieldResolver, range: SourceRange) throws -> BoundExpression {
        var bound: [BoundBranch] = []
        var type = ValueType.null
        var firstTyped: Expression?
        func unify(_ result: BoundExpression, _ source: Expression) throws {
            guard let unified = type.unified(with: result.type) else {
                throw Diagnostic.branchType(what, found: result.type, expected: type, range: source.range,
                                            earlier: firstTyped.map { file.text(in: $0.range) } ?? "")
            }
            if firstTyped == nil, result.type != .null { firstTyped = source }
            type = unified
        }
        for (condition, result) in branches {
            let c = try bind(condition, resolver, expecting: .boolean)
            guard c.type == .boolean || c.type == .null else {
                throw Diagnostic.notBoolean(type: c.type, range: condition.range, place: what == "if" ? "if" : "when")
            }
            let r = try bind(result, resolver)
            try unify(r, result)
            bound.append(BoundBranch(condition: c, result: r))
        }
        let boundOtherwise = try otherwise.map { try bind($0, resolver) }
        if let boundOtherwise, let otherwise { try unify(boundOtherwise, otherwise) }
        return BoundExpression(kind: .conditional(bound, otherwise: boundOtherwise), type: type, range: range)
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
            if case .literal(.decimal(let d)) = bound.kind, let negated = d.negated { return BoundExpression(kind: .literal(.decimal(negated)), type: .decimal, range: range) }
            if case .literal(.float(let d)) = bound.kind { return BoundExpression(kind: .literal(.float(-d)), type: .float, range: range) }
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
        case .concatenate:
            // Any value joins as its text, as in DuckDB (`"n" || 1` is "n1"); a null side makes null, as in SQL.
            let l = try bind(left, resolver, expecting: .string), r = try bind(right, resolver, expecting: .string)
            return BoundExpression(kind: .arithmetic(op, l, r), type: .string, range: range)
        case .add, .subtract, .multiply, .divide, .remainder:
            let l = try bind(left, resolver, expecting: .integer), r = try bind(right, resolver, expecting: .integer)
            if op == .add || op == .subtract, l.type == .date || r.type == .date { return try bindDateArithmetic(op, l, left, r, right, range: range) }
            for (bound, source) in [(l, left), (r, right)] where !bound.type.isNumeric {
                throw Diagnostic.operandType(op: op.rawValue, expected: "a number", found: bound.type, range: source.range,
                                             hint: op == .add && bound.type == .string ? "join text with a || b" : nil)
            }
            let type = ValueType.arithmeticResult(op, l.type, r.type)
            noteHedges([l, r], resolver, use: "used in arithmetic")
            return BoundExpression(kind: .arithmetic(op, l, r), type: type, range: range)
        case .fuzzyEqual, .contains, .startsWith, .endsWith, .matches:
            let l = try bind(left, resolver, expecting: .string)
            if op == .contains, l.type.isList { return try bindListContains(l, right, resolver, range: range) }
            let r = try bind(right, resolver, expecting: .string)
            for (bound, source) in [(l, left), (r, right)] where bound.type != .string && bound.type != .null {
                throw Diagnostic.operandType(op: op.rawValue, expected: "text", found: bound.type, range: source.range,
                                             hint: Self.listOperandHint(bound.type))
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

    /// `date - date` is the integer number of days between them; `date + n`, `n + date` and `date - n` add days.
    private func bindDateArithmetic(_ op: BinaryOperator, _ l: BoundExpression, _ left: Expression,
                                    _ r: BoundExpression, _ right: Expression, range: SourceRange) throws -> BoundExpression {
        let l = try dateLiteral(l), r = try dateLiteral(r)
        let type: ValueType
        switch (op, l.type, r.type) {
        case (.subtract, .date, .date): type = .integer
        case (.add, .date, .integer), (.add, .date, .null), (.add, .integer, .date), (.add, .null, .date),
             (.subtract, .date, .integer), (.subtract, .date, .null): type = .date
        default:
            let (bound, source) = l.type == .date ? (r, right) : (l, left)
            let what = op == .subtract && bound.type != .date ? "a date or a whole number of days" : "a whole number of days"
            throw Diagnostic.operandType(op: op.rawValue, expected: l.type == .date || op != .subtract ? what : "a date",
                                         found: bound.type, range: bound.type == .date ? left.range : source.range,
                                         hint: Self.dateArithmeticHint(op, bound, source: file.text(in: source.range)))
        }
        return BoundExpression(kind: .arithmetic(op, l, r), type: type, range: range)
    }

    private static func dateArithmeticHint(_ op: BinaryOperator, _ operand: BoundExpression, source: String) -> String {
        if LocalDate.looksLikeUnquotedDate(source) { return "put the date in double quotes: \"\(source)\"" }
        return "date + n adds n days; date - date is the number of days between; date_diff(\"month\", a, b) counts months"
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
    func placement(of error: RegexSyntaxError, inLiteral range: SourceRange, _ pattern: String) -> SourceRange {
        let written = file.bytes[range.start..<min(range.end, file.bytes.count)]
        guard error.length > 0, written.count == pattern.utf8.count + 2, written.dropFirst().dropLast().elementsEqual(pattern.utf8) else {
            return range
        }
        let start = range.start + 1 + error.offset
        return SourceRange(start, start + error.length)
    }

    /// A string literal where a date belongs (`end_date - "2022-06-01"`, `date_diff("day", "2022-06-01", d)`)
    /// becomes a date literal before the query runs; one that is no date is an error here.
    private func dateLiteral(_ bound: BoundExpression) throws -> BoundExpression {
        guard case .literal(.string(let text)) = bound.kind else { return bound }
        guard let date = LocalDate(text) else { throw Diagnostic.invalidDate(text, range: bound.range) }
        return BoundExpression(kind: .literal(.date(date)), type: .date, range: bound.range)
    }

    /// A string literal compared with a date becomes a date literal, so `start_date >= "2022-06-12"` works.
    private func coerced(_ bound: BoundExpression, to type: ValueType) -> BoundExpression {
        guard type == .date, case .literal(.string(let text)) = bound.kind, let date = LocalDate(text) else { return bound }
        return BoundExpression(kind: .literal(.date(date)), type: .date, range: bound.range)
    }

    private func requireComparable(_ l: BoundExpression, _ left: Expression, _ r: BoundExpression, _ right: Expression,
                                   op: String) throws {
        if l.type.isComparable(with: r.type) { return }
        for (date, other) in [(l, r), (r, l)] where date.type == .date {
            guard case .literal(.string(let text)) = other.kind else { continue }
            if LocalDate(text) != nil { return }
            throw Diagnostic.invalidDate(text, range: other.range)
        }
        let unquoted = [left, right].map { file.text(in: $0.range) }.first(where: LocalDate.looksLikeUnquotedDate)
        throw Diagnostic.typeMismatch(op: op, left: l, leftText: describe(left), right: r, rightText: describe(right),
                                      hint: unquoted.map { "put the date in double quotes: \"\($0)\"" }
                                          ?? Self.listOperandHint(l.type) ?? Self.listOperandHint(r.type))
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
            throw Diagnostic.misplacedAggregate(lowered, range: range, windowHint: ["\"extend\"", "\"select\""].contains(windowPlace))
        }
        if WindowFunction(rawValue: lowered) != nil { throw Diagnostic.windowNeedsOver(lowered, range: range) }
        guard let function = Function(rawValue: lowered) else {
            throw Diagnostic.unknownFunction(name.text, range: name.range,
                                             available: Function.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue))
        }
        guard function.arity.contains(arguments.count) else {
            throw Diagnostic.argumentCount(function.signature, given: arguments.count, range: range)
        }
        if function == .regex_extract { return try bindRegexExtract(arguments, resolver, range: range) }
        if function == .if {
            return try bindConditional([(arguments[0], arguments[1])], otherwise: arguments[2], "if", resolver, range: range)
        }
        var bound = try arguments.indices.map { index in
            let argument = try bind(arguments[index], resolver, expecting: function.argumentType(at: index))
            return function.argumentType(at: index) == .date ? try dateLiteral(argument) : argument
        }
        if function == .date_trunc || function == .date_diff {
            bound[0] = try bindUnit(bound[0], arguments[0], function)
        }
        switch function.resultType(bound.map(\.type)) {
        case .success(let type):
            if let cast = function.cast { try cast.checkConstant(bound[0], function: function) }
            return BoundExpression(kind: .call(function, bound), type: type, range: range)
        case .failure(let mismatch):
            let text = file.text(in: arguments[mismatch.index].range)
            throw Diagnostic.argumentType(function.signature, expected: mismatch.expected,
                                          found: bound[mismatch.index].type, range: arguments[mismatch.index].range,
                                          hint: LocalDate.looksLikeUnquotedDate(text) ? "put the date in double quotes: \"\(text)\"" : nil)
        }
    }

    /// The unit of `date_trunc` and `date_diff`: a string literal naming a ``DateUnit``, known before the
    /// query runs, and written in lower case so that each row reads it without folding.
    private func bindUnit(_ unit: BoundExpression, _ source: Expression, _ function: Function) throws -> BoundExpression {
        let units = DateUnit.allCases.map(\.rawValue)
        guard case .literal(.string(let text)) = unit.kind else {
            throw Diagnostic.notConstant(range: source.range, what: "a unit in double quotes (\(units.joined(separator: ", ")))")
        }
        guard let named = DateUnit(named: text) else {
            throw Diagnostic.unknownUnit(text, function: function.signature, range: source.range, available: units)
        }
        return BoundExpression(kind: .literal(.string(named.rawValue)), type: .string, range: unit.range)
    }

    /// Binds `AGG(EXPR)` of `summarize`.
    mutating func bindAggregate(_ call: Expression, _ resolver: FieldResolver) throws -> BoundAggregate {
        guard case .call(let name, let arguments) = call.kind,
              let function = AggregateFunction(rawValue: name.text.lowercased()) else {
            throw Diagnostic.notAggregate(range: call.range)
        }
        let signature = function.signature   // as completion and `.help functions` show it
        guard function.arity.contains(arguments.count) else {
            throw Diagnostic.argumentCount(signature, given: arguments.count, range: call.range)
        }
        let argument = try arguments.first.map { try bind($0, resolver, expecting: function == .count_if ? .boolean : nil) }
        guard let type = function.resultType(argument?.type) else {
            throw Diagnostic.argumentType(signature, expected: function.argumentKind, found: argument?.type ?? .null, range: arguments[0].range)
        }
        var constant: Value?
        if arguments.count > 1 {
            constant = try aggregateConstant(function, try bind(arguments[1], resolver), arguments[1].range)
        } else if function == .string_agg {
            constant = .string(",")   // DuckDB's default separator
        }
        if let argument, case .column(let c) = argument.kind {
            if [.sum, .avg, .min, .max].contains(function) {
                noteHedges([argument], resolver, use: function == .sum ? "summed" : function == .avg ? "averaged" : "compared")
            }
            if function == .sum, resolver.fields[c].releaseTotal != nil {
                caveats.append(.partialTotal(column: c, field: resolver.fields[c], range: call.range))
            }
        }
        return BoundAggregate(function: function, argument: argument, constant: constant, type: type, range: call.range)
    }

    /// The fraction of `percentile` (a number from 0 to 1) and the separator of `string_agg` (a string),
    /// both known before the query runs.
    private func aggregateConstant(_ function: AggregateFunction, _ bound: BoundExpression, _ range: SourceRange) throws -> Value {
        switch (function, bound.kind) {
        case (.percentile, .literal(let v)) where v.doubleValue.map { (0...1).contains($0) } == true:
            return .float(v.doubleValue!)
        case (.percentile, _):
            throw Diagnostic.notConstant(range: range, what: "a fraction from 0 to 1, such as 0.9 (a constant)")
        case (_, .literal(.string(let separator))):
            return .string(separator)
        default:
            throw Diagnostic.notConstant(range: range, what: "a separator in double quotes, such as \", \"")
        }
    }
}
