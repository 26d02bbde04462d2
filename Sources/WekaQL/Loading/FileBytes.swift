// Reading whole files into memory, with errors as diagnostics that name the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum FileBytes {
    /// The bytes of `path` ("-" is standard input).
    static func read(_ path: String) throws -> [UInt8] {
        let fd = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw Diagnostic.cannotRead(path, reason: String(cString: strerror(errno))) }
        defer { if fd != 0 { _ = close(fd) } }
        var info = stat()
        var bytes: [UInt8] = []
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw Diagnostic.cannotRead(path, reason: "it is a directory") }
            if (info.st_mode & S_IFMT) == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Diagnostic.cannotRead(path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in directory `path`, sorted.
    static func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw Diagnostic.cannotRead(path, reason: String(cString: strerror(errno))) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

extension SourceFile {
    /// Reads a query script from `path` ("-" for standard input), named by its path in diagnostics.
    ///
    /// - Throws: a ``Diagnostic`` if the file cannot be read or is not UTF-8.
    public static func read(path: String) throws -> SourceFile {
        let bytes = try FileBytes.read(path)
        if let offset = bytes.withUnsafeBufferPointer(FileBytes.firstInvalidUTF8) {
            let valid = SourceFile(name: path, text: String(decoding: bytes[..<offset], as: UTF8.self))
            throw Diagnostic.invalidUTF8(file: valid, offset: valid.bytes.count)
        }
        return SourceFile(name: path == "-" ? "-" : path, text: String(decoding: bytes, as: UTF8.self))
    }
}
