// Runs a ``RegexProgram`` over UTF-8 text as a Pike VM: every thread advances one scalar at a time, and a
// thread already at an instruction is not added twice, so the cost is at most text length × program
// size, whatever the pattern (`^(a+)+$` included). No backtracking, so no exponential cases.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension RegexProgram {
    /// Whether the pattern matches somewhere in `text` (a search: anchored only by `^`, `$`, `\A`, `\z`).
    func isMatch(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isMatch($0) }
    }

    /// Whether the pattern matches somewhere in `bytes`, which must be valid UTF-8.
    func isMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let size = instructions.count
        // Two thread lists, a mark per instruction (the step that last added it) and a work stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 5 * size + 1) { memory in
            memory.initialize(repeating: 0)
            var vm = PikeVM(program: self, bytes: bytes,
                            current: UnsafeMutableBufferPointer(rebasing: memory[0..<size]),
                            following: UnsafeMutableBufferPointer(rebasing: memory[size..<(2 * size)]),
                            marks: UnsafeMutableBufferPointer(rebasing: memory[(2 * size)..<(3 * size)]),
                            stack: UnsafeMutableBufferPointer(rebasing: memory[(3 * size)...]))
            return vm.run()
        }
    }
}

/// The state of one search. Positions are byte offsets; `none` stands for "no scalar" (before the start
/// or after the end), for the assertions.
struct PikeVM {
    static let none = UInt32.max

    let program: RegexProgram
    let bytes: UnsafeBufferPointer<UInt8>
    var current: UnsafeMutableBufferPointer<Int>
    var following: UnsafeMutableBufferPointer<Int>
    let marks: UnsafeMutableBufferPointer<Int>
    let stack: UnsafeMutableBufferPointer<Int>
    var currentCount = 0, followingCount = 0
    var step = 1

    init(program: RegexProgram, bytes: UnsafeBufferPointer<UInt8>, current: UnsafeMutableBufferPointer<Int>,
         following: UnsafeMutableBufferPointer<Int>, marks: UnsafeMutableBufferPointer<Int>, stack: UnsafeMutableBufferPointer<Int>) {
        (self.program, self.bytes, self.current, self.following, self.marks, self.stack) = (program, bytes, current, following, marks, stack)
    }

    mutating func run() -> Bool {
        var position = 0
        var previous = Self.none
        var (scalar, width) = decode(at: 0)
        while true {
            if !program.anchoredAtStart || position == 0 {
                if currentCount == 0, let first = program.firstByte {
                    // No thread alive: jump to the next place a match can start.
                    guard let start = find(first, from: position) else { return false }
                    if start != position {
                        position = start
                        previous = scalarBefore(start)
                        (scalar, width) = decode(at: start)
                    }
                }
                if addThread(0, toCurrent: true, previous: previous, next: scalar) { return true }
            }
            if currentCount == 0 && (program.anchoredAtStart || position >= bytes.count) { return false }
            if position >= bytes.count { return false }
            step += 1
            followingCount = 0
            let nextPosition = position + width
            let (nextScalar, nextWidth) = decode(at: nextPosition)
            for index in 0..<currentCount {
                let pc = current[index]
                if consumes(program.instructions[pc], scalar),
                   addThread(pc + 1, toCurrent: false, previous: scalar, next: nextScalar) { return true }
            }
            swap(&current, &following)
            currentCount = followingCount
            (position, previous, scalar, width) = (nextPosition, scalar, nextScalar, nextWidth)
        }
    }

    @inline(__always)
    private func consumes(_ instruction: RegexInstruction, _ scalar: UInt32) -> Bool {
        switch instruction {
        case .scalar(let s): return s == scalar
        case .anyButNewline: return scalar != 0x0A
        case .any: return true
        case .set(let index): return program.sets[index].contains(scalar)
        default: return false
        }
    }

    /// Adds the thread at `pc` and every thread it reaches without consuming, to the current list (the
    /// position being entered) or the following one; true if one of them is a match.
    private mutating func addThread(_ pc: Int, toCurrent: Bool, previous: UInt32, next: UInt32) -> Bool {
        var depth = 0
        stack[0] = pc
        depth = 1
        while depth > 0 {
            depth -= 1
            let pc = stack[depth]
            if marks[pc] == step { continue }
            marks[pc] = step
            switch program.instructions[pc] {
            case .match: return true
            case .jump(let target): stack[depth] = target; depth += 1
            case .split(let a, let b): stack[depth] = b; stack[depth + 1] = a; depth += 2
            case .save: stack[depth] = pc + 1; depth += 1
            case .assert(let assertion):
                if Self.holds(assertion, previous: previous, next: next) { stack[depth] = pc + 1; depth += 1 }
            default:
                if toCurrent { current[currentCount] = pc; currentCount += 1 }
                else { following[followingCount] = pc; followingCount += 1 }
            }
        }
        return false
    }

    static func holds(_ assertion: RegexAssertion, previous: UInt32, next: UInt32) -> Bool {
        switch assertion {
        case .textStart: return previous == none
        case .textEnd: return next == none
        case .lineStart: return previous == none || previous == 0x0A
        case .lineEnd: return next == none || next == 0x0A
        case .wordBoundary: return isWord(previous) != isWord(next)
        case .notWordBoundary: return isWord(previous) == isWord(next)
        }
    }

    private static func isWord(_ v: UInt32) -> Bool {
        v != none && ScalarSet.Named.word.contains(Unicode.Scalar(v) ?? " ")
    }

    @inline(__always)
    private func decode(at offset: Int) -> (UInt32, Int) { Self.decode(bytes, at: offset) }

    /// The scalar starting at `offset` and its length in bytes; `none` at the end.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        guard offset < bytes.count else { return (Self.none, 0) }
        let b0 = UInt32(bytes[offset])
        if b0 < 0x80 { return (b0, 1) }
        func continuation(_ k: Int) -> UInt32 { UInt32(bytes[offset + k]) & 0x3F }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | continuation(1), 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((b0 & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    private func scalarBefore(_ offset: Int) -> UInt32 { Self.scalar(bytes, before: offset) }

    /// The scalar that ends just before `offset`.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, before offset: Int) -> UInt32 {
        guard offset > 0 else { return Self.none }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start).0
    }

    private func find(_ byte: UInt8, from offset: Int) -> Int? { Self.find(byte, in: bytes, from: offset) }

    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        guard offset < bytes.count, let base = bytes.baseAddress,
              let hit = memchr(base + offset, Int32(byte), bytes.count - offset) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }
}
