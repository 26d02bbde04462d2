// Cancelling a running query from another thread: the shell's Ctrl-C, or an embedding tool's timeout.

import Synchronization

/// A flag that a running query checks between chunks of rows; set it to stop the query.
///
/// ```swift
/// let token = CancellationToken()
/// Task { try await Task.sleep(for: .seconds(1)); token.cancel() }
/// let result = try engine.run("…", cancellation: token)   // throws E0402 if cancelled
/// ```
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a token that is not cancelled.
    public init() {}

    /// Asks the query to stop; it throws a "query cancelled" diagnostic soon after.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Clears the flag so the token can be used again.
    public func reset() { flag.store(false, ordering: .relaxed) }
}
