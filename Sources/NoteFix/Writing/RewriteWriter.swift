import Foundation
import NoteParser

/// Shows or writes rewrites: unified diffs for `.diff`, atomic writes for `.write` (AtomicFile,
/// refused when the file changed since it was read; owner, group, mode and extended attributes kept).
///
/// A write killed midway can leave a hidden `.NAME.notekit-XXXXXX` temporary beside a note
/// (the note itself is always whole, old or new); `.write` removes such leftovers beside every
/// note it is given, changed or not, unless another run still holds them. A note that is the
/// same file as one written before it (a symbolic or hard link to it) is written once.
public struct RewriteWriter: Sendable {
    public let mode: RewriteMode

    public init(mode: RewriteMode) { self.mode = mode }

    public func commit(_ rewrites: [NoteRewrite]) -> RewriteOutcome {
        switch mode {
        case .dryRun:
            return RewriteOutcome()
        case .diff:
            let diff = rewrites.filter(\.isChanged).map { UnifiedDiff(original: $0.original, result: $0.result, path: $0.path).text }.joined()
            return RewriteOutcome(diff: diff)
        case .write:
            var written: [Int] = []
            var errors: [String] = []
            var sameFile: [String] = []
            var firstPath: [FileIdentity: String] = [:]
            AtomicFile.removeAbandonedTemporaries(of: rewrites.map(\.path))
            // Taken before any write: a write gives the file a new inode.
            let identities = rewrites.map { $0.isChanged ? FileIdentity(of: $0.path) : nil }
            for (index, rewrite) in rewrites.enumerated() where rewrite.isChanged {
                if let identity = identities[index] {
                    if let first = firstPath[identity] {
                        sameFile.append("\(rewrite.path): the same file as \(first); written once, as \(first)")
                        continue
                    }
                    firstPath[identity] = rewrite.path
                }
                do {
                    try AtomicFile.write(Data(rewrite.result), to: rewrite.path, expectedOriginal: Data(rewrite.original))
                    written.append(index)
                } catch {
                    errors.append(error.description)
                }
            }
            return RewriteOutcome(written: written, errors: errors, sameFile: sameFile)
        }
    }
}
