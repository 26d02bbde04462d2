// `wekaql fmt`: lays script files out the one canonical way (the library's Formatter), in place or as a check.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// `wekaql fmt [--check] [FILE …]`.
enum FormatCommand {
    static let usage = """
    usage: wekaql fmt [--check] [FILE …]
      Lays each script out the one canonical way, in place: a stage a line after | when a statement is
      long, one space around operators and after commas, keywords in lower case; comments are kept.
      With no FILE (or -), formats standard input to standard output.
      --check   change nothing: list the files that would change, and exit 1 if there is any
    A file with syntax errors is not changed: its errors are printed and the exit status is 1.
    """

    static func run(_ arguments: [String]) -> ExitStatus {
        let output = OutputStream(descriptor: 1), errors = OutputStream(descriptor: 2)
        defer { output.flush(); errors.flush() }
        var check = false, paths: [String] = []
        for argument in arguments {
            switch argument {
            case "--check": check = true
            case "-h", "--help": output.write(usage + "\n"); return .success
            case _ where argument.hasPrefix("-") && argument != "-":
                errors.write("wekaql fmt: unknown option \"\(DisplayText.escaping(argument))\"\n\(usage)\n")
                return .usage
            default: paths.append(argument)
            }
        }
        if paths.isEmpty { paths = ["-"] }
        var status = ExitStatus.success
        for path in paths {
            let outcome = format(path: path, check: check, output: output, errors: errors)
            if outcome.rawValue > status.rawValue { status = outcome }
        }
        return status
    }

    /// Formats one file (or standard input, to standard output).
    private static func format(path: String, check: Bool, output: OutputStream, errors: OutputStream) -> ExitStatus {
        let source: SourceFile
        do { source = try SourceFile.read(path: path) } catch {
            errors.write(DiagnosticRenderer().render(error) + "\n")
            return error.code == .cannotRead ? .usage : .queryError
        }
        let formatted: String
        do { formatted = try Formatter.format(source.text, name: source.name) } catch {
            errors.write(DiagnosticRenderer().render(error) + "\n")
            return .queryError
        }
        if check {
            guard formatted != source.text else { return .success }
            output.write(DisplayText.escaping(path) + "\n")
            return .queryError
        }
        if path == "-" {
            output.write(formatted)
            return .success
        }
        guard formatted != source.text else { return .success }
        if let reason = replace(path, with: formatted) {
            errors.write("wekaql fmt: cannot write \"\(DisplayText.escaping(path))\": \(reason)\n")
            return .usage
        }
        return .success
    }

    /// Writes `text` beside `path`, then renames it over `path`, so that a failed write leaves the file whole.
    /// Returns the system's reason on failure.
    private static func replace(_ path: String, with text: String) -> String? {
        let temporary = path + ".wekaql-fmt"
        let opened = OutputStream.open(path: temporary)
        guard let stream = opened.stream else { return opened.reason }
        stream.write(text)
        stream.close()
        var status = stat()
        if stat(path, &status) == 0 { _ = chmod(temporary, status.st_mode & 0o7777) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return reason
        }
        return nil
    }
}
