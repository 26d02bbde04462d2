// Files in Latin-1 or UTF-16 (`encoding=`), converted to UTF-8 before they are read.

extension LoadOptions.Encoding {
    /// `bytes` as UTF-8; `nil` for UTF-8 itself, which is read where it lies. UTF-16 follows its byte
    /// order mark (little-endian without one, as Windows writes it); an odd last byte or a lone surrogate
    /// becomes U+FFFD.
    func utf8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        switch self {
        case .utf8: return nil
        case .latin1:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes {
                if b < 0x80 { out.append(b) } else { out.append(0xC0 | b >> 6); out.append(0x80 | b & 0x3F) }
            }
            return out
        case .utf16:
            var bigEndian = false
            var start = 0
            if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { bigEndian = true; start = 2 }
            if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { start = 2 }
            var units: [UInt16] = []
            units.reserveCapacity((bytes.count - start) / 2)
            var i = start
            while i + 1 < bytes.count {
                units.append(bigEndian ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]) : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i]))
                i += 2
            }
            var out: [UInt8] = []
            out.reserveCapacity(units.count * 2)
            _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { out.append($0) }
            if i < bytes.count { out += [0xEF, 0xBF, 0xBD] }
            return out
        }
    }
}
