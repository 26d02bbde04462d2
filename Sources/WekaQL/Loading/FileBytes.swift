// Reading whole files into memory, with errors as diagnostics that name the file.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

enum FileBytes {
    /// The bytes of `path` ("-" is standard input).
    static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
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

    /// The file at `path` mapped into memory (read-only), or `nil` if it is not a regular, non-empty file.
    static func map(_ path: String) throws(Diagnostic) -> MappedFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw Diagnostic.cannotRead(path, reason: String(cString: strerror(errno))) }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Diagnostic.cannotRead(path, reason: "it is a directory") }
        guard (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        return MappedFile(address: address, size: size)
    }

    /// Whether `path` names something that exists (a file or a folder).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in directory `path`, sorted.
    static func list(_ path: String) throws(Diagnostic) -> [String] {
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
        UTF8Validation.firstInvalid(bytes)
    }
}

/// A file mapped into memory. Parts already read can be given back, so that loading a large file does
/// not keep all of it resident at once (the pages stay in the page cache and fault back in if read again).
final class MappedFile: @unchecked Sendable {
    private let address: UnsafeMutableRawPointer
    let size: Int

    init(address: UnsafeMutableRawPointer, size: Int) {
        self.address = address
        self.size = size
    }

    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Drops the whole pages inside `range` from memory.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        if end > start { _ = madvise(address + start, end - start, MADV_DONTNEED) }
    }

    deinit { munmap(address, size) }
}

extension SourceFile {
    /// Reads a query script from `path` ("-" for standard input), named by its path in diagnostics.
    ///
    /// - Throws: a ``Diagnostic`` if the file cannot be read or is not UTF-8.
    public static func read(path: String) throws(Diagnostic) -> SourceFile {
        let bytes = try FileBytes.read(path)
        if let offset = bytes.withUnsafeBufferPointer(FileBytes.firstInvalidUTF8) {
            let valid = SourceFile(name: path, text: String(decoding: bytes[..<offset], as: UTF8.self))
            throw Diagnostic.invalidUTF8(file: valid, offset: valid.bytes.count)
        }
        return SourceFile(name: path == "-" ? "-" : path, text: String(decoding: bytes, as: UTF8.self))
    }
}
