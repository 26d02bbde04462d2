// `wekaql lsp`: a Language Server Protocol server over standard input and output. It reads one message at
// a time, answers requests in order, and publishes diagnostics when a document opens or changes.
//
// Errors in a message (not JSON, no method, bad parameters) and unknown methods are answered with
// JSON-RPC errors; the server goes on. Only `exit` (or the end of the input) stops it.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// The server's state: the engine over the data, and the open documents by URI.
final class LanguageServer {
    /// JSON-RPC and LSP error codes.
    enum ErrorCode: Int64 {
        case parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602
        case serverNotInitialized = -32002, requestFailed = -32803
    }

    /// A request that cannot be answered with a result.
    struct Failure: Error {
        var code: ErrorCode
        var message: String
    }

    private let channel: MessageChannel
    private let log: OutputStream
    private var settings: ServerSettings
    private(set) var engine = Engine()
    private var documents: [String: DocumentText] = [:]
    private var initialized = false
    private var shutdownRequested = false

    init(channel: MessageChannel, log: OutputStream, settings: ServerSettings) {
        self.channel = channel
        self.log = log
        self.settings = settings
    }

    /// Serves until `exit` or the end of the input; the exit status LSP asks for.
    func run() -> ExitStatus {
        while true {
            switch channel.next() {
            case .end: return shutdownRequested ? .success : .queryError
            case .malformed(let problem): reply(to: .null, error: Failure(code: .parseError, message: problem))
            case .message(let text):
                if handle(text) == .exit { return shutdownRequested ? .success : .queryError }
            }
        }
    }

    private enum Outcome { case goOn, exit }

    private func handle(_ text: String) -> Outcome {
        let message: JSONValue
        do { message = try JSONValue.parse(text) } catch {
            reply(to: .null, error: Failure(code: .parseError, message: "not JSON: \(error.message) at byte \(error.offset)"))
            return .goOn
        }
        let id = message["id"]
        guard case .object = message, let method = message["method"]?.string else {
            // A response from the client (to a request we never send) has no method: nothing to answer.
            if case .object = message, id != nil, message["result"] != nil || message["error"] != nil { return .goOn }
            reply(to: id ?? .null, error: Failure(code: .invalidRequest, message: "a request needs a \"method\" string"))
            return .goOn
        }
        if method == "exit" { return .exit }
        let parameters = message["params"]
        guard let id else {
            notify(method, parameters)
            return .goOn
        }
        do {
            reply(to: id, result: try respond(method, parameters))
        } catch {
            reply(to: id, error: error)
        }
        return .goOn
    }

    /// The result of request `method`.
    private func respond(_ method: String, _ parameters: JSONValue?) throws(Failure) -> JSONValue {
        if method == "initialize" { return initialize(parameters) }
        guard initialized else { throw Failure(code: .serverNotInitialized, message: "the first request must be initialize") }
        guard !shutdownRequested else { throw Failure(code: .invalidRequest, message: "the server is shutting down: only exit is expected") }
        switch method {
        case "shutdown":
            shutdownRequested = true
            return .null
        case "textDocument/completion": return try completion(parameters)
        case "textDocument/hover": return try hover(parameters)
        case "textDocument/semanticTokens/full": return try semanticTokens(parameters)
        case "textDocument/documentSymbol": return try documentSymbols(parameters)
        case "textDocument/formatting": return try formatting(parameters)
        case "textDocument/definition": return try definition(parameters)
        default: throw Failure(code: .methodNotFound, message: "unknown method \"\(method)\"")
        }
    }

    /// Handles a notification; unknown ones are ignored, as LSP asks.
    private func notify(_ method: String, _ parameters: JSONValue?) {
        guard let document = parameters?["textDocument"], let uri = document["uri"]?.string else { return }
        switch method {
        case "textDocument/didOpen":
            open(uri, text: document["text"]?.string ?? "")
        case "textDocument/didChange":
            // Full sync: the last change holds the whole text.
            guard let text = parameters?["contentChanges"]?.array?.last?["text"]?.string else { return }
            open(uri, text: text)
        case "textDocument/didClose":
            documents[uri] = nil
            publishDiagnostics(uri, [])
        default: break
        }
    }

    private func open(_ uri: String, text: String) {
        let document = DocumentText(uri: uri, text: text)
        documents[uri] = document
        publishDiagnostics(uri, engine.check(document.file).map { Self.lspDiagnostic($0, in: document) })
    }

    /// The open document a request names.
    func document(_ parameters: JSONValue?) throws(Failure) -> DocumentText {
        guard let uri = parameters?["textDocument"]?["uri"]?.string else {
            throw Failure(code: .invalidParams, message: "the request needs textDocument.uri")
        }
        guard let document = documents[uri] else {
            throw Failure(code: .invalidParams, message: "\(uri) is not open (send textDocument/didOpen first)")
        }
        return document
    }

    // MARK: - Initialization

    private func initialize(_ parameters: JSONValue?) -> JSONValue {
        let folder = (parameters?["rootUri"]?.string).map(DocumentText.path(of:)) ?? parameters?["rootPath"]?.string
        if let folder { readToml(in: folder) }
        settings.read(initializationOptions: parameters?["initializationOptions"], folder: folder)
        loadData()
        initialized = true
        return .object([
            ("capabilities", Self.capabilities),
            ("serverInfo", .object([("name", .string("wekaql")), ("version", .string(Help.version.split(separator: " ").last.map(String.init) ?? ""))])),
        ])
    }

    static var capabilities: JSONValue {
        .object([
            ("positionEncoding", .string("utf-16")),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .integer(1))])),
            ("completionProvider", .object([("triggerCharacters", .array(["\"", "`", "|"].map(JSONValue.string)))])),
            ("hoverProvider", .bool(true)),
            ("semanticTokensProvider", .object([
                ("legend", .object([("tokenTypes", .array(SemanticTokens.types.map(JSONValue.string))), ("tokenModifiers", .array([]))])),
                ("full", .bool(true)),
            ])),
            ("documentSymbolProvider", .bool(true)),
            ("documentFormattingProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
        ])
    }

    private func readToml(in folder: String) {
        let path = folder + "/wekaql.toml"
        guard access(path, R_OK) == 0, let file = try? SourceFile.read(path: path) else { return }
        do { try settings.read(toml: file.text, path: path, folder: folder) } catch {
            showMessage(DiagnosticRenderer().render(error))
        }
    }

    /// Loads the data the settings name; a file that does not load is reported and left out.
    private func loadData() {
        var dataset = settings.builtin ? Dataset.builtIn : Dataset.empty
        for argument in settings.dataPaths {
            do {
                let (path, options) = try LoadOptions.split(dataArgument: argument)
                for warning in try dataset.load(path: path, options: options, columns: .all) {
                    log.write(DiagnosticRenderer().render(warning) + "\n")
                }
            } catch {
                showMessage(DiagnosticRenderer().render(error))
            }
        }
        log.flush()
        engine = Engine(dataset: dataset)
    }

    // MARK: - Sending

    private func reply(to id: JSONValue, result: JSONValue) {
        channel.send(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
    }

    private func reply(to id: JSONValue, error: Failure) {
        channel.send(.object([("jsonrpc", .string("2.0")), ("id", id), ("error", .object([
            ("code", .integer(error.code.rawValue)), ("message", .string(error.message)),
        ]))]))
    }

    private func send(_ method: String, _ parameters: JSONValue) {
        channel.send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", parameters)]))
    }

    private func publishDiagnostics(_ uri: String, _ diagnostics: [JSONValue]) {
        send("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array(diagnostics))]))
    }

    /// Shows an error to the user (and logs it on standard error).
    private func showMessage(_ text: String) {
        log.write(text + "\n")
        log.flush()
        send("window/showMessage", .object([("type", .integer(1)), ("message", .string(text))]))
    }

    /// A library diagnostic as LSP's: its range, severity, code, and the message followed by its hints.
    static func lspDiagnostic(_ diagnostic: Diagnostic, in document: DocumentText) -> JSONValue {
        let severity: Int64 = switch diagnostic.severity { case .error: 1; case .warning: 2; case .note: 3 }
        let message = ([diagnostic.message] + diagnostic.hints.map { "help: " + $0 }).joined(separator: "\n")
        return .object([
            ("range", document.range(diagnostic.range ?? SourceRange(0, 0))),
            ("severity", .integer(severity)),
            ("code", .string(diagnostic.code.rawValue)),
            ("source", .string("wekaql")),
            ("message", .string(message)),
        ])
    }
}

/// `wekaql lsp [--data PATH]… [--no-builtin]`.
enum LanguageServerCommand {
    static let usage = """
    usage: wekaql lsp [--data PATH[:OPTIONS]]… [--no-builtin]
      A Language Server Protocol server on standard input and output, for editors: diagnostics,
      completion, hover, semantic tokens, document symbols, formatting and go to definition for .wql
      files. The data is the built-in data and every --data, plus a wekaql.toml at the workspace root
      (data = ["cases.csv"], builtin = false) and the client's initializationOptions.
    """

    static func run(_ arguments: [String]) -> ExitStatus {
        let errors = OutputStream(descriptor: 2)
        defer { errors.flush() }
        if arguments.contains("-h") || arguments.contains("--help") {
            let output = OutputStream(descriptor: 1)
            output.write(usage + "\n")
            output.flush()
            return .success
        }
        let settings: ServerSettings
        do { settings = try ServerSettings(arguments: arguments) } catch {
            errors.write("wekaql lsp: \(DisplayText.escaping(error.message))\n\(usage)\n")
            return .usage
        }
        // The protocol gets its own copy of standard output; descriptor 1 then goes to standard error, so
        // that nothing else can ever write into the protocol's stream.
        signal(SIGPIPE, SIG_IGN)   // a client gone away is the end of the input, not a crash
        let protocolOutput = dup(1)
        guard protocolOutput >= 0, dup2(2, 1) >= 0 else {
            errors.write("wekaql lsp: cannot set up standard output\n")
            return .usage
        }
        let server = LanguageServer(channel: MessageChannel(input: 0, output: protocolOutput), log: errors, settings: settings)
        return server.run()
    }
}
