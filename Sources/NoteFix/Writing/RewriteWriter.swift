import Foundation
import NoteParser

/// Shows or writes rewrites: unified diffs for `.diff`, atomic writes for `.write` (AtomicFile,
/// refused when the file changed since it was read, file mode kept).
///
/// A write killed midway can leave a hidden `.NAME.notekit-XXXXXX` temporary beside a note
/// (the note itself is always whole, old or new); `.write` removes such leftovers beside every
/// note it is given, changed or not.
public struct RewriteWriter: Sendable {
    public let mode: RewriteMode

    public init(mode: RewriteMode) { self.mode = mode }

    public func commit(_ rewrites: [NoteRewrite]) -> RewriteOutcome {
        let changed = rewrites.filter(\.isChanged)
        switch mode {
        case .dryRun:
            return RewriteOutcome(diff: "", written: [], errors: [])
        case .diff:
            let diff = changed.map { UnifiedDiff(original: $0.original, result: $0.result, path: $0.path).text }.joined()
            return RewriteOutcome(diff: diff, written: [], errors: [])
        case .write:
            var written: [String] = []
            var errors: [String] = []
            Self.removeLeftoverTemporaries(of: rewrites.map(\.path))
            for rewrite in changed {
                do {
                    try AtomicFile.write(Data(rewrite.result), to: rewrite.path, expectedOriginal: Data(rewrite.original))
                    written.append(rewrite.path)
                } catch {
                    errors.append(error.description)
                }
            }
            return RewriteOutcome(diff: "", written: written, errors: errors)
        }
    }

    /// Deletes the `.NAME.notekit-XXXXXX` files that interrupted `AtomicFile.write`s of `paths` left.
    static func removeLeftoverTemporaries(of paths: [String]) {
        let byDirectory = Dictionary(grouping: paths.map { URL(fileURLWithPath: $0) }) { $0.deletingLastPathComponent().path }
        for (directory, urls) in byDirectory {
            let prefixes = Set(urls.map { "." + $0.lastPathComponent + ".notekit-" })
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { continue }
            for name in names where name.hasPrefix(".") && name.utf8.count > 6 {
                let prefix = String(name.dropLast(6))
                guard prefixes.contains(prefix) else { continue }
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
    }
}
