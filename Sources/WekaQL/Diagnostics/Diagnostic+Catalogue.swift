// The catalogue: every code and message wekaql reports, written in one place.

extension Diagnostic {
    /// The stable codes; `Grammar/ERRORS.md` documents each with an example.
    public enum Code: String, Hashable, Sendable, Codable, CaseIterable {
        // Lexical
        case unexpectedCharacter = "E0001", unterminatedString = "E0002", invalidEscape = "E0003"
        case integerTooLarge = "E0004", unterminatedQuotedName = "E0005", emptyQuotedName = "E0006"
        case badParameterName = "E0007", unexpectedText = "E0008", decimalOutOfRange = "E0009"
        // Syntax
        case expected = "E0101", expectedExpression = "E0102", unknownStage = "E0103"
        case unclosedParenthesis = "E0104", keywordAsName = "E0105", expectedSource = "E0106"
        case nestingTooDeep = "E0107", chainedComparison = "E0108", misplacedNot = "E0109"
        // Names
        case unknownCollection = "E0200", unknownField = "E0201", unknownFunction = "E0202"
        case duplicateColumn = "E0203", unboundParameter = "E0204", renameClash = "E0205", dropsEverything = "E0206"
        // Types and placement
        case typeMismatch = "E0300", notBoolean = "E0301", argumentType = "E0302", argumentCount = "E0303"
        case misplacedAggregate = "E0304", notAggregate = "E0305", invalidRegex = "E0306"
        case notConstant = "E0307", parameterType = "E0308", unsupportedRegex = "E0309", branchType = "E0310"
        case unknownUnit = "E0311", invalidDate = "E0312", notGrouped = "E0313"
        case unionTypeClash = "E0320", subqueryColumns = "E0321", misplacedSubquery = "E0322", subqueryType = "E0323"
        // Windows, pivot and regex_extract (Diagnostic+Reshaping.swift)
        case misplacedWindow = "E0330", windowNeedsOver = "E0331", notWindowFunction = "E0332", pivotNeedsAggregate = "E0333"
        case pivotColumnsAtRunTime = "E0334", unpivotTypes = "E0335", regexGroup = "E0336", pivotValueType = "E0337"
        case constantDoesNotConvert = "E0340"
        case notAList = "E0345", listElementType = "E0346", dottedName = "E0347"
        // Charts
        case unknownChartKind = "E0350", chartNotNumeric = "E0351", chartOption = "E0352", chartNotLast = "E0353"
        case nothingToChart = "E0354"
        // Evaluation
        case integerOverflow = "E0400", divisionByZero = "E0401", cancelled = "E0402", invalidArgument = "E0403"
        case numberOutOfRange = "E0404", notOneQuery = "E0405", memoryBudget = "E0406", dateOutOfRange = "E0407"
        case decimalOverflow = "E0410", doesNotConvert = "E0411"
        // Swift values in and out of the library (Codable rows and parameters)
        case missingColumn = "E0420", valueDecoding = "E0421", parameterEncoding = "E0422"
        // Spilling to temporary files (Diagnostic+Spill.swift)
        case spillFailed = "E0430"
        // Data files
        case cannotRead = "E0500", invalidUTF8 = "E0501", malformedJSON = "E0502", malformedCSV = "E0503"
        case unsupportedFile = "E0504", jsonShape = "E0505", mixedTypes = "W0506", duplicateHeader = "E0507"
        case valueTooLong = "E0508"
        case badLoadOption = "E0509", renamedCollection = "W0510", replacedCollection = "W0511", skippedRows = "W0512"
        case notOfGivenType = "E0513"
        case nestedJSONAsText = "W0514"
        case fieldAfterSample = "E0530", sampledFieldGone = "E0531"
        // The library's own failures (Diagnostic+Failures.swift)
        case unexpectedFailure = "E0540"
        // Results
        case noMatch = "N0600", hedgedFigures = "N0601", partialTotal = "N0602"
        // Lineage and explain
        case whyNotLast = "E0360", explainBinding = "E0361", notTraceable = "E0362", noSuchRow = "E0363"
        case noSourceRowMatches = "N0610"
        // Streaming
        case streamedTypeChanged = "E0370"
        // The command line and its dot-commands
        case command = "E0700"
        // Asserts and expected results
        case assertionFailed = "E0800", assertionNotEmpty = "E0801", assertionShape = "E0802"
        case expectedOutputDiffers = "E0803", isEmptyOutsideAssert = "E0804", strayExpectedBlock = "E0805"
        // Editor support: the formatter and the language server's settings
        case formatChangesMeaning = "E0900", badEditorSettings = "E0901"
        // SQL engines: compiling to SQL, running on databases
        case noSQL = "E1000", noSQLForResult = "E1001", databaseError = "E1002", cannotOpenDatabase = "E1003"
        case databaseLibrary = "E1004"
        case cannotConnect = "E1010", unsendableValue = "E1011"
    }

    // MARK: - Lexical

    static func unexpectedCharacter(_ text: String, range: SourceRange) -> Diagnostic {
        let hint = ["'", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}"].contains(text)
            ? ["strings are written in straight double quotes: \"Togo\""] : []
        return Diagnostic(code: .unexpectedCharacter, message: "unexpected character \(quoted(text))", range: range, hints: hint)
    }

    static func unterminatedString(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .unterminatedString, message: "unterminated string", range: range,
                   hints: ["close the string with a double quote (\"); write \\\" for a quote inside it"])
    }

    static func invalidEscape(_ text: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .invalidEscape, message: "invalid escape \(quoted(visible(text))) in string", range: range,
                   hints: ["the escapes are \\\" \\\\ \\n \\t \\r and \\u{…} with 1 to 8 hex digits"])
    }

    static func integerTooLarge(_ text: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .integerTooLarge, message: "integer \(abbreviated(text)) does not fit in 64 bits", range: range,
                   hints: ["integers run from -9223372036854775808 to 9223372036854775807; write a decimal such as \(text.count > 80 ? "1.5e40" : text + ".0") for larger numbers"])
    }

    static func decimalOutOfRange(_ text: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .decimalOutOfRange, message: "decimal \(abbreviated(text)) is out of range", range: range)
    }

    static func unterminatedQuotedName(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .unterminatedQuotedName, message: "unterminated back-quoted name", range: range,
                   hints: ["close the name with a back-quote: `count`"])
    }

    static func emptyQuotedName(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .emptyQuotedName, message: "empty back-quoted name", range: range)
    }

    static func badParameterName(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .badParameterName, message: "\"$\" must be followed by a parameter name", range: range,
                   hints: ["write a parameter as $name, for example: arrests where country = $country"])
    }

    static func unexpectedText(_ text: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .unexpectedText, message: "unexpected \(quoted(text)) after a number", range: range,
                   hints: ["put a space between a number and a name"])
    }

    // MARK: - Syntax

    static func expected(_ what: String, found: Token, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: .expected, message: "expected \(what), found \(describe(found))", range: found.range,
                   hints: hint.map { [$0] } ?? [])
    }

    static func expectedExpression(found: Token) -> Diagnostic {
        var hints: [String] = []
        if found.kind == .word, let keyword = found.keyword {
            hints.append("\(quoted(keyword.rawValue)) is a keyword; back-quote a field with that name: `\(found.text)`")
        }
        return Diagnostic(code: .expectedExpression, message: "expected an expression, found \(describe(found))",
                          range: found.range, hints: hints)
    }

    static func unknownStage(_ text: String, range: SourceRange) -> Diagnostic {
        let stages = StageWord.all.flatMap { $0.keywords.map(\.rawValue) }
        var hints: [String] = []
        if let near = Suggestions.nearest(to: text, in: stages) { hints.append("did you mean \(quoted(near))?") }
        hints.append("stages: " + StageWord.all.map(\.name).joined(separator: ", "))
        return Diagnostic(code: .unknownStage, message: "unknown stage \(quoted(text))", range: range, hints: hints)
    }

    static func unclosedParenthesis(found: Token, openedAt: SourceLocation, openRange: SourceRange) -> Diagnostic {
        Diagnostic(code: .unclosedParenthesis,
                   message: "expected \")\" to close \"(\" at line \(openedAt.line), column \(openedAt.column), found \(describe(found))",
                   range: found.range)
    }

    static func keywordAsName(_ text: String, expected: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .keywordAsName, message: "expected \(expected), found keyword \(quoted(text))", range: range,
                   hints: ["back-quote a name that is a keyword: `\(text)`"])
    }

    static func expectedSource(found: Token) -> Diagnostic {
        Diagnostic(code: .expectedSource, message: "a statement starts with a collection or \"let\", found \(describe(found))",
                   range: found.range, hints: ["for example: arrests where country = \"Togo\""])
    }

    static func chainedComparison(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .chainedComparison, message: "comparisons cannot be chained", range: range,
                   hints: ["join two comparisons with \"and\": a < b and b < c"])
    }

    static func misplacedNot(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .misplacedNot, message: "\"not\" cannot stand here, inside an arithmetic or comparison operand", range: range,
                   hints: ["put it in parentheses: (not x), or negate the whole comparison: not (a = b)"])
    }

    /// Said on the last error shown when ``Engine`` stops listing them.
    static func moreErrorsHint(_ count: Int) -> String {
        "\(count) more error\(count == 1 ? "" : "s") after this one \(count == 1 ? "is" : "are") not shown; fix these first"
    }

    static func nestingTooDeep(range: SourceRange, inChain: Bool = false) -> Diagnostic {
        Diagnostic(code: .nestingTooDeep, message: "expression nested too deeply (more than \(Parser.maximumDepth) levels)",
                   range: range,
                   hints: inChain ? ["each operator in a row nests one level; for many alternatives write FIELD in (A, B, …)"] : [])
    }

    // MARK: - Helpers

    static func quoted(_ text: String) -> String { "\"" + abbreviated(text) + "\"" }

    /// Text of at most about 80 characters: a 10 MB name or number is shown by its start and its length,
    /// so that the message stays a line. (Paths are quoted whole.)
    static func abbreviated(_ text: String) -> String {
        guard text.utf8.count > 80, text.count > 80 else { return text }
        return "\(text.prefix(60))… (\(text.count) characters)"
    }

    /// `text` with line breaks and tabs written as escapes, so a message stays on one line.
    static func visible(_ text: String) -> String {
        String(text.flatMap { c -> [Character] in
            switch c {
            case "\n", "\r\n": return ["\\", "n"]
            case "\r": return ["\\", "r"]
            case "\t": return ["\\", "t"]
            default: return [c]
            }
        })
    }

    /// "a" or "an", for the word that follows.
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    static func describe(_ token: Token) -> String {
        switch token.kind {
        case .end: return "the end of the input"
        case .newline, .semicolon: return "the end of the statement"
        case .string: return "string " + JSONText.quote(token.text)
        case .word where token.keyword != nil: return "keyword " + quoted(token.text)
        case .word, .quotedName: return "name " + quoted(token.text)
        case .integer, .decimal: return "number " + token.text
        case .parameter: return "parameter $" + token.text
        default: return quoted(token.text)
        }
    }
}

// MARK: - Names, types and placement

extension Diagnostic {
    static func unknownCollection(_ name: String, range: SourceRange, available: [String]) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: name, in: available) { hints.append("did you mean \(quoted(near))?") }
        hints.append("collections: \(Suggestions.list(available, limit: 12))")
        return Diagnostic(code: .unknownCollection, message: "unknown collection \(quoted(name))", range: range, hints: hints)
    }

    static func unknownField(_ name: String, context: String, range: SourceRange, available: [String]) -> Diagnostic {
        let list = "fields: \(Suggestions.list(available))"
        var hints = [Suggestions.nearest(to: name, in: available).map { "did you mean \(quoted($0))? (\(list))" } ?? list]
        if hints[0] == list, name.first?.isUppercase == true {
            hints.append("to compare with the text \(name), put it in double quotes: \"\(name)\"")
        }
        return Diagnostic(code: .unknownField, message: "unknown field \(quoted(name)) in \(context)", range: range, hints: hints)
    }

    static func fieldGone(_ name: String, context: String, range: SourceRange, available: [String]) -> Diagnostic {
        Diagnostic(code: .unknownField, message: "unknown field \(quoted(name)) in \(context)", range: range,
                   hints: ["\(quoted(name)) existed before, but an earlier stage of this query removed it; the fields here are: \(Suggestions.list(available))"])
    }

    static func unknownFunction(_ name: String, range: SourceRange, available: [String]) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: name, in: available) { hints.append("did you mean \(quoted(near))?") }
        hints.append("functions: \(available.joined(separator: ", "))")
        return Diagnostic(code: .unknownFunction, message: "unknown function \(quoted(name))", range: range, hints: hints)
    }

    static func duplicateColumn(_ name: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .duplicateColumn, message: "column \(quoted(name)) appears twice in the result", range: range,
                   hints: ["name one of them with \"as\": … as \(name)_2"])
    }

    static func renameClash(_ name: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .renameClash, message: "cannot rename to \(quoted(name)): the rows already have a column of that name",
                   range: range, hints: ["drop \(name) first, or choose another name"])
    }

    static func dropsEverything(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .dropsEverything, message: "\"drop\" would leave no columns", range: range,
                   hints: ["keep at least one column; to count the rows, write \"count\""])
    }

    static func typeMismatch(op: String, left: BoundExpression, leftText: String, right: BoundExpression, rightText: String,
                             hint: String? = nil) -> Diagnostic {
        var hints: [String] = hint.map { [$0] } ?? []
        if !hints.isEmpty {
            // The caller's hint says it best (a date written without quotes).
        } else if case .literal(.string(let text)) = right.kind, left.type.isNumeric, Double(text) != nil {
            hints.append("remove the quotes to compare with the number \(text)")
        } else if case .literal(.string(let text)) = left.kind, right.type.isNumeric, Double(text) != nil {
            hints.append("remove the quotes to compare with the number \(text)")
        } else if case .literal(.string) = right.kind, left.type.isNumeric {
            hints.append("\(leftText) holds \(left.type.rawValue)s; compare it with a number")
        }
        let context = op == "in" ? " in \"in (…)\"" : (op == "between" ? " in \"between\"" : "")
        return Diagnostic(code: .typeMismatch,
                          message: "cannot compare \(left.type.rawValue) \(leftText) with \(right.type.rawValue) \(rightText)\(context)",
                          range: right.range, hints: hints)
    }

    static func operandType(op: String, expected: String, found: ValueType, range: SourceRange, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: .typeMismatch, message: "\(quoted(op)) needs \(expected), found \(found.rawValue)", range: range,
                   hints: hint.map { [$0] } ?? [])
    }

    static func notBoolean(type: ValueType, range: SourceRange, place: String = "where") -> Diagnostic {
        let example = place == "where" ? "where arrested > 2" : (place == "if" ? "if(arrested > 2, …, …)" : "when arrested > 2 then …")
        return Diagnostic(code: .notBoolean, message: "\(quoted(place)) needs a condition, found \(article(type.rawValue)) \(type.rawValue) expression",
                          range: range, hints: ["compare it with something, for example: \(example)"])
    }

    static func branchType(_ what: String, found: ValueType, expected: ValueType, range: SourceRange, earlier: String) -> Diagnostic {
        Diagnostic(code: .branchType,
                   message: "the branches of \(quoted(what)) disagree: \(article(found.rawValue)) \(found.rawValue) here, \(article(expected.rawValue)) \(expected.rawValue) in \(quoted(earlier))",
                   range: range,
                   hints: ["every branch gives one type: an integer and a decimal make a decimal, and null fits any"])
    }

    static func argumentType(_ signature: String, expected: String, found: ValueType, range: SourceRange, hint: String? = nil) -> Diagnostic {
        Diagnostic(code: .argumentType, message: "\(signature) needs \(expected) here, found \(found.rawValue)", range: range,
                   hints: hint.map { [$0] } ?? [])
    }

    static func unknownUnit(_ text: String, function: String, range: SourceRange, available: [String]) -> Diagnostic {
        var hints: [String] = []
        if let near = Suggestions.nearest(to: text, in: available) { hints.append("did you mean \(quoted(near))?") }
        hints.append("units: \(available.joined(separator: ", "))")
        return Diagnostic(code: .unknownUnit, message: "unknown unit \(JSONText.quote(abbreviated(text))) in \(function)", range: range, hints: hints)
    }

    static func invalidDate(_ text: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .invalidDate, message: "\(JSONText.quote(abbreviated(text))) is not a date", range: range,
                   hints: ["a date is written \"YYYY-MM-DD\", with a month 01-12 and a day of that month: \"2022-06-14\""])
    }

    static func argumentCount(_ signature: String, given: Int, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .argumentCount, message: "wrong number of arguments (\(given)) to \(signature)", range: range,
                   hints: ["call it as \(signature)"])
    }

    static func misplacedAggregate(_ name: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .misplacedAggregate, message: "aggregate \(quoted(name)) can only be used in \"summarize\"", range: range,
                   hints: ["for example: summarize total = \(name)(arrested) by country"])
    }

    static func notAggregate(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .notAggregate, message: "\"summarize\" needs an aggregate such as sum(arrested)", range: range,
                   hints: ["aggregates: \(AggregateFunction.allCases.map { $0.rawValue + "()" }.joined(separator: ", "))"])
    }

    static func notGrouped(_ name: String, range: SourceRange, keys: [String]) -> Diagnostic {
        let by = keys.isEmpty ? "group by it: … by \(name)" : "or add it to the keys of \"by\" (now: \(keys.joined(separator: ", ")))"
        return Diagnostic(code: .notGrouped, message: "field \(quoted(name)) is neither a key of \"by\" nor inside an aggregate", range: range,
                          hints: ["use it inside an aggregate such as sum(\(name)) or max(\(name)), \(by)"])
    }

    static func invalidRegex(_ pattern: String, _ error: RegexSyntaxError, range: SourceRange) -> Diagnostic {
        let quoted = JSONText.quote(abbreviated(pattern))
        switch error.kind {
        case .invalid:
            return Diagnostic(code: .invalidRegex, message: "invalid regular expression \(quoted): \(error.problem)", range: range,
                              hints: [error.hint])
        case .unsupported:
            return Diagnostic(code: .unsupportedRegex, message: "in regular expression \(quoted): \(error.problem)", range: range,
                              hints: [error.hint])
        }
    }

    static func notConstant(range: SourceRange, what: String = "a whole number (or a $parameter)") -> Diagnostic {
        Diagnostic(code: .notConstant, message: "expected \(what) here", range: range)
    }

    static func joinKeyMismatch(left: Field, right: Field, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .typeMismatch,
                   message: "cannot join \(left.type.rawValue) field \(quoted(left.name)) with \(right.type.rawValue) field \(quoted(right.name))",
                   range: range, hints: ["the keys of a join must be of one type (an integer key matches a decimal one); join on another field, or compute a key of the other type first"])
    }

    // MARK: - Evaluation

    static func integerOverflow(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .integerOverflow, message: "integer overflow", range: range,
                   hints: ["integers are 64-bit; use a decimal (for example 1.0 * x) for larger results"])
    }

    static func floatOverflow(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .numberOutOfRange, message: "number out of range: the result is too large for a float", range: range)
    }

    static func dateOutOfRange(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .dateOutOfRange, message: "date out of range: the result is before 0001-01-01 or after 9999-12-31", range: range)
    }

    static func divisionByZero(range: SourceRange) -> Diagnostic {
        Diagnostic(code: .divisionByZero, message: "division by zero", range: range,
                   hints: ["guard the divisor, for example: where d != 0"])
    }

    static func cancelled(range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .cancelled, message: "query cancelled", range: range)
    }

    static func memoryBudget(stage: String, estimate: Int, rows: Int, budget: Int, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .memoryBudget,
                   message: "this \(stage) would make about \(MemoryBudget.describe(estimate)) of rows (\(rows) rows), over the memory budget of \(MemoryBudget.describe(budget))",
                   range: range,
                   hints: ["narrow the rows first (where …), or raise the budget: Engine.memoryBudget, or in wekaql --memory-limit SIZE or .limit memory SIZE"])
    }

    static func invalidArgument(_ message: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .invalidArgument, message: message, range: range)
    }

    static func unboundParameter(_ name: String, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .unboundParameter, message: "no value given for parameter $\(name)", range: range,
                   hints: ["pass it with --param \(name)=VALUE, or in run([\"\(name)\": …])"])
    }

    static func parameterType(_ name: String, expected: ValueType, found: ValueType, range: SourceRange?) -> Diagnostic {
        Diagnostic(code: .parameterType, message: "parameter $\(name) must be \(expected.rawValue), was given \(found.rawValue)", range: range)
    }

    static func noMatch(_ literal: String, field: String, suggestion: String?, range: SourceRange) -> Diagnostic {
        var message = "no rows; \(JSONText.quote(abbreviated(literal))) is not \(article(field)) \(field) here"
        if let suggestion { message += " — did you mean \(JSONText.quote(suggestion))?" }
        return Diagnostic(code: .noMatch, severity: .note, message: message, range: range)
    }

    static func hedgedFigures(field: String, figures: [String], use: String, range: SourceRange) -> Diagnostic {
        let shown = figures.prefix(6).joined(separator: ", ") + (figures.count > 6 ? ", …" : "")
        return Diagnostic(code: .hedgedFigures, severity: .note,
                          message: "\(field) holds figures the release qualifies (\(shown)), here \(use): the result is no more exact than they are",
                          range: range)
    }

    static func mayBeHedged(field: String, qualifierField: String, use: String, range: SourceRange) -> Diagnostic {
        Diagnostic(code: .hedgedFigures, severity: .note,
                   message: "\(field) may hold figures the release qualifies, here \(use): the result is no more exact than they are",
                   range: range, hints: ["keep \(qualifierField) in the rows to see which"])
    }

    static func partialTotal(field: String, total: String, rows: Int, missing: Int, range: SourceRange) -> Diagnostic {
        var message = "this sums \(field) over \(rows) row\(rows == 1 ? "" : "s") the release describes one by one, not the release's total: \(total)"
        if missing > 0 { message += "; \(missing) row\(missing == 1 ? " has" : "s have") no \(field) and \(missing == 1 ? "is" : "are") left out" }
        return Diagnostic(code: .partialTotal, severity: .note, message: message, range: range)
    }
}
