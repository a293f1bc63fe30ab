/// Everything a rule says about itself: identity, default severity, documentation and
/// the examples that are both its documentation and its tests.
public struct RuleDescription: Sendable {
    /// Where a rule looks: at one note, or at all linted notes together.
    public enum Scope: String, Sendable { case note, vault }

    /// What a finding of the rule is: something broken, or a departure from a named house style
    /// (the note renders fine; the finding is a matter of taste). Style rules run only in a
    /// configuration that extends their style's preset (`Preset`) or gives them a level.
    public enum Category: Hashable, Sendable, CustomStringConvertible {
        case correctness
        case style(String)

        /// The house style of research vaults: base36 footnote ids, block-list tags, unquoted URLs, `***` rules.
        public static let researchVault = Category.style("research-vault")

        /// `correctness`, or `style (NAME)`.
        public var description: String {
            switch self {
            case .correctness: "correctness"
            case .style(let name): "style (\(name))"
            }
        }

        /// The style's name (its preset), nil for correctness.
        public var style: String? {
            if case .style(let name) = self { name } else { nil }
        }
    }

    /// The id users write in configuration, e.g. `citation/undefined`.
    public let id: String
    public let severity: Severity
    /// False for a rule that runs only when `.notekit.yml` gives it a level.
    public let isEnabledByDefault: Bool
    public let scope: Scope
    public let category: Category
    /// What the rule reads of a note beyond its front matter and Markdown tree (with code,
    /// headings, thematic breaks, links and tables): a lint run parses each note for only the
    /// scans its enabled rules read (`Linter.scans(for:)`).
    public let reads: NoteParser.Scans
    /// One line: what is wrong.
    public let summary: String
    /// Why it matters.
    public let rationale: String
    /// Notes that must produce findings, at each `↓` marker exactly.
    public let triggering: [RuleExample]
    /// Notes that must produce no finding.
    public let nonTriggering: [RuleExample]
    /// Notes before and after the rule's fixes (marker-free).
    public let corrections: [RuleCorrection]
    /// The applicabilities the rule's fixes may have; empty when it offers none (by default
    /// `[.safe]` when the rule shows corrections).
    public let fixApplicability: Set<Fix.Applicability>
    /// The choices `.notekit.yml` can make for the rule (`rules: {ID: {NAME: VALUE}}`).
    public let options: [RuleOptionDeclaration]

    /// Where the description is written: where a failing example written as a bare string
    /// literal is reported (examples written `RuleExample(...)` carry their own location).
    public let location: ExampleLocation

    public init(id: String, severity: Severity, enabledByDefault: Bool = true, scope: Scope = .note,
                category: Category = .correctness, reads: NoteParser.Scans = [], summary: String,
                rationale: String, triggering: [RuleExample], nonTriggering: [RuleExample], corrections: [RuleCorrection] = [],
                fixApplicability: Set<Fix.Applicability>? = nil, options: [RuleOptionDeclaration] = [],
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) {
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
        self.id = id
        self.severity = severity
        self.isEnabledByDefault = enabledByDefault
        self.scope = scope
        self.category = category
        self.reads = reads
        self.summary = summary
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
        self.corrections = corrections
        self.fixApplicability = fixApplicability ?? (corrections.isEmpty ? [] : [.safe])
        self.options = options
    }

    /// How the rule's fixes apply, for documentation: `safe`, `unsafe`, `safe or unsafe`, or `no`.
    public var fixSummary: String {
        switch (fixApplicability.contains(.safe), fixApplicability.contains(.unsafe)) {
        case (true, true): return "safe or unsafe"
        case (true, false): return "safe"
        case (false, true): return "unsafe"
        case (false, false): return "no"
        }
    }

    /// The severity the rule runs at when not configured; nil when it is off by default.
    public var defaultSeverity: Severity? { isEnabledByDefault ? severity : nil }
}

/// An example vault for a rule: usually one note, several for vault rules.
///
/// `↓` marks where a finding is expected to start; markers are removed before linting.
public struct RuleExample: Sendable, ExpressibleByStringLiteral {
    public static let marker = "↓"

    /// Files by path relative to the vault root, in order.
    public let files: [(path: String, text: String)]
    /// A `.notekit.yml` for the example, when it needs one.
    public let configuration: String?
    /// Whether generated variations (front matter added, text before markers) apply.
    public let variations: Bool
    /// Where the example is written; nil for a bare string literal, or `RuleExample("…")` with no
    /// other argument, which Swift reads as one (see `RuleDescription.location`).
    public let location: ExampleLocation?

    public init(_ text: String, path: String = "note.md", configuration: String? = nil, variations: Bool = true,
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) {
        self.files = [(path, text)]
        self.configuration = configuration
        self.variations = variations
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    public init(files: [(String, String)], configuration: String? = nil,
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) {
        self.files = files.map { (path: $0.0, text: $0.1) }
        self.configuration = configuration
        self.variations = false
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }

    public init(stringLiteral value: String) {
        self.files = [("note.md", value)]
        self.configuration = nil
        self.variations = true
        self.location = nil
    }
}

/// Where in notekit's source a rule example is written, for a test failing on it to point there.
public struct ExampleLocation: Sendable, Hashable {
    /// `#fileID`: `Module/File.swift`.
    public let fileID: String
    public let filePath: String
    public let line: Int
    public let column: Int
}

/// A note before and after applying a rule's fixes: its safe fixes, or also its unsafe ones
/// (as `notekit fix --unsafe-fixes` does) when `unsafe`.
public struct RuleCorrection: Sendable {
    public let before: String
    public let after: String
    public let configuration: String?
    /// The correction applies unsafe fixes too.
    public let unsafe: Bool
    /// Where the correction is written.
    public let location: ExampleLocation

    public init(_ before: String, _ after: String, configuration: String? = nil, unsafe: Bool = false,
                fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column) {
        self.before = before
        self.after = after
        self.configuration = configuration
        self.unsafe = unsafe
        self.location = ExampleLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }
}
