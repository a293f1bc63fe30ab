import Foundation
import NoteLint
import Testing

/// `notekit init`'s inference on a small vault, read back by the configuration loader.
@Suite struct ConfigurationInferenceTests {
    @Test func infersCollectionsRequiredKeysTypesAndCallouts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("notekit-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let callout = "> [!Perplexity Query] asked\n> what?\n\n> [!note] built in\n> x\n"
        let essay = { (index: Int, extra: String) in
            """
            ---
            title: 'Essay \(index): a study'
            date_created: 2025-01-0\(index)
            uuid: 0b6f2a4e-1c3d-4e5f-8a9b-\(index)c2d3e4f5a6b
            published: \(index == 1)
            source: https://example.com/\(index)
            \(extra)
            ---
            \(callout)
            """
        }
        try write(root, [
            "essays/one.md": essay(1, "tags: [AI, Research]"),
            "essays/two.md": essay(2, "tags: [AI]"),
            "essays/three.md": essay(3, "lede: short"),
            "concepts/a.md": "---\ntitle: A\n---\n",
            "concepts/b.md": "---\ntitle: B\n---\n> [!rare] once\n",
            "top.md": "---\ntitle: Top\n---\n",
        ])
        let yaml = ConfigurationInference(vaultAt: root.path).yaml
        let configuration = try ConfigurationLoader.parse(yaml)
        #expect(configuration.collections.map(\.name) == ["essays"], "\(yaml)")
        let essays = try #require(configuration.collections.first)
        #expect(essays.paths == ["essays/**"])
        #expect(essays.required == ["date_created", "published", "source", "title", "uuid"])
        #expect(essays.keys["date_created"]?.type == .date)
        #expect(essays.keys["uuid"]?.type == .uuid)
        #expect(essays.keys["published"]?.type == .bool)
        #expect(essays.keys["source"]?.type == .url)
        #expect(essays.keys["tags"]?.type == .tags)
        #expect(essays.keys["title"]?.type == .string)
        #expect(essays.keys["lede"]?.type == .string)
        #expect(configuration.calloutTypes == ["Perplexity Query"])
    }

    private func write(_ root: URL, _ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
