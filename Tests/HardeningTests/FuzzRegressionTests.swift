import Foundation
import Testing
@testable import NotekitFuzz

/// Every input the fuzzer crashed on (`Fixtures/fuzz/`), run through the fuzzer's pipeline.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fuzz")
    static let inputs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()) ?? []

    @Test func fixturesArePresent() {
        #expect(Self.inputs.count >= 4)
    }

    @Test(arguments: inputs)
    func runsThroughThePipeline(_ name: String) throws {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        let outcome = try FuzzPipeline().run(bytes)
        #expect(outcome != nil, "\(name) did not parse")
        #expect(outcome?.html.contains("<html") == true)
    }
}
