// A value behind a pthread mutex, for state that tasks share (the lazily decoded built-in tables).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A value that one thread at a time may read or change.
///
/// Not `Synchronization.Mutex`: on Linux that locks with a futex that ThreadSanitizer cannot see, so the
/// sanitizer reported the tables decoded under it as data races. It does see pthread's mutex.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` on the value while holding the lock.
    /// Typed, so that a body throwing only ``Diagnostic`` keeps its type through the lock.
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
