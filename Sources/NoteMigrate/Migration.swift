import Foundation
import NoteFix
import NoteParser

/// A plan applied to notes: steps run in order, each on the note as the steps before it leave
/// it, their edits (tagged `migrate/<kind>`) kept in the coordinates of the note as read so that
/// `NoteRewrite.plan` applies them in one pass.
public struct Migration: Sendable {
    public let plan: MigrationPlan
    /// The folder step `paths` globs are matched from.
    public let vaultRoot: String
    /// `{{today}}`, `YYYY-MM-DD`.
    public var today: String
    /// `{{git.created}}` of a note path; `FileDates.created` by default.
    public var creationDate: @Sendable (String) -> String?

    public init(plan: MigrationPlan, vaultRoot: String) {
        self.plan = plan
        self.vaultRoot = vaultRoot
        self.today = NoteFixer.today()
        self.creationDate = { FileDates.created($0) }
    }

    /// What a run over notes plans.
    public struct Run: Sendable {
        /// Notes with changes, conflicts or refusals, in path order.
        public let rewrites: [NoteRewrite]
        /// Changes a step wanted but did not make, as `path: why`.
        public let notices: [String]
        /// Notes that could not be read, as `path:line:col: error: message`.
        public let errors: [String]
    }

    /// Plans every Markdown file of `paths` (folders searched, hidden folders skipped), notes in parallel.
    public func run(_ paths: [String]) -> Run {
        let (files, missing) = NoteFiles.collect(paths)
        let notes = NoteParser().parse(files: files)
        let plans = notes.concurrentMap { parsed -> (rewrite: NoteRewrite, notices: [String])? in
            guard case .success(let note) = parsed else { return nil }
            let planned = edits(for: note)
            return (NoteRewrite.plan(note, edits: planned.edits).verified(against: note), planned.notices.map { "\(note.path): \($0)" })
        }
        var errors = missing.map(\.description)
        for case .failure(let error) in notes { errors.append(error.description) }
        let rewrites = plans.compactMap { $0?.rewrite }.filter { $0.isChanged || !$0.conflicts.isEmpty || !$0.refused.isEmpty }
        return Run(rewrites: rewrites, notices: plans.flatMap { $0?.notices ?? [] }, errors: errors)
    }

    /// The edits the plan wants in one note, and why some wanted changes were not made.
    public func edits(for note: Note) -> (edits: [PlannedEdit], notices: [String]) {
        let path = VaultPath.relative(note.path, to: vaultRoot)
        var sequence = EditSequence(note)
        var notices: [String] = []
        for step in plan.steps where step.applies(to: sequence.current, at: path) {
            let placeholders = Placeholders(note: sequence.current, today: today, creationDate: creationDate)
            let planned = StepPlanner(note: sequence.current, placeholder: placeholders.value).plan(step.action)
            notices += planned.notices
            do {
                try sequence.add(planned.edits.map { PlannedEdit(edit: $0.edit, origin: step.origin, summary: $0.summary) })
            } catch {
                notices.append("\(step.kind): \(error); this and later steps skipped")
                break
            }
        }
        return (sequence.edits, notices)
    }
}
