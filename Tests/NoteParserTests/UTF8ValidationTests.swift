import Testing
@testable import NoteParser

/// `UTF8Validation.firstInvalidOffset` (which skips ASCII runs by blocks of 64 bytes) finds the offset the
/// standard library's UTF-8 parser stops at, on generated texts of ASCII runs of every length
/// around the word sizes, valid sequences and broken ones.
@Suite struct UTF8ValidationTests {
    /// The offset of the first sequence `Unicode.UTF8.ForwardParser` rejects.
    private func expected(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    @Test func sameAsTheStandardLibrarysParser() {
        let valid = [Array("é".utf8), Array("€".utf8), Array("😀".utf8)]
        let broken: [[UInt8]] = [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5], [0x80],
                                 [0xE2, 0x82], [0xFF], [0xC3]]
        // A linear congruential generator: the same texts on every run.
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<next(5) {
                bytes += Array(repeating: UInt8(ascii: "a") + UInt8(next(26)), count: next(70))
                // Broken pieces are rare, so that most texts are valid and checked to their end.
                bytes += next(8) == 0 ? broken[next(broken.count)] : valid[next(valid.count)]
            }
            bytes += Array(repeating: UInt8(ascii: "z"), count: next(40))
            #expect(UTF8Validation.firstInvalidOffset(bytes) == expected(bytes), "\(bytes)")
        }
    }

    /// One sequence, valid or broken, at every offset of ASCII texts of 0 to 80 and 120 to 136
    /// bytes (in the first or second block of 64, or in the bytes after the last), with ASCII,
    /// CRLF or another sequence after it.
    @Test func aSequenceAtEveryOffsetOfAnASCIIText() {
        let sequences: [[UInt8]] = [Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xC3], [0x80], [0xE2, 0x82], [0xFF],
                                    [0xED, 0xA0, 0x80]]
        let afters: [[UInt8]] = [[], Array("\r\nabc".utf8), Array("ü".utf8), [0xBF]]
        for length in Array(0...80) + Array(120...136) {
            for offset in 0...length {
                for sequence in sequences {
                    for after in afters {
                        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                        bytes.insert(contentsOf: sequence + after, at: offset)
                        #expect(UTF8Validation.firstInvalidOffset(bytes) == expected(bytes), "\(bytes)")
                    }
                }
            }
        }
        #expect(UTF8Validation.firstInvalidOffset([]) == nil)
    }
}
