/// The first definition line of each footnote key (`CitationScanner.key`: labels match
/// case-insensitively), found for a label on the source's bytes.
///
/// When every definition label is ASCII (nearly always), the lines are kept in a small
/// open-addressing table hashed on their lowercased bytes, and an ASCII label is found there
/// by comparing bytes: no key string is made and hashed for each reference. Otherwise the key
/// strings go into a dictionary (string equality there is canonical equivalence, not byte
/// equality).
struct FootnoteKeys {
    /// For each definition line, the first line with its key (itself when it is the first).
    let firstLines: [Int]
    private let source: [UInt8]
    /// The definition lines' label bytes (between `[^` and `]`).
    private let labels: [Range<Int>]
    /// The first line of each key plus one (zero: an empty slot), probed linearly from the key's
    /// hash; a power of two at least twice the lines in size. Used when every label is ASCII.
    private let slots: [Int]
    /// The first line of each key, made when a label is not ASCII.
    private var dictionary: [String: Int]?

    /// `labels`: the definition lines' label bytes in `source`, in line order.
    init(labels: [Range<Int>], in source: [UInt8]) {
        self.source = source
        self.labels = labels
        var firstLines = [Int](repeating: 0, count: labels.count)
        var slots = [Int](repeating: 0, count: labels.isEmpty ? 0 : 1 << (Int.bitWidth - (2 * labels.count - 1).leadingZeroBitCount))
        let isASCII = source.withUnsafeBufferPointer { bytes in
            for (line, label) in labels.enumerated() {
                guard var slot = Self.hash(label, in: bytes) else { return false }
                // Lines are placed in order: a key's slot holds its first line.
                while true {
                    slot &= slots.count - 1
                    if slots[slot] == 0 {
                        slots[slot] = line + 1
                        firstLines[line] = line
                        break
                    }
                    if Self.sameKey(labels[slots[slot] - 1], label, in: bytes) {
                        firstLines[line] = slots[slot] - 1
                        break
                    }
                    slot += 1
                }
            }
            return true
        }
        guard isASCII else {
            let dictionary = Self.firstLines(labels: labels, in: source)
            self.firstLines = labels.map { dictionary[Self.key(source[$0])]! }
            self.slots = []
            self.dictionary = dictionary
            return
        }
        self.firstLines = firstLines
        self.slots = slots
    }

    /// The first definition line of the key of the label at `label` in the source; nil when none has it.
    mutating func firstLine(ofLabelAt label: Range<Int>) -> Int? {
        guard !labels.isEmpty else { return nil }
        if dictionary == nil, let found = source.withUnsafeBufferPointer({ bytes -> Int?? in
            guard var slot = Self.hash(label, in: bytes) else { return nil }
            while true {
                slot &= slots.count - 1
                if slots[slot] == 0 { return .some(nil) }
                if Self.sameKey(labels[slots[slot] - 1], label, in: bytes) { return .some(slots[slot] - 1) }
                slot += 1
            }
        }) { return found }
        if dictionary == nil { dictionary = Self.firstLines(labels: labels, in: source) }
        return dictionary?[Self.key(source[label])]
    }

    /// A hash of the bytes of `label`, lowercased; nil when one is not ASCII.
    private static func hash(_ label: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var hash = 0
        for index in label {
            guard bytes[index] < 0x80 else { return nil }
            hash = (hash &* 31) &+ Int(Byte.lowercased(bytes[index]))
        }
        return hash ^ (hash >> 16)
    }

    /// Whether ASCII `a` and `b` are the same key (their bytes equal lowercased).
    private static func sameKey(_ a: Range<Int>, _ b: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in 0..<a.count where Byte.lowercased(bytes[a.lowerBound + offset]) != Byte.lowercased(bytes[b.lowerBound + offset]) {
            return false
        }
        return true
    }

    private static func key(_ label: ArraySlice<UInt8>) -> String { CitationScanner.key(String(decoding: label, as: UTF8.self)) }

    /// Each key's first line, assigned from the last line up.
    private static func firstLines(labels: [Range<Int>], in source: [UInt8]) -> [String: Int] {
        var first: [String: Int] = [:]
        first.reserveCapacity(labels.count)
        for (line, label) in labels.enumerated().reversed() { first[key(source[label])] = line }
        return first
    }
}
