#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first definition line of each footnote key (`CitationScanner.key`: labels match
/// case-insensitively), found for a label on the source's bytes.
///
/// When every definition label is ASCII (nearly always), their keys' bytes are kept sorted and
/// an ASCII label is found by binary search with `memcmp` (lowercased first only when it has a
/// capital): no key string is made and hashed for each reference. Otherwise the key strings go
/// into a dictionary (string equality there is canonical equivalence, not byte equality).
struct FootnoteKeys {
    /// For each definition line, the first line with its key (itself when it is the first).
    let firstLines: [Int]
    private let source: [UInt8]
    /// The definition lines' label bytes (between `[^` and `]`).
    private let labels: [Range<Int>]
    /// The ASCII labels' keys (their bytes lowercased), back to back.
    private let keyBytes: [UInt8]
    /// Each distinct key's bytes in `keyBytes` and its first line, in byte order.
    private let sorted: [(key: Range<Int>, line: Int)]
    /// The first line of each key, made when a label is not ASCII.
    private var dictionary: [String: Int]?

    /// `labels`: the definition lines' label bytes in `source`, in line order.
    init(labels: [Range<Int>], in source: [UInt8]) {
        self.source = source
        self.labels = labels
        guard labels.allSatisfy({ source[$0].allSatisfy { $0 < 0x80 } }) else {
            let dictionary = Self.firstLines(labels: labels, in: source)
            firstLines = labels.map { dictionary[Self.key(source[$0])]! }
            keyBytes = []
            sorted = []
            self.dictionary = dictionary
            return
        }
        var keyBytes: [UInt8] = []
        keyBytes.reserveCapacity(labels.reduce(0) { $0 + $1.count })
        let keys = labels.map { label in
            let start = keyBytes.count
            keyBytes.append(contentsOf: source[label].lazy.map(Byte.lowercased))
            return start..<keyBytes.count
        }
        var firstLines = [Int](repeating: 0, count: labels.count)
        var sorted: [(key: Range<Int>, line: Int)] = []
        keyBytes.withUnsafeBufferPointer { bytes in
            func compare(_ a: Int, _ b: Int) -> Int {
                bytes.baseAddress.map { Self.compare($0 + keys[a].lowerBound, keys[a].count, $0 + keys[b].lowerBound, keys[b].count) } ?? 0
            }
            // Lines in the order of their keys, equal keys in line order: each run's first line is its key's first.
            for line in labels.indices.sorted(by: { a, b in
                let order = compare(a, b)
                return order < 0 || order == 0 && a < b
            }) {
                if let last = sorted.last, compare(last.line, line) == 0 {
                    firstLines[line] = last.line
                } else {
                    sorted.append((keys[line], line))
                    firstLines[line] = line
                }
            }
        }
        self.firstLines = firstLines
        self.keyBytes = keyBytes
        self.sorted = sorted
    }

    /// The first definition line of the key of the label at `label` in the source; nil when none has it.
    mutating func firstLine(ofLabelAt label: Range<Int>) -> Int? {
        guard !labels.isEmpty else { return nil }
        if dictionary == nil, let found = source.withUnsafeBufferPointer({ source -> Int?? in
            var hasCapital = false
            for byte in source[label] {
                if byte >= 0x80 { return nil }
                if Byte.lowercased(byte) != byte { hasCapital = true }
            }
            let start = source.baseAddress! + label.lowerBound
            guard hasCapital else { return .some(find(start, label.count)) }
            return .some(withUnsafeTemporaryAllocation(of: UInt8.self, capacity: label.count) { lowered in
                for index in lowered.indices { lowered[index] = Byte.lowercased(start[index]) }
                return find(UnsafePointer(lowered.baseAddress!), label.count)
            })
        }) { return found }
        if dictionary == nil { dictionary = Self.firstLines(labels: labels, in: source) }
        return dictionary?[Self.key(source[label])]
    }

    /// The first line of the key of `count` bytes at `key`, by binary search.
    private func find(_ key: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        keyBytes.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let order = Self.compare(base + sorted[middle].key.lowerBound, sorted[middle].key.count, key, count)
                if order == 0 { return sorted[middle].line }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// Negative, zero or positive as the `aCount` bytes at `a` sort before, with or after the `bCount` bytes at `b`.
    private static func compare(_ a: UnsafePointer<UInt8>, _ aCount: Int, _ b: UnsafePointer<UInt8>, _ bCount: Int) -> Int {
        let order = memcmp(a, b, min(aCount, bCount))
        return order != 0 ? Int(order) : aCount - bCount
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
