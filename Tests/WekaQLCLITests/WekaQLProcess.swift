// Runs the built `wekaql` executable and collects its exit status, standard output and standard error.

import Foundation

struct ProcessResult {
    var status: Int32
    var output: String
    var error: String
}

enum WekaQLProcess {
    /// The `wekaql` binary that `swift test` built next to the test bundle.
    static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = bundleDirectory.appendingPathComponent("wekaql")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/wekaql")
    }

    /// Runs wekaql with `arguments`, feeding `input` on standard input, with `environment` added.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    executable: URL? = nil, directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable ?? Self.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        let errorData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = stderr.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             output: String(decoding: outputData, as: UTF8.self),
                             error: String(decoding: errorData.data, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
