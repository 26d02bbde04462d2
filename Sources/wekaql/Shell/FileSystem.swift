// The few file-system calls the shell makes: read a small file, make folders, list a folder, expand `~`.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

enum FileContents {
    /// A file read whole, missing, or unreadable with the system's reason.
    enum Outcome {
        case read([UInt8])
        case missing
        case failed(String)
    }

    static func read(_ path: String) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .missing : .failed(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return .failed(String(cString: strerror(errno))) }
            if count == 0 { return .read(bytes) }
            bytes += chunk[..<count]
        }
    }

    /// Whether something is at `path` (a file that cannot be read still exists: reading it says why).
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Creates the folders above `path` that are missing, private to the user (as history is).
    static func makeParentFolders(of path: String) {
        var prefix = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            prefix += (index == 0 ? "" : "/") + part
            if !prefix.isEmpty { mkdir(prefix, 0o700) }
        }
    }

    /// `path` with a leading `~` or `~/` made the home folder.
    static func expandingHome(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) else { return path }
        return home + path.dropFirst()
    }

    /// The entries of the folder `folder` as typed (`~` allowed), for path completion.
    static func list(_ folder: String) -> [DirectoryEntry] {
        let path = expandingHome(folder)
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            var raw = entry.pointee
            let name = withUnsafeBytes(of: &raw.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            var isDirectory = Int32(raw.d_type) == Int32(DT_DIR)
            if Int32(raw.d_type) == Int32(DT_LNK) || Int32(raw.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                let full = path.hasSuffix("/") ? path + name : path + "/" + name
                isDirectory = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return entries
    }
}
