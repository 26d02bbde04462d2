// What a run records when lineage, `why not` or `explain` is asked. The evaluator has no observer
// otherwise, so a query that asks for none of them pays nothing for them.

/// One stage as `explain` reports it.
struct StageReport {
    var stage: String
    var rowsIn: Int?
    var rowsOut: Int
    var seconds: Double?
    var detail: String
    var example: String?
    /// The plan stage's source range: the two plan stages of one `top` share it and are shown as one.
    var range: SourceRange?
}

/// Records, stage by stage, the lineage of one query's rows, and when asked what each stage did.
final class RunObserver {
    let graph: LineageGraph
    let lineage: QueryLineage
    let explaining: Bool
    /// The text the plan's ranges point into, for the stages as written.
    let file: SourceFile?
    private(set) var reports: [StageReport] = []
    var whyNot: WhyNotTracker?
    private var began = ContinuousClock.now

    init(graph: LineageGraph, lineage: QueryLineage, explaining: Bool, file: SourceFile?) {
        self.graph = graph
        self.lineage = lineage
        self.explaining = explaining
        self.file = file
    }

    func text(of range: SourceRange) -> String {
        file.map { $0.text(in: range) } ?? ""
    }

    /// The source's row of `explain`: loading it (for a file) or reading it.
    func recordSource(_ name: String, table: Table, file loaded: LoadedFile?) {
        guard explaining else { return }
        if let loaded {
            let columns = loaded.columnsRead.joined(separator: ", ")
            reports.append(StageReport(stage: "load \(loaded.path)", rowsIn: nil, rowsOut: table.rowCount, seconds: loaded.seconds,
                                       detail: "\(loaded.columnsRead.count) of \(loaded.columnCount.counting("column")) read: \(columns)"))
        } else {
            reports.append(StageReport(stage: name, rowsIn: nil, rowsOut: table.rowCount, seconds: nil,
                                       detail: table.fields.count.counting("column")))
        }
    }

    func startStage() {
        began = .now
    }

    /// Records a stage that has run: its lineage, what `explain` says of it, and how far `why not`'s rows got.
    func finishStage(_ stage: PlanStage, range: SourceRange, input: Relation, output: Relation, detail: StageDetail,
                     compiler: ExpressionCompiler, right: () throws -> QueryLineage) throws {
        let seconds = (ContinuousClock.now - began).seconds
        let step = try stage.lineage(input: input, output: output, detail: detail, right: right)
        if explaining {
            let (text, example) = StageExplainer(observer: self).explain(stage, input: input, output: output, detail: detail,
                                                                        compiler: compiler)
            reports.append(StageReport(stage: self.text(of: range), rowsIn: input.count, rowsOut: output.count, seconds: seconds,
                                       detail: text, example: example, range: range))
        }
        try whyNot?.advance(stage, range: range, step: step, input: input, output: output, detail: detail, compiler: compiler,
                            observer: self)
        lineage.steps.append(step)
    }

    /// How a row of the current table (before the stage being recorded) is told: the sentence of its
    /// first input row when that has one, else where it is.
    func describe(tableRow row: Int32) -> String {
        let rows = lineage.inputRows(ofTableRows: [row]).of(0)
        guard let first = rows.first else { return "" }
        let place = graph.place(of: first)
        if let sentence = graph.sentence(of: first) { return "\(place): \(sentence)" }
        return place
    }
}

extension LineageGraph {
    /// The `source` sentence of an input row, when its collection has a text column of that name.
    func sentence(of row: InputRow) -> String? {
        guard let column = sourceColumn(of: Int(row.input)),
              case .string(let text) = inputs[Int(row.input)].table[Int(row.row), column] else { return nil }
        return text
    }

    /// The column of input `index` holding its rows' sentences: a text column named `source`.
    func sourceColumn(of index: Int) -> Int? {
        let table = inputs[index].table
        guard let column = table.columnIndex("source"), table.fields[column].type == .string else { return nil }
        return column
    }

    /// Where an input row is: `arrests.csv:8` for a file's row whose line is known, else `arrests row 3` (1-based).
    func place(of row: InputRow) -> String {
        let input = inputs[Int(row.input)]
        if let file = input.file, let line = file.line(ofRow: Int(row.row)) { return "\(file.path):\(line)" }
        return "\(input.name) row \(row.row + 1)"
    }

    /// The `row` column of `why`: the file and line for a file's row, else the 1-based position.
    func rowText(of row: InputRow) -> String {
        let input = inputs[Int(row.input)]
        if let file = input.file, let line = file.line(ofRow: Int(row.row)) { return "\(file.path):\(line)" }
        return String(row.row + 1)
    }
}
