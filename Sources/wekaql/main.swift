// wekaql: the command. Parses the command line, loads data, then runs -e text, script files,
// standard input, or the interactive shell. All query work is done by the WekaQL library.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses, as documented in `--help`.
enum ExitStatus: Int32 {
    case success = 0
    case queryError = 1
    /// The usage code of sysexits.h (and of swift-argument-parser): a bad flag or a file that cannot be opened.
    case usage = 64
}

func main() -> ExitStatus {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "fmt" { return FormatCommand.run(Array(arguments.dropFirst())) }
    if arguments.first == "lsp" { return LanguageServerCommand.run(Array(arguments.dropFirst())) }
    let errorStream = OutputStream(descriptor: 2)
    defer { errorStream.flush() }
    let options: Options
    do {
        options = try Options(arguments: arguments)
    } catch {
        errorStream.write("wekaql: \(DisplayText.escaping(error.message))\nRun 'wekaql --help' for usage.\n")
        return .usage
    }
    if options.showHelp { print(Help.text); return .success }
    if options.showVersion { print(Help.version); return .success }
    let errors = ErrorReporter(stream: errorStream, options: options)
    if let name = options.showNotes {
        switch loadData(options, columns: .all, errors: errors) {
        case .success(let dataset):
            let output = OutputStream(descriptor: 1)
            defer { output.flush() }
            return printNotes(of: name, in: dataset, to: output, errors: errorStream)
        case .failure(let failure): return failure.status
        }
    }

    // Read: the programs come before the data, so that a CSV file loads only the columns they name.
    // `--data -` takes standard input: the program must then come from -e or a file.
    if options.dataFromStandardInput && options.statements.isEmpty && options.files.isEmpty {
        errorStream.write("wekaql: --data - reads the data from standard input; give the program with -e or a script file\nRun 'wekaql --help' for usage.\n")
        return .usage
    }
    let interactive = options.statements.isEmpty && options.files.isEmpty && Terminal.standardInputIsTerminal
        && options.outputPath == nil
    let sources: [SourceFile]
    switch readPrograms(options, interactive: interactive, errors: errors) {
    case .success(let read): sources = read
    case .failure(let failure): return failure.status
    }

    // Load.
    let dataset: Dataset
    switch loadData(for: sources, options: options, errors: errors) {
    case .success(let value): dataset = value
    case .failure(let failure): return failure.status
    }
    var output = OutputStream(descriptor: 1)
    if let path = options.outputPath {
        let opened = OutputStream.open(path: path)
        guard let stream = opened.stream else {
            errors.warn(.cannotWrite(path, reason: opened.reason))
            return .usage
        }
        output = stream
    }
    defer { output.close() }

    // Run.
    var engine = Engine(dataset: dataset)
    if let budget = options.memoryBudget { engine.memoryBudget = budget }
    engine.explainsQueries = options.explain
    engine.streamsFiles = !interactive   // the shell keeps the columns it read for the next query
    for path in options.databasePaths {
        do throws(Diagnostic) {
            _ = try engine.attachDatabase(at: path)
        } catch {
            errors.report(error)
            return .usage
        }
    }
    let runner = StatementRunner(engine: engine, options: options, interactive: interactive,
                                 primary: output, errors: errorStream)
    if interactive { return Shell(runner: runner).run() }
    if options.testMode { return TestRunner(runner: runner, options: options).run(sources) }
    var status = ExitStatus.success
    for (index, source) in sources.enumerated() {
        runner.laterScriptsReadLast = sources[(index + 1)...].contains { $0.pieces.contains(where: \.readsLastResult) }
        let outcome = runner.runScript(source)
        if outcome == .quit { break }
        if outcome == .failed {
            status = .queryError
            if !options.keepGoing { break }
        }
    }
    runner.writeReport()
    return status
}

/// The `-e` texts and script files (`-` is standard input), and standard input when there are none and
/// it is not a terminal; or the status to exit with after reporting what could not be read.
func readPrograms(_ options: Options, interactive: Bool, errors: ErrorReporter) -> Result<[SourceFile], ExitFailure> {
    guard !interactive else { return .success([]) }
    var sources = options.statements.map { SourceFile(name: "-e", text: $0) }
    let paths = sources.isEmpty && options.files.isEmpty ? ["-"] : options.files
    for path in paths {
        do {
            sources.append(try SourceFile.read(path: path))
        } catch {
            errors.report(error)
            return .failure(ExitFailure(status: error.code == .cannotRead && path != "-" ? .usage : .queryError))
        }
    }
    return .success(sources)
}

/// The data for `sources`, with only the columns their statements name (all of them for the shell, or
/// when there is no `--data`). A dot-command (`.schema`, `.data`) may look at any column. If a statement
/// has errors, the data is loaded whole after all, so that hints list every field of the file. Narrowing
/// costs a second parse and check of the program: over 1 MB of program (a million statements took 9 s
/// more) it is not worth it. Standard input can be read only once, so data from it is not narrowed either.
func loadData(for sources: [SourceFile], options: Options, errors: ErrorReporter) -> Result<Dataset, ExitFailure> {
    let programSize = sources.reduce(0) { $0 + $1.bytes.count }
    var statements: [SourceFile] = []
    for piece in sources.flatMap(\.pieces) {
        guard case .statements(let file) = piece else { return loadData(options, columns: .all, errors: errors) }
        statements.append(file)
    }
    guard !sources.isEmpty, !options.dataPaths.isEmpty, programSize <= 1 << 20, !options.dataFromStandardInput else {
        return loadData(options, columns: .all, errors: errors)
    }
    let loaded = loadData(options, columns: .usedBy(statements), errors: errors)
    if case .success(let dataset) = loaded, statements.contains(where: { !Engine(dataset: dataset).check($0).isEmpty }) {
        return loadData(options, columns: .all, errors: errors, warn: false)
    }
    return loaded
}

/// The built-in data (unless `--no-builtin`) and every `--data` path, or the status to exit with.
func loadData(_ options: Options, columns: ColumnSelection, errors: ErrorReporter, warn: Bool = true) -> Result<Dataset, ExitFailure> {
    var dataset = options.builtin ? Dataset.builtIn : Dataset.empty
    for argument in options.dataPaths {
        do {
            var (path, loadOptions) = try LoadOptions.split(dataArgument: argument)
            if path == "-", loadOptions.format == nil { loadOptions.format = options.formatIn }
            let warnings = try dataset.open(path: path, options: loadOptions, columns: columns)
            if warn { warnings.forEach(errors.report) }
        } catch {
            errors.report(error)
            let usage: Set<Diagnostic.Code> = [.cannotRead, .unsupportedFile, .badLoadOption]
            return .failure(ExitFailure(status: usage.contains(error.code) ? .usage : .queryError))
        }
    }
    return .success(dataset)
}

/// `--notes [COLLECTION]`: the notes of the whole data, or of one collection.
func printNotes(of name: String, in dataset: Dataset, to output: OutputStream, errors: OutputStream) -> ExitStatus {
    let text = SchemaText(width: Terminal.width(of: 1) ?? 100)
    if name.isEmpty {
        output.write(text.notes(of: dataset))
    } else if let collection = dataset[name] {
        output.write(text.notes(of: collection))
    } else {
        let near = Vocabulary.nearest(to: name, in: dataset.collectionNames)
        errors.write("wekaql: no collection named \"\(name)\"" + (near.map { "; did you mean \"\($0)\"?" } ?? "") + "\n")
        return .usage
    }
    return .success
}

/// A status to exit with, as an error.
struct ExitFailure: Error {
    var status: ExitStatus
}

exit(main().rawValue)
