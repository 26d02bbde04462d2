// wekaql's own functions, registered on each SQLite connection it opens, so that SQL run there keeps
// wekaql's meaning: folding for `=~` and `contains`, its regular expressions, its arithmetic (overflow and
// division by zero are errors, not reals or nulls), and its text, date and rounding functions.

/// What a registered function computes: its arguments as wekaql values, the range of the expression.
struct SQLiteFunction: Sendable {
    let name: String
    /// The arguments before the range (`-1`: any number).
    let arity: Int
    /// Whether the last two arguments are the expression's range in the query, for errors that point at it.
    let takesRange: Bool
    /// The type an argument is read as, where SQLite's storage class cannot say (dates are text, booleans 0/1).
    let argumentType: @Sendable (Int) -> ValueType?
    let body: @Sendable ([Value], SourceRange, SQLiteFunctionState) throws -> Value

    /// Whether it can raise an error (overflow, division by zero). Such a function is registered as not
    /// deterministic, so that SQLite does not compute a call with constant arguments once before the scan,
    /// where wekaql computes it only for rows that reach it (none, after a `where` that keeps none).
    var canFail: Bool {
        ["neg", "add", "subtract", "multiply", "divide", "remainder", "date_add", "date_subtract", "abs", "round", "floor", "ceil", "today",
         "regex_group", "int", "decimal", "float", "date", "bool"]
            .contains(name)
    }

    /// Every function the `sqlite` dialect's SQL may call.
    static let all: [SQLiteFunction] = {
        var functions = [
            SQLiteFunction(name: "fold", arity: 1, takesRange: false, argumentType: { _ in .string }) { args, _, _ in
                guard case .string(let s) = args[0] else { return .null }
                return .string(Folding.fold(s))
            },
            SQLiteFunction(name: "ends_with", arity: 2, takesRange: true, argumentType: { _ in .string }) { args, _, _ in
                guard case .string(let s) = args[0], case .string(let suffix) = args[1] else { return .null }
                return .boolean(s.utf8.count >= suffix.utf8.count && s.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8))
            },
            SQLiteFunction(name: "matches", arity: 2, takesRange: true, argumentType: { _ in .string }) { args, range, state in
                guard case .string(let s) = args[0], case .string(let pattern) = args[1] else { return .null }
                return .boolean(try state.regex(pattern, range: range).isMatch(s))
            },
            SQLiteFunction(name: "regex_group", arity: 3, takesRange: true, argumentType: { $0 == 2 ? .integer : .string }) { args, range, state in
                guard case .string(let s) = args[0], case .string(let pattern) = args[1], case .integer(let n) = args[2] else { return .null }
                let program = try state.regex(pattern, range: range)
                guard n >= 0 && n <= program.captureCount else { throw Diagnostic.regexGroup(n, groups: program.captureCount, range: range) }
                return program.extract(group: Int(n), from: s).map(Value.string) ?? .null
            },
            SQLiteFunction(name: "neg", arity: 1, takesRange: true, argumentType: { _ in nil }) { args, range, _ in
                try Arithmetic.negate(args[0], range: range)
            },
            SQLiteFunction(name: "decimal_text", arity: 1, takesRange: true, argumentType: { _ in .float }) { args, _, _ in
                args[0].isNull ? .null : .string(args[0].description)
            },
        ]
        let operators: [(String, BinaryOperator)] = [("add", .add), ("subtract", .subtract), ("multiply", .multiply),
                                                     ("divide", .divide), ("remainder", .remainder)]
        for (name, op) in operators {
            functions.append(SQLiteFunction(name: name, arity: 2, takesRange: true, argumentType: { _ in nil }) { args, range, _ in
                try Arithmetic.apply(op, args[0], args[1], range: range)
            })
        }
        for (name, op) in [("date_add", BinaryOperator.add), ("date_subtract", .subtract)] {
            functions.append(SQLiteFunction(name: name, arity: 2, takesRange: true, argumentType: { $0 == 0 ? .date : .integer }) { args, range, _ in
                try Arithmetic.apply(op, args[0], args[1], range: range)
            })
        }
        for function in Function.allCases where !function.isLazy && function != .concat {
            let arity = function.arity.count == 1 ? function.arity.lowerBound : -1
            functions.append(SQLiteFunction(name: function.rawValue, arity: arity, takesRange: true,
                                            argumentType: { function.argumentType(at: $0) }) { args, range, _ in
                do throws(EvaluationError) { return try function.apply(args) } catch { throw error.diagnostic(function, range: range) }
            })
        }
        return functions
    }()
}

/// What the functions of one connection share: compiled patterns, and the error the last one raised (so
/// that it reaches the user as wekaql's own diagnostic, with its code and place).
final class SQLiteFunctionState: @unchecked Sendable {
    private var patterns: [String: RegexProgram] = [:]
    var lastError: Diagnostic?

    func regex(_ pattern: String, range: SourceRange) throws -> RegexProgram {
        if let program = patterns[pattern] { return program }
        do throws(RegexSyntaxError) {
            let program = try RegexProgram(pattern)
            if patterns.count > 64 { patterns.removeAll() }
            patterns[pattern] = program
            return program
        } catch {
            throw Diagnostic.invalidRegexPattern(pattern, range: range)
        }
    }
}

/// One registered function on one connection: handed to SQLite as the function's user data.
final class SQLiteFunctionBinding {
    let function: SQLiteFunction
    let state: SQLiteFunctionState
    let library: SQLiteLibrary

    init(_ function: SQLiteFunction, state: SQLiteFunctionState, library: SQLiteLibrary) {
        self.function = function
        self.state = state
        self.library = library
    }

    /// The C entry point of every registered function.
    static let entry: SQLiteLibrary.ScalarFunction = { context, count, values in
        guard let raw = SQLiteFunctionBinding.library(of: context) else { return }
        let binding = Unmanaged<SQLiteFunctionBinding>.fromOpaque(raw).takeUnretainedValue()
        binding.call(context, count: Int(count), values: values)
    }

    private static func library(of context: OpaquePointer?) -> UnsafeMutableRawPointer? {
        SQLiteLibrary.shared?.userData(context)
    }

    private func call(_ context: OpaquePointer?, count: Int, values: UnsafeMutablePointer<OpaquePointer?>?) {
        let argumentCount = function.takesRange ? count - 2 : count
        var arguments: [Value] = []
        for index in 0..<max(argumentCount, 0) { arguments.append(value(values?[index], as: function.argumentType(index))) }
        var range = SourceRange(0, 0)
        if function.takesRange, count >= 2 {
            range = SourceRange(Int(library.valueInt64(values?[count - 2])), Int(library.valueInt64(values?[count - 1])))
        }
        do {
            result(try function.body(arguments, range, state), context)
        } catch {
            let diagnostic = (error as? Diagnostic) ?? Diagnostic.functionFailed(error, range: range)
            state.lastError = diagnostic
            library.resultError(context, diagnostic.message, -1)
        }
    }

    /// An SQLite value as the wekaql value of `type` (by its storage class when `type` is `nil`).
    private func value(_ handle: OpaquePointer?, as type: ValueType?) -> Value {
        switch library.valueType(handle) {
        case SQLiteLibrary.integerType:
            let i = library.valueInt64(handle)
            if type == .boolean { return .boolean(i != 0) }
            return type == .float ? .float(Double(i)) : .integer(i)
        case SQLiteLibrary.floatType:
            return .float(library.valueDouble(handle))
        case SQLiteLibrary.nullType:
            return .null
        default:
            let count = Int(library.valueBytes(handle))
            let text = library.valueText(handle).map { String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self) } ?? ""
            if type == .date, let date = LocalDate(text) { return .date(date) }
            return .string(text)
        }
    }

    private func result(_ value: Value, _ context: OpaquePointer?) {
        switch value {
        case .null: library.resultNull(context)
        case .boolean(let b): library.resultInt64(context, b ? 1 : 0)
        case .integer(let i): library.resultInt64(context, i)
        case .decimal(let d): library.resultDouble(context, d.doubleValue)
        case .float(let d): library.resultDouble(context, d)
        case .list(let elements): let s = Value.list(elements).listJSON ?? "[]"; library.resultText(context, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        case .string(let s): library.resultText(context, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        case .date(let d): let s = d.description; library.resultText(context, s, Int32(s.utf8.count), SQLiteLibrary.transient)
        }
    }
}
