// `explain` of a query over database tables: the SQL sent and the rows that came back, as rows of its
// result (so every output format has them). A query that runs in its database as a whole is one row, its
// statement; one that runs in memory (it mixes sources, or has a construct with no SQL) has a row per
// table it read, the statement that fetched the rows, before the rows of the stages that ran in memory.
// The text is the statement as sent, with its placeholders: the bound values are never in it, nor is a
// password (the database is named as messages name it).

/// The statements sent to databases while one query ran, as `explain` rows.
final class SentStatements {
    private(set) var reports: [StageReport] = []

    func record(_ compiled: CompiledSQL, to database: any SQLDatabase, for collection: String?, rows: Int, seconds: Double) {
        let stage = "SQL to \(database.displayName)" + (collection.map { " for \($0)" } ?? "")
        let values = compiled.parameters.count
        let bound = values == 0 ? "" : " (\(values) value\(values == 1 ? "" : "s") bound)"
        reports.append(StageReport(stage: stage + bound, rowsIn: nil, rowsOut: rows, seconds: seconds, detail: compiled.text))
    }

    /// Runs `compiled` on `database`, recording it.
    func run(_ compiled: CompiledSQL, on database: any SQLDatabase, for collection: String?,
             cancellation: CancellationToken?, range: SourceRange?) throws(Diagnostic) -> Table {
        let began = ContinuousClock.now
        let table = try database.run(compiled, cancellation: cancellation, range: range)
        record(compiled, to: database, for: collection, rows: table.rowCount, seconds: (ContinuousClock.now - began).seconds)
        return table
    }
}

extension Engine {
    /// `explain` of a query that runs in its database as a whole: the statement sent, as the one row of
    /// the result; `nil` when the query does not run there (it is then explained stage by stage in memory).
    func explainInDatabase(_ query: QueryPlan, parameters: [String: Value], cancellation: CancellationToken?,
                           range: SourceRange) throws -> Table? {
        let sent = SentStatements()
        guard try runInDatabase(query, parameters: parameters, cancellation: cancellation, range: range, sent: sent) != nil else { return nil }
        return LineageTables.explain(sent.reports)
    }
}
