@testable import NoteParser
import Testing

/// `ASCIISet`: a byte is in the set exactly when it is one of its ASCII characters' bytes.
@Suite struct ASCIISetTests {
    @Test(arguments: ["", " \t\n\r", "\\[]^*_`<>|!#~=%", "?@AZaz{}\u{7F}\u{0}", "é€ab"])
    func containsExactlyItsASCIIBytes(_ characters: String) {
        let set = ASCIISet(characters)
        let expected = Set(characters.utf8.filter { $0 < 128 })
        for byte in UInt8.min...UInt8.max {
            #expect(set.contains(byte) == expected.contains(byte), "\(byte) in \(characters.debugDescription)")
        }
    }
}
