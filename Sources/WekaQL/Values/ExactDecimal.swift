// `ExactDecimal`: a fixed-point decimal of at most 18 digits (64-bit units and a scale), so that money
// adds up exactly: `12.10 + 0.20` is `12.30`, where binary floating point gives 12.299999999999999.

/// A decimal number held exactly: `units × 10^-scale`, with at most 18 digits in `units`.
///
/// Rules (README, "Exact decimals"):
/// - Each value keeps its scale, as written: `1.50` has scale 2 and prints `1.50`. Numerically equal
///   decimals of different scales are equal (`1.50 = 1.5`) and hash alike.
/// - `+` and `-` give the larger scale of the two; `*` the sum of the scales; `/` the quotient rounded half
///   away from zero to 12 decimal places (fewer when the whole part needs the room: 18 digits in all),
///   without the trailing zeros past the dividend's scale: `12.30 / 3` is `4.10`, `1.0 / 3` is
///   `0.333333333333` (see `dividing(by:)`).
/// - Units are 64-bit: text of up to 18 digits reads as a decimal (every integer converts too); a result
///   past 64 bits (about 9.2 × 10^18 units) is an overflow (`nil` here; error E0410 in a query), never a
///   silently rounded answer.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digits, as an integer: `150` for `1.50`.
    public let units: Int64
    /// How many of the digits are after the decimal point: 2 for `1.50`.
    public let scale: Int

    /// The most digits decimal text has (18 digits always fit in 64 bits), and the largest scale.
    public static let maximumDigits = 18

    /// A decimal of `units × 10^-scale`, or `nil` for a scale that is not 0…18.
    public init?(units: Int64, scale: Int) {
        guard (0...Self.maximumDigits).contains(scale) else { return nil }
        self.units = units
        self.scale = scale
    }

    /// A decimal from 128-bit units, or `nil` when they do not fit in 18 digits.
    init?(wide units: Int128, scale: Int) {
        guard let narrow = Int64(exactly: units) else { return nil }
        self.init(units: narrow, scale: scale)
    }

    /// An integer as a decimal of scale 0.
    init(integer: Int64) {
        self.units = integer
        self.scale = 0
    }

    /// 10^n for n in 0…38, as 128-bit integers.
    static let powersOfTen: [Int128] = {
        var powers: [Int128] = [1]
        for _ in 1...38 { powers.append(powers.last! * 10) }
        return powers
    }()

    /// The units at a larger scale (exact: appends zeros), in 128 bits.
    func units(atScale target: Int) -> Int128 { Int128(units) * Self.powersOfTen[target - scale] }

    /// The text: `1.50`, `-0.05`, `12`; no exponent, every digit of the scale.
    public var description: String {
        guard scale > 0 else { return String(units) }
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (units < 0 ? "-" : "") + digits[..<point] + "." + digits[point...]
    }

    /// The nearest binary floating-point number.
    public var doubleValue: Double {
        // Below 2^53 both operands are exact, so one correctly rounded division gives the nearest double.
        if units.magnitude < 1 << 53 { return Double(units) / Double(Self.powersOfTen[scale]) }
        return Double(description) ?? Double(units) / Double(Self.powersOfTen[scale])
    }

    /// The decimal with trailing fraction zeros removed: what equality and hashing see.
    var normalized: ExactDecimal {
        var u = units, s = scale
        while s > 0 && u % 10 == 0 { u /= 10; s -= 1 }
        return ExactDecimal(units: u, scale: s)!
    }

    /// The value as an integer when it has no fraction (`2.00` is 2).
    var integerValue: Int64? {
        let n = normalized
        return n.scale == 0 ? n.units : nil
    }

    public static func == (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) == 0 }
    public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { compare(a, b) < 0 }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.units)
        hasher.combine(n.scale)
    }

    /// -1, 0 or 1, comparing the numbers at a common scale.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        let s = Swift.max(a.scale, b.scale)
        let x = a.units(atScale: s), y = b.units(atScale: s)
        return x < y ? -1 : (x == y ? 0 : 1)
    }

    /// -1, 0 or 1, comparing a decimal with an integer (of any 64-bit size).
    static func compare(_ a: ExactDecimal, integer: Int64) -> Int {
        let x = Int128(a.units), y = Int128(integer) * powersOfTen[a.scale]
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}

extension ExactDecimal {
    /// The sum, at the larger scale, or `nil` past 18 digits.
    func adding(_ other: ExactDecimal) -> ExactDecimal? {
        let s = Swift.max(scale, other.scale)
        return ExactDecimal(wide: units(atScale: s) + other.units(atScale: s), scale: s)
    }

    /// The difference, at the larger scale, or `nil` past 18 digits.
    func subtracting(_ other: ExactDecimal) -> ExactDecimal? {
        let s = Swift.max(scale, other.scale)
        return ExactDecimal(wide: units(atScale: s) - other.units(atScale: s), scale: s)
    }

    /// The product, at the sum of the scales, or `nil` past 18 digits (or a scale past 18).
    func multiplying(by other: ExactDecimal) -> ExactDecimal? {
        ExactDecimal(wide: Int128(units) * Int128(other.units), scale: scale + other.scale)
    }

    /// The negation, or `nil` for the one value whose negation does not fit (units of `Int64.min`).
    var negated: ExactDecimal? { units == .min ? nil : ExactDecimal(units: -units, scale: scale) }

    /// The magnitude, or `nil` when it does not fit (units of `Int64.min`).
    var magnitude: ExactDecimal? { units < 0 ? negated : self }

    /// The most decimal places a quotient (`/`, `avg`) has.
    static let quotientPlaces = 12

    /// The quotient rounded half away from zero to 12 places (fewer when the whole part needs the room),
    /// then without trailing zeros past this dividend's scale; `nil` for a zero divisor or a whole part
    /// past 18 digits.
    func dividing(by other: ExactDecimal) -> ExactDecimal? {
        guard other.units != 0 else { return nil }
        // units·10^-s / (v·10^-t) = (units · 10^t / v) · 10^-s: a dividend scaled by at most 10^18 fits 128 bits.
        return Self.quotient(Int128(units) * Self.powersOfTen[other.scale], Int128(other.units), scale: scale, keeping: scale)
    }

    /// `(dividend / divisor) · 10^-scale` by the quotient rule, keeping at least `kept` places.
    static func quotient(_ dividend: Int128, _ divisor: Int128, scale: Int, keeping kept: Int) -> ExactDecimal? {
        let (q, r) = dividend.quotientAndRemainder(dividingBy: divisor)
        // The whole quotient's digits decide how many places are left of the 18.
        let wholeDigits = String((q / powersOfTen[scale]).magnitude).count
        guard wholeDigits <= maximumDigits else { return nil }
        let places = Swift.max(kept, Swift.min(quotientPlaces, maximumDigits - wholeDigits))
        let step = powersOfTen[places - scale]   // places ≥ kept ≥ scale
        // (q + r/divisor) · step, rounded, with the fraction's digits found nine at a time so that r · 10^9
        // stays inside 128 bits.
        var units = q.multipliedReportingOverflow(by: step)
        guard !units.overflow else { return nil }
        var fraction = r, digitsLeft = places - scale, scaledFraction: Int128 = 0
        while digitsLeft > 0 {
            let n = Swift.min(9, digitsLeft)
            let (fq, fr) = (fraction * powersOfTen[n]).quotientAndRemainder(dividingBy: divisor)
            scaledFraction = scaledFraction * powersOfTen[n] + fq
            fraction = fr
            digitsLeft -= n
        }
        if fraction.magnitude * 2 >= divisor.magnitude { scaledFraction += (dividend < 0) != (divisor < 0) ? -1 : 1 }
        units = units.partialValue.addingReportingOverflow(scaledFraction)
        guard !units.overflow, var result = ExactDecimal(wide: units.partialValue, scale: places) else { return nil }
        while result.scale > kept && result.units % 10 == 0 { result = ExactDecimal(units: result.units / 10, scale: result.scale - 1)! }
        return result
    }

    /// The remainder of truncated division (the sign of the dividend), at the larger scale.
    func remainder(dividingBy other: ExactDecimal) -> ExactDecimal? {
        guard other.units != 0 else { return nil }
        let s = Swift.max(scale, other.scale)
        return ExactDecimal(wide: units(atScale: s) % other.units(atScale: s), scale: s)
    }

    /// Rounded to `places` fraction digits (negative: tens, hundreds…), halves away from zero; the scale
    /// becomes `max(places, 0)`, or stays when it is already that small (`round(1.5, 3)` is `1.5`).
    /// `nil` when the rounded value does not fit.
    func rounded(places: Int) -> ExactDecimal? {
        guard places < scale else { return self }
        let drop = scale - places
        guard drop <= 38 else { return ExactDecimal(units: 0, scale: Swift.max(places, 0)) }
        let step = Self.powersOfTen[drop]
        var kept = Int128(units) / step
        let rest = Int128(units) % step
        if rest.magnitude * 2 >= step.magnitude { kept += units < 0 ? -1 : 1 }
        if places >= 0 { return ExactDecimal(wide: kept, scale: places) }
        let grown = kept.multipliedReportingOverflow(by: Self.powersOfTen[-places])
        return grown.overflow ? nil : ExactDecimal(wide: grown.partialValue, scale: 0)
    }

    /// The integer at or below (`down`) or at or above the value.
    func wholePart(roundingDown down: Bool) -> Int64 {
        let step = Int64(Self.powersOfTen[scale])
        var q = units / step
        if units % step != 0, (units < 0) == down { q += down ? -1 : 1 }
        return q
    }
}

extension ExactDecimal {
    /// Reads `-?[0-9]+(\.[0-9]+)?` (with `lenient`, also a leading `+`, `.5` and `5.`), keeping the scale;
    /// `nil` for other text or more than 18 significant digits.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lenient: Bool = false) -> ExactDecimal? {
        var i = 0
        let negative = bytes.first == 0x2D
        if negative || (lenient && bytes.first == 0x2B) { i = 1 }
        var units: Int64 = 0, digits = 0, scale = 0, sawPoint = false, sawDigit = false
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x2E {
                guard !sawPoint, lenient || sawDigit else { return nil }
                sawPoint = true
            } else {
                let d = b &- 0x30
                guard d < 10 else { return nil }
                sawDigit = true
                if units != 0 || d != 0 { digits += 1 }
                guard digits <= maximumDigits else { return nil }
                units = units * 10 + Int64(d)
                if sawPoint { scale += 1 }
            }
            i += 1
        }
        guard sawDigit, lenient || !sawPoint || bytes.last != 0x2E else { return nil }
        return ExactDecimal(units: negative ? -units : units, scale: scale)
    }

    /// Reads a decimal from text (see `parse(_:lenient:)`).
    public init?(_ text: String, lenient: Bool = false) {
        var text = text
        guard let value = text.withUTF8({ Self.parse($0, lenient: lenient) }) else { return nil }
        self = value
    }

    /// The decimal whose text is the shortest that reads back as `d` (`0.1` for the double nearest 0.1,
    /// `2.0` for 2), or `nil` for a double that needs an exponent or more than 18 digits.
    init?(shortest d: Double) {
        guard d.isFinite else { return nil }
        if d == d.rounded() {
            guard d.magnitude < 1e17 else { return nil }
            self.init(units: Int64(d) * 10, scale: 1)
            return
        }
        guard let value = ExactDecimal(d.description) else { return nil }
        self = value
    }
}

extension ExactDecimal: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// `12` as a decimal of scale 0.
    public init(integerLiteral value: Int64) { self.init(integer: value) }

    /// `1.5` as a decimal: the shortest text of the Swift literal's double (trailing zeros are not seen:
    /// write `ExactDecimal("1.50")` for scale 2). The literal must have at most 18 digits, without exponent.
    public init(floatLiteral value: Double) {
        guard let exact = ExactDecimal(shortest: value) else { preconditionFailure("\(value) is not an 18-digit decimal") }
        self = exact
    }
}
