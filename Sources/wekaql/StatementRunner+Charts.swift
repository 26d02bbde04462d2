// How the runner shows a result that ends in `chart`, and the SVG and HTML outputs: a chart is drawn
// for the terminal in the table formats, written as an SVG document in `svg`, and gathered with every
// table into one page in `html`; the machine formats pass the table through.

import WekaQL

extension StatementRunner {
    /// The format results take now: an `.output FILE.svg` or `FILE.html` chooses by its extension.
    var outputFormat: OutputFormat {
        redirect.flatMap { OutputFormat.chosen(byExtensionOf: $0.path) } ?? format
    }

    /// Charts in ASCII: `--ascii`, or a locale that is not UTF-8.
    var asciiCharts: Bool { options.ascii || Terminal.localeIsNotUTF8 }

    /// Shows `table` when the output format draws it otherwise than as a table; returns whether it did.
    func showChart(_ table: Table, chart: ChartSpec?, statement: String) -> Bool {
        switch outputFormat {
        case .html:
            report.add(statement: statement, table: table, chart: chart)
            return true
        case .svg:
            writeSVG(table, chart: chart, statement: statement)
            return true
        case .table, .vertical:
            guard chart != nil else { return false }
            let renderer = renderer(maxRows: nil, onTerminal: toTerminal)
            output.write(renderer.render(table, chart: chart))
            output.flush()
            return true
        case .csv, .json, .jsonl, .markdown:
            return false
        }
    }

    /// An SVG file holds one document: the first chart written to it. A result without a chart has no
    /// SVG form worth a file, so it is left out, and a note says so.
    private func writeSVG(_ table: Table, chart: ChartSpec?, statement: String) {
        let line = statement.split(separator: "\n").first.map(String.init) ?? statement
        guard let chart else {
            return note("svg output holds charts: \"\(line)\" has no chart stage and is not written (--format html writes tables too)")
        }
        guard svgDocuments == 0 else {
            return warn(.chartNotWritten(line))
        }
        output.write(SVGChart().render(chart, of: table))
        output.flush()
        svgDocuments += 1
    }

    /// Writes the HTML report gathered for the current output, if any, and starts a new one.
    func writeReport() {
        guard !report.isEmpty else { return }
        output.write(report.render())
        output.flush()
        report = HTMLReport()
    }
}

extension Diagnostic {
    /// Whether it reports a failed `assert`.
    var isAssertionFailure: Bool { code == .assertionFailed || code == .assertionNotEmpty }
}
