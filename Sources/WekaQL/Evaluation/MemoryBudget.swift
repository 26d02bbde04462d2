// How much memory one statement's stages may take: a join, sort, grouping or distinct that would hold
// more fails before making its rows, naming the stage and its estimated size, instead of growing until
// the machine swaps.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A limit on the bytes of rows a stage may make, checked against the stage's estimate before it runs.
public struct MemoryBudget: Sendable, Hashable {
    /// The most bytes a stage may make.
    public var bytes: Int

    /// A budget of `bytes`.
    public init(bytes: Int) {
        self.bytes = max(0, bytes)
    }

    /// A size as people write one: `4GB`, `512 MB`, `1.5G`, `64KiB` or a number of bytes; units are
    /// powers of 1024. `nil` for anything else.
    public init?(parsing text: String) {
        var number = Substring(text.lowercased().filter { $0 != " " })
        var unit = 1
        for (suffixes, power) in [(["kib", "kb", "k"], 1), (["mib", "mb", "m"], 2), (["gib", "gb", "g"], 3), (["tib", "tb", "t"], 4)] {
            if let suffix = suffixes.first(where: { number.hasSuffix($0) }) {
                number = number.dropLast(suffix.count)
                unit = 1 << (10 * power)
                break
            }
        }
        if number.hasSuffix("b") { number = number.dropLast() }
        guard let value = Double(number), value >= 0, value.isFinite, value * Double(unit) < 9.2e18 else { return nil }
        self.init(bytes: Int(value * Double(unit)))
    }

    /// Half the machine's physical memory (or 4 GB when the system does not say).
    public static let machineDefault: MemoryBudget = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return MemoryBudget(bytes: 4 << 30) }
        return MemoryBudget(bytes: pages.multipliedReportingOverflow(by: size).partialValue / 2)
    }()

    /// Bytes for people, in powers of 1024 with one decimal: `512 B`, `1.5 KB`, `2.4 GB`.
    public static func describe(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes), unit = 0
        while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) B" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10) \(units[unit])" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    /// Throws E0406 when `rows` rows of `bytesPerRow` bytes each would pass the budget.
    func check(_ stage: String, rows: Int, bytesPerRow: Int, range: SourceRange?) throws(Diagnostic) {
        let (estimate, overflow) = rows.multipliedReportingOverflow(by: bytesPerRow)
        guard overflow || estimate > bytes else { return }
        throw Diagnostic.memoryBudget(stage: stage, estimate: overflow ? Int.max : estimate, rows: rows, budget: bytes, range: range)
    }
}
