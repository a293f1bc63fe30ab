// swift-tools-version:6.0
import PackageDescription

let mustache = Target.Dependency.product(name: "Mustache", package: "swift-mustache")

let package = Package(
    name: "notekit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notekit", targets: ["notekit"]),
        .library(name: "NoteParser", targets: ["NoteParser"]),
        .library(name: "NoteConfiguration", targets: ["NoteConfiguration"]),
        .library(name: "NoteLint", targets: ["NoteLint"]),
        .library(name: "NoteLintReporters", targets: ["NoteLintReporters"]),
        .library(name: "NoteCitations", targets: ["NoteCitations"]),
        .library(name: "CitationReports", targets: ["CitationReports"]),
        .library(name: "NoteRender", targets: ["NoteRender"]),
        .library(name: "NoteFix", targets: ["NoteFix"]),
        .library(name: "NoteMigrate", targets: ["NoteMigrate"]),
        .library(name: "NoteTemplates", targets: ["NoteTemplates"]),
        .library(name: "NoteWorkspace", targets: ["NoteWorkspace"]),
        .library(name: "NoteWatch", targets: ["NoteWatch"]),
        .library(name: "NoteLSP", targets: ["NoteLSP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // C helpers for cmark-gfm: a per-thread bump allocator (arena.c), literals read in place
        // (node_text.c), parallel inline passes (inline_pass.c), text-node merging (consolidate.c) and
        // label case folding (case_fold.c; see docs/architecture.md).
        .target(name: "CmarkSupport", dependencies: ["CCmarkGFM"]),
        .target(name: "NoteParser", dependencies: ["CCmarkGFM", "CmarkSupport", "Yams"]),
        // `.notekit.yml`: settings, loading and decoding, checked against a RuleCatalog NoteLint supplies.
        .target(name: "NoteConfiguration", dependencies: ["NoteParser", "Yams"]),
        .target(name: "NoteLint", dependencies: ["NoteParser", "NoteConfiguration", "NoteCitations", "Yams"]),
        .target(name: "NoteLintReporters", dependencies: ["NoteLint", "NoteParser"]),
        .target(name: "NoteCitations", dependencies: ["NoteParser"]),
        // Templates/ compiled in (scripts/embed-templates.py), or a --templates folder.
        .target(name: "NoteTemplates"),
        // Mustache templates parsed once and rendered into one buffer, without protocol casts.
        .target(name: "NoteMustache"),
        .target(name: "CitationReports", dependencies: ["NoteCitations", "NoteTemplates", "NoteMustache"]),
        .target(name: "NoteRender", dependencies: ["CCmarkGFM", "CmarkSupport", "NoteParser", "NoteConfiguration", "NoteTemplates", "NoteMustache", "Yams"]),
        .target(name: "NoteFix", dependencies: ["NoteParser", "NoteLint"]),
        // A vault in memory, re-checked one note at a time (for watch and lsp).
        .target(name: "NoteWorkspace", dependencies: ["NoteParser", "NoteLint"]),
        // notekit watch: inotify (Linux), the batch logic over a Workspace.
        .target(name: "NoteWatch", dependencies: ["NoteParser", "NoteLint", "NoteFix", "NoteWorkspace"]),
        // notekit lsp: a Language Server Protocol server over a Workspace (own JSON-RPC layer).
        .target(name: "NoteLSP", dependencies: ["NoteParser", "NoteLint", "NoteLintReporters", "NoteCitations", "NoteFix", "NoteWorkspace"]),
        .target(name: "NoteMigrate", dependencies: ["NoteParser", "NoteFix", "Yams"]),
        .executableTarget(
            name: "notekit",
            dependencies: [
                "NoteParser",
                "NoteLint",
                "NoteLintReporters",
                "NoteCitations",
                "CitationReports",
                "NoteRender",
                "NoteFix",
                "NoteMigrate",
                "NoteTemplates",
                "NoteWorkspace",
                "NoteWatch",
                "NoteLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target (scripts/fuzz-ci.sh, `make fuzz`); a plain build replays inputs given as arguments.
        .executableTarget(name: "NotekitFuzz", dependencies: ["NoteParser", "NoteLint", "NoteFix", "NoteRender"]),
        // Parses in parallel and prints the inline pass mode, for ConcurrentParseTests to run.
        .executableTarget(name: "CmarkModeProbe", dependencies: ["NoteParser", "CmarkSupport"], path: "Tests/CmarkModeProbe"),
        .testTarget(name: "NoteParserTests", dependencies: ["NoteParser", "CmarkSupport", "Yams", "CmarkModeProbe"]),
        .testTarget(name: "NoteConfigurationTests", dependencies: ["NoteConfiguration", "NoteParser"]),
        .testTarget(name: "NoteLintTests", dependencies: ["NoteLint", "NoteLintReporters", "NoteParser", "NoteCitations", "NoteFix"]),
        .testTarget(name: "NoteCitationsTests", dependencies: ["NoteCitations", "CitationReports", "NoteTemplates"]),
        // The Mustache specification's cases, and NoteMustache against swift-mustache (test-only) on the built-in templates.
        .testTarget(name: "NoteMustacheTests", dependencies: ["NoteMustache", "NoteRender", "NoteParser", "NoteCitations", "CitationReports",
                                                              "NoteTemplates", mustache],
                    exclude: ["Spec"]),
        .testTarget(name: "NoteRenderTests", dependencies: ["NoteRender", "NoteParser", "NoteLint", "NoteTemplates"]),
        .testTarget(name: "NoteFixTests", dependencies: ["NoteFix", "NoteLint", "NoteParser"]),
        .testTarget(name: "NoteWorkspaceTests", dependencies: ["NoteWorkspace", "NoteLint", "NoteLintReporters", "NoteParser"]),
        .testTarget(name: "NoteWatchTests", dependencies: ["NoteWatch", "NoteParser"]),
        .testTarget(name: "NoteLSPTests", dependencies: ["NoteLSP", "NoteWorkspace", "NoteFix", "NoteLint", "NoteParser"]),
        .testTarget(name: "NoteMigrateTests", dependencies: ["NoteMigrate", "NoteFix", "NoteParser"]),
        // Runs the built binary; depending on it makes `swift test` build it first.
        .testTarget(name: "NotekitCLITests", dependencies: ["notekit"]),
        .testTarget(name: "HardeningTests", dependencies: ["NotekitFuzz", "NoteFix", "NoteLint", "NoteLintReporters", "NoteParser", "NoteRender"],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
