// The property that says lineage is right, over random queries on random tables:
// - complete: running the query again over only the lineage rows of a result row gives that row again;
// - minimal for counts: without any one lineage row of a `count by` group, the group's count changes.
// The generator is a table of stage makers (`QueryMaker.makers`): a new stage kind adds one entry there.
//
// Windows are not in the table: a window's value depends on the other rows of its partition, and a row's
// lineage is the rows it is made of (the row itself), not every row that weighed on it, so re-running over
// the lineage alone gives another rank or running sum. (So also for `x in (QUERY)`: the subquery's rows
// are not in the lineage.) An anti join's row is kept for want of a match: its lineage is the left row.

import Testing
@testable import WekaQL

@Suite struct LineagePropertyTests {
    @Test func rerunningOverTheLineageRowsGivesTheRowAgain() throws {
        for seed in UInt64(1)...200 {
            var random = SplitMix(seed: seed)
            let tables = RandomTables(&random)
            let (query, _) = QueryMaker.query(&random)
            let result = try tables.run(query)
            let lineage = try result.lineage()
            for row in 0..<min(result.table.rowCount, 4) {
                let sources = lineage.rows(of: row)
                let again = try tables.restricted(to: sources).run(query).table
                #expect(again.contains { $0.values == result.table[row].values },
                        "seed \(seed): \(query)\nrow \(row + 1) \(result.table[row].values) not reproduced from \(sources.map { "\($0.collection)#\($0.row)" })")
            }
        }
    }

    @Test func withoutAnyOneLineageRowACountChanges() throws {
        for seed in UInt64(1)...150 {
            var random = SplitMix(seed: seed)
            let tables = RandomTables(&random)
            // No distinct (nor union distinct, nor pivot, which groups) before the count: their lineage is every
            // duplicate or every row of the group, of which any one would do. No left or full join: the right
            // row gives the joined row its values, but the row counts without it too. No semi join: a row kept
            // for two matches is kept for one.
            let excluded = ["distinct", "union distinct", "pivot", "left", "full", "semi"]
            let (stages, shape) = QueryMaker.query(&random, grouping: false, allowing: { stage in !excluded.contains { stage.hasPrefix($0) } })
            guard shape.columns.contains("k") else { continue }
            let query = stages + " count by k"
            let result = try tables.run(query)
            let lineage = try result.lineage()
            for row in 0..<min(result.table.rowCount, 3) {
                let key = result.table[row]["k"]!, count = result.table[row]["count"]!
                for (index, dropped) in lineage.rows(of: row).prefix(6).enumerated() {
                    var kept = lineage.rows(of: row)
                    kept.remove(at: index)
                    let again = try tables.restricted(to: kept).run(query).table
                    let counted = again.first { $0["k"] == key }?["count"]
                    #expect(counted != count, "seed \(seed): \(query)\nwithout \(dropped.collection)#\(dropped.row) the group \(key) still counts \(count)")
                }
            }
        }
    }
}

/// Two small random tables: `t (k, c, v)` and `u (k, w)`, with nulls and repeated values.
struct RandomTables {
    var t: [[Value]]
    var u: [[Value]]

    init(_ random: inout SplitMix) {
        func key(_ random: inout SplitMix) -> Value { random.next(6) == 0 ? .null : .integer(Int64(random.next(4))) }
        let words = ["a", "b", "c"]
        t = (0..<(3 + random.next(10))).map { _ in
            [key(&random), random.next(5) == 0 ? .null : .string(words[random.next(3)]), .integer(Int64(random.next(7)) - 2)]
        }
        u = (0..<(1 + random.next(6))).map { _ in [key(&random), .string(words[random.next(3)] + "u")] }
    }

    private init(t: [[Value]], u: [[Value]]) {
        self.t = t
        self.u = u
    }

    func run(_ query: String) throws -> StatementResult {
        var engine = try engine()
        return try engine.run(query)[0]
    }

    func engine() throws -> Engine {
        let t = Self.table(["k": .integer, "c": .string, "v": .integer], order: ["k", "c", "v"], rows: self.t)
        let u = Self.table(["k": .integer, "w": .string], order: ["k", "w"], rows: self.u)
        return Engine(dataset: Dataset(collections: [Dataset.Collection(name: "t", table: t), Dataset.Collection(name: "u", table: u)]))
    }

    /// A table with these column types whatever its rows (none, or only nulls, would type nothing).
    static func table(_ types: [String: ValueType], order: [String], rows: [[Value]]) -> Table {
        Table(fields: order.map { Field(name: $0, type: types[$0]!) },
              columns: order.indices.map { i in Column(type: types[order[i]]!, values: rows.map { $0[i] }) }, rowCount: rows.count)
    }

    /// Only the rows `sources` names, in their tables' order.
    func restricted(to sources: [SourceRow]) -> RandomTables {
        let keep = { (name: String) in Set(sources.filter { $0.collection == name }.map(\.row)) }
        let inT = keep("t"), inU = keep("u")
        return RandomTables(t: t.indices.filter(inT.contains).map { t[$0] }, u: u.indices.filter(inU.contains).map { u[$0] })
    }
}

/// Random queries over `t`, a stage at a time.
enum QueryMaker {
    /// What the generator knows of the rows so far: their columns, and whether `u` is joined.
    struct Shape {
        var columns: Set<String> = ["k", "c", "v"]
        var joined = false
        var extended = 0
    }

    /// A maker of one stage: its text for rows of that shape (changing the shape as the stage does),
    /// or `nil` when it does not fit them.
    typealias StageMaker = @Sendable (inout SplitMix, inout Shape) -> String?

    /// One entry per stage kind the lineage must flow through; a new stage kind adds its maker here.
    static let makers: [StageMaker] = [
        { random, shape in   // where
            let conditions = [("k", "k > 0"), ("c", "c = \"a\""), ("v", "v >= 0"), ("c", "c is not null or k > 2"), ("k", "k != 1")]
                .filter { shape.columns.contains($0.0) }
            return conditions.isEmpty ? nil : "where " + conditions[random.next(conditions.count)].1
        },
        { random, shape in   // extend
            guard shape.columns.contains("v") else { return nil }
            shape.extended += 1
            shape.columns.insert("e\(shape.extended)")
            return "extend e\(shape.extended) = v * 2"
        },
        { random, shape in   // select
            guard shape.columns.isSuperset(of: ["k", "v"]) else { return nil }
            shape.columns = ["k", "v"]
            return random.next(2) == 0 ? "select k, v" : "select v, k"
        },
        { random, shape in   // join and left join
            guard !shape.joined, shape.columns.contains("k") else { return nil }
            shape.joined = true
            shape.columns.insert("w")
            return ["join u on k", "left join u on k", "full join u on k"][random.next(3)]
        },
        { random, shape in   // semi and anti join: the left rows, with or without a match
            guard shape.columns.contains("k") else { return nil }
            return random.next(2) == 0 ? "semi join u on k" : "anti join u on k"
        },
        { random, shape in   // union and union distinct: u's rows after these (w, and for union the collection)
            guard !shape.joined, shape.columns.contains("k") else { return nil }
            shape.joined = true
            shape.columns.insert("w")
            if random.next(2) == 0 { return "union distinct u" }
            shape.columns.insert("collection")
            return "union u"
        },
        { random, shape in   // unnest: a list made of c, each element a row ("b" splits into two empty texts)
            guard shape.columns.contains("c"), !shape.columns.contains("l") else { return nil }
            shape.columns.insert("l")
            return "extend l = split(c, \"b\") | unnest l"
        },
        { random, shape in   // pivot, with its values listed (without, the columns would depend on the rows)
            guard shape.columns.isSuperset(of: ["c", "v"]) else { return nil }
            let byKey = shape.columns.contains("k") && random.next(3) > 0
            shape.columns = byKey ? ["k", "a", "b"] : ["a", "b"]
            return "pivot c in (\"a\", \"b\") using " + (random.next(2) == 0 ? "count()" : "sum(v)") + (byKey ? " by k" : "")
        },
        { random, shape in   // unpivot
            guard shape.columns.contains("v"), !shape.columns.contains("amount") else { return nil }
            shape.columns.remove("v")
            shape.columns.formUnion(["field", "amount"])
            return "unpivot v into field, amount"
        },
        { random, shape in   // distinct
            if random.next(2) == 0 || !shape.columns.contains("k") { return "distinct" }
            shape.columns = ["k"]
            return "distinct k"
        },
        { random, shape in   // sort
            guard shape.columns.contains("k") else { return nil }
            return random.next(2) == 0 ? "sort by k desc" : "sort by k"
        },
    ]

    /// `t` and up to three stages, then (unless `grouping` is false) sometimes a `count by` or a `summarize`.
    static func query(_ random: inout SplitMix, grouping: Bool = true, allowing allowed: (String) -> Bool = { _ in true }) -> (String, Shape) {
        var shape = Shape()
        var stages: [String] = []
        for _ in 0..<random.next(4) {
            var next = shape
            if let stage = makers[random.next(makers.count)](&random, &next), allowed(stage) {
                stages.append(stage)
                shape = next
            }
        }
        if grouping {
            let groupings = [(["k"], "count by k"), (["c", "v"], "summarize n = count(), s = sum(v) by c"), (["v"], "summarize total = sum(v)")]
                .filter { shape.columns.isSuperset(of: $0.0) }
            if !groupings.isEmpty, random.next(3) > 0 { stages.append(groupings[random.next(groupings.count)].1) }
        }
        return ((["t"] + stages).joined(separator: " "), shape)
    }
}

/// A small seeded generator (SplitMix64), so that a failing seed can be run again.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
