// Running a few jobs on threads of their own (loading a large file uses both cores).

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs `jobs` at once, the first on the calling thread, and returns their results in order.
func runInParallel<T>(_ jobs: [() -> T]) -> [T] {
    guard jobs.count > 1 else { return jobs.map { $0() } }
    let boxes = jobs.dropFirst().map { JobBox(job: $0) }
    var threads: [pthread_t] = []
    for box in boxes {
        var thread = pthread_t()
        let retained = Unmanaged.passRetained(box).toOpaque()
        if pthread_create(&thread, nil, { pointer in
            let box = Unmanaged<AnyObject>.fromOpaque(pointer!).takeRetainedValue() as! Runnable
            box.run()
            return nil
        }, retained) == 0 {
            threads.append(thread)
        } else {
            Unmanaged<JobBox<T>>.fromOpaque(retained).release()
            box.run()   // no thread to be had: run it here
        }
    }
    let first = jobs[0]()
    for thread in threads { pthread_join(thread, nil) }
    return [first] + boxes.map { $0.result! }
}

private protocol Runnable: AnyObject { func run() }

/// A job and its result, handed to a thread; only that thread writes `result`, before the join.
private final class JobBox<T>: Runnable, @unchecked Sendable {
    let job: () -> T
    var result: T?
    init(job: @escaping () -> T) { self.job = job }
    func run() { if result == nil { result = job() } }
}
