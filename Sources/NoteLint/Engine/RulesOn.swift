import Foundation
import NoteConfiguration

/// The indices of a linter's rules that configurations turn on, worked out once for all the notes
/// whose configurations set the same severities and presets (all a rule's severity depends on),
/// rather than a severity lookup per rule and note. Shared by the copies of a `Linter`.
final class RulesOn: @unchecked Sendable {
    private let lock = NSLock()
    /// Few: one per distinct setting of the vault's configurations, at most `limit` (the oldest
    /// dropped), so that a long watch or language-server session editing its configuration stays flat.
    private var known: [(rules: [String: Configuration.Level], presets: [String], indices: [Int])] = []
    static let limit = 64

    /// How many settings are remembered.
    var count: Int { lock.withLock { known.count } }

    /// The indices on in `configuration`, from `compute` the first time its settings are seen.
    func indices(_ configuration: Configuration, compute: (Configuration) -> [Int]) -> [Int] {
        let (rules, presets) = (configuration.rules, configuration.presets)
        lock.lock()
        let found = known.first { $0.rules == rules && $0.presets == presets }?.indices
        lock.unlock()
        if let found { return found }
        let indices = compute(configuration)
        lock.lock()
        if known.count >= Self.limit { known.removeFirst() }
        known.append((rules, presets, indices))
        lock.unlock()
        return indices
    }
}
