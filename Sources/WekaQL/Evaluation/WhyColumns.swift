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
    /// of the exact size (a group can have a million rows, and this was most of `why`'s time).
    private func place(_ rows: [InputRow]) -> Column {
        let lines = graph.inputs.map { $0.file?.lines.all }
        let prefixes = graph.inputs.map { input in input.file.map { Array($0.path.utf8) + [UInt8(ascii: ":")] } ?? [] }
        var segment = TextSegment()
        if rows.contains(where: { $0.input < 0 }) { segment.nulls = rows.map { $0.input < 0 } }
        var numbers = [Int](repeating: 0, count: rows.count)
        var prefixOf = [Int32](repeating: -1, count: rows.count)   // the input whose prefix goes first; -1: none
        var offsets = [Int](repeating: 0, count: rows.count + 1)
        var total = 0
        for (index, row) in rows.enumerated() {
            if row.input >= 0 {
                let input = Int(row.input)
                if let line = lines[input]?.line(ofRow: Int(row.row)) {
                    numbers[index] = line
                    prefixOf[index] = row.input
                    total += prefixes[input].count
                } else {
                    numbers[index] = Int(row.row) + 1
                }
                total += Self.digitCount(numbers[index])
            }
            offsets[index + 1] = total
        }
        segment.offsets = offsets
        segment.bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            for index in rows.indices where rows[index].input >= 0 {
                var end = offsets[index + 1]
                var n = numbers[index]
                repeat {
                    end -= 1
                    buffer[end] = UInt8(ascii: "0") + UInt8(n % 10)
                    n /= 10
                } while n > 0
                if prefixOf[index] >= 0 {
                    let prefix = prefixes[Int(prefixOf[index])]
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[offsets[index]..<end]).initialize(from: prefix)
                }
            }
            initialized = total
        }
        return Column(storage: .text(TextStorage(segment)))
    }

    private static func digitCount(_ number: Int) -> Int {
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        return digits
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
