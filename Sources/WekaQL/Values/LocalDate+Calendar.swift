// Calendar arithmetic on dates: days added, truncation to a unit, differences in units, and today.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A unit of `date_trunc` and `date_diff`, named as in SQL (case-insensitive).
enum DateUnit: String, CaseIterable, Sendable {
    case day, week, month, quarter, year

    /// The unit a literal names: `"Month"` and `"month"` alike.
    init?(named text: String) { self.init(rawValue: text.lowercased()) }
}

extension LocalDate {
    /// The first and last days a date can be: years 1 to 9999, as `YYYY-MM-DD` writes them.
    static let earliest = LocalDate(year: 1, month: 1, day: 1)!
    static let latest = LocalDate(year: 9999, month: 12, day: 31)!

    /// The date `n` days later (earlier for a negative `n`), or `nil` past the years 1 to 9999.
    func adding(days n: Int64) -> LocalDate? {
        let (sum, overflow) = Int64(days).addingReportingOverflow(n)
        guard !overflow, sum >= Int64(Self.earliest.days), sum <= Int64(Self.latest.days) else { return nil }
        return LocalDate(days: Int32(sum))
    }

    /// The first day of the unit the date is in; a week starts on Monday (ISO 8601), as in DuckDB.
    func truncated(to unit: DateUnit) -> LocalDate {
        let (y, m, _) = components
        switch unit {
        case .day: return self
        // 1970-01-01 was a Thursday: days since the Monday before it, modulo 7.
        case .week: return LocalDate(days: days - Int32(((Int(days) + 3) % 7 + 7) % 7))
        case .month: return LocalDate(year: y, month: m, day: 1)!
        case .quarter: return LocalDate(year: y, month: (m - 1) / 3 * 3 + 1, day: 1)!
        case .year: return LocalDate(year: y, month: 1, day: 1)!
        }
    }

    /// The number of unit boundaries crossed from `start` to `end` (negative when `end` is earlier), as
    /// DuckDB's `date_diff`: months and years count the firsts of months and years passed, so 2022-01-31 to
    /// 2022-02-01 is one month; weeks are whole 7-day spans, truncated toward zero.
    static func difference(in unit: DateUnit, from start: LocalDate, to end: LocalDate) -> Int64 {
        let a = start.components, b = end.components
        switch unit {
        case .day: return Int64(end.days) - Int64(start.days)
        case .week: return (Int64(end.days) - Int64(start.days)) / 7
        case .month: return Int64((b.year - a.year) * 12 + b.month - a.month)
        case .quarter: return Int64((b.year * 4 + (b.month - 1) / 3) - (a.year * 4 + (a.month - 1) / 3))
        case .year: return Int64(b.year - a.year)
        }
    }

    /// Whether query text such as `2022-06-01` is a date written without quotes, which reads as the
    /// subtraction 2022 - 6 - 1.
    static func looksLikeUnquotedDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count == 4 && (1...2).contains(parts[1].count) && (1...2).contains(parts[2].count)
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Today in the local time zone, from the system clock (as SQL's `current_date`).
    static func today() -> LocalDate {
        var now = time(nil)
        var local = tm()
        guard localtime_r(&now, &local) != nil,
              let date = LocalDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday)) else {
            return LocalDate(days: Int32(clamping: Int(now) / 86_400))
        }
        return date
    }
}
