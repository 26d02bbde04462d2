// The options of one CSV load, resolved from `LoadOptions`: the delimiter (given or sniffed) and the
// texts as bytes, as the reader and the column builders use them.

struct CSVSettings {
    var delimiter: UInt8 = 0x2C
    var header = true
    var skip = 0
    var badRows: LoadOptions.BadRows = .error
    var types: [String: ValueType] = [:]
    var nullTexts: [[UInt8]] = []
    var dateFormat: DateFormat?

    init() {}

    /// The settings of `options`; `delimiter` is the one chosen when the options give none.
    init(_ options: LoadOptions, delimiter: UInt8) {
        self.delimiter = options.delimiter.map { UInt8($0.value) } ?? delimiter
        header = options.header
        skip = options.skip
        badRows = options.badRows
        types = options.types
        nullTexts = options.nulls.filter { !$0.isEmpty }.map { Array($0.utf8) }
        dateFormat = options.dateFormat.flatMap(DateFormat.init)
    }

    /// How a column's fields are read.
    func reading(column name: String) -> FieldReading {
        FieldReading(nullTexts: nullTexts, given: types[name] != nil, dateFormat: dateFormat)
    }

    /// Where the header (or the first record) starts: after a byte order mark and `skip` lines.
    func firstLine(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = CSVReader.bodyStart(bytes)
        for _ in 0..<skip {
            guard let newline = bytes[offset...].firstIndex(of: 0x0A) else { return bytes.count }
            offset = newline + 1
        }
        return offset
    }
}

/// Which delimiter a CSV file uses, by DuckDB's idea: the candidate that splits the first rows into the
/// same number of fields. The first line's field count (more than one) is the measure; the candidate
/// under which most of the sampled rows have that count wins, ties going to the earlier of `,` `;` tab `|`.
enum DelimiterSniffer {
    static let candidates: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]
    static let sampleRows = 32
    /// At most this much of the file is read (a file of one huge line is not scanned four times).
    static let sampleBytes = 64 << 10

    static func delimiter(of bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> UInt8 {
        let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, start + sampleBytes)])
        var best: (delimiter: UInt8, score: Int) = (0x2C, 0)
        for candidate in candidates {
            var reader = CSVReader(sample, at: start, delimiter: candidate)
            var fields: [CSVReader.Field] = []
            var counts: [Int] = []
            // Sniffing: a bad record ends this candidate's sample; the load reports it with the delimiter chosen.
            while counts.count < sampleRows, (try? reader.nextRecord(into: &fields)) == true { counts.append(fields.count) }
            guard let first = counts.first, first > 1 else { continue }
            let score = counts.filter { $0 == first }.count
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }
}
