// The language server's transport: JSON-RPC messages framed by `Content-Length` headers, as LSP defines.

import WekaQL
#if canImport(Glibc)
import Glibc
#endif

/// Reads framed messages from one file descriptor and writes them to another.
final class MessageChannel {
    /// What reading the next message gave.
    enum Incoming {
        /// A message body.
        case message(String)
        /// A header block without a usable `Content-Length`, or a body that is not UTF-8: answered with
        /// a JSON-RPC error, then reading goes on with the next header.
        case malformed(String)
        /// The input ended.
        case end
    }

    /// The largest body accepted; a longer one is skipped and answered with an error.
    static let maximumBody = 256 << 20

    private let input: Int32
    private let output: OutputStream
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = OutputStream(descriptor: output)
    }

    /// The next message; blocks until one arrives.
    func next() -> Incoming {
        guard let headerEnd = readUntilHeaderEnd() else { return .end }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        start = headerEnd + 4
        guard let length = Self.contentLength(in: header) else {
            return .malformed("a message header without a valid Content-Length: \(header.debugDescription)")
        }
        guard length <= Self.maximumBody else {
            skip(length)
            return .malformed("a message of \(length) bytes, more than the \(Self.maximumBody) accepted")
        }
        guard fill(upTo: start + length) else { return .end }
        let body = Array(buffer[start..<(start + length)])
        start += length
        compact()
        guard let text = String(validating: body, as: UTF8.self) else { return .malformed("a message body that is not UTF-8") }
        return .message(text)
    }

    /// Writes one message with its header.
    func send(_ message: JSONValue) {
        let body = message.serialized
        output.write("Content-Length: \(body.utf8.count)\r\n\r\n" + body)
        output.flush()
    }

    /// The `Content-Length` of a header block (other headers, such as Content-Type, are ignored).
    static func contentLength(in header: String) -> Int? {
        for line in header.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased(), value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" { return Int(value).flatMap { $0 >= 0 ? $0 : nil } }
        }
        return nil
    }

    /// Reads until the buffer holds `\r\n\r\n` after `start`; its offset, or `nil` at the end of input.
    private func readUntilHeaderEnd() -> Int? {
        var searched = start
        while true {
            while searched + 3 < buffer.count {
                if buffer[searched] == 13, buffer[searched + 1] == 10, buffer[searched + 2] == 13, buffer[searched + 3] == 10 {
                    return searched
                }
                searched += 1
            }
            guard readMore() else { return nil }
        }
    }

    private func fill(upTo end: Int) -> Bool {
        while buffer.count < end { guard readMore() else { return false } }
        return true
    }

    private func skip(_ count: Int) {
        var left = count
        while left > 0 {
            let available = buffer.count - start
            if available >= left { start += left; break }
            left -= available
            start = buffer.count
            compact()
            guard readMore() else { return }
        }
        compact()
    }

    private func compact() {
        if start > 1 << 16 || start == buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func readMore() -> Bool {
        guard !ended else { return false }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { ended = true; return false }
            buffer += chunk[..<count]
            return true
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
