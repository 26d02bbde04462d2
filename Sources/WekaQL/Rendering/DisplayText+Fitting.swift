// Cutting a DisplayText to a column's width and wrapping it into lines: by display width, at spaces where
// it can be, never in the middle of an escape or a character.

extension DisplayText {
    /// One unit of layout: a character shown as it is, or a whole escape (never cut in two).
    private struct Unit {
        var text: Substring
        var width: Int
        var isEscape: Bool
        var isSpace: Bool { !isEscape && text == " " }
    }

    private var units: [Unit] {
        var units: [Unit] = []
        for piece in pieces.isEmpty ? [.text(plain)] : pieces {
            switch piece {
            case .text(let text):
                var index = text.startIndex
                for character in text {
                    let next = text.index(after: index)
                    units.append(Unit(text: text[index..<next], width: Self.width(of: character), isEscape: false))
                    index = next
                }
            case .escape(let text):
                units.append(Unit(text: Substring(text), width: text.utf8.count, isEscape: true))
            }
        }
        return units
    }

    private init<S: Sequence>(units: S, escapes: Escapes) where S.Element == Unit {
        var pieces: [Piece] = []
        var width = 0
        for unit in units {
            width += unit.width
            switch (unit.isEscape, pieces.last) {
            case (true, _): pieces.append(.escape(String(unit.text)))
            case (false, .text(let run)?): pieces[pieces.count - 1] = .text(run + unit.text)
            case (false, _): pieces.append(.text(String(unit.text)))
            }
        }
        self.init(pieces: pieces, width: width, escapes: escapes)
    }

    /// The text cut to at most `width` columns, ending in "…" when cut.
    func truncated(to width: Int) -> DisplayText {
        guard self.width > width else { return self }
        var kept: [Unit] = []
        var used = 0
        for unit in units {
            guard used + unit.width <= width - 1 else { break }
            kept.append(unit)
            used += unit.width
        }
        kept.append(Unit(text: "…", width: 1, isEscape: false))
        return DisplayText(units: kept, escapes: escapes)
    }

    /// The text in lines of at most `width` columns, cut at spaces where it can be (the spaces at a cut
    /// are dropped), else where a line is full.
    func wrapped(to width: Int) -> [DisplayText] {
        guard self.width > width, width > 0 else { return [self] }
        var lines: [DisplayText] = []
        var rest = units[...]
        var remaining = self.width
        while remaining > width {
            var used = 0, fits = rest.startIndex
            while fits < rest.endIndex, used + rest[fits].width <= width {
                used += rest[fits].width
                fits += 1
            }
            fits = max(fits, rest.startIndex + 1)   // a character wider than the line still goes on one
            let space = fits < rest.endIndex && rest[fits].isSpace ? fits : rest[rest.startIndex..<fits].lastIndex { $0.isSpace }
            let cut = space.flatMap { $0 > rest.startIndex ? $0 : nil } ?? fits
            let line = DisplayText(units: rest[rest.startIndex..<cut], escapes: escapes)
            lines.append(line)
            let after = rest[cut...].drop { $0.isSpace }
            remaining -= line.width + (after.startIndex - cut)
            rest = after
        }
        if !rest.isEmpty { lines.append(DisplayText(units: rest, escapes: escapes)) }
        return lines
    }
}
