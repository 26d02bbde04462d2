// A script's results written as they come: a statement whose query streams into a sort or a grouping
// hands its rows on a block at a time (the engine's `pieces`), and in CSV, JSON and JSON lines they are
// written out as they arrive, so that a sort or grouping past `--memory-limit` that spilled never holds
// its result whole. Only where nothing later reads the result back (`_`, `.last`, `.why`).

import WekaQL

/// Writes the blocks of one result at a time as they come, then what ends it.
final class PieceWriter {
    let renderer: Renderer
    let output: OutputStream
    /// The blocks written of the current result.
    private var pieces = 0

    init(renderer: Renderer, output: OutputStream) {
        self.renderer = renderer
        self.output = output
    }

    func write(_ piece: Table) {
        output.write(renderer.render(piece: piece, first: pieces == 0))
        pieces += 1
    }

    /// Ends the result `result` (whose table holds its fields and no rows), and readies for the next.
    func end(_ result: StatementResult) {
        output.write(renderer.end(of: result.table, afterPieces: pieces))
        output.flush()
        pieces = 0
    }
}

extension StatementRunner {
    /// A writer for the results of the statements about to run, when they may be written as they come:
    /// in a format written a piece at a time, outside the shell and `wekaql test`, and with nothing after
    /// them able to read their result (``resultsReadLater``).
    func pieceWriter() -> PieceWriter? {
        let renderer = renderer(maxRows: nil, onTerminal: toTerminal)
        guard !interactive, !options.testMode, !resultsReadLater, renderer.rendersPieces else { return nil }
        return PieceWriter(renderer: renderer, output: output)
    }
}

extension ScriptPiece {
    /// Whether this piece may read the result printed before it: any dot-command (`.last`, `.why`,
    /// `.explain` and the like), or statements that name the last result `_`.
    var readsLastResult: Bool {
        switch self {
        case .command: return true
        case .statements(let file):
            return Lexer.tokenize(file).tokens.contains { $0.kind == .word && $0.text == StatementRunner.lastResultName }
        }
    }
}
