import Foundation
import NoteLint
import NoteParser
@testable import NoteRender

/// A small vault written for the site tests: every wikilink, embed and transclusion form,
/// published and unpublished notes, shared sources, tags, and notes that try to run script.
enum SiteFixture {
    static let files: [String: String] = [
        "essays/Harbour Walls.md": """
            ---
            title: Harbour Walls
            lede: Why walls outlast their builders.
            date_created: 2025-03-01
            date_modified: 2025-03-04
            tags: [Coast, Engineering]
            authors: [Ana Reyes]
            ---
            The wall is old.[^w1] See [[Tide Tables]], [[Tide Tables|the tables]], [[Tide Tables#Spring Tides]],
            [[concepts/Tide Tables#^springs]], [[Neap]] (an alias), [[#Maintenance]], [[Private Plans]] and [[Nowhere]].

            ![[wall.png]] and [[plans.pdf]].

            ## Maintenance

            Repairs every decade.[^w2]

            ![[Tide Tables#Spring Tides]]

            ![[Tide Tables#^springs]]

            ![[Private Plans]]

            - > [!note] In a list
              > > [!warning] Nested
              > > Inner text.

            [^w1]: 2025, Jan 5. [Wall Survey](https://example.org/survey). Published: 2024-12-01 | Updated: N/A
            [^w2]: [Upkeep Costs](https://example.org/upkeep), Example Press.

            """,
        "concepts/Tide Tables.md": """
            ---
            title: Tide Tables
            aliases: [Neap]
            date_created: 2025-02-01
            tags: [Coast]
            ---
            Intro paragraph of the tables.[^t1]

            ## Spring Tides

            Spring tides run high. ^springs

            Second spring paragraph.

            ## Neap Tides

            Neap tides run low.

            [^t1]: [Wall Survey](https://example.org/survey/)

            """,
        "concepts/Loop A.md": "---\ntitle: Loop A\n---\nA text.\n\n![[Loop B]]\n",
        "concepts/Loop B.md": "---\ntitle: Loop B\n---\nB text.\n\n![[Loop A]]\n",
        "drafts/Private Plans.md": "---\ntitle: Private Plans\n---\nSECRET-PLAN text that must not be published.\n",
        "drafts/Shared Draft.md": "---\ntitle: Shared Draft\npublish: true\n---\nPublished by its front matter. Back to [[Harbour Walls]].\n",
        "essays/Withdrawn.md": "---\ntitle: Withdrawn\npublish: false\n---\nNot published although its folder is.\n",
        "essays/Script.md": """
            ---
            title: "</script><script>alert(1)</script>"
            lede: "<img src=x onerror=alert(1)>"
            tags: ["../../etc", "<b>"]
            ---
            <script>alert(2)</script> [click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>

            """,
        "wall.png": "PNG",
        "plans.pdf": "PDF",
    ]

    static let configuration = """
        site:
          title: Coast Notes
          url: https://coast.example.org/
          collections:
            Essays: essays/**
            Concepts: concepts/**
          toc_headings: 2

        """

    /// The vault, its configuration's site settings and a builder for it.
    static func vault() throws -> (vault: TemporaryVault, run: SiteRun) {
        var files = files
        files[".notekit.yml"] = configuration
        let vault = try TemporaryVault(files)
        let settings = try ConfigurationLoader.parse(configuration).site
        var run = SiteRun(settings: settings, templates: try PageTemplates(site: true), vaultRoot: vault.root.path, generator: "test")
        run.cacheFile = vault.path(".notekit_cache/site.cache")
        return (vault, run)
    }

    static func build(_ run: SiteRun, _ vault: TemporaryVault) -> SiteRun.Report {
        run.build(files: NoteFiles.collect([vault.root.path]).files, output: OutputFolder(path: vault.output.path))
    }
}
