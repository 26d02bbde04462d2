// libFuzzer target: arbitrary bytes as a wekaql program, through the lexer, parser, checker, evaluator and
// renderers over the built-in dataset. Built by Fuzz/run.sh together with the library sources.
//
// Each input is compiled and run once; the other entry points (check, prepare, parameters) and the output
// formats are picked by the input's size, so that every one is reached over many inputs at a fraction of
// the cost of doing all of them for each.

/// Parameter values of every type, so that `$name` in a fuzzed query binds, mismatches or is missing.
private let parameters: [String: Value] = [
    "c": .string("Togo"), "n": .integer(3), "d": .decimal(1.5), "b": .boolean(true), "x": .null,
    "day": .string("2022-06-12"), "big": .integer(.max), "small": .integer(.min),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let file = SourceFile(name: "fuzz", text: text)
    var engine = Engine()
    _ = Layout.isComplete(text)
    switch size % 4 {
    case 0: _ = Lexer.tokenize(file, keepComments: true)
    case 1: _ = engine.parameters(of: file)
    case 2: _ = try? engine.prepare(text).run(parameters)
    default: _ = engine.check(file).map(render)
    }
    let formats = OutputFormat.allCases
    var results = 0
    engine.run(file, parameters: parameters, keepGoing: true) { event in
        switch event {
        case .result(let result):
            results += 1
            let renderer = Renderer(format: formats[(size + results) % formats.count], colored: size % 2 == 0,
                                    maxWidth: size % 3 == 0 ? nil : size % 97, maxRows: size % 5 == 0 ? nil : size % 11,
                                    verticalWhenTooWide: size % 7 == 0)
            let text = renderer.render(result.table)
            // A string built from `\u{…}` escapes must not reach a reader's terminal as a control character.
            if !renderer.colored, [.table, .vertical, .markdown].contains(renderer.format) {
                precondition(!text.unicodeScalars.contains {
                    $0 != "\n" && (DisplayText.isControl($0) || DisplayText.isBidirectionalControl($0))
                }, "a control character in the \(renderer.format) output")
            }
            _ = result.notes.map(render)
        case .failure(let diagnostic):
            _ = render(diagnostic)
        }
    }
    return 0
}

private func render(_ diagnostic: Diagnostic) -> Int {
    diagnostic.message.utf8.count % 2 == 0 ? DiagnosticRenderer(colored: true).render(diagnostic).utf8.count
        : DiagnosticRenderer().json(diagnostic).utf8.count
}
