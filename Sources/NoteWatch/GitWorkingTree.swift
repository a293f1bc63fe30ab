import Foundation
import NoteParser

/// Which files of a folder differ from what git has for them: a file `git checkout`, `pull` or
/// `reset` just wrote is the same as the commit checked out (and the index), one a person edited
/// is not.
public struct GitWorkingTree: Sendable {
    /// The folder (a vault root).
    public let root: String
    /// The folder's path inside its repository (`notes/` or ""); nil outside a git work tree.
    private let prefix: String?

    public init(root: String) {
        self.root = root
        let output = GitCommand.output(["rev-parse", "--is-inside-work-tree", "--show-prefix"], in: root)
        let lines = output.map { String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) }
        prefix = lines.flatMap { $0.first == "true" && $0.count > 1 ? String($0[1]) : nil }
    }

    /// True when the folder is inside a git work tree.
    public var isRepository: Bool { prefix != nil }

    /// Of `paths` (vault paths), those git reports as changed, added or untracked. Outside a git
    /// work tree, or when git fails, every path.
    public func edited(_ paths: [String]) -> Set<String> {
        guard let prefix, !paths.isEmpty,
              let output = GitCommand.output(["-c", "core.quotePath=false", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--"] + paths, in: root)
        else { return Set(paths) }
        var edited: Set<String> = []
        var fields = output.split(separator: 0, omittingEmptySubsequences: true).makeIterator()
        while let field = fields.next() {
            guard field.count > 3 else { continue }
            let status = field.prefix(2)
            let path = String(decoding: field.dropFirst(3), as: UTF8.self)
            if status.contains(UInt8(ascii: "R")) || status.contains(UInt8(ascii: "C")) { _ = fields.next() }
            if path.hasPrefix(prefix) { edited.insert(String(path.dropFirst(prefix.count))) }
        }
        return edited
    }
}
