// Test helpers for files on disk: a temporary data file that removes itself, and a plain failure.

import Foundation

/// A test failure with a message, for helpers that must throw.
struct TestFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A file in a fresh temporary folder, removed with its folder when the value is deinitialised (keep it
/// alive with `withExtendedLifetime` while the path is in use: an optimised build may end it at last use).
final class TemporaryFile {
    let folder: URL
    let url: URL
    var path: String { url.path }

    init(name: String, contents: Data) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wekaql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        url = folder.appendingPathComponent(name)
        try contents.write(to: url)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
