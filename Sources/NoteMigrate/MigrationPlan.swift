import NoteParser

/// A declarative front-matter migration: steps applied to every note of a vault.
public struct MigrationPlan: Sendable {
    public let steps: [MigrationStep]

    public init(steps: [MigrationStep]) { self.steps = steps }
}

/// A plan that cannot be used, reported as `PLAN.yml:line:col: error: message`.
public typealias PlanError = ConfigurationError

/// One step of a plan: what it does, and which notes it applies to.
public struct MigrationStep: Sendable {
    /// What a step does to the front matter of a note.
    public enum Action: Sendable, Equatable {
        /// Renames a key; refused when `to` exists, unless `overwrite` (which deletes it).
        case rename(from: String, to: String, overwrite: Bool)
        /// Deletes keys.
        case delete(keys: [String])
        /// Sets a key that is missing or empty to a rendered template.
        case set(key: String, value: ValueTemplate)
        /// Replaces a key's string value by its canonical form (`values`: alias → canonical).
        case map(key: String, values: [String: String], caseInsensitive: Bool)
        /// Rewrites values in house style; `keys` nil means every key the style applies to.
        case convert(style: ConvertStyle, keys: [String]?)
        /// Moves entries so that `keys` come first in this order; the others follow in their order.
        case reorder(keys: [String])
    }

    /// The house styles `convert` writes.
    public enum ConvertStyle: String, Sendable, CaseIterable {
        /// Flow lists and single strings become block lists (`  - Tag`).
        case tags
        /// Quoted `YYYY-MM-DD` strings become unquoted dates.
        case dates
        /// Quoted strings lose their quotes where YAML allows, else use single quotes.
        case quotes
    }

    public let action: Action
    /// Vault-relative path globs; empty means every note.
    public let paths: [Glob]
    /// Key → value a note must have (as text, or as an item of a list), all of them.
    public let conditions: [(key: String, value: String)]
    /// The plan line the step starts on.
    public let line: Int

    public init(action: Action, paths: [Glob] = [], conditions: [(key: String, value: String)] = [], line: Int = 0) {
        self.action = action
        self.paths = paths
        self.conditions = conditions
        self.line = line
    }

    /// The step kind as written in plans, e.g. `rename`.
    public var kind: String {
        switch action {
        case .rename: return "rename"
        case .delete: return "delete"
        case .set: return "set"
        case .map: return "map"
        case .convert: return "convert"
        case .reorder: return "reorder"
        }
    }

    /// Who asks for this step's edits in reports: `migrate/<kind>`.
    public var origin: String { "migrate/\(kind)" }
}
