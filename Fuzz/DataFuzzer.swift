// libFuzzer target: arbitrary bytes as a data file, through the CSV, JSON and JSON-lines loaders (called
// directly on memory: Fuzz/run.sh compiles this file with the library sources, so internal names are
// visible), then queries over each loaded table and the renderers.
//
// Beyond "no crash", a CSV that loads must hold every record the reader sees, with each text field
// intact, and loading only some columns must give exactly those columns: a difference there stops the
// run as a crash would. (Fuzz/run.sh lowers the loader's thresholds in this
// build, so that small inputs take the two-thread parse and the re-typing of a column its sample misjudged.)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var collections: [Dataset.Collection] = []
    let whole = Result { try CSVLoader(path: "fuzz.csv", bytes: bytes, file: nil).load() }
    switch whole {
    case .success(let table):
        checkNothingLost(table, bytes)
        collections.append(Dataset.Collection(name: "csv", table: table))
    case .failure(let error):
        _ = "\(error)"   // renders the diagnostic: its snippet is cut from the file at an offset
    }
    checkNarrowed(whole, bytes, keeping: size)
    var json = JSONLoader(path: "fuzz.json", bytes: bytes)
    do { collections += try json.loadDocument(defaultName: "json") } catch { _ = "\(error)" }
    var lines = JSONLoader(path: "fuzz.jsonl", bytes: bytes)
    do { collections.append(try lines.loadLines(name: "jsonl")) } catch { _ = "\(error)" }
    _ = (json.warnings + lines.warnings).map(\.description)
    for (index, collection) in collections.enumerated() { exercise(collection, variant: size + index) }
    return 0
}

/// The loaded table against a plain read of the same bytes: as many rows as records after the header,
/// and every text column holding exactly each field's text (null for an empty field).
private func checkNothingLost(_ table: Table, _ bytes: UnsafeBufferPointer<UInt8>) {
    var reader = CSVReader(bytes)
    var fields: [CSVReader.Field] = []
    var records: [[String]] = []
    while (try? reader.nextRecord(into: &fields)) == true { records.append(fields.map(reader.text)) }
    guard records.count - 1 == table.rowCount else {
        fatalError("CSV lost rows: \(records.count - 1) records, \(table.rowCount) rows")
    }
    for (column, field) in table.fields.enumerated() where field.type == .string {
        for row in 0..<table.rowCount {
            let text = records[row + 1][column]
            let expected: Value = text.isEmpty ? .null : .string(text)
            guard table[row, column] == expected else {
                fatalError("CSV changed row \(row + 1) of \(field.name): \(table[row, column]) for \(expected)")
            }
        }
    }
}

/// Loading only some columns (picked by the bits of `pattern`) gives exactly those columns of the whole
/// load, or fails with the same error.
private func checkNarrowed(_ whole: Result<Table, any Error>, _ bytes: UnsafeBufferPointer<UInt8>, keeping pattern: Int) {
    let names = (try? whole.get())?.fields.map(\.name) ?? ["a", "column1"]
    let kept = names.enumerated().filter { (pattern >> ($0.offset % 8)) & 1 == 1 }.map(\.element)
    let part = Result { try CSVLoader(path: "fuzz.csv", bytes: bytes, file: nil).load(ColumnSelection(names: Set(kept))) }
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
                    "\(name) summarize count(\(first)), count_distinct(\(first)), min(\(first)), max(\(first))"]
    }
    let formats = OutputFormat.allCases
    for (index, query) in queries.enumerated() {
        guard let results = try? engine.run(query) else { continue }
        let renderer = Renderer(format: formats[(variant + index) % formats.count], maxWidth: 40, maxRows: 10)
        for result in results { _ = renderer.render(result.table) }
    }
}
