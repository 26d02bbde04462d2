// A float sum that does not depend on the order of its values: the values are added exactly (Shewchuk's
// non-overlapping partials, as Python's `math.fsum`) and the total is rounded once, to the nearest
// double. A streamed `sum` or `avg` of floats, whose chunks' partial sums are merged, then gives the
// in-memory result whatever the chunk size and thread count, where adding in order would round at every
// step and differ in the last digits.

/// The exact sum of doubles, rounded once when read.
struct FloatSum: Sendable {
    /// The exact sums of the positive and of the negative values, each as non-overlapping partials in
    /// ascending magnitude. Apart, each only grows in magnitude, so whether one passes the largest double
    /// does not depend on the order: a sum whose positive (or negative) values add past it overflows.
    private var positive: [Double] = []
    private var negative: [Double] = []
    /// Infinities and NaNs, added as they come (any of them makes the total not finite).
    private var special: Double = 0
    /// Infinity of the sign of a side that passed the largest double (NaN when both did), else 0.
    private var overflow: Double = 0

    /// Adds `x` exactly.
    mutating func add(_ x: Double) {
        if !x.isFinite { special += x; return }
        if x != 0 { add(x, positive: x > 0) }
    }

    /// Adds every value `other` holds.
    mutating func add(_ other: FloatSum) {
        for x in other.positive { add(x, positive: true) }
        for x in other.negative { add(x, positive: false) }
        special += other.special
        if other.overflow != 0 { overflow = overflow == 0 ? other.overflow : overflow + other.overflow }
    }

    /// The total rounded to the nearest double (ties to even); infinite or NaN when it has no finite value.
    var value: Double {
        if overflow != 0 || overflow.isNaN || special != 0 || special.isNaN { return special + overflow }
        // The two sides cancel: no step of adding one to the other passes the larger of them.
        var total = positive
        for x in negative { _ = Self.add(x, to: &total) }
        return Self.rounded(total)
    }

    /// Adds `x` to the positive or the negative side, unless that side overflowed; notes an overflow.
    private mutating func add(_ x: Double, positive isPositive: Bool) {
        guard overflow == 0 || (overflow.isInfinite && (overflow > 0) != isPositive) else { return }
        let fits = isPositive ? Self.add(x, to: &positive) : Self.add(x, to: &negative)
        if !fits { overflow = overflow == 0 ? (isPositive ? .infinity : -.infinity) : .nan }
    }

    /// Adds `x` to the non-overlapping `partials` exactly (each step's rounding error is kept as a
    /// partial); `false` when a step passes the largest double.
    @discardableResult
    private static func add(_ value: Double, to partials: inout [Double]) -> Bool {
        var x = value
        var kept = 0
        for index in partials.indices {
            var y = partials[index]
            if abs(x) < abs(y) { swap(&x, &y) }
            let high = x + y
            if !high.isFinite { return false }
            let low = y - (high - x)
            if low != 0 { partials[kept] = low; kept += 1 }
            x = high
        }
        partials.removeLast(partials.count - kept)
        partials.append(x)
        return true
    }

    /// The sum of non-overlapping `partials` rounded once: from the largest down until a step is inexact,
    /// then the half-way case settled by the sign of what remains (as `math.fsum`).
    private static func rounded(_ partials: [Double]) -> Double {
        guard var n = partials.indices.last else { return 0 }
        var high = partials[n]
        var low = 0.0
        while n > 0 {
            let x = high
            let y = partials[n - 1]
            n -= 1
            high = x + y
            low = y - (high - x)
            if low != 0 { break }
        }
        if n > 0, (low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0) {
            let y = low * 2
            let x = high + y
            if y == x - high { high = x }
        }
        return high
    }
}
