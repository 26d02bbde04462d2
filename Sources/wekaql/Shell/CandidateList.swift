// Shows completion candidates below the line being edited, in columns like a shell's file list.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// Candidates laid out in columns across the terminal.
struct CandidateList {
    let candidates: [Completion]
    /// Beyond this many, the list says how many more there are rather than scroll the screen away.
    static let limit = 120

    init(_ candidates: [Completion]) { self.candidates = candidates }

    /// The candidates as shown: values without their quotes would be ambiguous, so texts are shown whole,
    /// with control characters as escapes (a file name can hold them too), aligned by display width.
    func render(width: Int) -> String {
        let shown = candidates.prefix(Self.limit).map { DisplayText($0.text) }
        let columnWidth = (shown.map(\.width).max() ?? 0) + 2
        let columns = max(1, width / max(1, columnWidth))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            // Down the columns first, as ls and bash do.
            let cells = stride(from: row, to: shown.count, by: rows).map { shown[$0] }
            let line = cells.enumerated().map { $0 == cells.count - 1 ? $1.plain : $1.plain + String(repeating: " ", count: columnWidth - $1.width) }
            lines.append(line.joined())
        }
        if candidates.count > Self.limit { lines.append("… and \(candidates.count - Self.limit) more") }
        return lines.joined(separator: "\r\n")
    }

    /// Prints the list under the current line; libedit then redraws the prompt and line below it.
    func print() {
        var size = winsize()
        let width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        writeToTerminal("\r\n" + render(width: width) + "\r\n")
    }
}
