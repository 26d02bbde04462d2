// The bounded hand-over between the thread that runs a streamed query and the code that reads its rows
// (RowSequence, RowCursor): the producer waits while the buffer is full, so it never runs more than
// `capacity` chunks ahead of the reader, and a reader that stops closes the buffer, which stops the run.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Chunks of result rows on their way from a query's producer thread to its reader.
///
/// A pthread mutex and condition, not `Synchronization.Mutex`: the producer must sleep while the buffer
/// is full, and ThreadSanitizer sees pthread's primitives (see ``Locked``).
final class ChunkBuffer: @unchecked Sendable {
    /// Thrown into the run when the reader has closed the buffer: nobody wants its rows any more.
    struct Closed: Error {}

    /// The most chunks held at once.
    let capacity: Int
    /// The run's own token: cancelled when the reader closes the buffer, and by the caller's token.
    let cancellation: CancellationToken
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var chunks: [Table] = []
    /// How the run ended, once it has; handed to the reader after the chunks before it.
    private var end: Result<Void, Diagnostic>?
    private var closed = false
    /// Whether the reader was told of the cancelling (it then gets `nil`, as after any error).
    private var cancelReported = false
    private var producerEnded = false
    /// A reader suspended in ``take(isolation:)`` until a chunk or the end comes.
    private var waiter: CheckedContinuation<Result<Table?, Diagnostic>, Never>?
    private var taken = 0
    private var mostHeld = 0

    /// The default capacity: two chunks, one being read while the next is made.
    static let defaultCapacity = 2

    init(capacity: Int = defaultCapacity, cancellation: CancellationToken?) {
        self.capacity = max(1, capacity)
        self.cancellation = CancellationToken(linkedTo: cancellation)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    // MARK: The producer's side

    /// Hands `chunk` on, waiting while the buffer is full.
    ///
    /// - Throws: ``Closed`` when the reader has closed the buffer.
    func put(_ chunk: Table) throws {
        let resumed: (CheckedContinuation<Result<Table?, Diagnostic>, Never>, Table)? = try locked {
            while chunks.count >= capacity && !closed { pthread_cond_wait(changed, mutex) }
            if closed { throw Closed() }
            if let waiting = waiter, chunks.isEmpty {
                waiter = nil
                taken += 1
                return (waiting, chunk)
            }
            chunks.append(chunk)
            mostHeld = max(mostHeld, chunks.count)
            pthread_cond_broadcast(changed)
            return nil
        }
        if let (waiting, chunk) = resumed { waiting.resume(returning: .success(chunk)) }
    }

    /// Ends the stream: the reader gets `outcome` after the chunks already in the buffer.
    func finish(_ outcome: Result<Void, Diagnostic>) {
        let waiting: CheckedContinuation<Result<Table?, Diagnostic>, Never>? = locked {
            producerEnded = true
            pthread_cond_broadcast(changed)
            guard !closed else { return nil }
            end = outcome
            guard let waiting = waiter else { return nil }
            waiter = nil
            return waiting
        }
        waiting?.resume(returning: endResult(outcome))
    }

    /// Whether the reader has taken nothing yet; if so, the chunks waiting are dropped, for the run to
    /// start again (a column's type changed) without any row being given twice.
    func discardIfNothingTaken() -> Bool {
        locked {
            guard taken == 0 else { return false }
            chunks.removeAll()
            pthread_cond_broadcast(changed)
            return true
        }
    }

    // MARK: The reader's side

    /// The next chunk, waiting for it; `nil` at the end. An error ends the stream: later calls give `nil`.
    func take() -> Result<Table?, Diagnostic> {
        locked {
            while true {
                if let ready = readyLocked() { return ready }
                pthread_cond_wait(changed, mutex)
            }
        }
    }

    /// ``take()`` for an async reader: it suspends instead of blocking its thread.
    func take(isolation actor: isolated (any Actor)? = #isolation) async -> Result<Table?, Diagnostic> {
        await withCheckedContinuation(isolation: actor) { (continuation: CheckedContinuation<Result<Table?, Diagnostic>, Never>) in
            let ready: Result<Table?, Diagnostic>? = locked {
                if let ready = readyLocked() { return ready }
                waiter = continuation
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// What the reader gets now, or `nil` when it must wait. Called with the lock held.
    private func readyLocked() -> Result<Table?, Diagnostic>? {
        if closed || cancellation.isCancelled {
            // Cancelled: no more rows, even those already made.
            chunks.removeAll()
            pthread_cond_broadcast(changed)
            if cancelReported { return .success(nil) }
            cancelReported = true
            return .failure(Diagnostic.cancelled(range: nil))
        }
        if !chunks.isEmpty {
            taken += 1
            pthread_cond_broadcast(changed)
            return .success(chunks.removeFirst())
        }
        guard let outcome = end else { return nil }
        end = .success(())
        return endResult(outcome)
    }

    private func endResult(_ outcome: Result<Void, Diagnostic>) -> Result<Table?, Diagnostic> {
        outcome.map { nil }
    }

    /// Stops the stream from the reader's side: the chunks held are dropped, the run is cancelled and
    /// its producer stops at its next chunk. A reader waiting in ``take(isolation:)`` gets E0402.
    func close() {
        let waiting: CheckedContinuation<Result<Table?, Diagnostic>, Never>? = locked {
            closed = true
            cancellation.cancel()
            chunks.removeAll()
            pthread_cond_broadcast(changed)
            guard let waiting = waiter else { return nil }
            waiter = nil
            cancelReported = true
            return waiting
        }
        waiting?.resume(returning: .failure(Diagnostic.cancelled(range: nil)))
    }

    // MARK: For tests

    /// The most chunks the buffer ever held at once, and how many the reader took.
    var counts: (mostHeld: Int, taken: Int, held: Int) { locked { (mostHeld, taken, chunks.count) } }

    /// Waits until the producer has finished (its run returned or stopped).
    func waitForProducer() {
        locked { while !producerEnded { pthread_cond_wait(changed, mutex) } }
    }
}

/// Runs `body` on a new thread of its own, which nobody joins; on the calling thread if none can be made.
func detachThread(_ body: @escaping @Sendable () -> Void) {
    final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    let retained = Unmanaged.passRetained(Job(body)).toOpaque()
    var thread = pthread_t()
    let made = pthread_create(&thread, nil, { pointer in
        Unmanaged<Job>.fromOpaque(pointer!).takeRetainedValue().body()
        return nil
    }, retained)
    if made == 0 {
        pthread_detach(thread)
    } else {
        Unmanaged<Job>.fromOpaque(retained).takeRetainedValue().body()
    }
}
