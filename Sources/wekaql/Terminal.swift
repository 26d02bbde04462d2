// The process's streams and environment: buffered output, terminal detection, colour and width.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A buffered writer to a file descriptor.
final class OutputStream {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private let ownsDescriptor: Bool

    init(descriptor: Int32, ownsDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        buffer.reserveCapacity(1 << 16)
    }

    /// Opens `path` for writing (created or truncated); on failure, the system's reason.
    static func open(path: String) -> (stream: OutputStream?, reason: String) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { return (nil, String(cString: strerror(errno))) }
        return (OutputStream(descriptor: fd, ownsDescriptor: true), "")
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        var offset = 0
        while offset < buffer.count {
            let written = buffer[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if ownsDescriptor { _ = Glibc.close(descriptor) }
    }
}

/// Seconds on the monotonic clock, for `--timer` and `.timer`.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

enum Terminal {
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether the locale says the terminal is not UTF-8: the first of `LC_ALL`, `LC_CTYPE` and `LANG` that
    /// is set names another character set (`C`, `POSIX`, `en_US.ISO-8859-1`). Unset, as in many containers
    /// and CI machines, counts as UTF-8: it is what every modern terminal speaks.
    static var localeIsNotUTF8: Bool {
        guard let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment($0) }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let lower = locale.lowercased()
        return !(lower.contains("utf-8") || lower.contains("utf8"))
    }

    /// Colour is used only on a terminal, and never when `NO_COLOR` is set (to anything non-empty).
    static func wantsColor(_ stream: OutputStream, allowed: Bool) -> Bool {
        allowed && stream.isTerminal && (environment("NO_COLOR") ?? "").isEmpty && environment("TERM") != "dumb"
    }

    /// The terminal's width in columns, if `descriptor` is a terminal.
    static func width(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static var standardInputIsTerminal: Bool { isatty(0) == 1 }
}
