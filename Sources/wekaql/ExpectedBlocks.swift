// Expected-output blocks in scripts, as SQLLogicTest writes them: a statement, then a line `----`, then
// the output the statement must print, up to the first empty line or the end of the file. They are not
// wekaql syntax: the script reader blanks them out before lexing (keeping every line number), and only
// `wekaql test` reads them.

/// The `----` blocks of a script's text.
struct ExpectedBlocks {
    /// One block: where its `----` line is, and what it holds.
    struct Block {
        /// The 0-based line of the `----`.
        var dashLine: Int
        /// The 0-based lines it holds, after the `----`.
        var lines: Range<Int>
        /// The offset of the `----` line in the blanked text (where the statement it follows must end before).
        var offset: Int
        /// Its text: each line with its line break.
        var expected: String
    }

    /// The text with every block's lines left empty, and the blocks.
    let blanked: String
    let blocks: [Block]
    /// The lines of the original text, without their line breaks (for `--accept`).
    let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var blanked = "", blocks: [Block] = []
        var index = 0, offset = 0
        while index < lines.count {
            guard Self.isDashLine(lines[index]) else {
                blanked += lines[index] + (index < lines.count - 1 ? "\n" : "")
                offset += lines[index].utf8.count + 1
                index += 1
                continue
            }
            var end = index + 1
            while end < lines.count, !lines[end].isEmpty, lines[end] != "\r" { end += 1 }
            // The last line of a file that ends with a line break is no line of the block.
            let contentEnd = end == lines.count && lines.last == "" ? end - 1 : end
            let expected = lines[(index + 1)..<max(index + 1, contentEnd)].map { $0 + "\n" }.joined()
            blocks.append(Block(dashLine: index, lines: (index + 1)..<max(index + 1, contentEnd), offset: offset, expected: expected))
            for line in index..<end {
                blanked += line < lines.count - 1 ? "\n" : ""
                offset += 1
                _ = line
            }
            index = end
        }
        self.blanked = blanked
        self.blocks = blocks
    }

    static func isDashLine(_ line: Substring) -> Bool {
        var line = line
        while line.last == " " || line.last == "\r" || line.last == "\t" { line.removeLast() }
        return line == "----"
    }

    /// The text with each block in `replacements` (by its index) holding new output; every other byte as it was.
    func text(replacing replacements: [Int: String]) -> String {
        var out: [Substring] = []
        var index = 0
        for (number, block) in blocks.enumerated() {
            out += lines[index...block.dashLine]
            if let text = replacements[number] {
                var new = text.split(separator: "\n", omittingEmptySubsequences: false)
                if new.last == "" { new.removeLast() }
                out += new
            } else {
                out += lines[block.lines]
            }
            index = block.lines.upperBound
        }
        out += lines[index...]
        return out.joined(separator: "\n")
    }
}
