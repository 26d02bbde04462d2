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
    let errors = OutputStream(descriptor: 2)
    defer { errors.flush() }
    let options: Options
    do {
        options = try Options(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch {
        errors.write("wekaql: \(DisplayText.escaping(error.message))\nRun 'wekaql --help' for usage.\n")
        return .usage
    }
    if options.showHelp { print(Help.text); return .success }
    if options.showVersion { print(Help.version); return .success }
    if let name = options.showNotes {
        switch loadData(options, columns: .all, errors: errors) {
        case .success(let dataset):
            let output = OutputStream(descriptor: 1)
            defer { output.flush() }
            return printNotes(of: name, in: dataset, to: output, errors: errors)
        case .failure(let failure): return failure.status
        }
    }

    // The programs are read before the data, so that a CSV file loads only the columns they name.
    var sources = options.statements.map { SourceFile(name: "-e", text: $0) }
    for path in options.files {
        do {
            sources.append(try SourceFile.read(path: path))
        } catch let diagnostic as Diagnostic {
            errors.write(DiagnosticRenderer().render(diagnostic) + "\n")
            return diagnostic.code == .cannotRead ? .usage : .queryError
        } catch {
            return .usage
        }
    }
    // `--data -` takes standard input: the program must then come from -e or a file.
    let dataFromStandardInput = options.dataPaths.contains { $0 == "-" || $0.hasPrefix("-:") }
    if dataFromStandardInput && sources.isEmpty {
        errors.write("wekaql: --data - reads the data from standard input; give the program with -e or a script file\nRun 'wekaql --help' for usage.\n")
        return .usage
    }
    let interactive = sources.isEmpty && Terminal.standardInputIsTerminal && options.outputPath == nil
    if sources.isEmpty && !interactive {
        do { sources = [try SourceFile.read(path: "-")] } catch let diagnostic as Diagnostic {
            errors.write((options.jsonErrors ? DiagnosticRenderer().json(diagnostic) : DiagnosticRenderer().render(diagnostic)) + "\n")
            return .queryError
        } catch { return .queryError }
    }

    // The shell may go on to any column; a script or -e text needs only the ones it names. If the text has
    // errors, the data is loaded whole after all, so that hints list every field of the file. Narrowing
    // costs a second parse and check of the program: over 1 MB of program (a million statements took 9 s
    // more) it is not worth it. Standard input can be read only once, so it is not narrowed either.
    let programSize = sources.reduce(0) { $0 + $1.bytes.count }
    let narrowed = interactive || options.dataPaths.isEmpty || programSize > 1 << 20 || dataFromStandardInput
        ? ColumnSelection.all : .usedBy(sources)
    var loaded = loadData(options, columns: narrowed, errors: errors)
    if narrowed != .all, case .success(let dataset) = loaded,
       sources.contains(where: { !Engine(dataset: dataset).check($0).isEmpty }) {
        loaded = loadData(options, columns: .all, errors: errors, warn: false)
    }
    let dataset: Dataset
    switch loaded {
    case .success(let value): dataset = value
    case .failure(let failure): return failure.status
    }

    var output = OutputStream(descriptor: 1)
    if let path = options.outputPath {
        let opened = OutputStream.open(path: path)
        guard let stream = opened.stream else {
            errors.write("wekaql: cannot write \"\(DisplayText.escaping(path))\": \(opened.reason)\n")
            return .usage
        }
        output = stream
    }
    defer { output.close() }

    var runner = ScriptRunner(engine: Engine(dataset: dataset), options: options, output: output, errors: errors)
    if interactive {
        errors.flush()   // the load's warnings come before the shell's welcome, not when it ends
        return Shell(engine: runner.engine, options: options).run()
    }
    var status = ExitStatus.success
    for source in sources where !runner.run(source) {
        status = .queryError
        if !options.keepGoing { break }
    }
    return status
}

/// The built-in data (unless `--no-builtin`) and every `--data` path, or the status to exit with.
func loadData(_ options: Options, columns: ColumnSelection, errors: OutputStream, warn: Bool = true) -> Result<Dataset, ExitFailure> {
    var dataset = options.builtin ? Dataset.builtIn : Dataset.empty
    for argument in options.dataPaths {
        do {
            var (path, loadOptions) = try LoadOptions.split(dataArgument: argument)
            if path == "-", loadOptions.format == nil { loadOptions.format = options.formatIn }
            let warnings = try dataset.load(path: path, options: loadOptions, columns: columns)
            if warn { warnings.forEach { errors.write(DiagnosticRenderer().render($0) + "\n") } }
        } catch let diagnostic as Diagnostic {
            errors.write(DiagnosticRenderer(colored: Terminal.wantsColor(errors, allowed: options.color)).render(diagnostic) + "\n")
            let usage: Set<Diagnostic.Code> = [.cannotRead, .unsupportedFile, .badLoadOption]
            return .failure(ExitFailure(status: usage.contains(diagnostic.code) ? .usage : .queryError))
        } catch {
            return .failure(ExitFailure(status: .queryError))
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
