import Foundation
import NoteLint
import NoteParser
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

    /// Types come from the majority of values, the outliers left to lint; YAML accidents are no keys.
    @Test func typesByMajorityAndLeavesOutYAMLAccidents() throws {
        let fronts = [
            "aliases: [A, B]\ndate_created: 2024-01-01\nscore: 1\nkind: [x]\nlink:\nhttps: //example.com/a",
            "aliases: [C]\ndate_created: 2024-01-02\nscore: 2\nkind: [y]\nwww.example.com: 80",
            "aliases:\n  - D\ndate_created: '2024-01-03'\nscore: many\nkind: z",
            "aliases: E\ndate_created: Nov 2024\nscore: few\nkind: w\nftp: //example.com",
            "aliases: [F]\ndate_created: 2024-01-05\nscore: [1]\nhttp: //example.com\nwhen: 2024-01-05",
        ]
        let notes = try fronts.enumerated().map { index, front in
            (vaultPath: "n/\(index).md", note: try NoteParser().parse(bytes: Array("---\n\(front)\n---\nText.\n".utf8), path: "n/\(index).md"))
        }
        let collection = try #require(ConfigurationInference(notes: notes).collections.first)
        let types = Dictionary(uniqueKeysWithValues: collection.keys.map { ($0.key, $0.schema.type) })
        #expect(types == ["aliases": .list, "date_created": .date, "score": .string, "kind": .string, "link": .string, "when": .date],
                "\(types)")
        #expect(collection.required == ["aliases", "date_created", "score"])
        let configuration = try ConfigurationLoader.parse(ConfigurationInference(notes: notes).yaml)
        #expect(configuration.collections.first?.keys["aliases"]?.type == .list)
    }

    private func write(_ root: URL, _ files: [String: String]) throws {
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
