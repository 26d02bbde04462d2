// The library's entry point for SQL: a checked query compiled to one statement of a dialect.

extension Engine {
    /// Compiles the query `text` to one SQL statement in `dialect`, with its `$parameters` bound.
    ///
    /// ```swift
    /// let compiled = try Engine().sql(for: "arrests count by offence", dialect: .duckdb)
    /// print(compiled.text)   // WITH "s1" AS (SELECT … FROM "arrests"), … SELECT "c0" AS "offence", …
    /// ```
    ///
    /// The text is parsed and checked as for running it; `let` statements before the query are compiled into it.
    ///
    /// - Throws: the first ``Diagnostic``: a syntax, name or type error, a missing parameter, or E1000 for a
    ///   construct that has no SQL with wekaql's meaning in `dialect` (placed on the construct).
    public func sql(for text: String, dialect: SQLDialect, parameters: [String: Value] = [:]) throws(Diagnostic) -> CompiledSQL {
        let file = SourceFile(name: "<query>", text: text)
        let compiled = try sql(for: file, dialect: dialect, parameters: parameters)
        guard let last = compiled.last else {
            throw Diagnostic.noQueryToCompile(file: file)
        }
        return last
    }

    /// Compiles every query of `file` (not its `let` statements, which the queries that use them include).
    public func sql(for file: SourceFile, dialect: SQLDialect, parameters: [String: Value] = [:]) throws(Diagnostic) -> [CompiledSQL] {
        let (plans, errors) = compile(file, parameterTypes: parameters.mapValues(\.type))
        if let first = errors.first { throw first }
        var bindings: [String: QueryPlan] = [:]
        var results: [CompiledSQL] = []
        for plan in plans {
            do {
                if let name = plan.binding { bindings[name] = plan.query; continue }
                results.append(try sql(for: plan.query, dialect: dialect, parameters: parameters, bindings: bindings))
            } catch {
                throw error.located(in: file)
            }
        }
        return results
    }

    /// Every query of `file` compiled on its own, as `--sql --keep-going` prints them: the SQL of each query
    /// that checks and has SQL, in order, and the error of each that does not (a syntax or check error, a
    /// missing parameter, E1000), placed in `file`. A query after an error is still compiled.
    public func sqlOfEachQuery(in file: SourceFile, dialect: SQLDialect,
                               parameters: [String: Value] = [:]) -> (statements: [CompiledSQL], errors: [Diagnostic]) {
        var (plans, errors) = compile(file, parameterTypes: parameters.mapValues(\.type))
        var bindings: [String: QueryPlan] = [:]
        var statements: [CompiledSQL] = []
        for plan in plans {
            if let name = plan.binding { bindings[name] = plan.query; continue }
            do {
                statements.append(try sql(for: plan.query, dialect: dialect, parameters: parameters, bindings: bindings))
            } catch {
                var placed = error.located(in: file)
                if placed.range == nil { placed.range = plan.range }   // a parameter's value of the wrong type: this query's
                errors.append(placed)
            }
        }
        errors.sort { ($0.range?.start ?? 0) < ($1.range?.start ?? 0) }
        return (statements, errors)
    }

    /// One checked query as SQL, reading the `let` plans of `bindings`.
    func sql(for query: QueryPlan, dialect: SQLDialect, parameters: [String: Value],
             bindings: [String: QueryPlan] = [:], folding: SQLFolding = .dialectDefault) throws(Diagnostic) -> CompiledSQL {
        let values: [String: Value]
        do {
            // The parameters of the query and of the `let` queries it reads (another `let` may use one as another type).
            let read = Self.bindingsRead(by: query, in: bindings)
            values = try ParameterBinder.bind(parameters, to: query.parameters.merging(read.reduce(into: [:]) { $0.merge($1.parameters) { a, _ in a } }) { a, _ in a },
                                              at: query.parameterRanges)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic.badParameterValues()
        }
        var writer = SQLWriter(dialect: dialect, parameterValues: values, tables: sqlTables, bindings: bindings)
        writer.folding = folding
        let text = try writer.compile(query)
        return CompiledSQL(text: text, parameters: writer.parameters, dialect: dialect, fields: query.fields, tables: writer.tablesRead,
                           scanOrderFree: !writer.readsScanOrder && !writer.addsFloats && !writer.mayFail)
    }

    /// The `let` queries `query` reads, directly or through one another: its source, joins, union sides and subqueries.
    static func bindingsRead(by query: QueryPlan, in bindings: [String: QueryPlan]) -> [QueryPlan] {
        var found: [String: QueryPlan] = [:]
        func visit(_ plan: QueryPlan) {
            func reference(_ source: SourceReference) {
                guard case .binding(let name) = source, found[name] == nil, let bound = bindings[name] else { return }
                found[name] = bound
                visit(bound)
            }
            reference(plan.source)
            for stage in plan.stages {
                switch stage.stage {
                case .join(let join): reference(join.right)
                case .union(let union):
                    switch union.side {
                    case .source(let source): reference(source)
                    case .query(let side): visit(side)
                    }
                default: break
                }
            }
            plan.subqueries.forEach(visit)
        }
        visit(query)
        return Array(found.values)
    }

    /// The table behind each collection: a database's own (its name, columns and kind), else one of the
    /// collection's name and fields, as a table the data was copied into would have.
    var sqlTables: [String: SQLTable] {
        var tables: [String: SQLTable] = [:]
        for collection in dataset.collections {
            tables[collection.name] = SQLTable(name: collection.name, columns: collection.fields.map(\.name))
            for former in collection.formerNames where tables[former] == nil {
                tables[former] = tables[collection.name]
            }
        }
        for (name, table) in databaseTables where tables[name] != nil { tables[name] = table.table }
        return tables
    }
}
