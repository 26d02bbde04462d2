// weka-brief: a country briefing on Operation Weka II, written with the WekaQL library rather than
// the wekaql command. It shows the uses a tool has for the library: prepared queries with parameters,
// typed rows and rows decoded into Swift types, the CLI's renderers, diagnostics, its own data from
// memory beside the built-in data, many tasks, and rows streamed as they are made.

import WekaQL

// 1. A prepared query: parsed and checked once, run with a typed parameter for each country.
let engine = Engine()   // the built-in Operation Weka II data
let arrestsIn = try engine.prepare("""
    arrests where country = $country
      select suspects, arrested, offence
      sort by arrested desc
    """)
print("Parameters:", arrestsIn.parameters.map { "$\($0.key): \($0.value.rawValue)" }.sorted().joined(separator: ", "))

// 2. Typed rows: read each value by column name; `arrested` is null where the release gives no number.
for country in ["Togo", "Lesotho", "Cameroon"] {
    let rows = try arrestsIn.run(["country": .string(country)])
    print("\n\(country): \(rows.count) arrest report(s)")
    for row in rows {
        let suspects = row["suspects"]?.stringValue ?? "?"
        let arrested = row["arrested"]?.integerValue.map { "\($0) arrested" } ?? "number not stated"
        print("  - \(suspects): \(arrested) (\(row["offence"]?.stringValue ?? "?"))")
    }
}

// 2b. Or decoded into a Swift type: columns map to properties by name; `arrested` is Optional because
//     the release gives no number for some reports.
struct Arrest: Decodable {
    var suspects: String
    var arrested: Int?
    var offence: String
}
let cameroon = try arrestsIn.run(as: Arrest.self, ["country": "Cameroon"])
print("\nDecoded: \(cameroon.map { "\($0.arrested.map(String.init) ?? "?") \($0.suspects)" }.joined(separator: "; "))")

// 3. Rendering: the same table renderer as the command, fitted to 72 columns.
let byContinent = try engine.prepare("""
    arrests join countries on country
      summarize reports = count(), people = sum(arrested) by continent
    """).run()
print("\nArrests by continent:")
print(Renderer(format: .table, maxWidth: 72, footer: false).render(byContinent), terminator: "")
print(Renderer(format: .csv).render(byContinent), terminator: "")

// 4. Errors are `Diagnostic` values: a code, a place and hints; `description` prints like the CLI.
do {
    _ = try engine.prepare("victims where orign = \"Chad\"")
} catch let diagnostic {   // `prepare` throws only `Diagnostic` (typed throws)
    print("\nA mistyped query is caught (\(diagnostic.code.rawValue) at column \(diagnostic.location?.column ?? 0)):")
    print(diagnostic)
}

// 5. The tool's own data: a CSV of follow-up dates it holds in memory, loaded beside the built-in
//    collections and joined with them. (The dates are the example's own, not the press release's.)
var dataset = Dataset.builtIn
try dataset.load(text: "country,review_on,analyst\nTogo,2022-07-01,A. Mensah\nCameroon,2022-07-08,B. Ngono\nNiger,2022-07-15,C. Issa\n",
                 name: "followups", format: .csv)    // its column types inferred, as for a file
let briefing = Engine(dataset: dataset)              // `query` changes nothing, so `let` is enough
let followups = try briefing.query("""
    followups left join victims on country
      select country, review_on, analyst, victims, destination
      sort by review_on
    """)
print("\nFollow-ups (\(followups.fields.map { "\($0.name): \($0.type.rawValue)" }.joined(separator: ", "))):")
print(Renderer(maxWidth: 80, nullText: "–").render(followups), terminator: "")

// 6. Many tasks at once: an engine is a Sendable value, and a prepared query can be shared.
let victimsIn = try briefing.prepare("victims where country = $c summarize groups = count(), known = sum(victims)")
let countries = ["Oman", "Burkina Faso", "Cameroon", "Togo"]
let totals = try await withThrowingTaskGroup(of: (String, Table).self) { group in
    for country in countries {
        group.addTask { (country, try victimsIn.run(["c": .string(country)])) }
    }
    var totals: [String: Table] = [:]
    for try await (country, table) in group { totals[country] = table }
    return totals
}
print("\nVictims by country, counted in parallel:")
for country in countries {
    let row = totals[country]![0]
    print("  \(country): \(row["groups"]!) group(s), \(row["known"]!.isNull ? "number not stated" : "\(row["known"]!) victims")")
}

// 7. Streaming: rows read as the query makes them, a chunk at a time, so a large result is never held
//    whole. The tool's own 120,000 screening records, made from Swift values (Table(columns:rows:)),
//    stand beside the built-in data. (The records are the example's own, not the press release's.)
let checkpoints = ["Abidjan", "Lome", "Douala", "Niamey"]
let screenings = try Table(columns: ["id", "checkpoint", "flagged"], rows: (0..<120_000).map { i in
    [.integer(Int64(i)), .string(checkpoints[i % checkpoints.count]), .boolean(i % 997 == 5)]
})
var withScreenings = dataset
withScreenings.add(screenings, name: "screenings")
let screening = Engine(dataset: withScreenings)

// An AsyncSequence of rows decoded into a Swift type: `for try await`, with the rows in the same
// order `run` gives them. Its errors are `Diagnostic`s (typed throws).
struct Flagged: Decodable {
    var id: Int
    var checkpoint: String
}
let flaggedAt = try screening.prepare("screenings where flagged and checkpoint = $at select id, checkpoint")
var flaggedIDs: [Int] = []
for try await flagged in flaggedAt.rows(as: Flagged.self, ["at": "Douala"]) { flaggedIDs.append(flagged.id) }
print("\nFlagged at Douala, streamed: \(flaggedIDs.count) (first \(flaggedIDs.prefix(3).map(String.init).joined(separator: ", ")))")

// Leaving the loop early stops the query: the rows after the first three are never made.
var firstRows: [String] = []
for try await row in try screening.rows("screenings where flagged select id, checkpoint") {
    firstRows.append("\(row["id"]!) at \(row["checkpoint"]!)")
    if firstRows.count == 3 { break }
}
print("First flagged: \(firstRows.joined(separator: "; "))")

// A synchronous cursor, a chunk of rows at a time (as DuckDB hands out chunks).
let cursor = try screening.cursor("screenings where checkpoint = \"Lome\" select id")
var chunkSizes: [Int] = []
while let chunk = try cursor.nextChunk() { chunkSizes.append(chunk.rowCount) }
print("Lome's \(chunkSizes.reduce(0, +)) screenings came in \(chunkSizes.count) chunks of at most \(chunkSizes.max() ?? 0) rows")
