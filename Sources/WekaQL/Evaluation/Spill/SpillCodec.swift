// The bytes of a column in a spill file: a tag for its storage, then its typed arrays as they are in
// memory (little-endian words), so writing and reading a block copies arrays instead of boxing values.

/// Encodes and decodes ``Column`` storage for spill files.
enum SpillCodec {
    /// Starts every block: "WQSPILL1".
    static let magic: UInt64 = 0x314C_4C49_5053_5157

    private enum Tag: UInt8 {
        case null, boolean, integer, decimal, decimalPerRow, float, text, date, list
    }

    /// Appends words, arrays and columns to a byte buffer.
    struct Writer {
        private(set) var bytes: [UInt8] = []

        mutating func word(_ w: UInt64) { withUnsafeBytes(of: w.littleEndian) { bytes.append(contentsOf: $0) } }

        mutating func array<T: BitwiseCopyable>(_ values: [T]) {
            word(UInt64(values.count))
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }   // little-endian machines only (Linux x86-64, arm64)
        }

        /// Nulls as one byte per row, or a count of 0 when no row is null.
        mutating func nulls(_ nulls: [Bool]) { array(nulls.map { $0 ? UInt8(1) : 0 }) }

        mutating func column(_ column: Column) {
            switch column.storage {
            case .null(let n): tag(.null); word(UInt64(n))
            case .boolean(let v): tag(.boolean); array(v)
            case .integer(let v, let n): tag(.integer); array(v); nulls(n)
            case .decimal(let v, let scales, let n):
                if scales.perRow.isEmpty { tag(.decimal); word(UInt64(scales.uniform)) } else { tag(.decimalPerRow); array(scales.perRow) }
                array(v)
                nulls(n)
            case .float(let v, let n): tag(.float); array(v); nulls(n)
            case .date(let v, let n): tag(.date); array(v); nulls(n)
            case .string, .text: text(column)
            case .list(let lists):
                tag(.list)
                array(lists.offsets.map { Int64($0) })
                nulls(lists.nulls)
                self.column(lists.elements)
            }
        }

        /// Strings end to end with their offsets, and nulls.
        private mutating func text(_ column: Column) {
            tag(.text)
            var utf8: [UInt8] = [], offsets: [Int64] = [0], nulls: [Bool] = []
            var hasNull = false
            for row in 0..<column.count {
                switch column.storage {
                case .string(let codes, let dictionary):
                    if codes[row] >= 0 { utf8.append(contentsOf: dictionary.values[Int(codes[row])].utf8) } else { hasNull = true }
                    nulls.append(codes[row] < 0)
                case .text(let storage):
                    storage.withBytes(at: row) { bytes in
                        if let bytes { utf8.append(contentsOf: bytes) } else { hasNull = true }
                        nulls.append(bytes == nil)
                    }
                default: preconditionFailure("not text")
                }
                offsets.append(Int64(utf8.count))
            }
            array(utf8)
            array(offsets)
            self.nulls(hasNull ? nulls : [])
        }

        private mutating func tag(_ t: Tag) { bytes.append(t.rawValue) }
    }

    /// Reads back what ``Writer`` wrote; `nil` from any read that runs past the bytes or finds a bad tag.
    struct Reader {
        private let bytes: [UInt8]
        private var at = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func word() -> UInt64 {
            guard at + 8 <= bytes.count else { at = bytes.count + 1; return 0 }
            var w: UInt64 = 0
            withUnsafeMutableBytes(of: &w) { $0.copyBytes(from: bytes[at..<at + 8]) }
            at += 8
            return UInt64(littleEndian: w)
        }

        mutating func array<T: BitwiseCopyable>(_: T.Type) -> [T]? {
            let count = Int(truncatingIfNeeded: word()), size = MemoryLayout<T>.stride
            guard count >= 0, count <= (bytes.count - at) / max(1, size) else { return nil }
            let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[at..<at + count * size]))
                }
                initialized = count
            }
            at += count * size
            return values
        }

        mutating func nulls() -> [Bool]? { array(UInt8.self).map { $0.map { $0 != 0 } } }

        /// A column of `rows` rows.
        mutating func column(rows: Int) -> Column? {
            guard at < bytes.count, let tag = Tag(rawValue: bytes[at]) else { return nil }
            at += 1
            let storage: Column.Storage?
            switch tag {
            case .null: storage = Int(word()) == rows ? .null(rows) : nil
            case .boolean: storage = array(UInt8.self).map { .boolean($0) }
            case .integer: storage = zip2(array(Int64.self), nulls()).map { .integer($0, nulls: $1) }
            case .decimal, .decimalPerRow:
                let scales = tag == .decimal ? DecimalScales(uniform: Int(word()), perRow: []) : array(UInt8.self).map { DecimalScales(uniform: 0, perRow: $0) }
                storage = scales.flatMap { scales in zip2(array(Int64.self), nulls()).map { .decimal($0, scales: scales, nulls: $1) } }
            case .float: storage = zip2(array(Double.self), nulls()).map { .float($0, nulls: $1) }
            case .date: storage = zip2(array(Int32.self), nulls()).map { .date($0, nulls: $1) }
            case .text: storage = text(rows: rows)
            case .list:
                guard let offsets = array(Int64.self), let nulls = nulls(), offsets.count == rows + 1,
                      let elements = column(rows: Int(offsets.last ?? 0)) else { return nil }
                storage = .list(ListStorage(offsets: offsets.map { Int($0) }, elements: elements, nulls: nulls))
            }
            guard let storage else { return nil }
            let column = Column(storage: storage)
            return column.count == rows ? column : nil
        }

        private mutating func text(rows: Int) -> Column.Storage? {
            guard let utf8 = array(UInt8.self), let offsets = array(Int64.self), let nulls = nulls(),
                  offsets.count == rows + 1, nulls.isEmpty || nulls.count == rows,
                  offsets.last.map({ Int($0) == utf8.count }) ?? false else { return nil }
            var storage = TextStorage(reserving: utf8.count, rows: rows)
            utf8.withUnsafeBufferPointer { all in
                for row in 0..<rows {
                    if !nulls.isEmpty && nulls[row] { storage.appendNull(); continue }
                    storage.append(UnsafeBufferPointer(rebasing: all[Int(offsets[row])..<Int(offsets[row + 1])]))
                }
            }
            return .text(storage)
        }

        private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
            guard let a, let b else { return nil }
            return (a, b)
        }
    }
}
