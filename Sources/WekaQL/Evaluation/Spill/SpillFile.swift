// Spill files: blocks of typed column runs, written one after another and read back in the same order,
// a block at a time, so a stage holds one block of each file it reads in memory, never the file.
//
// The format is private to one statement (never read by another version): each block is a header of
// four little-endian words (magic, rows, columns, payload bytes) and then each column's storage as
// ``SpillCodec`` writes it.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes blocks of rows to one spill file; ``finish()`` closes it for reading.
struct SpillWriter: ~Copyable {
    /// The file's path.
    let path: String
    private var descriptor: Int32
    private let directory: SpillDirectory
    /// The blocks and bytes written so far.
    private(set) var blocks = 0
    private(set) var bytes = 0

    init(path: String, descriptor: Int32, directory: SpillDirectory) {
        self.path = path
        self.descriptor = descriptor
        self.directory = directory
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends one block: `columns` at the rows `rows` (every row when `nil`), in that order. All the
    /// columns must have the same length.
    mutating func write(_ columns: [Column], rows: [Int32]? = nil) throws(Diagnostic) {
        let count = rows?.count ?? columns.first?.count ?? 0
        var encoder = SpillCodec.Writer()
        for column in columns { encoder.column(rows.map { column.gathering($0) } ?? column) }
        var header = SpillCodec.Writer()
        header.word(SpillCodec.magic)
        header.word(UInt64(count))
        header.word(UInt64(columns.count))
        header.word(UInt64(encoder.bytes.count))
        try writeAll(header.bytes)
        try writeAll(encoder.bytes)
        blocks += 1
    }

    /// Closes the file; its blocks can then be read back.
    consuming func finish() throws(Diagnostic) -> SpillFile {
        let fd = descriptor
        descriptor = -1
        if close(fd) != 0 { throw directory.failure("cannot write the spill file \(path)", errno) }
        return SpillFile(path: path, blocks: blocks, bytes: bytes, directory: directory)
    }

    private mutating func writeAll(_ data: [UInt8]) throws(Diagnostic) {
        var done = 0
        while done < data.count {
            let n = data.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, data.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw directory.failure("cannot write the spill file \(path)", n < 0 ? errno : ENOSPC) }
            done += n
        }
        bytes += data.count
        directory.settings.statistics?.countBytes(data.count)
    }
}

/// A finished spill file: its blocks can be read back, in the order written, any number of times.
struct SpillFile: Sendable {
    /// The file's path.
    let path: String
    /// The blocks and bytes in it.
    let blocks: Int
    let bytes: Int
    let directory: SpillDirectory

    /// A reader from the first block.
    func reader() throws(Diagnostic) -> SpillReader {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw directory.failure("cannot read the spill file \(path)", errno) }
        return SpillReader(path: path, descriptor: fd, directory: directory)
    }
}

/// Reads a spill file's blocks one at a time.
struct SpillReader: ~Copyable {
    let path: String
    private let descriptor: Int32
    private let directory: SpillDirectory

    init(path: String, descriptor: Int32, directory: SpillDirectory) {
        self.path = path
        self.descriptor = descriptor
        self.directory = directory
    }

    deinit { close(descriptor) }

    /// The next block's columns (each as long as the block's rows), or `nil` after the last block.
    mutating func next() throws(Diagnostic) -> [Column]? {
        guard let header = try readExactly(32, endOK: true) else { return nil }
        var decoder = SpillCodec.Reader(header)
        guard decoder.word() == SpillCodec.magic else { throw corrupt() }
        let rows = Int(decoder.word()), columns = Int(decoder.word()), length = Int(decoder.word())
        guard let payload = try readExactly(length, endOK: false) else { throw corrupt() }
        var reader = SpillCodec.Reader(payload)
        var result: [Column] = []
        result.reserveCapacity(columns)
        for _ in 0..<columns {
            guard let column = reader.column(rows: rows) else { throw corrupt() }
            result.append(column)
        }
        return result
    }

    private func corrupt() -> Diagnostic { directory.failure("the spill file \(path) was changed while in use", EIO) }

    /// `count` bytes, or `nil` at the end of the file when `endOK` and nothing was read.
    private func readExactly(_ count: Int, endOK: Bool) throws(Diagnostic) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + done, count - done) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw directory.failure("cannot read the spill file \(path)", errno) }
            if n == 0 {
                if done == 0 && endOK { return nil }
                throw corrupt()
            }
            done += n
        }
        return buffer
    }
}
