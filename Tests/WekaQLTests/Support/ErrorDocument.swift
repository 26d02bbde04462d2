// Grammar/ERRORS.md as data: the codes it documents, and its `wekaql -e '…'` examples with their output.

import Foundation
import Testing

/// ERRORS.md: a `### CODE title` section per code; in a section, ```` ```console ```` blocks whose
/// first line is `$ wekaql -e '<query>'` and whose other lines are what wekaql prints on stderr.
struct ErrorDocument {
    /// A documented query and the diagnostics it renders.
    struct Example: Sendable, CustomTestStringConvertible {
        var code: String
        var query: String
        var output: String
        /// The 0-based lines of the output in the file, so that recording can replace them.
        var outputLines: Range<Int>
        var testDescription: String { "ERRORS.md \(code): \(query)" }
    }

    var lines: [String]
    var codes: [String] = []
    var examples: [Example] = []

    static func load(from url: URL) throws -> ErrorDocument {
        try ErrorDocument(text: String(contentsOf: url, encoding: .utf8))
    }

    init(text: String) {
        lines = text.components(separatedBy: "\n")
        var index = 0
        var section: String?
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("#") {
                section = Self.code(inHeading: line)
                if let section { codes.append(section) }
            } else if line == "```console", let section {
                index = readBlock(from: index + 1, code: section)
            }
            index += 1
        }
    }

    /// `E0201` from `### E0201 unknown field`; `nil` for other headings, which end a code's section.
    static func code(inHeading line: String) -> String? {
        guard line.hasPrefix("### "), let word = line.dropFirst(4).split(separator: " ").first, word.count == 5,
              let letter = word.first, "EWN".contains(letter),
              word.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(word)
    }

    /// Reads a console block; returns the index of its closing fence.
    private mutating func readBlock(from start: Int, code: String) -> Int {
        let end = lines[start...].firstIndex(of: "```") ?? lines.count
        let command = lines[start]
        let prefix = "$ wekaql -e '"
        if command.hasPrefix(prefix), command.hasSuffix("'"), command.count > prefix.count {
            let query = String(command.dropFirst(prefix.count).dropLast())
            if !query.contains("'") {
                let output = lines[(start + 1)..<end].joined(separator: "\n")
                examples.append(Example(code: code, query: query, output: output, outputLines: (start + 1)..<end))
            }
        }
        return end
    }

    /// The document with each example's output replaced by `outputs` (same order as `examples`).
    func recorded(_ outputs: [String]) -> String {
        var result = lines
        for (example, output) in zip(examples, outputs).reversed() {
            result.replaceSubrange(example.outputLines, with: output.components(separatedBy: "\n"))
        }
        return result.joined(separator: "\n")
    }
}
