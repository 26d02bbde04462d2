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
        errors.write("wekaql: \(error.message)\nRun 'wekaql --help' for usage.\n")
        return .usage
    }
    if options.showHelp { print(Help.text); return .success }
    if options.showVersion { print(Help.version); return .success }

    var dataset = options.builtin ? Dataset.builtIn : Dataset.empty
    for path in options.dataPaths {
        do {
            let warnings = try dataset.load(path: path)
            warnings.forEach { errors.write(DiagnosticRenderer().render($0) + "\n") }
        } catch let diagnostic as Diagnostic {
            errors.write(DiagnosticRenderer(colored: Terminal.wantsColor(errors, allowed: options.color)).render(diagnostic) + "\n")
            return diagnostic.code == .cannotRead || diagnostic.code == .unsupportedFile ? .usage : .queryError
        } catch {
            return .queryError
        }
    }

    var output = OutputStream(descriptor: 1)
    if let path = options.outputPath {
        let opened = OutputStream.open(path: path)
        guard let stream = opened.stream else {
            errors.write("wekaql: cannot write \"\(path)\": \(opened.reason)\n")
            return .usage
        }
        output = stream
    }
    defer { output.close() }

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
    var runner = ScriptRunner(engine: Engine(dataset: dataset), options: options, output: output, errors: errors)
    if sources.isEmpty {
        if Terminal.standardInputIsTerminal && options.outputPath == nil {
            return Shell(engine: runner.engine, options: options).run()
        }
        do { sources = [try SourceFile.read(path: "-")] } catch let diagnostic as Diagnostic {
            runner.report(diagnostic)
            return .queryError
        } catch { return .queryError }
    }
    var status = ExitStatus.success
    for source in sources where !runner.run(source) {
        status = .queryError
        if !options.keepGoing { break }
    }
    return status
}

exit(main().rawValue)
