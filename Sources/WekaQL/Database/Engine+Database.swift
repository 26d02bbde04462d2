// Queries over database tables: a query whose sources are all tables of one database runs there as one
// SQL statement; a query that mixes them with data in memory reads those tables' rows and runs in memory.
// So does a query with a construct the database has no SQL for (E1000): the answer is wekaql's either way.

extension Engine {
    /// Adds the tables and views of `database` as collections (replacing collections of the same names),
    /// whose queries run in the database.
    public mutating func attach(_ database: SQLiteDatabase) {
        attachDatabase(database)
    }

    /// Adds the tables and views of the PostgreSQL `database` (those its search path shows) as
    /// collections (replacing collections of the same names), whose queries run on its server.
    public mutating func attach(_ database: PostgresDatabase) {
        attachDatabase(database)
    }

    private mutating func attachDatabase(_ database: any SQLDatabase) {
        for collection in database.collections {
            dataset.add(collection)
            databaseTables[collection.name] = DatabaseTable(database: database, table: database.tables[collection.name]!)
        }
    }

    /// The collections a query reads directly: its source and what it joins.
    /// Every collection the query reads: its source first, then join sides, union sides and the sources of
    /// `in (QUERY)`, nested queries included (a side left out would be read as empty).
    private func sources(of query: QueryPlan) -> [SourceReference] {
        var found = [query.source]
        for stage in query.stages {
            switch stage.stage {
            case .join(let plan): found.append(plan.right)
            case .union(let plan):
                switch plan.side {
                case .source(let reference): found.append(reference)
                case .query(let side): found += sources(of: side)
                }
            default: break
            }
        }
        for subquery in query.subqueries { found += sources(of: subquery) }
        return found
    }

    private func databaseTable(_ reference: SourceReference) -> DatabaseTable? {
        guard case .collection(let name) = reference else { return nil }
        return databaseTables[dataset[name]?.name ?? name]
    }

    /// The result of `query` computed by its database, or `nil` when it does not run there as a whole.
    /// With `sent`, the statement is recorded there for `explain`.
    func runInDatabase(_ query: QueryPlan, parameters: [String: Value], cancellation: CancellationToken?,
                       range: SourceRange, sent: SentStatements? = nil) throws -> Table? {
        let tables = sources(of: query).map(databaseTable)
        guard let first = tables.first ?? nil, tables.allSatisfy({ $0?.database === first.database }) else { return nil }
        let database = first.database
        let compiled: CompiledSQL
        switch Result(catching: { () throws(Diagnostic) -> CompiledSQL in try sql(for: query, on: database, parameters: parameters) }) {
        case .success(let value): compiled = value
        case .failure(let diagnostic):
            if diagnostic.code == .noSQL { return nil }
            throw diagnostic
        }
        if let sent { return try sent.run(compiled, on: database, for: nil, cancellation: cancellation, range: range) }
        return try database.run(compiled, cancellation: cancellation, range: range)
    }

    /// For completion: at most `limit` distinct values of `field` in the result of `plan`, fetched with a
    /// bounded `SELECT DISTINCT` when the query runs in a database; `nil` when it does not (or fails).
    func databaseValues(of field: String, in plan: StatementPlan, limit: Int) -> Table? {
        let tables = sources(of: plan.query).map(databaseTable)
        guard let first = tables.first ?? nil, tables.allSatisfy({ $0?.database === first.database }),
              let index = plan.query.fields.firstIndex(where: { $0.name == field }),
              // For completion only: a query that does not compile or run in the database offers no values.
              var compiled = try? sql(for: plan.query, on: first.database, parameters: [:]) else { return nil }
        let column = first.database.dialect.quoted(field)
        compiled.text = "SELECT DISTINCT \(column) FROM (\(compiled.text)) AS \(first.database.dialect.quoted("d")) WHERE \(column) IS NOT NULL LIMIT \(limit)"
        compiled.fields = [plan.query.fields[index]]
        return try? first.database.run(compiled, cancellation: nil, range: nil)
    }

    /// The dataset with the rows of every database table `query` reads, for running it in memory. Of the
    /// query's source, only the columns it reads are fetched (the others are nulls of their types) and its
    /// leading `where` stages are sent along when SQLite computes them without a chance of error. With
    /// `sent`, the statements are recorded there for `explain`.
    func datasetWithRows(for query: QueryPlan, parameters: [String: Value] = [:], cancellation: CancellationToken?,
                         sent: SentStatements? = nil) throws -> Dataset {
        var copy = dataset
        for (index, reference) in sources(of: query).enumerated() {
            guard let table = databaseTable(reference), case .collection(let name) = reference, var collection = dataset[name] else { continue }
            let fields = collection.fields
            let read = index == 0 ? query.sourceColumnsRead ?? Set(fields.indices) : Set(fields.indices)
            // A query that reads no column still needs the rows: one column is fetched for them.
            let kept = fields.indices.filter(read.contains).isEmpty ? Array(fields.indices.prefix(1)) : fields.indices.filter(read.contains)
            var fetch = QueryPlan(source: reference, sourceName: name, stages: [], fields: fields, parameters: query.parameters)
            if index == 0 {
                for filter in query.leadingFilters where Self.isSafeToPushDown(filter, to: table.database) {
                    fetch.stages.append((.filter(filter, probes: []), fields, filter.range))
                }
            }
            // A column is fetched as it is: an exact decimal read as text (its SQL has no translation yet),
            // the database's value converted to the field's type when the rows come back.
            let columns = kept.map { BoundExpression(kind: .column($0), type: fields[$0].type == .decimal ? .string : fields[$0].type, range: SourceRange(0, 0)) }
            fetch.stages.append((.project(columns), kept.map { fields[$0] }, SourceRange(0, 0)))
            fetch.fields = kept.map { fields[$0] }
            var compiled = try sql(for: fetch, on: table.database, parameters: parameters)
            compiled.fields = kept.map { fields[$0] }
            let fetched = if let sent {
                try sent.run(compiled, on: table.database, for: name, cancellation: cancellation, range: nil)
            } else {
                try table.database.run(compiled, cancellation: cancellation, range: nil)
            }
            let full = fields.indices.map { column in
                kept.firstIndex(of: column).map { fetched.columns[$0] } ?? Column(type: fields[column].type, values: Array(repeating: .null, count: fetched.rowCount))
            }
            collection.replaceTable(with: Table(fields: fields, columns: full, rowCount: fetched.rowCount))
            copy.add(collection)
        }
        return copy
    }

    /// One checked query as SQL for `database`: in its dialect, folding text as it can.
    func sql(for query: QueryPlan, on database: any SQLDatabase, parameters: [String: Value]) throws(Diagnostic) -> CompiledSQL {
        try sql(for: query, dialect: database.dialect, parameters: parameters, folding: database.folding)
    }

    /// Whether a condition compiles for the database with no call that can fail (overflow, division by zero).
    private static func isSafeToPushDown(_ condition: BoundExpression, to database: any SQLDatabase) -> Bool {
        var writer = SQLWriter(dialect: database.dialect, parameterValues: [:], tables: [:], bindings: [:])
        writer.folding = database.folding
        guard (try? writer.expression(condition)) != nil else { return false }   // not pushed down: evaluated here, with its errors
        return !writer.mayFail
    }
}

/// A collection that is a table (or view) of an attached database.
struct DatabaseTable: Sendable {
    let database: any SQLDatabase
    let table: SQLTable
}
