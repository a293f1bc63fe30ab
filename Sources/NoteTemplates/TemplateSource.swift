import Foundation

/// Where the Mustache templates and the stylesheet of rendered pages and reports come from:
/// the copies of the package's `Templates/` compiled into notekit, or a folder given with
/// `--templates DIR` (the one lookup; no folder is searched for).
public enum TemplateSource: Sendable, Equatable {
    /// The templates compiled into notekit.
    case compiledIn
    /// The files of a folder.
    case directory(URL)

    /// `--templates DIR` when given, else the compiled-in templates.
    public init(directory: String?) {
        self = directory.map { .directory(URL(fileURLWithPath: $0)) } ?? .compiledIn
    }

    /// The text of the file `name` (such as `page.mustache`); nil when this source lacks it
    /// or it is not UTF-8.
    public func text(of name: String) -> String? {
        switch self {
        case .compiledIn: return Self.builtIn[name]
        case .directory(let folder): return try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
    }

    /// Where `name` is read from, for messages: its path, or "built-in NAME".
    public func location(of name: String) -> String {
        switch self {
        case .compiledIn: return "built-in \(name)"
        case .directory(let folder): return folder.appendingPathComponent(name).path
        }
    }
}
