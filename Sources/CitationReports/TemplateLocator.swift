import Foundation

/// Finds the Mustache templates of reports: in `--templates DIR` when given, else in
/// `./Templates`, else in the first `Templates` folder found walking up from the
/// executable's directory (so a built notekit finds the repository's templates).
public struct TemplateLocator: Sendable {
    /// The folder given on the command line, if any.
    public let explicitDirectory: String?

    public init(explicitDirectory: String? = nil) { self.explicitDirectory = explicitDirectory }

    public struct NotFound: Error, CustomStringConvertible {
        public let name: String
        public let searched: [String]
        public var description: String { "template \(name) not found in: \(searched.joined(separator: ", "))" }
    }

    /// The path of `name` (e.g. `citations-report.mustache`).
    public func path(of name: String) throws(NotFound) -> String {
        let candidates = directories()
        for directory in candidates {
            let path = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        throw NotFound(name: name, searched: candidates)
    }

    private func directories() -> [String] {
        if let explicitDirectory { return [explicitDirectory] }
        var found = ["Templates"]
        var directory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            found.append(directory.appendingPathComponent("Templates").path)
            directory.deleteLastPathComponent()
        }
        return found
    }
}
