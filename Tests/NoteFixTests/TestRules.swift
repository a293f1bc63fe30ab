import NoteLint
import NoteParser

/// Rules with made-up fixes, to drive `NoteFixer` into overlaps, broken results and endless fixing.
protocol ReplacingRule: Rule {
    /// The text whose first occurrence the rule flags.
    static var target: String { get }
    /// The edit fixing an occurrence at `offset` in `bytes`.
    static func edit(at offset: Int, in bytes: [UInt8]) -> Edit
}

extension ReplacingRule {
    static func describe(_ id: String) -> RuleDescription {
        RuleDescription(id: id, severity: .warning, summary: "test", rationale: "test", triggering: [], nonTriggering: [])
    }

    func check(_ context: NoteContext) -> [Finding] {
        let bytes = context.note.source.bytes, target = Array(Self.target.utf8)
        guard let offset = bytes.indices.first(where: { bytes[$0...].starts(with: target) }) else { return [] }
        return [context.finding(self, bytes: offset..<(offset + target.count), "found \(Self.target)",
                                fix: Fix("change \(Self.target)", edits: [Self.edit(at: offset, in: bytes)]))]
    }
}

/// `ab` → `XY`.
struct ABRule: ReplacingRule {
    static let description = describe("test/ab")
    static let target = "ab"
    static func edit(at offset: Int, in bytes: [UInt8]) -> Edit { Edit(range: offset..<(offset + 2), replacement: "XY") }
}

/// `bc` → `ZZ`, overlapping `ABRule`'s edit in `abc`.
struct BCRule: ReplacingRule {
    static let description = describe("test/bc")
    static let target = "bc"
    static func edit(at offset: Int, in bytes: [UInt8]) -> Edit { Edit(range: offset..<(offset + 2), replacement: "ZZ") }
}

/// `title: a` → `title: [`, a YAML error in a front matter.
struct BreakYAMLRule: ReplacingRule {
    static let description = describe("test/break-yaml")
    static let target = "title: a"
    static func edit(at offset: Int, in bytes: [UInt8]) -> Edit { Edit(range: (offset + 7)..<(offset + 8), replacement: "[") }
}

/// While the note says `grow`, appends `!`: never settles.
struct GrowRule: ReplacingRule {
    static let description = describe("test/grow")
    static let target = "grow"
    static func edit(at offset: Int, in bytes: [UInt8]) -> Edit { Edit(range: bytes.count..<bytes.count, replacement: "!") }
}
