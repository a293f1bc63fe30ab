import Foundation
import NoteParser

/// Shows or writes rewrites: unified diffs for `.diff`, atomic writes for `.write` (AtomicFile,
/// refused when the file changed since it was read; owner, group, mode and extended attributes kept).
///
/// A write killed midway can leave a hidden `.NAME.notekit-XXXXXX` temporary beside a note
/// (the note itself is always whole, old or new); `.write` removes such leftovers beside every
/// note it is given, changed or not, unless another run still holds them.
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
            AtomicFile.removeAbandonedTemporaries(of: rewrites.map(\.path))
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
}
