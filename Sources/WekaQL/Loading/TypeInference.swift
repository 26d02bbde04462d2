// Column type inference for loaded files: the narrowest of integer, decimal, boolean, date and string
// that fits every non-null value of the column.

/// What a column's values could still be, narrowed value by value.
struct TypeCandidates {
    var integer = true
    var decimal = true
    var boolean = true
    var date = true
    var sawValue = false

    /// Narrows by one text value (from CSV).
    mutating func observe(text bytes: UnsafeBufferPointer<UInt8>) {
        sawValue = true
        if integer && TextScalars.integer(bytes) == nil { integer = false }
        if decimal && !integer && TextScalars.decimal(bytes) == nil { decimal = false }
        if boolean && TextScalars.boolean(bytes) == nil { boolean = false }
        if date && TextScalars.date(bytes) == nil { date = false }
    }

    /// The type that fits every value seen.
    var type: ValueType {
        if !sawValue { return .null }
        if integer { return .integer }
        if decimal { return .decimal }
        if boolean { return .boolean }
        if date { return .date }
        return .string
    }
}

/// Recognisers for scalar text, over bytes.
enum TextScalars {
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        guard i < bytes.count else { return nil }
        guard bytes.count - i < 19 else { return slowInteger(bytes) }   // may not fit: let the standard library decide
        var value: Int64 = 0
        while i < bytes.count {
            let d = bytes[i] &- 0x30
            guard d < 10 else { return nil }
            value = value * 10 + Int64(d)
            i += 1
        }
        return negative ? -value : value
    }

    private static func slowInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        // Digits only, and at most 19 of them after leading zeros, before a String is made of what may be
        // a field of a gigabyte.
        let digits = bytes.dropFirst(bytes.first == 0x2D || bytes.first == 0x2B ? 1 : 0)
        guard digits.allSatisfy({ $0 &- 0x30 < 10 }), digits.drop(while: { $0 == 0x30 }).count <= 19 else { return nil }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }

    /// Longer text is not taken for a decimal (a number of 4,096 digits is text in any data file), so that
    /// a huge field is never copied into a String to be tried.
    static let maximumDecimalLength = 4_096

    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count <= maximumDecimalLength, let first = bytes.first, first == 0x2D || first == 0x2B || first == 0x2E || (first >= 0x30 && first <= 0x39) else { return nil }
        guard bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 | 0x20 == 0x65 }) else { return nil }
        guard let d = Double(String(decoding: bytes, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count == 4, bytes.elementsEqual("true".utf8, by: { $0 | 0x20 == $1 }) { return true }
        if bytes.count == 5, bytes.elementsEqual("false".utf8, by: { $0 | 0x20 == $1 }) { return false }
        return nil
    }

    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = bytes[i] &- 0x30
                guard d < 10 else { return nil }
                n = n * 10 + Int(d)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}
