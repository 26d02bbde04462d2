// A result that comes a piece at a time (``Engine/stream(_:parameters:cancellation:_:)``, or the `pieces`
// of ``Engine/run(_:parameters:cancellation:keepGoing:pieces:report:)``) written as it comes, in the
// formats whose text does not depend on rows still to come: the same text ``Renderer/render(_:)``
// gives for the whole result.

extension Renderer {
    /// Whether this format can write a result a piece at a time (``render(piece:first:)``): CSV, JSON and
    /// JSON lines. The human formats align or count over every row, and need the whole result.
    public var rendersPieces: Bool { [.csv, .json, .jsonl].contains(format) }

    /// The text of one piece of a result (rows, in order), `first` for the first piece with any row: the
    /// pieces' texts, then ``end(of:afterPieces:)``, are ``render(_:)``'s text of all their rows.
    public func render(piece: Table, first: Bool) -> String {
        switch format {
        case .csv: return CSVRenderer.render(piece, header: first)
        case .json:
            guard !piece.isEmpty else { return "" }
            return JSONRenderer.objects(of: piece, before: first ? "[\n  " : ",\n  ", between: ",\n  ", after: "")
        default: return render(piece)
        }
    }

    /// What ends a result written in pieces: after `pieces` pieces with rows, the text after the last
    /// row (JSON's `]`); with none, the whole text of the empty result `empty` (CSV's header).
    public func end(of empty: Table, afterPieces pieces: Int) -> String {
        guard pieces > 0 else { return render(empty) }
        return format == .json ? "\n]\n" : ""
    }
}
