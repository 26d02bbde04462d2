// Runs the shell's statements on a worker thread while this thread waits for Ctrl-C, so that a long
// query can be cancelled. SIGINT is blocked and taken with sigwait: no signal handler, no global state.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// What running one input produced.
struct RunOutcome {
    /// Each result or error, with the seconds since the one before (or the start).
    var events: [(event: StatementEvent, seconds: Double)]
    var succeeded: Bool
    var cancelled: Bool
}

/// One run, handed to the worker thread and back; only one thread touches it at a time.
private final class Job: @unchecked Sendable {
    var engine: Engine
    let file: SourceFile
    let parameters: [String: Value]
    let keepGoing: Bool
    let token = CancellationToken()
    /// The thread waiting for the run, woken with SIGUSR1 when it ends.
    let waiter = pthread_self()
    var events: [(event: StatementEvent, seconds: Double)] = []
    var succeeded = false

    init(engine: Engine, file: SourceFile, parameters: [String: Value], keepGoing: Bool) {
        self.engine = engine
        self.file = file
        self.parameters = parameters
        self.keepGoing = keepGoing
    }

    func execute() {
        var started = monotonicSeconds()
        succeeded = engine.run(file, parameters: parameters, cancellation: token, keepGoing: keepGoing) { event in
            let now = monotonicSeconds()
            events.append((event, now - started))
            started = now
        }
    }
}

enum QueryRunner {
    /// Blocks SIGINT and SIGUSR1 on this (the main) thread and so on every thread it starts: Ctrl-C during a
    /// query is then taken by `sigwait` here, and SIGPIPE from a pager that quits early is ignored.
    static func takeSignals() {
        var set = signals
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)
    }

    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGUSR1)
        return set
    }

    /// Runs `file` against `engine`; Ctrl-C (SIGINT) cancels it. The engine keeps the run's `let` bindings.
    static func run(_ file: SourceFile, engine: inout Engine, parameters: [String: Value], keepGoing: Bool) -> RunOutcome {
        discardPendingSignals()
        let job = Job(engine: engine, file: file, parameters: parameters, keepGoing: keepGoing)
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
            let job = Unmanaged<Job>.fromOpaque(raw!).takeUnretainedValue()
            job.execute()
            pthread_kill(job.waiter, SIGUSR1)
            return nil
        }, Unmanaged.passUnretained(job).toOpaque())
        var cancelled = false
        withExtendedLifetime(job) {
            guard started == 0 else { return job.execute() }   // no thread: run here, without Ctrl-C
            var set = signals
            var signal: Int32 = 0
            while sigwait(&set, &signal) == 0, signal == SIGINT {
                job.token.cancel()
                cancelled = true
            }
            pthread_join(thread, nil)
        }
        engine = job.engine
        return RunOutcome(events: job.events, succeeded: job.succeeded, cancelled: cancelled)
    }

    /// Drops a Ctrl-C pressed between queries, so it does not cancel the next one.
    private static func discardPendingSignals() {
        var pending = sigset_t()
        var one = sigset_t()
        var signal: Int32 = 0
        for number in [SIGINT, SIGUSR1] {
            sigpending(&pending)
            guard sigismember(&pending, number) == 1 else { continue }
            sigemptyset(&one)
            sigaddset(&one, number)
            sigwait(&one, &signal)
        }
    }
}
