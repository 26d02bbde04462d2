// A sparkline: one character per value, its height in eighths. Used by the `spark(x)` aggregate and by
// `chart spark`.

/// The values drawn as one line of `▁▂▃▄▅▆▇█` (or ASCII `_.-~=+*#`), a null as a space.
///
/// The scale runs from the least value to the greatest, but always includes zero, so that a bar's height
/// is proportional to its value when the values are all positive (as counts are): 1, 2, 4 draw as
/// `▃▅█`, where a scale from the least would draw `▁▃█`. All zeros draw as `▁`.
struct Sparkline {
    static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let asciiLevels: [Character] = ["_", ".", "-", "~", "=", "+", "*", "#"]

    let values: [Double?]

    init(_ values: [Double?]) { self.values = values }

    /// The line in Unicode blocks.
    var text: String { text(ascii: false) }

    /// The line in Unicode blocks, or in ASCII.
    func text(ascii: Bool) -> String {
        let levels = ascii ? Self.asciiLevels : Self.unicodeLevels
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let low = min(0, present.min() ?? 0), high = max(0, present.max() ?? 0)
        let span = high - low
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            guard span > 0 else { return levels[0] }
            // Level 0 is the least value, level 7 the greatest; the rest in equal steps between.
            let level = Int(((value - low) / span * Double(levels.count - 1)).rounded())
            return levels[min(max(level, 0), levels.count - 1)]
        })
    }
}
