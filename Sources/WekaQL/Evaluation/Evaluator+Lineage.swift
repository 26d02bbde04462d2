// The evaluator's side of lineage and explain: starting the observer, following a source or a join's
// right side back to the collections (through `let` bindings, by running their queries again traced),
// and turning what was recorded into the result.

/// How a result was made: enough to run its query again, traced. Kept with every result and binding;
/// it holds references only (the tables are shared), so keeping it costs nothing measurable.
struct ResultOrigin: Sendable {
    var plan: QueryPlan
    var dataset: Dataset
    var bindings: [String: Table]
    var origins: [String: ResultOrigin]
    /// The parameters, bound to the plan's types.
    var parameters: [String: Value]
    var budget: MemoryBudget

    /// Keeps of `bindings` and `origins` only the names `plan` reads: each origin kept that way holds
    /// the tables its own query read, not every binding there was (the shell's `_` is bound to each
    /// result in turn, with its origin, so an origin holding them all held every result of a session).
    init(plan: QueryPlan, dataset: Dataset, bindings: [String: Table], origins: [String: ResultOrigin],
         parameters: [String: Value], budget: MemoryBudget) {
        let read = plan.bindingNamesRead
        self.plan = plan
        self.dataset = dataset
        self.bindings = bindings.filter { read.contains($0.key) }
        self.origins = origins.filter { read.contains($0.key) }
        self.parameters = parameters
        self.budget = budget
    }
}

extension QueryPlan {
    /// The names of the `let` bindings the query reads: as its source, a join's or union's side, or in a
    /// query of its own (a union's side, `in (QUERY)`).
    var bindingNamesRead: Set<String> {
        var names: Set<String> = []
        func reference(_ source: SourceReference) {
            if case .binding(let name) = source { names.insert(name) }
        }
        reference(source)
        for stage in stages {
            switch stage.stage {
            case .join(let join): reference(join.right)
            case .union(let union):
                switch union.side {
                case .source(let side): reference(side)
                case .query(let side): names.formUnion(side.bindingNamesRead)
                }
            default: break
            }
        }
        for subquery in subqueries { names.formUnion(subquery.bindingNamesRead) }
        return names
    }
}

extension Evaluator {
    /// The observer of a run that asks for lineage, `why not` or `explain`; `nil` for any other run.
    func observer(for plan: QueryPlan, source: Table) throws -> RunObserver? {
        guard plan.lineage != nil || explaining || tracing else { return nil }
        let graph = self.graph ?? LineageGraph()
        let lineage = QueryLineage(start: try start(of: plan.source, table: source, graph: graph))
        let observer = RunObserver(graph: graph, lineage: lineage, explaining: explaining, file: plan.file)
        if case .collection(let name) = plan.source {
            observer.recordSource(plan.sourceName, table: source, file: dataset[name]?.file)
        } else {
            observer.recordSource(plan.sourceName, table: source, file: nil)
        }
        if case .whyNot(let expression, let text, let joinStage) = plan.lineage {
            // For a field a join brings, the rows followed are its right side's, from the join on.
            var followed = (table: source, name: plan.sourceName)
            if let joinStage, case .join(let join) = plan.stages[joinStage].stage { followed = (try table(join.right), join.right.name) }
            observer.whyNot = try WhyNotTracker(expression, text: text, source: followed.table, sourceName: followed.name,
                                                parameters: parameters, joinStage: joinStage)
        }
        return observer
    }

    /// Where the rows of `source` start: a collection's rows, or the result rows of the query a binding ran.
    func start(of source: SourceReference, table: Table, graph: LineageGraph) throws -> QueryLineage.Start {
        switch source {
        case .collection(let name):
            return .input(graph.add(LineageInput(name: name, table: table, file: dataset[name]?.file)))
        case .binding(let name):
            // A binding without a query behind it (bound by the library, or a lineage itself) is where lineage ends.
            guard let origin = origins[name], origin.plan.lineage == nil else {
                return .input(graph.add(LineageInput(name: name, table: table, file: nil)))
            }
            var evaluator = Evaluator(origin, cancellation: cancellation)
            evaluator.tracing = true
            evaluator.graph = graph
            guard let lineage = try evaluator.run(origin.plan).lineage else { preconditionFailure("a traced run keeps its lineage") }
            return .query(lineage)
        }
    }

    /// An evaluator for a query inside this one (a union's side, `in (QUERY)`): it never explains (only
    /// the outer query's stages are shown), and records lineage into `graph` when given one.
    func subquery(tracedIn graph: LineageGraph?) -> Evaluator {
        var evaluator = self
        evaluator.explaining = false
        evaluator.tracing = graph != nil
        evaluator.graph = graph
        return evaluator
    }

    /// The lineage of a join's right side.
    func rightLineage(of stage: PlanStage, graph: LineageGraph) throws -> QueryLineage {
        guard case .join(let join) = stage else { preconditionFailure("only a join has a right side") }
        return QueryLineage(start: try start(of: join.right, table: try table(join.right), graph: graph))
    }

    /// The result of an observed run: the lineage asked for, what each stage did, or the result with its lineage kept.
    func traced(_ plan: QueryPlan, result: Table, selection: [Int32]?, observer: RunObserver, notes: [Diagnostic]) -> QueryOutcome {
        observer.lineage.finalSelection = selection
        if explaining {
            return QueryOutcome(table: LineageTables.explain(sentStatements + observer.reports), notes: notes)
        }
        switch plan.lineage {
        case .why:
            return QueryOutcome(table: LineageTables.why(result: result, lineage: observer.lineage, graph: observer.graph), notes: notes)
        case .whyNot:
            let tracker = observer.whyNot!
            return QueryOutcome(table: LineageTables.whyNot(tracker.steps), notes: notes + [tracker.note].compactMap { $0 })
        case nil:
            return QueryOutcome(table: result, notes: notes, lineage: observer.lineage, graph: observer.graph)
        }
    }
}
