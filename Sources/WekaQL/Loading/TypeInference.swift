// Column type inference for loaded files: the narrowest of integer, decimal, boolean, date and string
// (never float: a float prints `1e3` as 1000.0)
// that fits every non-null value of the column — where "fits" means the value prints back exactly as
// written. `007`, `+5`, `1.50`, `1e3`, `TRUE` and `12/06/2022` keep their column text, so that loading
// never changes a value (issue 14). Columns given a type (`types=zip:integer`) read values leniently.

/// What a column's values could still be, narrowed value by value.
struct TypeCandidates {
    var integer = true
    var decimal = true
    var boolean = true
    var date = true
    var sawValue = false
    /// Dates in this format count as dates too (`dateformat=`).
    var dateFormat: DateFormat?

    init(dateFormat: DateFormat? = nil) { self.dateFormat = dateFormat }

    /// Narrows by one text value (from CSV).
    mutating func observe(text bytes: UnsafeBufferPointer<UInt8>) {
        sawValue = true
        if integer && TextScalars.integer(bytes) == nil { integer = false }
        if decimal && TextScalars.decimal(bytes) == nil { decimal = false }
        if boolean && TextScalars.boolean(bytes) == nil { boolean = false }
        if date && TextScalars.date(bytes) == nil && dateFormat?.date(bytes) == nil { date = false }
    }

    /// The type that fits every value seen; dates in a format given first (`%Y%m%d` is digits too).
    var type: ValueType {
        if !sawValue { return .null }
        if date && dateFormat != nil { return .date }
        if integer { return .integer }
        if decimal { return .decimal }
        if boolean { return .boolean }
        if date { return .date }
        return .string
    }
}

/// Recognisers for scalar text, over bytes. The plain ones accept only the text wekaql prints back the
/// same (`TextScalars.integer` takes `42` and `-7`, never `007` or `+5`); the `any…` ones read what a
/// column given a type may hold.
enum TextScalars {
    /// The most digits an inferred integer has: 18 always fit in 64 bits, and longer digit strings are
    /// more often identifiers (card numbers, IBANs) than quantities.
    static let maximumIntegerDigits = 18

    /// An integer as wekaql writes it: `-?(0|[1-9][0-9]*)`, at most 18 digits, not `-0`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        let negative = bytes.first == 0x2D
        if negative { i = 1 }
        let digits = bytes.count - i
        guard digits > 0, digits <= maximumIntegerDigits else { return nil }
        if bytes[i] == 0x30 && (digits > 1 || negative) { return nil }   // a leading zero, or -0
        var value: Int64 = 0
        while i < bytes.count {
            let d = bytes[i] &- 0x30
            guard d < 10 else { return nil }
            value = value * 10 + Int64(d)
            i += 1
        }
        return negative ? -value : value
    }

    /// An integer with an optional sign and any leading zeros, that fits in 64 bits.
    static func anyInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let digits = bytes.dropFirst(bytes.first == 0x2D || bytes.first == 0x2B ? 1 : 0)
        // Digits only, and at most 19 of them after leading zeros, before a String is made of what may be
        // a field of a gigabyte.
        guard !digits.isEmpty, digits.allSatisfy({ $0 &- 0x30 < 10 }), digits.drop(while: { $0 == 0x30 }).count <= 19 else { return nil }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }

    /// A decimal as wekaql prints it (``ExactDecimal/description``): `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at
    /// most 18 significant digits, not negative zero (`-0.00`). The scale is kept, so `1.50` and `2` load
    /// as written; `.5`, `5.`, `+1.5`, `007.5` and `1e3` are not decimals here.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        let start = bytes.first == 0x2D ? 1 : 0
        guard bytes.count > start else { return nil }
        if bytes[start] == 0x30 && bytes.count > start + 1 && bytes[start + 1] != 0x2E { return nil }   // a leading zero
        guard let value = ExactDecimal.parse(bytes) else { return nil }
        if start == 1 && value.units == 0 { return nil }
        return value
    }

    /// Longer text is not taken for a number (a number of 4,096 digits is text in any data file), so that
    /// a huge field is never copied into a String to be tried.
    static let maximumDecimalLength = 4_096

    /// A decimal in any plain form (`+1.5`, `.5`, `5.`, `007.50`), or in scientific notation when it is
    /// exact in 18 digits (`1.5e3` is 1500.0); `nil` for other text or more digits.
    static func anyDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        if let plain = ExactDecimal.parse(bytes, lenient: true) { return plain }
        guard bytes.contains(where: { $0 | 0x20 == 0x65 }), let d = anyFloat(bytes) else { return nil }
        return ExactDecimal(shortest: d)
    }

    /// Any number a double reads (`1.50`, `.5`, `1e3`, `+2`), finite.
    static func anyFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard bytes.count <= maximumDecimalLength, let first = bytes.first, first == 0x2D || first == 0x2B || first == 0x2E || (first >= 0x30 && first <= 0x39) else { return nil }
        guard bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 | 0x20 == 0x65 }) else { return nil }
        guard let d = Double(String(decoding: bytes, as: UTF8.self)), d.isFinite else { return nil }
        return d
    }

    /// `true` or `false`, in lower case as wekaql prints them.
    static func boolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.elementsEqual("true".utf8) { return true }
        if bytes.elementsEqual("false".utf8) { return false }
        return nil
    }

    static let trueWords = ["true", "t", "yes", "y", "1"].map { Array($0.utf8) }
    static let falseWords = ["false", "f", "no", "n", "0"].map { Array($0.utf8) }

    /// `true`/`false`, `t`/`f`, `yes`/`no`, `y`/`n`, `1`/`0`, in any case.
    static func anyBoolean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.count <= 5 else { return nil }
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if trueWords.contains(lower) { return true }
        if falseWords.contains(lower) { return false }
        return nil
    }

    /// A date written `YYYY-MM-DD`, the only way wekaql prints one.
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
