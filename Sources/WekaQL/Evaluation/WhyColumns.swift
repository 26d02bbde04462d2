// The three columns `why` adds (`from`, `row`, `source`), built a row at a time without a `Value` or a
// `String` per row: the collection as a dictionary code, the row's `file:line` or position written as
// bytes, the sentence as the code of its text.

struct WhyColumns {
    let graph: LineageGraph
    private var fromCodes: [Int32] = []
    private var names = StringDictionary()
    /// The code of each input's name, found on first use.
    private var nameCode: [Int32?]
    private var rows = TextStorage()
    private var sources = ColumnBuilder(type: .string)
    /// Each input's text `source` column, if it has one (`nil` inside: none), found on first use.
    private var sourceColumn: [Int??]
    private var scratch: [UInt8] = []

    init(graph: LineageGraph) {
        self.graph = graph
        nameCode = Array(repeating: nil, count: graph.inputs.count)
        sourceColumn = Array(repeating: nil, count: graph.inputs.count)
    }

    /// The row of a result row that stands on no input row: nulls.
    mutating func appendNone() {
        fromCodes.append(-1)
        rows.appendNull()
        sources.appendNull()
    }

    mutating func append(_ row: InputRow) {
        let index = Int(row.input)
        let input = graph.inputs[index]
        if nameCode[index] == nil { nameCode[index] = names.code(for: input.name) }
        fromCodes.append(nameCode[index]!)
        scratch.removeAll(keepingCapacity: true)
        if let file = input.file, let line = file.line(ofRow: Int(row.row)) {
            scratch.append(contentsOf: file.path.utf8)
            scratch.append(UInt8(ascii: ":"))
            Self.appendDigits(of: line, to: &scratch)
        } else {
            Self.appendDigits(of: Int(row.row) + 1, to: &scratch)
        }
        scratch.withUnsafeBufferPointer { rows.append($0) }
        if sourceColumn[index] == nil { sourceColumn[index] = .some(graph.sourceColumn(of: index)) }
        if let column = sourceColumn[index]! {
            sources.append(input.table.columns[column][Int(row.row)])
        } else {
            sources.appendNull()
        }
    }

    var columns: [Column] {
        [Column(storage: .string(fromCodes, names)), Column(storage: .text(rows)), sources.build()]
    }

    private static func appendDigits(of number: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var n = number
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        bytes[start...].reverse()
    }
}
