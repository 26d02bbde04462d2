// `wekaql test FILE.wql…`: runs scripts as tests. Every assert is a test, and so is every `----` block
// (the statement before it must print exactly what it holds). One line per failure, a diff under a
// block that differs, and a last line `N passed, M failed`; exit status 1 when any failed.
// `--accept` writes each statement's actual output into its block instead, the rest of the file kept
// byte for byte.

import WekaQL

struct TestRunner {
    let runner: StatementRunner
    let options: Options

    /// The most lines of a diff shown under a failure.
    static let diffLines = 40

    func run(_ sources: [SourceFile]) -> ExitStatus {
        var total = Tally()
        for source in sources { total.add(runFile(source)) }
        runner.primary.write("\(total.passed) passed, \(total.failed) failed\n")
        runner.primary.flush()
        return total.failed > 0 ? .queryError : .success
    }

    struct Tally {
        var passed = 0, failed = 0
        mutating func add(_ other: Tally) { passed += other.passed; failed += other.failed }
    }

    private func fail(_ diagnostic: Diagnostic, detail: [String] = []) {
        var diagnostic = diagnostic
        diagnostic.severity = .error   // a failed assert runs on as a warning, but fails the test
        let header = DiagnosticRenderer().render(diagnostic).split(separator: "\n").first.map(String.init) ?? diagnostic.message
        runner.primary.write(([header] + detail.map { "  " + DisplayText.escaping($0) }).joined(separator: "\n") + "\n")
    }

    /// Runs one script in an engine of its own (so that one file's `let` names do not reach the next).
    private func runFile(_ source: SourceFile) -> Tally {
        let blocks = ExpectedBlocks(source.text)
        let file = SourceFile(name: source.name, text: blocks.blanked)
        var engine = runner.engine
        var tally = Tally()
        var outputs: [Int: String] = [:]   // by the statement's start
        var statements: [SourceRange] = []
        let renderer = Renderer(format: .table, maxWidth: options.width.flatMap { $0 == 0 ? nil : $0 }, ascii: runner.asciiCharts)
        for piece in file.pieces {
            let part: SourceFile
            switch piece {
            case .statements(let statements): part = statements
            case .command(let line):
                tally.failed += 1
                fail(Diagnostic.dotCommandInTest(line))
                continue
            }
            statements += Parser.parse(part).program.statements.map(\.range)
            engine.run(part, keepGoing: options.keepGoing) { event in
                switch event {
                case .result(let result) where result.isAssertion:
                    tally.passed += 1
                case .result(let result):
                    if result.binding == nil { outputs[result.range.start] = renderer.render(result.table, chart: result.chart) }
                case .failure(let diagnostic):
                    tally.failed += 1
                    fail(diagnostic)
                }
            }
        }
        tally.add(compare(blocks, statements: statements, outputs: outputs, file: file, path: source.name))
        return tally
    }

    /// Each block against the output of the statement before it.
    private func compare(_ blocks: ExpectedBlocks, statements: [SourceRange], outputs: [Int: String],
                         file: SourceFile, path: String) -> Tally {
        var tally = Tally()
        var owned: Set<Int> = []
        var replacements: [Int: String] = [:]
        for (index, block) in blocks.blocks.enumerated() {
            guard let owner = statements.last(where: { $0.end <= block.offset }), owned.insert(owner.start).inserted else {
                tally.failed += 1
                fail(.strayExpectedBlock(range: SourceRange(block.offset, block.offset + 4), file: file))
                continue
            }
            let actual = outputs[owner.start] ?? ""
            if actual == block.expected {
                tally.passed += 1
            } else if options.accept {
                replacements[index] = actual
                tally.passed += 1
            } else {
                tally.failed += 1
                fail(.expectedOutputDiffers(range: owner, file: file, diff: []), detail: LineDiff.lines(block.expected, actual, limit: Self.diffLines))
            }
        }
        if !replacements.isEmpty { accept(replacements, blocks: blocks, path: path) }
        return tally
    }

    private func accept(_ replacements: [Int: String], blocks: ExpectedBlocks, path: String) {
        guard path != "-e", path != "-" else {
            return runner.warn(.acceptNeedsFile(standardInput: path == "-"))
        }
        let opened = OutputStream.open(path: path)
        guard let stream = opened.stream else { return runner.warn(.cannotWrite(path, reason: opened.reason)) }
        stream.write(blocks.text(replacing: replacements))
        stream.close()
        runner.note("accepted \(replacements.count) block\(replacements.count == 1 ? "" : "s") in \(path)")
    }
}

/// A line diff of expected and actual text: `-` for a line only expected, `+` for one only printed.
enum LineDiff {
    static func lines(_ expected: String, _ actual: String, limit: Int) -> [String] {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        // The longest common subsequence, by the usual table: blocks are small.
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = [], i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { i += 1; j += 1; continue }
            if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] { out.append("+ " + b[j]); j += 1 } else { out.append("- " + a[i]); i += 1 }
        }
        if out.count > limit { out = Array(out.prefix(limit)) + ["… \(out.count - limit) more lines differ"] }
        return out
    }
}
