// The three columns `why` adds (`from`, `row`, `source`), built whole from the input rows rather than a
// value at a time: the collection as dictionary codes, the row's `file:line` or position written as bytes
// into one buffer, the sentence gathered from its collection's column.

struct WhyColumns {
    let graph: LineageGraph

    /// An input row that stands for none (a count of no rows): its columns are null.
    static let none = InputRow(input: -1, row: -1)

    /// The `from`, `row` and `source` columns of `rows`, one row each.
    func columns(for rows: [InputRow]) -> [Column] {
        [from(rows), place(rows), sources(rows)]
    }

    /// The collection of each row, as codes of a dictionary of the inputs' names.
    private func from(_ rows: [InputRow]) -> Column {
        var names = StringDictionary()
        let codes = graph.inputs.map { names.code(for: $0.name) }
        return Column(storage: .string(rows.map { $0.input < 0 ? -1 : codes[Int($0.input)] }, names))
    }

    /// `file:line` for a row of a loaded file whose lines are known, else the row's position from 1.
    /// Two passes: each row's number and length, then the bytes written through a pointer into a buffer
    /// of the exact size (a group can have a million rows, and this was most of `why`'s time). No array
    /// is copied out of another per row: each such copy is a retain and a release, and they once took
    /// half of this.
    private func place(_ rows: [InputRow]) -> Column {
        let lines = graph.inputs.map { $0.file?.lines.all }
        // Every input's `path:` end to end, input i's at `prefixStarts[i]..<prefixStarts[i + 1]`.
        var prefixBytes: [UInt8] = [], prefixStarts = [0]
        for input in graph.inputs {
            if let file = input.file { prefixBytes += file.path.utf8 + [UInt8(ascii: ":")] }
            prefixStarts.append(prefixBytes.count)
        }
        var segment = TextSegment()
        if rows.contains(where: { $0.input < 0 }) { segment.nulls = rows.map { $0.input < 0 } }
        var numbers = [Int](repeating: 0, count: rows.count)
        var isLine = [Bool](repeating: false, count: rows.count)   // a line, after its input's prefix; else a position
        var start = 0
        while start < rows.count {   // runs of one input: one run, but for joins and unions
            let input = rows[start].input
            var end = start + 1
            while end < rows.count && rows[end].input == input { end += 1 }
            if input >= 0 { Self.number(rows[start..<end], lines: lines[Int(input)], numbers: &numbers, isLine: &isLine) }
            start = end
        }
        var offsets = [Int](repeating: 0, count: rows.count + 1)
        var total = 0
        for index in rows.indices {
            let input = Int(rows[index].input)
            if input >= 0 {
                if isLine[index] { total += prefixStarts[input + 1] - prefixStarts[input] }
                total += Self.digitCount(numbers[index])
            }
            offsets[index + 1] = total
        }
        segment.bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            prefixBytes.withUnsafeBufferPointer { prefixBytes in Self.digitPairs.withUnsafeBufferPointer { pairs in
                for index in rows.indices where rows[index].input >= 0 {
                    let end = Self.writeDigits(of: numbers[index], endingAt: offsets[index + 1], in: buffer, pairs: pairs)
                    if isLine[index] {
                        let input = Int(rows[index].input)
                        let prefix = UnsafeBufferPointer(rebasing: prefixBytes[prefixStarts[input]..<prefixStarts[input + 1]])
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[offsets[index]..<end]).initialize(from: prefix)
                    }
                }
            }}
            initialized = total
        }
        segment.offsets = offsets
        return Column(storage: .text(TextStorage(segment)))
    }

    /// The line of each of `rows` (of one input) when `lines` has it, else its position from 1.
    private static func number(_ rows: ArraySlice<InputRow>, lines: RecordLineIndex?, numbers: inout [Int], isLine: inout [Bool]) {
        numbers.withUnsafeMutableBufferPointer { numbers in
            isLine.withUnsafeMutableBufferPointer { isLine in
                for index in rows.indices {
                    let row = Int(rows[index].row)
                    if let line = lines?.line(ofRow: row) {
                        numbers[index] = line
                        isLine[index] = true
                    } else {
                        numbers[index] = row + 1
                    }
                }
            }
        }
    }

    /// The number of decimal digits of `number` (at least 0).
    private static func digitCount(_ number: Int) -> Int {
        var digits = 1, bound = 10
        while number >= bound && digits < 19 { digits += 1; bound &*= 10 }   // Int.max has 19
        return digits
    }

    /// "00" to "99", end to end.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    /// Writes the digits of `number` (at least 0) to end before `end`, two at a time (`pairs` is
    /// ``digitPairs``); returns where they start.
    @inline(__always)
    private static func writeDigits(of number: Int, endingAt end: Int, in buffer: UnsafeMutableBufferPointer<UInt8>,
                                    pairs: UnsafeBufferPointer<UInt8>) -> Int {
        var n = number, end = end
        while n >= 100 {
            let pair = 2 * (n % 100)
            n /= 100
            end -= 2
            buffer[end] = pairs[pair]
            buffer[end + 1] = pairs[pair + 1]
        }
        if n >= 10 {
            end -= 2
            buffer[end] = pairs[2 * n]
            buffer[end + 1] = pairs[2 * n + 1]
        } else {
            end -= 1
            buffer[end] = UInt8(ascii: "0") + UInt8(n)
        }
        return end
    }

    /// The `source` sentence of each row, when its collection has one: gathered from that column when
    /// every row is of one collection, as they are but for joins and unions.
    private func sources(_ rows: [InputRow]) -> Column {
        let columns = graph.inputs.indices.map { graph.sourceColumn(of: $0) }
        var isUsed = [Bool](repeating: false, count: graph.inputs.count)
        for row in rows where row.input >= 0 { isUsed[Int(row.input)] = true }
        let used = isUsed.indices.filter { isUsed[$0] }.map(Int32.init)
        if used.allSatisfy({ columns[Int($0)] == nil }) {
            return Column(storage: .string([Int32](repeating: -1, count: rows.count), StringDictionary()))
        }
        if used.count == 1, let input = used.first, let column = columns[Int(input)] {
            let gathered = graph.inputs[Int(input)].table.columns[column].gathering(rows.map { $0.input < 0 ? -1 : $0.row })
            switch gathered.storage {
            case .string, .text: return gathered
            default: break   // a column of nulls only
            }
        }
        var builder = ColumnBuilder(type: .string, capacity: rows.count)
        for row in rows {
            guard row.input >= 0, let column = columns[Int(row.input)] else {
                builder.appendNull()
                continue
            }
            builder.append(graph.inputs[Int(row.input)].table.columns[column][Int(row.row)])
        }
        return builder.build()
    }
}
