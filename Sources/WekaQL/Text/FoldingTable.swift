// The fold of every scalar: runs read from the generated text in FoldingTable+Data.swift
// (Scripts/generate-folding-table.swift makes it from the Unicode data), parsed once on first use.

/// How each scalar folds: sorted runs, found by binary search (Latin-1 has a faster path in ``Folding``).
struct FoldingTable: Sendable {
    /// What a run does to each of its scalars.
    enum Action: Sendable {
        case drop
        case offset(Int32)
        /// Scalars `expansions[range]`.
        case expand(Range<Int>)
    }

    private var starts: [UInt32] = []
    private var lasts: [UInt32] = []
    private var strides: [UInt32] = []
    private var actions: [Action] = []
    private var expansions: [Unicode.Scalar] = []

    /// The table of the generated data.
    static let shared = FoldingTable(parsing: data)

    init(parsing text: String) {
        let bytes = Array(text.utf8)
        var position = 0
        while position < bytes.count {
            if bytes[position] == 0x20 || bytes[position] == 0x0A { position += 1; continue }
            add(bytes, &position)
        }
    }

    /// Reads one run at `position`: `START[*COUNT[/2]]` then `x`, `+D`, `-D` or `=A,B,…` (hex numbers).
    private mutating func add(_ bytes: [UInt8], _ position: inout Int) {
        func number(radix: UInt32) -> UInt32 {
            var value: UInt32 = 0
            while position < bytes.count, let digit = Self.digit(bytes[position], radix: radix) {
                value = value * radix + digit
                position += 1
            }
            return value
        }
        func skip(_ byte: Character) -> Bool {
            guard position < bytes.count, bytes[position] == byte.asciiValue! else { return false }
            position += 1
            return true
        }
        let start = number(radix: 16)
        var count: UInt32 = 1, stride: UInt32 = 1
        if skip("*") {
            count = number(radix: 10)
            if skip("/") { stride = number(radix: 10) }
        }
        let action: Action
        if skip("x") {
            action = .drop
        } else if skip("+") {
            action = .offset(Int32(number(radix: 16)))
        } else if skip("-") {
            action = .offset(-Int32(number(radix: 16)))
        } else {
            _ = skip("=")
            let first = expansions.count
            repeat { expansions.append(Unicode.Scalar(number(radix: 16)) ?? "\u{FFFD}") } while skip(",")
            action = .expand(first..<expansions.count)
        }
        starts.append(start)
        lasts.append(start + (count - 1) * stride)
        strides.append(stride)
        actions.append(action)
    }

    private static func digit(_ b: UInt8, radix: UInt32) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46 where radix == 16: return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }

    /// Appends the fold of `scalar` to `out`.
    func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        if (0xAC00...0xD7A3).contains(v) { return Self.appendHangul(v, to: &out) }
        // The last run starting at or before v.
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= v { low = mid + 1 } else { high = mid }
        }
        let run = low - 1
        guard run >= 0, v <= lasts[run], (v - starts[run]) % strides[run] == 0 else { return out.append(scalar) }
        switch actions[run] {
        case .drop: break
        case .offset(let d): out.append(Unicode.Scalar(UInt32(Int32(v) + d))!)
        case .expand(let range): out.append(contentsOf: expansions[range])
        }
    }

    /// A Hangul syllable's canonical decomposition into its leading consonant, vowel and trailing consonant.
    private static func appendHangul(_ v: UInt32, to out: inout String.UnicodeScalarView) {
        let index = v - 0xAC00
        out.append(Unicode.Scalar(0x1100 + index / 588)!)
        out.append(Unicode.Scalar(0x1161 + (index % 588) / 28)!)
        if index % 28 != 0 { out.append(Unicode.Scalar(0x11A7 + index % 28)!) }
    }
}
