// libFuzzer target: arbitrary bytes as a data file, through the CSV, JSON and JSON-lines loaders (called
// directly on memory: Fuzz/run.sh compiles this file with the library sources, so internal names are
// visible), then queries over each loaded table and the renderers.
//
// The input's first byte also picks the CSV load options (it stays part of the data, so the seed corpus
// keeps its meaning): bits 0–1 the delimiter (`,` `;` tab `|`), bit 2 no header, bits 3–4 bad_rows
// (error, skip, pad), bit 5 nulls=NA, bit 6 skip=1 line, bit 7 a given type for column1/the first column.
//
// JSON inputs meet the nested forms (objects flattened into dotted fields, arrays of scalars as lists,
// deeper nesting as JSON text); each list field is unnested, tested with contains, sorted and grouped.
//
// Beyond "no crash", a CSV that loads must hold every record the reader sees (less the rows bad_rows=skip
// leaves out, with those bad_rows=pad fills), with each text field intact, and loading only some columns
// must give exactly those columns: a difference there stops the run as a crash would. (Fuzz/run.sh lowers the loader's thresholds in this
// build, so that small inputs take the two-thread parse and the re-typing of a column its sample misjudged.)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let settings = fuzzSettings(size > 0 ? bytes[0] : 0)
    var collections: [Dataset.Collection] = []
    var warnings: [Diagnostic] = []
    let whole = Result { try CSVLoader(path: "fuzz.csv", bytes: bytes, file: nil, settings: settings).load(warnings: &warnings) }
    switch whole {
    case .success(let table):
        checkNothingLost(table, bytes, settings)
        collections.append(Dataset.Collection(name: "csv", table: table))
    case .failure(let error):
        _ = "\(error)"   // renders the diagnostic: its snippet is cut from the file at an offset
    }
    _ = warnings.map(\.description)
    checkNarrowed(whole, bytes, settings, keeping: size)
    var json = JSONLoader(path: "fuzz.json", bytes: bytes)
    do { collections += try json.loadDocument(defaultName: "json") } catch { _ = "\(error)" }
    var lines = JSONLoader(path: "fuzz.jsonl", bytes: bytes)
    do { collections.append(try lines.loadLines(name: "jsonl")) } catch { _ = "\(error)" }
    _ = (json.warnings + lines.warnings).map(\.description)
    for (index, collection) in collections.enumerated() { exercise(collection, variant: size + index) }
    return 0
}

/// The CSV options the first byte of an input picks.
private func fuzzSettings(_ byte: UInt8) -> CSVSettings {
    var settings = CSVSettings()
    settings.delimiter = DelimiterSniffer.candidates[Int(byte & 3)]
    settings.header = byte & 4 == 0
    settings.badRows = [.error, .skip, .pad, .error][Int(byte >> 3 & 3)]
    if byte & 32 != 0 { settings.nullTexts = [Array("NA".utf8)] }
    if byte & 64 != 0 { settings.skip = 1 }
    if byte & 128 != 0 { settings.types = [settings.header ? "a" : "column1": .string] }
    return settings
}

/// The loaded table against a plain read of the same bytes: as many rows as records after the header
/// (less those skipped, with short ones padded), and every text column holding exactly each field's text
/// (null for an empty field or a null text).
private func checkNothingLost(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>, _ settings: CSVSettings) {
    var reader = CSVReader(bytes, at: settings.firstLine(in: bytes), delimiter: settings.delimiter)
    var fields: [CSVReader.Field] = []
    var records: [[String]] = []
    while (try? reader.nextRecord(into: &fields)) == true { records.append(fields.map(reader.text)) }
    let columns = records.first?.count ?? 0
    var rows: [[String]] = []
    for record in records.dropFirst(settings.header ? 1 : 0) {
        if record.count == columns { rows.append(record) }
        else if settings.badRows == .pad && record.count < columns { rows.append(record + Array(repeating: "", count: columns - record.count)) }
        else if settings.badRows != .skip { fatalError("CSV loaded a record of \(record.count) fields for \(columns) columns") }
    }
    guard rows.count == table.rowCount else {
        fatalError("CSV lost rows: \(rows.count) records, \(table.rowCount) rows")
    }
    for (column, field) in table.fields.enumerated() where field.type == .string {
        for row in 0..<table.rowCount {
            let text = rows[row][column]
            let expected: Value = text.isEmpty || settings.nullTexts.contains(Array(text.utf8)) ? .null : .string(text)
            guard table[row, column] == expected else {
                fatalError("CSV changed row \(row + 1) of \(field.name): \(table[row, column]) for \(expected)")
            }
        }
    }
}

/// Loading only some columns (picked by the bits of `pattern`) gives exactly those columns of the whole
/// load, or fails with the same error.
private func checkNarrowed(_ whole: Result<Table, any Error>, _ bytes: UnsafeBufferPointer<UInt8>, _ settings: CSVSettings,
                           keeping pattern: Int) {
    let names = (try? whole.get())?.fields.map(\.name) ?? ["a", "column1"]
    let kept = names.enumerated().filter { (pattern >> ($0.offset % 8)) & 1 == 1 }.map(\.element)
    let part = Result { try CSVLoader(path: "fuzz.csv", bytes: bytes, file: nil, settings: settings).load(ColumnSelection(names: Set(kept))) }
    switch (whole, part) {
    case (.success(let table), .success(let narrowed)):
        guard narrowed.rowCount == table.rowCount, narrowed.fields.map(\.name) == kept else {
            fatalError("narrowed CSV: \(narrowed.fields.map(\.name)) of \(narrowed.rowCount) rows, for \(kept) of \(table.rowCount)")
        }
        for (column, field) in narrowed.fields.enumerated() {
            let source = names.firstIndex(of: field.name)!
            guard field.type == table.fields[source].type,
                  (0..<table.rowCount).allSatisfy({ "\(narrowed[$0, column])" == "\(table[$0, source])" }) else {
                fatalError("narrowed CSV changed column \(field.name)")
            }
        }
    case (.failure(let error), .failure(let other)):
        guard "\(error)" == "\(other)" else { fatalError("narrowed CSV failed differently: \(other) for \(error)") }
    default:
        fatalError("narrowed CSV: one load failed and the other did not")
    }
}

/// Queries one collection the ways that touch every column, each result in one of the output formats.
private func exercise(_ collection: Dataset.Collection, variant: Int) {
    var engine = Engine(dataset: Dataset(collections: [collection]))
    let name = "`\(collection.name)`"
    var queries = ["\(name) distinct", "\(name) limit 20"]
    if let first = collection.fields.first.map({ "`\($0.name)`" }) {
        queries += ["\(name) sort by \(first) desc", "\(name) count by \(first)",
                    "\(name) where \(first) is not null select \(first), length(concat(\(first))) as n",
                    "\(name) left join \(name) on \(first) limit 50",
                    "\(name) summarize count(\(first)), count_distinct(\(first)), min(\(first)), max(\(first))",
                    "\(name) summarize l = list(\(first)) | unnest l | limit 20"]
    }
    // Nested JSON: lists (arrays of scalars) unnested, tested, sorted and grouped.
    for field in collection.fields where field.type.isList {
        let list = "`\(field.name)`"
        queries += ["\(name) unnest \(list) | count by \(list)", "\(name) where \(list) contains null or length(\(list)) > 1",
                    "\(name) sort by \(list) desc | limit 20"]
    }
    let formats = OutputFormat.allCases
    for (index, query) in queries.enumerated() {
        guard let results = try? engine.run(query) else { continue }
        let renderer = Renderer(format: formats[(variant + index) % formats.count], maxWidth: 40, maxRows: 10)
        for result in results { _ = renderer.render(result.table) }
    }
}
