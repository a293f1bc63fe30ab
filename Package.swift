// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "notekit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "notekit", targets: ["notekit"]),
        .library(name: "NoteParser", targets: ["NoteParser"]),
        .library(name: "NoteRender", targets: ["NoteRender"]),
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
        .target(name: "NoteParser", dependencies: ["CCmarkGFM", "Yams"]),
        .target(
            name: "NoteRender",
            dependencies: ["NoteParser", "Yams", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .executableTarget(
            name: "notekit",
            dependencies: [
                "NoteParser",
                "NoteRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NoteParserTests", dependencies: ["NoteParser"]),
        .testTarget(name: "NoteRenderTests", dependencies: ["NoteRender", "NoteParser"]),
    ],
    swiftLanguageModes: [.v5]
)
