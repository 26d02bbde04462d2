// Integer sums and means without rounding: 128 bits hold the sum of any number of 64-bit integers a
// table can have, so `sum` fails only when its final value does not fit, whatever the order of the rows.

/// The exact sum of 64-bit integers.
struct ExactSum: Sendable {
    private(set) var total: Int128 = 0

    @inline(__always)
    mutating func add(_ value: Int64) {
        total &+= Int128(value)   // 2^63 values of at most 2^63 each cannot wrap 128 bits
    }

    /// Adds another sum (of other rows: a chunk's, when a query streams).
    mutating func add(_ other: ExactSum) {
        total &+= other.total
    }

    /// The sum, or `nil` when it does not fit in 64 bits.
    var integer: Int64? { Int64(exactly: total) }

    /// The sum as the nearest decimal.
    var decimal: Double { Double(total) }

    /// The mean of `count` values (at least one): the decimal nearest the exact quotient, rounded once.
    func mean(count: Int64) -> Double {
        Self.quotient(total, count)
    }

    /// `dividend / divisor` rounded once to the nearest decimal. The quotient is scaled to at least 55
    /// significant bits, and a remainder is kept as a sticky lowest bit, so that converting it to a
    /// decimal rounds as the exact quotient would (`Double(sum) / Double(count)` rounds twice).
    static func quotient(_ dividend: Int128, _ divisor: Int64) -> Double {
        guard dividend != 0 else { return 0 }
        let magnitude = dividend.magnitude, d = UInt128(divisor.magnitude)
        let shift = max(0, 55 + d.bitWidthUsed - magnitude.bitWidthUsed)   // at most 55 + 64 bits after the shift
        let scaled = magnitude << shift
        var q = scaled / d
        if scaled % d != 0 { q |= 1 }
        let result = Double(q) * Double(sign: .plus, exponent: -shift, significand: 1)
        return (dividend < 0) != (divisor < 0) ? -result : result
    }
}

private extension UInt128 {
    var bitWidthUsed: Int { Self.bitWidth - leadingZeroBitCount }
}

/// The exact sum of decimals of any scales: 128-bit units at the largest scale seen. `sum` is a decimal
/// at that scale; `avg` the sum divided by the count by the rule of `/` (``ExactDecimal/dividing(by:)``).
struct DecimalSum: Sendable {
    private(set) var units: Int128 = 0
    private(set) var scale = 0
    private(set) var count = 0
    /// Set when the 128-bit units wrapped (past 10^38): the result is then an overflow, whatever follows.
    private var wrapped = false

    mutating func add(_ d: ExactDecimal) {
        count += 1
        if d.scale > scale {
            let grown = units.multipliedReportingOverflow(by: ExactDecimal.powersOfTen[d.scale - scale])
            units = grown.partialValue
            wrapped = wrapped || grown.overflow
            scale = d.scale
        }
        let sum = units.addingReportingOverflow(d.units(atScale: scale))
        units = sum.partialValue
        wrapped = wrapped || sum.overflow
    }

    /// Adds another sum (of other rows: a chunk's, when a query streams), at the larger of the two scales.
    mutating func add(_ other: DecimalSum) {
        count += other.count
        wrapped = wrapped || other.wrapped
        var theirs = other.units
        if other.scale > scale {
            let grown = units.multipliedReportingOverflow(by: ExactDecimal.powersOfTen[other.scale - scale])
            units = grown.partialValue
            wrapped = wrapped || grown.overflow
            scale = other.scale
        } else if other.scale < scale {
            let grown = theirs.multipliedReportingOverflow(by: ExactDecimal.powersOfTen[scale - other.scale])
            theirs = grown.partialValue
            wrapped = wrapped || grown.overflow
        }
        let sum = units.addingReportingOverflow(theirs)
        units = sum.partialValue
        wrapped = wrapped || sum.overflow
    }

    /// The nearest double, for a sum that also has floats.
    var doubleValue: Double { Double(units) / Double(ExactDecimal.powersOfTen[scale]) }

    /// These decimals plus `integers`' exact sum, as one 128-bit count of units; `nil` when it wrapped.
    private func combined(with integers: ExactSum) -> Int128? {
        guard !wrapped else { return nil }
        let scaled = integers.total.multipliedReportingOverflow(by: ExactDecimal.powersOfTen[scale])
        let sum = units.addingReportingOverflow(scaled.partialValue)
        return scaled.overflow || sum.overflow ? nil : sum.partialValue
    }

    /// The sum, which must fit in a decimal (error E0410 otherwise).
    func total(plus integers: ExactSum, range: SourceRange) throws -> Value {
        guard let all = combined(with: integers), let d = ExactDecimal(wide: all, scale: scale) else {
            throw Diagnostic.decimalOverflow(range: range)
        }
        return .decimal(d)
    }

    /// The mean of `count` values (at least one), by the rule of `/`.
    func mean(plus integers: ExactSum, count: Int64, range: SourceRange) throws -> Value {
        guard let all = combined(with: integers),
              let d = ExactDecimal.quotient(all, Int128(count), scale: scale, keeping: scale) else {
            throw Diagnostic.decimalOverflow(range: range)
        }
        return .decimal(d)
    }
}
