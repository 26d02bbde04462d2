// The entry point for running wekaql: an engine over a dataset, with `let` bindings that persist.

/// Runs wekaql programs over a ``Dataset``.
///
/// ```swift
/// var engine = Engine()                                   // the built-in Operation Weka II data
/// let results = try engine.run("arrests where country = \"Togo\"")
/// for row in results[0].table { print(row["suspects"] ?? .null) }
///
/// let byCountry = try engine.prepare("arrests where country = $c select arrested")
/// let togo = try byCountry.run(["c": "Togo"])
/// ```
///
/// An engine is a value: copies are independent, and it is `Sendable`, so each task can run its own.
public struct Engine: Sendable {
    /// The collections queries read from.
    public var dataset: Dataset
    /// Tables bound by `let` in earlier runs, by name.
    public private(set) var bindings: [String: Table] = [:]
    /// How much memory one stage may make: a join, sort, grouping or `distinct` estimated to pass it fails
    /// with E0406 before making its rows. By default, half the machine's physical memory.
    public var memoryBudget: MemoryBudget = .machineDefault
    /// Where a sort or grouping over ``memoryBudget`` spills its rows (a private directory under `$TMPDIR`).
    var spillSettings = SpillSettings()
    /// How a failed `assert` is reported: as an error that stops the run (the default), or, with
    /// ``Diagnostic/Severity/warning``, as a warning after which the run goes on (`--warn-asserts`,
    /// and `wekaql test`, which counts every assert of a script).
    public var assertionSeverity: Diagnostic.Severity = .error
    /// Run every query as `explain QUERY` (the command line's `--explain`): each result is then what
    /// its stages did.
    public var explainsQueries = false
    /// Run a query over a collection opened for streaming (a file read in chunks) a chunk at a time when
    /// its stages allow, instead of reading the collection whole: `where`, projections, `count`,
    /// `count by` and `summarize` with mergeable aggregates, `distinct`, `sort … limit`/`top` and `limit`
    /// then hold only what they keep. Results are the same either way. Off by default; the command line
    /// turns it on for `-e`, script files and standard input. `why`, `explain` and `--db` never stream.
    public var streamsFiles = false
    /// How each binding was made, to follow lineage through it.
    var bindingOrigins: [String: ResultOrigin] = [:]
    /// The collections that are tables of attached databases (``attach(_:)``), by name.
    var databaseTables: [String: DatabaseTable] = [:]

    /// Creates an engine over `dataset` (the built-in Operation Weka II data by default).
    public init(dataset: Dataset = .builtIn) {
        self.dataset = dataset
    }

    /// Binds `name` to `table` for the statements that follow, as `let` does: the shell names its last
    /// result `_` this way.
    public mutating func bind(_ name: String, to table: Table) {
        bindings[name] = table
        bindingOrigins[name] = nil
    }

    /// Runs every statement of `source` and returns their results in order.
    ///
    /// - Throws: the first ``Diagnostic`` (syntax, name, type or runtime error); nothing runs if
    ///   any statement fails to parse or check.
    @discardableResult
    public mutating func run(_ source: String, parameters: [String: Value] = [:],
                             cancellation: CancellationToken? = nil) throws(Diagnostic) -> [StatementResult] {
        var results: [StatementResult] = []
        var firstError: Diagnostic?
        run(SourceFile(name: "<query>", text: source), parameters: parameters, cancellation: cancellation) { event in
            switch event {
            case .result(let result): results.append(result)
            case .failure(let diagnostic): if firstError == nil && diagnostic.severity == .error { firstError = diagnostic }
            }
        }
        if let firstError { throw firstError }
        return results
    }

    /// Runs `file`, reporting each result or error as it happens: the form the CLI and shell use.
    ///
    /// The whole text is parsed and checked first; if anything fails, every such error is reported and
    /// nothing runs, unless `keepGoing` is set, in which case the good statements run in order and each
    /// bad one is reported in its place. A runtime error stops the run unless `keepGoing` is set.
    ///
    /// With `pieces`, a statement whose result is shown (no `let`, `assert` or `explain`) and whose query
    /// streams into a `sort by` or a grouping followed only by row-wise stages hands its rows to `pieces`
    /// a block at a time, in order, on this thread, once its source was read; its reported result has
    /// ``StatementResult/rowsHandedOn`` set and holds no rows. A sort or grouping that spilled then
    /// never holds its result whole.
    ///
    /// - Returns: whether every statement succeeded.
    @discardableResult
    public mutating func run(_ file: SourceFile, parameters: [String: Value] = [:], cancellation: CancellationToken? = nil,
                             keepGoing: Bool = false, pieces: ((Table) throws -> Void)? = nil, report: (StatementEvent) -> Void) -> Bool {
        guard readOpenedFilesUnlessStreamed(for: file, parameters: parameters, keepGoing: keepGoing, report: report) else { return false }
        let (plans, staticErrors) = compile(file, parameterTypes: parameters.mapValues(\.type))
        if !staticErrors.isEmpty && !keepGoing {
            staticErrors.forEach { report(.failure($0)) }
            return false
        }
        var pendingErrors = staticErrors[...]
        var succeeded = staticErrors.isEmpty
        for plan in plans {
            while let error = pendingErrors.first, (error.range?.start ?? 0) < plan.range.start {
                report(.failure(error))
                pendingErrors.removeFirst()
            }
            do {
                var result = try execute(plan, parameters: parameters, cancellation: cancellation, pieces: pieces)
                result.notes = result.notes.map { $0.located(in: file) }
                if let name = plan.binding { bindings[name] = result.table; bindingOrigins[name] = result.origin }
                report(.result(result))
            } catch let diagnostic as Diagnostic where diagnostic.severity != .error {
                report(.failure(diagnostic.located(in: file)))   // a failed assert reported as a warning
            } catch let diagnostic as Diagnostic {
                report(.failure(diagnostic.located(in: file)))
                if let name = plan.binding { bindings[name] = nil; bindingOrigins[name] = nil }   // no stale value from an earlier run
                succeeded = false
                if !keepGoing { return false }
            } catch StatementFailure.failedBinding {
                // An unbound `let` after a failed statement: that failure was reported; this one follows from it.
                if let name = plan.binding { bindings[name] = nil; bindingOrigins[name] = nil }
                succeeded = false
            } catch {
                report(.failure(Diagnostic.unexpectedFailure(error, range: plan.range).located(in: file)))
                if let name = plan.binding { bindings[name] = nil; bindingOrigins[name] = nil }
                succeeded = false
                if !keepGoing { return false }
            }
        }
        pendingErrors.forEach { report(.failure($0)) }
        return succeeded
    }

    /// Parses and checks `source` without running it: every problem found, in source order.
    public func check(_ source: SourceFile) -> [Diagnostic] { compile(source).errors }

    /// The `$parameters` that `source` uses, with the type each must have (``ValueType/null`` when any fits).
    public func parameters(of source: SourceFile) -> [String: ValueType] {
        compile(source).plans.reduce(into: [:]) { $0.merge($1.query.parameters) { a, b in a == .null ? b : a } }
    }

    /// Parses and checks one query once, to run it many times with different parameters.
    ///
    /// - Throws: the first ``Diagnostic`` if it does not parse or check, or if it is not exactly one query.
    public func prepare(_ source: String) throws(Diagnostic) -> PreparedQuery {
        let file = SourceFile(name: "<query>", text: source)
        var engine = self
        _ = try engine.readOpenedFiles(for: file, keepGoing: false)
        let (plans, errors) = engine.compile(file)
        if let first = errors.first { throw first }
        guard plans.count == 1, plans[0].binding == nil else {
            throw Diagnostic.notOneQuery(statements: plans.count, file: file)
        }
        return PreparedQuery(plan: plans[0], engine: engine, file: file)
    }

    /// Parses and checks every statement, with `let` schemas flowing from one statement to the next.
    /// `parameterTypes`, the types of the values to be given, type the parameters whose place does not.
    func compile(_ file: SourceFile, parameterTypes: [String: ValueType] = [:]) -> (plans: [StatementPlan], errors: [Diagnostic]) {
        let (program, syntaxErrors) = Parser.parse(file)
        var checker = Checker(scope: scope, file: file, parameterTypes: parameterTypes)
        var plans: [StatementPlan] = []
        var errors = syntaxErrors
        for statement in program.statements {
            do {
                plans.append(try checker.check(statement))
            } catch let diagnostic as Diagnostic {
                errors.append(diagnostic.located(in: file))
            } catch StatementFailure.check(let diagnostics) {
                errors += diagnostics.map { $0.located(in: file) }
            } catch StatementFailure.failedBinding {
                continue   // a use of a binding whose own statement failed: already reported
            } catch {
                errors.append(Diagnostic.unexpectedFailure(error, range: statement.range).located(in: file))
            }
        }
        errors.sort { ($0.range?.start ?? 0) < ($1.range?.start ?? 0) }
        return (plans, Self.capped(errors))
    }

    /// The most errors reported for one text. Garbage can hold an error per character, and each error
    /// shows its whole line: a megabyte of it would print terabytes.
    static let maximumErrors = 100

    /// The first ``maximumErrors`` errors, the last saying how many more there were.
    static func capped(_ errors: [Diagnostic]) -> [Diagnostic] {
        guard errors.count > maximumErrors else { return errors }
        var kept = Array(errors.prefix(maximumErrors))
        kept[kept.count - 1].hints.append(Diagnostic.moreErrorsHint(errors.count - maximumErrors))
        return kept
    }

    /// The names and schemas visible to a new statement.
    var scope: Scope {
        var scope = Scope(dataset: dataset)
        scope.bindings = bindings.mapValues(\.fields)
        return scope
    }

    func execute(_ plan: StatementPlan, parameters: [String: Value], cancellation: CancellationToken?,
                 pieces: ((Table) throws -> Void)? = nil) throws -> StatementResult {
        let bound = try ParameterBinder.bind(parameters, to: plan.query.parameters, at: plan.query.parameterRanges)
        let explaining = plan.explain || (explainsQueries && plan.binding == nil)
        // A query whose sources all live in one database runs there, unless it is traced or explained.
        if !databaseTables.isEmpty, !explaining, plan.query.lineage == nil,
           let table = try runInDatabase(plan.query, parameters: bound, cancellation: cancellation, range: plan.range) {
            if let assertion = plan.assertion { try AssertionCheck(plan: assertion, severity: assertionSeverity).verify(table) }
            return StatementResult(table: table, binding: plan.binding, notes: [], range: plan.range, chart: plan.query.chart,
                                   isAssertion: plan.assertion != nil)
        }
        if !databaseTables.isEmpty, explaining, plan.query.lineage == nil,
           let table = try explainInDatabase(plan.query, parameters: bound, cancellation: cancellation, range: plan.range) {
            return StatementResult(table: table, binding: plan.binding, notes: [], range: plan.range)
        }
        if streamsFiles, !explaining, databaseTables.isEmpty, let pieces,
           let handedOn = try handOn(plan, parameters: parameters, bound: bound, cancellation: cancellation, into: pieces) {
            return handedOn
        }
        if streamsFiles, !explaining, databaseTables.isEmpty,
           let streamed = try executeStreamed(plan, parameters: parameters, bound: bound, cancellation: cancellation) {
            return streamed
        }
        let sent = explaining ? SentStatements() : nil
        let data = (databaseTables.isEmpty ? dataset : try datasetWithRows(for: plan.query, parameters: bound, cancellation: cancellation, sent: sent))
            .withOpenedFilesAsRead
        let origin = ResultOrigin(plan: plan.query, dataset: data, bindings: bindings, origins: bindingOrigins, parameters: bound,
                                  budget: memoryBudget)
        var evaluator = Evaluator(dataset: data, bindings: bindings, parameters: bound, cancellation: cancellation,
                                  budget: memoryBudget)
        evaluator.origins = bindingOrigins
        evaluator.spill = spillSettings
        evaluator.explaining = explaining
        evaluator.sentStatements = sent?.reports ?? []
        let outcome = try evaluator.run(plan.query)
        if let assertion = plan.assertion { try AssertionCheck(plan: assertion, severity: assertionSeverity).verify(outcome.table) }
        var result = StatementResult(table: outcome.table, binding: plan.binding, notes: outcome.notes, range: plan.range,
                                     chart: plan.query.chart, isAssertion: plan.assertion != nil)
        // A lineage or an explain has no rows of its own behind it to trace.
        result.origin = evaluator.explaining || plan.query.lineage != nil ? nil : origin
        return result
    }
}

/// What one statement produced.
public struct StatementResult: Sendable {
    /// The rows: the query's result, or the table a `let` bound.
    public var table: Table
    /// The name bound, for a `let` statement.
    public var binding: String?
    /// Notes on the result, such as "no rows; "Cote d'Ivoire" is not a country here — did you mean …".
    public var notes: [Diagnostic]
    /// Where the statement is in its source.
    public var range: SourceRange
    /// What its `chart` stage draws, if it ends in one: table formats show ``table``, chart renderers this.
    public var chart: ChartSpec? = nil
    /// Whether it is an `assert` that held (one that fails is reported as a ``Diagnostic`` instead).
    public var isAssertion = false
    /// Whether its rows were handed on a block at a time (the `pieces` of
    /// ``Engine/run(_:parameters:cancellation:keepGoing:pieces:report:)``) instead: ``table`` then has
    /// the result's fields and no rows.
    public var rowsHandedOn = false
    /// How it was made, to run it again traced (``lineage()``); `nil` for an `explain`.
    var origin: ResultOrigin? = nil
}

/// A result or an error, reported as a program runs.
public enum StatementEvent: Sendable {
    /// A statement ran.
    case result(StatementResult)
    /// A statement failed.
    case failure(Diagnostic)
}

/// A query parsed and checked once; run it with different parameter values.
public struct PreparedQuery: Sendable {
    let plan: StatementPlan
    let engine: Engine
    let file: SourceFile

    /// The columns its results have. (A column that is a parameter whose place gives it no type,
    /// `select $n`, is ``ValueType/null`` here; each run gives it the type of the value.)
    public var fields: [Field] { plan.query.fields }

    /// The `$parameters` it takes, with their expected types (``ValueType/null`` when any fits).
    public var parameters: [String: ValueType] { plan.query.parameters }

    /// Runs the query with `parameters` bound.
    ///
    /// - Throws: a ``Diagnostic`` for a missing or mistyped parameter, or a runtime error.
    public func run(_ parameters: [String: Value] = [:], cancellation: CancellationToken? = nil) throws(Diagnostic) -> Table {
        do throws(Diagnostic) {
            return try Diagnostic.catching {
                try engine.execute(try plan(typedBy: parameters), parameters: parameters, cancellation: cancellation).table
            }
        } catch {
            throw error.located(in: file)
        }
    }

    /// The plan, checked again with the types of `values` when a parameter's place left its type open
    /// (`select $n`): the value decides, as it does when the query is run from text.
    private func plan(typedBy values: [String: Value]) throws -> StatementPlan {
        guard plan.query.parameters.contains(where: { $0.value == .null && !(values[$0.key]?.isNull ?? true) }) else { return plan }
        let (plans, errors) = engine.compile(file, parameterTypes: values.mapValues(\.type))
        if let first = errors.first { throw first }
        return plans[0]
    }
}
