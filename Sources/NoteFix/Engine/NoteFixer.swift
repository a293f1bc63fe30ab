import Foundation
import NoteLint
import NoteParser

/// Lints notes, applies the fixes their findings offer, re-parses and re-lints the results,
/// and repeats while new fixes appear (at most `maxPasses`), so one run reaches a fixed point.
///
/// Safe fixes apply; unsafe ones only with `Options.unsafeFixes`. Each pass applies every fix
/// of every finding (none is held back by `limits.maxFindingsPerFile`) as `EditSelection`
/// takes them: whole or not at all; one that clashes with a fix already taken in the same pass
/// waits for the next pass (the re-lint offers it again if it still applies), one with an edit
/// `NoteRewrite.refusal` refuses is refused whole. A note whose rewrite would re-parse with a
/// diagnostic the original did not have is left as it was, every edit refused. Fixes compute
/// their edits (`Fix.edits`) here, when applied, not when linting.
public struct NoteFixer: Sendable {
    /// Which fixes to apply.
    public struct Options: Sendable {
        /// The rules whose fixes apply.
        public var rules: RuleSelection
        /// Also apply unsafe fixes (they delete text, merge sources or guess); safe fixes always apply.
        public var unsafeFixes: Bool
        /// Set an existing `date_modified` entry to `today` in every note whose content changed;
        /// notes without the key are not given one.
        public var touchModified: Bool
        /// `YYYY-MM-DD` for `touchModified`.
        public var today: String

        public init(rules: RuleSelection = RuleSelection(), unsafeFixes: Bool = false, touchModified: Bool = false,
                    today: String = NoteFixer.today()) {
            self.rules = rules
            self.unsafeFixes = unsafeFixes
            self.touchModified = touchModified
            self.today = today
        }
    }

    /// What a run planned.
    public struct Result: Sendable {
        /// One rewrite per linted note, in input order (unchanged notes included).
        public let rewrites: [NoteRewrite]
        /// Files that could not be read or parsed.
        public let errors: [NoteError]
        /// Notes that still had fixes to apply after `maxPasses` passes: fixes that would change them.
        public let unsettled: [String]
        /// Unsafe fixes (of the selected rules) left unapplied because `unsafeFixes` was off.
        public let unsafeLeft: Int
    }

    public static let maxPasses = 10
    /// The origin of `touchModified` edits.
    public static let touchOrigin = "fix/touch-modified"

    public let linter: Linter
    public let options: Options

    public init(linter: Linter = Linter(), options: Options = Options()) {
        self.linter = linter
        self.options = options
    }

    /// Plans the rewrites of `inputs` as part of the vault rooted at `root`, linted as
    /// `Linter.lint(_:vaultRoot:configuration:)` lints them: the vault's other notes are context.
    public func fix(_ inputs: [Linter.Input], vaultRoot root: String,
                    configuration: @escaping @Sendable (String) throws -> Configuration) rethrows -> Result {
        let vaultFiles = NoteFiles.vaultFiles(under: root)
        return try fix(inputs, context: Linter.context(for: inputs, root: root, vaultFiles: vaultFiles), vaultFiles: vaultFiles,
                       configuration: configuration)
    }

    /// Plans the rewrites of `inputs`, linted as `Linter.lint` lints them (`context`: the
    /// vault's other notes, seen by vault rules, never rewritten). Notes are told apart by
    /// their paths' bytes (`ExactPath`).
    public func fix(_ inputs: [Linter.Input], context: [Linter.Input] = [], vaultFiles: [String]? = nil,
                    configuration: @escaping @Sendable (String) throws -> Configuration) rethrows -> Result {
        // Every fix applies, not only those of the findings a report shows (limits.maxFindingsPerFile).
        let lint = try linter.lint(inputs, context: context, vaultFiles: vaultFiles) { path in
            var configuration = try configuration(path)
            configuration.limits.maxFindingsPerFile = .max
            return configuration
        }
        var states = lint.contexts.map(NoteState.init(original:))
        for (position, check) in zip(states.indices, lint.checks) { states[position].check = check }
        let index = Dictionary(lint.contexts.enumerated().map { (ExactPath($1.note.path), $0) }, uniquingKeysWith: { first, _ in first })
        let files = vaultFiles ?? (lint.contexts + lint.context).map(\.vaultPath)
        var findings = lint.findings
        var unsettled: [String] = []
        for pass in 0...Self.maxPasses {
            let fixes = Dictionary(grouping: findings.filter(applies)) { ExactPath($0.path) }.compactMapValues { findings in
                findings.compactMap { finding in
                    finding.fix.map { fix in fix.edits.map { PlannedEdit(edit: $0, origin: finding.ruleID, summary: fix.summary) } }
                }
            }
            guard pass < Self.maxPasses else {
                unsettled = fixes.compactMap { path, fixes in
                    index[path].flatMap { states[$0].frozen || !states[$0].selection(of: fixes).changes ? nil : path }
                }.sorted().map(\.description)
                break
            }
            var changed = false
            for (path, fixes) in fixes {
                guard let position = index[path], !states[position].frozen else { continue }
                changed = states[position].apply(fixes) || changed
            }
            for position in states.indices where fixes[ExactPath(states[position].current.note.path)] == nil {
                states[position].settle()
            }
            guard changed else { break }
            // Re-lint the notes as they now stand, without parsing them again; the note rules
            // run again only on the notes this pass changed.
            var checks = states.map(\.check)
            findings = linter.lint(states.map(\.current), context: lint.context, vaultFiles: files, checks: &checks)
            for (position, check) in zip(states.indices, checks) { states[position].check = check }
        }
        if options.touchModified {
            for position in states.indices where states[position].isChanged {
                if let edit = touchEdit(states[position].current.note) {
                    _ = states[position].apply([edit])
                }
            }
        }
        let unsafeLeft = options.unsafeFixes ? 0 : findings.count { finding in
            finding.fix?.applicability == .unsafe && isSelected(finding)
        }
        return Result(rewrites: states.map(\.rewrite), errors: lint.errors, unsettled: unsettled, unsafeLeft: unsafeLeft)
    }

    /// True when the finding's fix is one this run applies.
    func applies(_ finding: Finding) -> Bool {
        guard let fix = finding.fix, fix.applies(unsafe: options.unsafeFixes) else { return false }
        return isSelected(finding)
    }

    /// True when `options.rules` covers the finding's rule.
    func isSelected(_ finding: Finding) -> Bool {
        options.rules.includes(finding.ruleID)
    }

    /// An edit setting `date_modified` to today, when the note has that key as a one-line
    /// scalar in a valid front matter and it is not already today.
    public func touchEdit(_ note: Note) -> [PlannedEdit]? {
        guard let frontMatter = note.frontMatter, frontMatter.error == nil, frontMatter.closingDelimiter != nil,
              let entry = frontMatter.entry("date_modified") else { return nil }
        let written = note.text(entry.valueRange)
        guard written != options.today, !written.contains(where: \.isNewline), !written.contains("#"),
              let scalar = FrontMatterEmitter.scalar(.timestamp(options.today), key: entry.key) else { return nil }
        let range = entry.valueRange.bytes
        let spaced = range.lowerBound > 0 && note.source.bytes[range.lowerBound - 1] == UInt8(ascii: ":")
        return [PlannedEdit(edit: Edit(range: range, replacement: (spaced ? " " : "") + scalar),
                            origin: Self.touchOrigin, summary: "set date_modified to \(options.today)")]
    }

    /// Today's date in the local time zone, `YYYY-MM-DD`.
    public static func today() -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
