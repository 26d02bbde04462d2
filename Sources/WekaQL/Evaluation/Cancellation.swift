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
    /// A token whose cancelling cancels this one too (a row stream's own token, under its caller's).
    private let parent: CancellationToken?

    /// Creates a token that is not cancelled.
    public init() { parent = nil }

    /// A token cancelled by its own ``cancel()`` or by `parent`'s, so that closing a stream stops its
    /// run without cancelling the caller's token.
    init(linkedTo parent: CancellationToken?) { self.parent = parent }

    /// Asks the query to stop; it throws a "query cancelled" diagnostic soon after.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) || parent?.isCancelled == true }

    /// Clears the flag so the token can be used again.
    public func reset() { flag.store(false, ordering: .relaxed) }
}
