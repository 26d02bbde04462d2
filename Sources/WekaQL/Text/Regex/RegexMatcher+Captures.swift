// The Pike VM with capture groups, for `regex_extract`: each thread carries its capture slots, and the
// thread list is kept in priority order, so the match found is the leftmost-first one (as RE2 and Go's
// regexp choose: the leftmost start, then the alternative and repetition a backtracker would try first).
// `isMatch` keeps its own, slot-free loop: plain matching does not pay for captures.

extension RegexProgram {
    /// The text of group `group` (0: the whole match) in the first match in `text`; `nil` when nothing
    /// matches or the group takes no part in the match (`(a)|b` matching "b").
    func extract(group: Int, from text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let slots = captures(bytes), slots[2 * group] >= 0, slots[2 * group + 1] >= 0 else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[slots[2 * group]..<slots[2 * group + 1]]), as: UTF8.self)
        }
    }

    /// The capture slots of the leftmost-first match in `bytes` (valid UTF-8): group g from byte offset
    /// `slots[2g]` to `slots[2g + 1]`, -1 for a group that took no part; `nil` when nothing matches.
    func captures(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]? {
        var vm = CapturingVM(program: self, bytes: bytes)
        return vm.run()
    }
}

/// One search with captures. Positions are byte offsets.
private struct CapturingVM {
    /// The threads at one position, in priority order: a program counter and its slots each.
    struct Threads {
        var pcs: [Int]
        var slots: [Int]
        var count = 0
    }

    /// Work of the closure over non-consuming instructions: visit an instruction, or put a slot back
    /// once the branch that set it is explored.
    enum Job {
        case visit(Int)
        case restore(slot: Int, value: Int)
    }

    let program: RegexProgram
    let bytes: UnsafeBufferPointer<UInt8>
    let width: Int
    var current: Threads
    var following: Threads
    var marks: [Int]
    var step = 1
    var jobs: [Job] = []
    var scratch: [Int]

    init(program: RegexProgram, bytes: UnsafeBufferPointer<UInt8>) {
        self.program = program
        self.bytes = bytes
        let size = program.instructions.count
        width = 2 * (program.captureCount + 1)
        current = Threads(pcs: [Int](repeating: 0, count: size), slots: [Int](repeating: -1, count: size * width))
        following = current
        marks = [Int](repeating: 0, count: size)
        scratch = [Int](repeating: -1, count: width)
    }

    mutating func run() -> [Int]? {
        var matched: [Int]?
        var position = 0
        var previous = PikeVM.none
        var (scalar, length) = PikeVM.decode(bytes, at: 0)
        while true {
            if matched == nil && (!program.anchoredAtStart || position == 0) {
                if current.count == 0, let first = program.firstByte {
                    guard let start = PikeVM.find(first, in: bytes, from: position) else { return nil }
                    if start != position {
                        position = start
                        previous = PikeVM.scalar(bytes, before: start)
                        (scalar, length) = PikeVM.decode(bytes, at: start)
                    }
                }
                for slot in scratch.indices { scratch[slot] = -1 }
                add(0, toCurrent: true, at: position, previous: previous, next: scalar)
            }
            if current.count == 0 && (matched != nil || program.anchoredAtStart || position >= bytes.count) { return matched }
            step += 1
            following.count = 0
            let nextPosition = position + length
            let (nextScalar, nextLength) = PikeVM.decode(bytes, at: nextPosition)
            for index in 0..<current.count {
                let pc = current.pcs[index]
                let base = index * width
                if case .match = program.instructions[pc] {
                    // Every thread after this one has a lower priority: they are dropped.
                    matched = Array(current.slots[base..<(base + width)])
                    break
                }
                guard position < bytes.count, consumes(program.instructions[pc], scalar) else { continue }
                for slot in 0..<width { scratch[slot] = current.slots[base + slot] }
                add(pc + 1, toCurrent: false, at: nextPosition, previous: scalar, next: nextScalar)
            }
            if position >= bytes.count { return matched }
            swap(&current, &following)
            (position, previous, scalar, length) = (nextPosition, scalar, nextScalar, nextLength)
        }
    }

    private func consumes(_ instruction: RegexInstruction, _ scalar: UInt32) -> Bool {
        switch instruction {
        case .scalar(let s): return s == scalar
        case .anyButNewline: return scalar != 0x0A
        case .any: return true
        case .set(let index): return program.sets[index].contains(scalar)
        default: return false
        }
    }

    /// Adds the thread at `pc` with the slots in `scratch`, and every thread it reaches without consuming,
    /// in priority order; `save` records `position` in a slot for the threads after it.
    private mutating func add(_ pc: Int, toCurrent: Bool, at position: Int, previous: UInt32, next: UInt32) {
        jobs.removeAll(keepingCapacity: true)
        jobs.append(.visit(pc))
        while let job = jobs.popLast() {
            switch job {
            case .restore(let slot, let value):
                scratch[slot] = value
            case .visit(let pc):
                if marks[pc] == step { continue }
                marks[pc] = step
                switch program.instructions[pc] {
                case .jump(let target): jobs.append(.visit(target))
                case .split(let a, let b): jobs.append(.visit(b)); jobs.append(.visit(a))
                case .save(let slot):
                    jobs.append(.restore(slot: slot, value: scratch[slot]))
                    scratch[slot] = position
                    jobs.append(.visit(pc + 1))
                case .assert(let assertion):
                    if PikeVM.holds(assertion, previous: previous, next: next) { jobs.append(.visit(pc + 1)) }
                default:
                    if toCurrent { Self.append(pc, scratch, to: &current) } else { Self.append(pc, scratch, to: &following) }
                }
            }
        }
    }

    private static func append(_ pc: Int, _ scratch: [Int], to threads: inout Threads) {
        let width = scratch.count
        let base = threads.count * width
        threads.pcs[threads.count] = pc
        for slot in 0..<width { threads.slots[base + slot] = scratch[slot] }
        threads.count += 1
    }
}
