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
    private func place(_ rows: [InputRow]) -> Column {
        let lines = graph.inputs.map { $0.file?.lines.all }
        let prefixes = graph.inputs.map { input in input.file.map { Array($0.path.utf8) + [UInt8(ascii: ":")] } ?? [] }
        var segment = TextSegment()
        segment.bytes.reserveCapacity(rows.count * ((prefixes.map(\.count).max() ?? 0) + 7))
        segment.offsets.reserveCapacity(rows.count + 1)
        if rows.contains(where: { $0.input < 0 }) { segment.nulls = rows.map { $0.input < 0 } }
        for row in rows {
            if row.input >= 0 {
                let input = Int(row.input)
                if let line = lines[input]?.line(ofRow: Int(row.row)) {
                    segment.bytes += prefixes[input]
                    Self.appendDigits(of: line, to: &segment.bytes)
                } else {
                    Self.appendDigits(of: Int(row.row) + 1, to: &segment.bytes)
                }
            }
            segment.offsets.append(segment.bytes.count)
        }
        return Column(storage: .text(TextStorage(segment)))
    }

    /// The `source` sentence of each row, when its collection has one: gathered from that column when
    /// every row is of one collection, as they are but for joins and unions.
    private func sources(_ rows: [InputRow]) -> Column {
        let columns = graph.inputs.indices.map { graph.sourceColumn(of: $0) }
        let used = Set(rows.lazy.map(\.input).filter { $0 >= 0 })
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

    /// Writes `number` in decimal: the digits are counted first, then written from the last.
    private static func appendDigits(of number: Int, to bytes: inout [UInt8]) {
        var digits = 1, rest = number / 10
        while rest > 0 { digits += 1; rest /= 10 }
        let end = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var n = number, index = end - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(n % 10)
                n /= 10
                index -= 1
            } while n > 0
        }
    }
}
