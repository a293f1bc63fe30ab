import Foundation
import Testing

/// `notekit citations registry sync` end to end: the registry folder stays inside the vault.
@Suite struct RegistryCommandTests {
    static let enabled = FileManager.default.isExecutableFile(atPath: DemoVaultTests.binary)

    @Test(.enabled(if: enabled, "notekit is not built at .build/debug/notekit"))
    func aFolderOutsideTheVaultExits2AndWritesNothing() throws {
        let folder = NSTemporaryDirectory() + "notekit-registry-cli-" + UUID().uuidString
        let vault = folder + "/vault"
        try FileManager.default.copyItem(atPath: DemoVaultTests.root.appendingPathComponent("Notes").path, toPath: vault)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/outside", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: vault + "/Linked", withDestinationPath: folder + "/outside")
        for dir in ["../outside", folder + "/outside", "Linked", "Linked/Citations"] {
            let (status, output) = try DemoVaultTests.notekit(["citations", "registry", "sync", "--write", "--dir", dir, vault])
            #expect(status == 2, "\(dir)")
            #expect(output.isEmpty, "\(dir)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/outside").isEmpty)
        let (status, output) = try DemoVaultTests.notekit(["citations", "registry", "sync", "--write", "--dir", "Refs/../Citations", vault])
        #expect(status == 0)
        #expect(output.hasSuffix("16 change(s), 0 orphan(s)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: vault + "/Citations").count == 16)
    }
}
