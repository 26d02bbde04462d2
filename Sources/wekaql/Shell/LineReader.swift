// How the shell reads a line: with libedit on a terminal, or plainly when output goes elsewhere.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// What reading one line gave.
enum LineInput: Equatable {
    /// A line, without its line end (a recalled multi-line statement keeps its inner line breaks).
    case line(String)
    /// Ctrl-C: the line being typed is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the end of standard input.
    case endOfInput
}

/// A source of input lines with a prompt.
protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    func readLine(prompt: Prompt) -> LineInput
    /// Gives the terminal back.
    func close()
}

/// A prompt: its text, and whether to colour it.
struct Prompt {
    var text: String
    var colored: Bool

    static let first = "wekaql> "

    /// The prompt for the next line of `pending`, saying what is open: `   "..> ` inside a string,
    /// `   (..> ` inside brackets, `   ...> ` after a `|`, a comma, an operator or a keyword that needs more.
    static func continuation(of pending: String) -> String {
        let (tokens, diagnostics) = Lexer.tokenize(SourceFile(name: "<shell>", text: pending))
        if diagnostics.contains(where: { $0.code == .unterminatedString }) { return "   \"..> " }
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(0, depth - 1)
            case .semicolon: depth = 0
            default: break
            }
        }
        return depth > 0 ? "   (..> " : "   ...> "
    }

    /// The text with ANSI colour wrapped in `marker`s, which tell libedit the codes take no room.
    func marked(_ marker: Character) -> String {
        guard colored else { return text }
        let body = text.hasSuffix(" ") ? String(text.dropLast()) : text
        return "\(marker)\u{1B}[1;32m\(marker)\(body)\(marker)\u{1B}[0m\(marker) "
    }
}

/// Reads standard input line by line without editing: for a terminal whose output is redirected.
/// The prompt goes to standard error, so it stays out of the results.
final class PlainLineReader: LineReader {
    private var buffer: [UInt8] = []
    private var atEnd = false

    func readLine(prompt: Prompt) -> LineInput {
        if isatty(2) == 1 {
            let text = prompt.text
            _ = text.withCString { write(2, $0, strlen($0)) }
        }
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return .line(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                defer { buffer.removeAll() }
                return .line(String(decoding: buffer, as: UTF8.self))
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { atEnd = true } else { buffer += chunk[..<count] }
        }
    }

    func close() {}
}
