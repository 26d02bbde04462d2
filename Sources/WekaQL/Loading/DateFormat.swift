// Dates written other than YYYY-MM-DD (`dateformat=%d/%m/%Y`): a small strftime subset, read over bytes.

/// A date format: `%Y` four-digit year, `%y` two-digit year (69–99 → 1900s, else 2000s, as in POSIX),
/// `%m` month and `%d` day (one or two digits), `%b` an English month name or its first three letters
/// (any case), `%%` a percent sign; any other character stands for itself.
struct DateFormat: Hashable, Sendable {
    enum Part: Hashable, Sendable {
        case year4, year2, month, day, monthName
        case literal(UInt8)
    }

    let parts: [Part]

    /// `nil` for an unknown `%` directive, or a format without year, month and day.
    init?(_ text: String) {
        var parts: [Part] = []
        var bytes = Array(text.utf8)[...]
        while let b = bytes.popFirst() {
            guard b == UInt8(ascii: "%") else { parts.append(.literal(b)); continue }
            switch bytes.popFirst() {
            case UInt8(ascii: "Y"): parts.append(.year4)
            case UInt8(ascii: "y"): parts.append(.year2)
            case UInt8(ascii: "m"): parts.append(.month)
            case UInt8(ascii: "d"): parts.append(.day)
            case UInt8(ascii: "b"): parts.append(.monthName)
            case UInt8(ascii: "%"): parts.append(.literal(b))
            default: return nil
            }
        }
        let has = Set(parts)
        guard has.contains(.year4) || has.contains(.year2), has.contains(.month) || has.contains(.monthName),
              has.contains(.day) else { return nil }
        self.parts = parts
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"].map { Array($0.utf8) }

    /// The date `bytes` spell in this format, or `nil`.
    func date(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        var i = 0
        var year = 0, month = 0, day = 0
        func digits(_ least: Int, _ most: Int) -> Int? {
            var n = 0, count = 0
            while count < most, i < bytes.count, bytes[i] &- 0x30 < 10 {
                n = n * 10 + Int(bytes[i] &- 0x30)
                i += 1
                count += 1
            }
            return count >= least ? n : nil
        }
        for part in parts {
            switch part {
            case .year4: guard let n = digits(4, 4) else { return nil }; year = n
            case .year2: guard let n = digits(2, 2) else { return nil }; year = n < 69 ? 2000 + n : 1900 + n
            case .month: guard let n = digits(1, 2) else { return nil }; month = n
            case .day: guard let n = digits(1, 2) else { return nil }; day = n
            case .monthName: guard let n = monthName(bytes, &i) else { return nil }; month = n
            case .literal(let b): guard i < bytes.count, bytes[i] == b else { return nil }; i += 1
            }
        }
        guard i == bytes.count else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// A month's full name or its first three letters, at `i`.
    private func monthName(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
        var letters: [UInt8] = []
        while i < bytes.count, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A { letters.append(bytes[i] | 0x20); i += 1 }
        for (index, name) in Self.monthNames.enumerated() where letters == name || (letters.count == 3 && name.starts(with: letters)) {
            return index + 1
        }
        return nil
    }
}
