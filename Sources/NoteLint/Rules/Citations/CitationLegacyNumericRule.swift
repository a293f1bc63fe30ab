import NoteCitations
import NoteParser

/// `citation/legacy-numeric`: `[4]: ...` definitions and their inline `[4]` citations.
public struct CitationLegacyNumericRule: CitationProblemRule {
    public init() {}

    static let kind = CitationProblem.Kind.legacyNumeric

    /// The characters new citation ids are written with.
    public enum IDAlphabet: String, Sendable, CaseIterable {
        /// `0-9a-z`.
        case base36
        /// `0-9a-f`.
        case hex
        /// `a-z`.
        case letters

        var characters: [UInt8] {
            switch self {
            case .base36: return Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
            case .hex: return Array("0123456789abcdef".utf8)
            case .letters: return Array("abcdefghijklmnopqrstuvwxyz".utf8)
            }
        }
    }

    public static let idLength = RuleOption("idLength", default: 6, in: 4...12, "How many characters a new footnote id has.")
    public static let idAlphabet = RuleOption("idAlphabet", default: IDAlphabet.base36,
                                              "The characters of a new footnote id: `base36` (0-9a-z), `hex` (0-9a-f) or `letters` (a-z); never all digits.")

    public static let description = RuleDescription(
        id: kind.rawValue,
        severity: .warning,
        scope: .vault,
        category: .researchVault,
        reads: .citations,
        summary: "A legacy numeric citation: a `[4]: ...` definition line, or an inline `[4]` in a note that has such definitions.",
        rationale: "Numeric `[n]` citations are not footnotes: Markdown renders them as literal brackets, their numbers collide when text moves between notes, and the same source gets a different number in every note. The fix converts them to footnotes with vault-unique ids of 6 base36 characters (the `idLength` and `idAlphabet` options choose others): the id the vault already has for the same normalised URL, else one derived from the URL (so runs are reproducible); inline numbers without a definition are left alone, and so are `[label]: dest` lines a CommonMark reference link (`[text][1]`, `[1][]`, `[1]`) uses: they are plain Markdown link definitions. The fix is safe for cited numbers and their definitions; it is unsafe (`--unsafe-fixes`) for a definition no inline number cites (as an unused footnote it would vanish from the rendered note) and for removing a definition whose source the note already defines as a footnote.",
        triggering: [
            "A claim ↓[1].\n\n↓[1]: [A source](https://example.com)\n",
            "Ünïcødé claim↓[2] and another↓[1, 2].\n\n↓[1]: [A](https://example.com/a)\n\n↓[2]: 2025, Jul 17. [B](https://example.com/b). Published: 2025-06-18\n",
        ],
        nonTriggering: [
            "An index a[1] in prose, with no numeric definitions.\n",
            "[1](https://example.com) is a link.\n",
            "A claim.[^a1b2c3]\n\n[^a1b2c3]: [Source](https://example.com)\n",
            "```\nvalue[1]\n[1]: not a citation\n```\n",
            "See [the spec][1] and [another][ 2 ].\n\n[1]: https://example.com/dns\n[2]: https://example.com/two\n",
            "A link [1][] and a shortcut [3].\n\n[1]: https://example.com/a\n\n[3]: <https://example.com/c> \"Title\"\n",
        ],
        corrections: [
            RuleCorrection("A claim.[1] Another[1, 2]. Unsourced[3].\n\n[1]: [Source A](https://example.com/a)\n\n[2]: 2025, Jul 17. [B](https://example.com/b). Published: 2025-06-18\n",
                           "A claim.[^974v67] Another[^974v67] [^d3yx6q]. Unsourced[3].\n\n[^974v67]: [Source A](https://example.com/a)\n\n[^d3yx6q]: 2025, Jul 17. [B](https://example.com/b). Published: 2025-06-18\n"),
            RuleCorrection("Claim.[^k3x9q2] More.[1]\n\n[1]: [A again](https://EXAMPLE.com/a/)\n\n[^k3x9q2]: [A](https://example.com/a)\n",
                           "Claim.[^k3x9q2] More.[^k3x9q2]\n\n[^k3x9q2]: [A](https://example.com/a)\n", unsafe: true),
            RuleCorrection("Nothing cites it.\n\n[1]: [Source A](https://example.com/a)\n",
                           "Nothing cites it.\n\n[^974v67]: [Source A](https://example.com/a)\n", unsafe: true),
            RuleCorrection("Ünïcødé claim.[1]\n\n[1]: [Source A](https://example.com/a)\n",
                           "Ünïcødé claim.[^bsyzoeot]\n\n[^bsyzoeot]: [Source A](https://example.com/a)\n",
                           configuration: "rules:\n  citation/legacy-numeric: {idLength: 8, idAlphabet: letters}\n"),
        ],
        fixApplicability: [.safe, .unsafe],
        options: [idLength.declaration, idAlphabet.declaration]
    )

    public func check(vault: VaultContext) -> [Finding] {
        var allocator = CitationIDAllocator(vault: vault)
        return vault.notes.sorted { $0.vaultPath < $1.vaultPath }.flatMap { context in
            let fixes = self.fixes(context, allocator: &allocator)
            return CitationHelpers.findings(self, in: context) { fixes[$0.range.start.offset] }
        }
    }

    /// The fix of each legacy definition and defined reference of a note, by its first byte.
    private func fixes(_ context: NoteContext, allocator: inout CitationIDAllocator) -> [Int: Fix] {
        let note = context.note
        guard !note.legacyDefinitions.isEmpty else { return [:] }
        var urls: [String: String] = [:]  // footnote key → normalised URL ("" for none), in this note
        for indexed in context.citations.definitions where indexed.definition.form == .proper {
            urls[indexed.key] = indexed.url ?? ""
        }
        let cited = Set(note.legacyReferences.filter(\.isDefined).flatMap(\.numbers))
        var ids: [Int: String] = [:]
        var fixes: [Int: Fix] = [:]
        let alphabet = context.option(Self.idAlphabet, of: self).characters
        let length = context.option(Self.idLength, of: self)
        for definition in note.legacyDefinitions {
            let url = definition.fields.url.map(URLNormalizer.normalize)
            guard let id = allocator.id(url: url, key: definition.text, alphabet: alphabet, length: length) else { continue }
            if ids[definition.number] == nil { ids[definition.number] = id }
            switch urls[IndexedDefinition.key(id)] {
            case nil:
                urls[IndexedDefinition.key(id)] = url ?? ""
                // A footnote definition no marker cites is hidden by renderers: unsafe unless the
                // note's inline `[n]` become markers of this id.
                let isCited = cited.contains(definition.number) && ids[definition.number] == id
                fixes[definition.labelRange.start.offset] = Fix("write it as footnote [^\(id)]:",
                                                                edits: [Edit(range: definition.labelRange.bytes, replacement: "[^\(id)]:")],
                                                                applicability: isCited ? .safe : .unsafe)
            case .some(url ?? ""):
                fixes[definition.labelRange.start.offset] = Fix("remove it: [^\(id)] already defines this source",
                                                                edits: [Edit(range: CitationHelpers.deletion(of: definition.range, in: note.source), replacement: "")],
                                                                applicability: .unsafe)
            default:
                break  // the id stands for another source in this note: citation/id-conflict's to sort out
            }
        }
        for reference in note.legacyReferences where reference.isDefined {
            var markers: [String] = []
            for number in reference.numbers {
                guard let id = ids[number] else { markers = []; break }
                if !markers.contains("[^\(id)]") { markers.append("[^\(id)]") }
            }
            guard !markers.isEmpty else { continue }
            let text = markers.joined(separator: " ")
            fixes[reference.range.start.offset] = Fix("write it as \(text)", edits: [Edit(range: reference.range.bytes, replacement: text)])
        }
        return fixes
    }

    /// The labels and URLs of the note's definitions (the ids other notes' fixes avoid or reuse);
    /// its legacy citations (problems, definitions, references: what the findings and fixes are
    /// made of, a definition's deletion when its fix may delete it) and this rule's options.
    public func vaultFacts(_ note: NoteContext) -> VaultFacts? {
        var facts = CitationHelpers.definitionFacts(note, ranges: false)
        for problem in note.citations.problems where problem.kind == Self.kind {
            facts.combine(problem.message + " " + (problem.severity?.rawValue ?? ""))
            facts.combine(problem.range)
        }
        guard !note.note.legacyDefinitions.isEmpty else { return facts }
        facts.combine("\(note.option(Self.idLength, of: self)) \(note.option(Self.idAlphabet, of: self))")
        // A definition's fix deletes it only when the note already cites its URL.
        var urls = Set(note.citations.definitions.filter { $0.definition.form == .proper }.compactMap(\.url))
        for definition in note.note.legacyDefinitions {
            let url = definition.fields.url.map(URLNormalizer.normalize)
            facts.combine("[\(definition.number)] " + definition.text + (url.map { " url " + $0 } ?? ""))
            facts.combine(definition.labelRange)
            if let url, !urls.insert(url).inserted {
                facts.combine("deletes")
                facts.combine(CitationHelpers.deletion(of: definition.range, in: note.note.source))
            }
        }
        for reference in note.note.legacyReferences {
            facts.combine(reference.numbers.count)
            for number in reference.numbers { facts.combine(number) }
            facts.combine(reference.isDefined ? 1 : 0)
            facts.combine(reference.range)
        }
        return facts
    }
}
