// A query's rows read synchronously, a row or a chunk at a time (GRDB's Cursor, DuckDB's chunks), and
// the entry points that make streams and cursors from a prepared query or a query's text.

/// The rows of one run of a query, read on the calling thread: `while let row = try cursor.next()`.
///
/// The run starts at the first read, on a thread of its own, and makes rows as ``RowSequence`` does:
/// in the streaming evaluator's chunks when the plan streams, at most two of them waiting, or else the
/// whole result as one chunk. A read waits (blocking its thread) for the next chunk. ``cancel()``, or
/// the cursor's end (the last reference dropped), stops the run at its next chunk and frees what it
/// held. A cursor is read by one thread at a time; its rows may be kept and sent anywhere.
///
/// ```swift
/// let cursor = try engine.prepare("arrests where arrested > $n select country, arrested").cursor(["n": 30])
/// while let row = try cursor.next() { print(row["country"] ?? .null) }
/// ```
public final class RowCursor {
    let reader: ChunkReader

    init(_ run: RowStreamRun, capacity: Int = ChunkBuffer.defaultCapacity) {
        reader = ChunkReader(run, capacity: capacity)
    }

    /// The next row, or `nil` after the last (and after an error).
    ///
    /// - Throws: the run's ``Diagnostic``: a runtime error, E0402 once cancelled, E0370 (see ``RowSequence``).
    public func next() throws(Diagnostic) -> Row? { try reader.next() }

    /// The next row decoded as `T` by the rules of ``Table/decode(_:)``, or `nil` after the last.
    ///
    /// - Throws: the run's ``Diagnostic``, or E0420/E0421 from decoding (naming the row's place in the result).
    public func next<T: Decodable>(as type: T.Type) throws(Diagnostic) -> T? {
        guard let row = try reader.next() else { return nil }
        return try row.decode(type, position: reader.position)
    }

    /// The rows not read yet of the current chunk, or else the next chunk, as a table of the result's
    /// fields; `nil` after the last. Chunks of a streamed plan are the evaluator's (a few thousand rows
    /// each, never empty); the result of another plan is one chunk.
    public func nextChunk() throws(Diagnostic) -> Table? { try reader.nextChunk() }

    /// Stops the run: the next read throws E0402 ("query cancelled"). Rows read before stay valid.
    public func cancel() { reader.buffer.close() }
}

extension PreparedQuery {
    /// How to run the query with `parameters` as a stream.
    func streamRun(_ parameters: [String: Value], cancellation: CancellationToken?) -> RowStreamRun {
        RowStreamRun(engine: engine, plan: plan, file: file, parameters: parameters, prepared: self, cancellation: cancellation)
    }

    /// The query's rows with `parameters` bound, read as they are made (``RowSequence``).
    ///
    /// ```swift
    /// for try await row in prepared.rows(["c": "Togo"]) { print(row["arrested"] ?? .null) }
    /// ```
    ///
    /// Nothing runs until the loop reads; a missing or mistyped parameter is thrown by the first read.
    public func rows(_ parameters: [String: Value] = [:], cancellation: CancellationToken? = nil) -> RowSequence {
        RowSequence(run: streamRun(parameters, cancellation: cancellation))
    }

    /// The query's rows decoded as `T` as they are made: `for try await arrest in prepared.rows(as: Arrest.self)`.
    public func rows<T: Decodable>(as type: T.Type, _ parameters: [String: Value] = [:],
                                   cancellation: CancellationToken? = nil) -> DecodedRowSequence<T> {
        rows(parameters, cancellation: cancellation).decoding(as: type)
    }

    /// A cursor over the query's rows with `parameters` bound (``RowCursor``).
    ///
    /// - Throws: a ``Diagnostic`` for a missing or mistyped parameter; errors of the run come from the reads.
    public func cursor(_ parameters: [String: Value] = [:], cancellation: CancellationToken? = nil) throws(Diagnostic) -> RowCursor {
        do throws(Diagnostic) {
            _ = try Diagnostic.catching { try ParameterBinder.bind(parameters, to: plan.query.parameters, at: plan.query.parameterRanges) }
        } catch {
            throw error.located(in: file)
        }
        return RowCursor(streamRun(parameters, cancellation: cancellation))
    }
}

extension Engine {
    /// The rows of one query, read as they are made (``RowSequence``), without `var`.
    ///
    /// Over a file opened with ``Dataset/open(path:options:columns:)``, a query that streams is checked
    /// over the types of the file's first rows and reads the file only as its rows are read, where
    /// ``prepare(_:)`` would read the columns it uses first; any other query is prepared.
    ///
    /// ```swift
    /// var dataset = Dataset.empty
    /// try dataset.open(path: "arrests.csv")
    /// for try await row in try Engine(dataset: dataset).rows("arrests where arrested > 30 select id") { … }
    /// ```
    ///
    /// - Throws: a ``Diagnostic`` when the query does not parse or check, or is not exactly one query.
    public func rows(_ query: String, parameters: [String: Value] = [:],
                     cancellation: CancellationToken? = nil) throws(Diagnostic) -> RowSequence {
        RowSequence(run: try streamRun(query, parameters: parameters, cancellation: cancellation))
    }

    /// The rows of one query decoded as `T` as they are made (``rows(_:parameters:cancellation:)``).
    public func rows<T: Decodable>(as type: T.Type, _ query: String, parameters: [String: Value] = [:],
                                   cancellation: CancellationToken? = nil) throws(Diagnostic) -> DecodedRowSequence<T> {
        try rows(query, parameters: parameters, cancellation: cancellation).decoding(as: type)
    }

    /// A cursor over one query's rows (``RowCursor``), as ``rows(_:parameters:cancellation:)`` runs them.
    public func cursor(_ query: String, parameters: [String: Value] = [:],
                       cancellation: CancellationToken? = nil) throws(Diagnostic) -> RowCursor {
        RowCursor(try streamRun(query, parameters: parameters, cancellation: cancellation))
    }

    /// How to stream `query`: checked over the sampled types when it streams over opened files, else prepared.
    private func streamRun(_ query: String, parameters: [String: Value],
                           cancellation: CancellationToken?) throws(Diagnostic) -> RowStreamRun {
        let file = SourceFile(name: "<query>", text: query)
        if dataset.collections.contains(where: \.isOpenedLazily), databaseTables.isEmpty, !explainsQueries {
            let (plans, errors) = compile(file, parameterTypes: parameters.mapValues(\.type))
            if errors.isEmpty, plans.count == 1, let plan = plans.first, plan.binding == nil, plan.assertion == nil, !plan.explain,
               let bound = try? ParameterBinder.bind(parameters, to: plan.query.parameters, at: plan.query.parameterRanges),
               streamsWhole(plan.query, parameters: bound) {
                return RowStreamRun(engine: self, plan: plan, file: file, parameters: parameters, prepared: nil, cancellation: cancellation)
            }
        }
        return try prepare(query).streamRun(parameters, cancellation: cancellation)
    }
}
