// Where a statement's spill files live: a private directory under $TMPDIR (or /tmp), made on first use
// with mkdtemp, and removed with its files when the stage that spilled is done, also on error or cancel.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// Where spill files go, and what counts them: set on an engine, handed to the stages that spill.
struct SpillSettings: Sendable {
    /// The directory the private temporary directory is made in; `nil` for `$TMPDIR`, else `/tmp`.
    var parent: String? = nil
    /// Counts what is spilled, for tests and statistics; `nil` to count nothing.
    var statistics: SpillStatistics? = nil

    /// The parent directory actually used.
    var resolvedParent: String {
        if let parent { return parent }
        if let tmp = getenv("TMPDIR"), tmp.pointee != 0 { return String(cString: tmp) }
        return "/tmp"
    }
}

/// Counters of spilling: files and bytes written, and the spilling stages' tracked memory (the bytes
/// they hold in memory while they spill), with its peak. Thread-safe.
final class SpillStatistics: Sendable {
    private let files = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let tracked = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)
    private let directories = Atomic<Int>(0)
    private let streamed = Atomic<Int>(0)
    /// Called as each spill file is made (a test cancels a query there, mid-spill).
    private let onFile: (@Sendable () -> Void)?

    init(onFile: (@Sendable () -> Void)? = nil) { self.onFile = onFile }

    /// The spill files written so far.
    var filesWritten: Int { files.load(ordering: .relaxed) }
    /// The bytes written to spill files so far.
    var bytesWritten: Int { bytes.load(ordering: .relaxed) }
    /// The most bytes a spilling stage held in memory at once.
    var peakTrackedBytes: Int { peak.load(ordering: .relaxed) }
    /// The spill directories made so far.
    var directoriesMade: Int { directories.load(ordering: .relaxed) }

    func countFile() {
        files.add(1, ordering: .relaxed)
        onFile?()
    }
    func countBytes(_ n: Int) { bytes.add(n, ordering: .relaxed) }
    func countDirectory() { directories.add(1, ordering: .relaxed) }

    /// The sorts and groupings that spilled as their query streamed (rather than running again in memory).
    var streamedSpills: Int { streamed.load(ordering: .relaxed) }
    func countStreamedSpill() { streamed.add(1, ordering: .relaxed) }

    /// A spilling stage now holds `n` more bytes in memory (negative: fewer).
    func track(_ n: Int) {
        let now = tracked.add(n, ordering: .relaxed).newValue
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = peak.compareExchange(expected: seen, desired: now, ordering: .relaxed)
            if exchanged { break }
            seen = original
        }
    }
}

/// A private temporary directory for the spill files of one stage of a statement.
///
/// Nothing is made until the first ``makeFile()``: a stage that never spills touches no disk. The
/// directory (mode 0700, from `mkdtemp`) and every file in it are removed by ``remove()``, which the
/// owner calls when its stage ends (`defer`), and again on deinit. Thread-safe.
///
/// ```swift
/// let spill = SpillDirectory(stage: "sort", settings: settings, range: range)
/// defer { spill.remove() }
/// let writer = try spill.makeFile()
/// try writer.write(columns, rows: 0..<count)
/// let file = try writer.finish()
/// let reader = try file.reader()
/// while let block = try reader.next() { … }
/// ```
final class SpillDirectory: Sendable {
    /// The stage that spills, for error messages ("sort", "grouping", "join").
    let stage: String
    let settings: SpillSettings
    /// Where the stage is written, for error messages.
    let range: SourceRange?
    private let state = Mutex<(path: String?, files: [String], removed: Bool)>((nil, [], false))

    /// A directory to be made under `settings`' parent on first use.
    init(stage: String, settings: SpillSettings, range: SourceRange? = nil) {
        self.stage = stage
        self.settings = settings
        self.range = range
    }

    deinit { remove() }

    /// The directory's path, once made.
    var path: String? { state.withLock { $0.path } }

    /// A new, empty spill file in the directory (made now if it is not yet), open for writing.
    func makeFile() throws(Diagnostic) -> SpillWriter {
        let result: Result<(String, Int32), Diagnostic> = state.withLock { state in
            do throws(Diagnostic) {
                let directory: String
                if let made = state.path { directory = made } else { directory = try makeDirectory() }
                state.path = directory
                let name = "\(directory)/run-\(state.files.count).bin"
                let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
                guard fd >= 0 else { throw failure("cannot create a spill file", errno) }
                state.files.append(name)
                return .success((name, fd))
            } catch { return .failure(error) }
        }
        let name: String, fd: Int32
        switch result {
        case .success(let opened): (name, fd) = opened
        case .failure(let error): throw error
        }
        settings.statistics?.countFile()
        return SpillWriter(path: name, descriptor: fd, directory: self)
    }

    /// Removes the spill files and the directory; later calls do nothing.
    func remove() {
        state.withLock { state in
            guard !state.removed else { return }
            state.removed = true
            for file in state.files { unlink(file) }
            if let path = state.path { rmdir(path) }
        }
    }

    private func makeDirectory() throws(Diagnostic) -> String {
        var template = Array("\(settings.resolvedParent)/wekaql-spill-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw failure("cannot create the spill directory", errno, at: settings.resolvedParent) }
        settings.statistics?.countDirectory()
        return String(cString: template.map { UInt8(bitPattern: $0) })   // mkdtemp made it 0700
    }

    /// The error of a failed system call on this directory's files.
    func failure(_ what: String, _ code: Int32, at place: String? = nil) -> Diagnostic {
        let reason = String(cString: strerror(code))
        return Diagnostic.spillFailed(stage: stage, what: what, reason: reason, directory: place ?? path ?? settings.resolvedParent, range: range)
    }
}
