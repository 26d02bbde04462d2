// A query's rows as an AsyncSequence: `for try await row in prepared.rows()`, each iteration a run of
// its own, its rows made a chunk at a time on another thread and never more than a few chunks ahead.

/// The rows of one query, read as they are made: `for try await row in engine.rows("…")`.
///
/// Each iteration runs the query once, on a thread of its own. When the plan streams (its result is
/// the rows its `where` and projections keep, over a file opened with ``Dataset/open(path:options:columns:)``
/// or a collection in memory), the rows come in the streaming evaluator's chunks, and at most
/// two chunks wait to be read: the run waits for the reader, so the result is never held whole.
/// Any other plan (`count by`, `sort`, a join) runs whole and its result comes as one chunk, through
/// the same API. The rows come in the order ``PreparedQuery/run(_:cancellation:)`` gives them.
///
/// Leaving the loop (`break`, `return`, a thrown error) stops the run at its next chunk and frees what
/// it held; so does cancelling the task, after which `next()` throws E0402 ("query cancelled"), as it
/// does when the `cancellation` token given is cancelled. Notes (“no rows; did you mean …”) are not
/// given: ``PreparedQuery/run(_:cancellation:)`` gives them.
///
/// A ``Row`` is read in its chunk: ``Row/index`` is its place in that chunk, not in the whole result.
///
/// - Note: A field of an opened file is given the type of its first rows' sample. When a value far down
///   the file does not fit it, the run starts again with the true type if no row has been read yet, and
///   otherwise throws E0370 after the rows already read, so that no row is ever given twice. A prepared
///   query reads the columns it uses first (their types are then known), and so never meets it.
public struct RowSequence: AsyncSequence, Sendable {
    /// Each element is one row of the result.
    public typealias Element = Row
    /// Every error is a ``Diagnostic``.
    public typealias Failure = Diagnostic

    let run: RowStreamRun
    /// The most chunks held for the reader.
    var capacity = ChunkBuffer.defaultCapacity
    /// Told of each iteration's buffer (for tests that look at how much it held).
    var observer: (@Sendable (ChunkBuffer) -> Void)? = nil

    /// Starts nothing: the run starts at the iterator's first `next()`.
    public func makeAsyncIterator() -> Iterator {
        let reader = ChunkReader(run, capacity: capacity)
        observer?(reader.buffer)
        return Iterator(reader: reader)
    }

    /// The rows decoded as `T`, each by the rules of ``Table/decode(_:)``.
    public func decoding<T: Decodable>(as type: T.Type) -> DecodedRowSequence<T> { DecodedRowSequence(rows: self) }

    /// Reads one run's rows.
    public struct Iterator: AsyncIteratorProtocol {
        let reader: ChunkReader

        /// The next row, or `nil` after the last.
        ///
        /// - Throws: the run's ``Diagnostic`` (a runtime error, E0402 when cancelled); `nil` follows it.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(Diagnostic) -> Row? {
            try await reader.next(isolation: actor)
        }

        /// The next row, or `nil` after the last.
        public mutating func next() async throws(Diagnostic) -> Row? {
            try await reader.next(isolation: nil)
        }
    }
}

/// The rows of one query decoded as `T` (``RowSequence/decoding(as:)``, ``PreparedQuery/rows(as:_:cancellation:)``).
public struct DecodedRowSequence<T: Decodable>: AsyncSequence, Sendable {
    /// Each element is one row, decoded.
    public typealias Element = T
    /// Every error is a ``Diagnostic``: the run's, or E0420/E0421 from decoding (naming the row's place
    /// in the whole result).
    public typealias Failure = Diagnostic

    let rows: RowSequence

    /// Starts nothing: the run starts at the iterator's first `next()`.
    public func makeAsyncIterator() -> Iterator { Iterator(rows: rows.makeAsyncIterator()) }

    /// Reads and decodes one run's rows.
    public struct Iterator: AsyncIteratorProtocol {
        var rows: RowSequence.Iterator

        /// The next row decoded, or `nil` after the last.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws(Diagnostic) -> T? {
            guard let row = try await rows.next(isolation: actor) else { return nil }
            return try row.decode(T.self, position: rows.reader.position)
        }

        /// The next row decoded, or `nil` after the last.
        public mutating func next() async throws(Diagnostic) -> T? {
            try await next(isolation: nil)
        }
    }
}
