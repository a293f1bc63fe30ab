import Foundation
import Testing
@testable import NoteParser

@Suite struct FileReaderTests {
    static func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-reader-\(UUID().uuidString).md").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4095, 4096, 70_000])
    func readsWholeFiles(size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try FileReader.bytes(at: path, maxBytes: 1 << 20) == bytes)
    }

    @Test func refusesFilesOverTheLimitAndFolders() throws {
        let path = try Self.temporaryFile(Array(repeating: 0x61, count: 100))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: FileReader.Failure.self) { try FileReader.bytes(at: path, maxBytes: 99) }
        #expect(throws: FileReader.Failure.self) { try FileReader.bytes(at: FileManager.default.temporaryDirectory.path, maxBytes: 99) }
        #expect(throws: FileReader.Failure.self) { try FileReader.bytes(at: path + ".missing", maxBytes: 99) }
    }

    #if os(Linux)
    /// Files that report size 0 are read to their end.
    @Test func readsFilesThatReportNoSize() throws {
        let bytes = try FileReader.bytes(at: "/proc/self/status", maxBytes: 1 << 20)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
    }
    #endif
}
