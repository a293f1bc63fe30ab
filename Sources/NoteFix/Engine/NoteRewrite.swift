import NoteLint
import NoteParser

/// The planned new content of one note.
public struct NoteRewrite: Sendable {
    public let path: String
    public let original: [UInt8]
    public let result: [UInt8]
    /// Every edit applied, pass after pass.
    public var applied: [PlannedEdit] { passes.flatMap { $0 } }
    /// The edits applied by each pass, each in the coordinates of that pass's input
    /// (the first pass's in `original`'s); applying them in turn to `original` gives `result`.
    public let passes: [[PlannedEdit]]
    public let conflicts: [EditConflict]
    public let refused: [RefusedEdit]

    public var isChanged: Bool { result != original }

    init(path: String, original: [UInt8], result: [UInt8], passes: [[PlannedEdit]],
         conflicts: [EditConflict] = [], refused: [RefusedEdit] = []) {
        self.path = path
        self.original = original
        self.result = result
        self.passes = passes.filter { !$0.isEmpty }
        self.conflicts = conflicts
        self.refused = refused
    }

    /// Why a rewrite is refused whole.
    struct Refusal: Error {
        let reason: String
    }

    /// This rewrite, checked as `fix` checks each pass (`reparse`): when its result would not
    /// parse, or would parse with a problem `note` (what it rewrites) does not have, the note is
    /// left unchanged and every edit refused with the reason.
    public func verified(against note: Note) -> NoteRewrite {
        guard isChanged, case .failure(let refusal) = Self.reparse(result, path: path, comparedWith: note, parser: NoteParser())
        else { return self }
        return NoteRewrite(path: path, original: original, result: original, passes: [],
                           refused: refused + applied.map { RefusedEdit(edit: $0, reason: refusal.reason) })
    }

    /// The note that rewritten `bytes` parse to; a refusal when they do not parse, or parse with
    /// a diagnostic (by code) that `original` did not have.
    static func reparse(_ bytes: [UInt8], path: String, comparedWith original: Note, parser: NoteParser) -> Result<Note, Refusal> {
        let result: Note
        do {
            result = try parser.parse(bytes: bytes, path: path)
        } catch {
            return .failure(Refusal(reason: "the rewrite could not be parsed: \(error.message)"))
        }
        var budget = Dictionary(original.diagnostics.map { ($0.code, 1) }, uniquingKeysWith: +)
        for diagnostic in result.diagnostics {
            guard let left = budget[diagnostic.code], left > 0 else {
                return .failure(Refusal(reason: "the rewrite would parse with a new problem (\(diagnostic.description)); note left unchanged"))
            }
            budget[diagnostic.code] = left - 1
        }
        return .success(result)
    }

    /// Applies `edits` to `note` in one pass (non-overlapping; conflicts and refusals reported).
    ///
    /// Edits are taken in the order they apply (`EditApplier.inApplicationOrder`: by position,
    /// insertions before replacements that start at the same byte, then in the order given), as
    /// `EditSelection` takes them: an edit outside the file, or one touching a front matter with
    /// a YAML error, is refused; one clashing with an edit already kept is dropped as a conflict;
    /// an exact repeat of a kept edit is applied once.
    public static func plan(_ note: Note, edits: [PlannedEdit]) -> NoteRewrite {
        var selection = EditSelection(note: note)
        for planned in EditApplier.inApplicationOrder(edits, edit: \.edit) {
            selection.take([planned])
        }
        return NoteRewrite(path: note.path, original: note.source.bytes, result: selection.result, passes: [selection.taken],
                           conflicts: selection.conflicts, refused: selection.refused)
    }

    /// Why `edit` may not be applied to `note`, or nil: it lies outside the file, or it touches
    /// a front matter that has a YAML error or is one `{...}` flow mapping (edits are of lines).
    static func refusal(of edit: Edit, in note: Note) -> String? {
        let range = edit.range, size = note.source.bytes.count
        if range.lowerBound < 0 || range.upperBound > size {
            return "bytes \(range.lowerBound)..<\(range.upperBound) lie outside the file (\(size) bytes)"
        }
        if let frontMatter = note.frontMatter, let error = frontMatter.error, touches(range, frontMatter.range.bytes) {
            return "the front matter has a YAML error (\(error.description)); fix it by hand first"
        }
        if let frontMatter = note.frontMatter, frontMatter.isFlow, touches(range, frontMatter.range.bytes) {
            return "the front matter is one {...} flow mapping; edit it by hand"
        }
        return nil
    }

    /// True when an edit of `range` changes bytes of `block`; an insertion counts from the
    /// block's first byte up to (not including) its end.
    static func touches(_ range: Range<Int>, _ block: Range<Int>) -> Bool {
        range.isEmpty ? block.contains(range.lowerBound) : range.overlaps(block)
    }
}
