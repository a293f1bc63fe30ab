/// The first definition line of each footnote key (`CitationScanner.key`: labels match
/// case-insensitively), found for a label on the source's bytes.
///
/// When every definition label is ASCII (nearly always), the lines are kept in a small
/// open-addressing table keyed on each label's head (its first eight bytes lowercased, in one
/// word), and an ASCII label is found there by comparing heads and lengths (and the bytes past
/// the head, for the rare longer label): no key string is made and hashed for each reference.
/// Otherwise the key strings go into a dictionary (string equality there is canonical
/// equivalence, not byte equality).
struct FootnoteKeys {
    /// For each definition line, the first line with its key (itself when it is the first).
    let firstLines: [Int]
    private let source: [UInt8]
    /// The definition lines' label bytes (between `[^` and `]`).
    private let labels: [Range<Int>]
    /// Each definition line's `head`. Used when every label is ASCII.
    private let heads: [UInt64]
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
        var heads: [UInt64] = []
        heads.reserveCapacity(labels.count)
        let isASCII = source.withUnsafeBufferPointer { bytes in
            for (line, label) in labels.enumerated() {
                guard let head = Self.head(label, in: bytes) else { return false }
                heads.append(head)
                // Lines are placed in order: a key's slot holds its first line.
                var slot = Self.hash(head, count: label.count)
                while true {
                    slot &= slots.count - 1
                    if slots[slot] == 0 {
                        slots[slot] = line + 1
                        firstLines[line] = line
                        break
                    }
                    let first = slots[slot] - 1
                    if heads[first] == head, Self.sameTail(labels[first], label, in: bytes) {
                        firstLines[line] = first
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
            self.heads = []
            self.slots = []
            self.dictionary = dictionary
            return
        }
        self.firstLines = firstLines
        self.heads = heads
        self.slots = slots
    }

    /// The first definition line of the key of the label at `label` in the source; nil when none has it.
    mutating func firstLine(ofLabelAt label: Range<Int>) -> Int? {
        guard !labels.isEmpty else { return nil }
        if dictionary == nil, let found = source.withUnsafeBufferPointer({ bytes -> Int?? in
            guard let head = Self.head(label, in: bytes) else { return nil }
            var slot = Self.hash(head, count: label.count)
            while true {
                slot &= slots.count - 1
                let line = slots[slot] - 1
                if line < 0 { return .some(nil) }
                if heads[line] == head, Self.sameTail(labels[line], label, in: bytes) { return .some(line) }
                slot += 1
            }
        }) { return found }
        if dictionary == nil { dictionary = Self.firstLines(labels: labels, in: source) }
        return dictionary?[Self.key(source[label])]
    }

    /// The first eight bytes of `label`, `A` to `Z` lowercased, packed little-endian in one word
    /// (zeros past a shorter label); nil when a byte of the label is not ASCII.
    static func head(_ label: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let headEnd = min(label.upperBound, label.lowerBound + 8)
        var word: UInt64 = 0
        if let base = bytes.baseAddress, label.lowerBound + 8 <= bytes.count {
            // Eight bytes in one load (all inside the buffer), those past the label masked off.
            let length = headEnd - label.lowerBound
            word = UInt64(littleEndian: UnsafeRawPointer(base + label.lowerBound).loadUnaligned(as: UInt64.self))
            if length < 8 { word &= (1 << (8 * UInt64(length))) &- 1 }
        } else {
            for (index, shift) in zip(label.lowerBound..<headEnd, stride(from: UInt64(0), to: 64, by: 8)) { word |= UInt64(bytes[index]) << shift }
        }
        var highBits = word
        for index in headEnd..<label.upperBound { highBits |= UInt64(bytes[index]) }
        guard highBits & 0x8080_8080_8080_8080 == 0 else { return nil }
        return Byte.lowercased(asciiWord: word)
    }

    /// The table slot (before masking) of a label with `head` and `count` bytes.
    private static func hash(_ head: UInt64, count: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    /// Whether ASCII `a` and `b`, whose heads are equal, are the same key: the same length, and
    /// their bytes past the head equal lowercased.
    private static func sameTail(_ a: Range<Int>, _ b: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for offset in min(8, a.count)..<a.count where Byte.lowercased(bytes[a.lowerBound + offset]) != Byte.lowercased(bytes[b.lowerBound + offset]) {
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
