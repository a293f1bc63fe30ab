import NoteCitations
import NoteParser

/// Shared pieces of the citation rules.
enum CitationHelpers {
    /// The note's footnote definitions as the cross-note citation rules read them: label, URL,
    /// form, whether a duplicate, and (with `ranges`) where each one stands.
    static func definitionFacts(_ context: NoteContext, ranges: Bool) -> VaultFacts {
        var facts = VaultFacts()
        for indexed in context.citations.definitions {
            facts.combine(indexed.id)
            facts.combine(indexed.definition.form.rawValue)
            facts.combine(indexed.definition.isDuplicate ? 1 : 0)
            facts.combine(indexed.url.map { "url " + $0 } ?? "no url")
            if ranges {
                facts.combine(indexed.definition.range)
                facts.combine(indexed.definition.labelRange)
            }
        }
        return facts
    }

    /// The ids and URLs of the note's definitions that `VaultCitationProblems` compares across
    /// notes (it groups definitions by id and by URL): the keys of the rules reporting its problems.
    static func crossNoteKeys(_ context: NoteContext) -> Set<String> {
        var keys = Set<String>()
        for indexed in context.citations.definitions {
            guard indexed.definition.form == .proper, !indexed.definition.isDuplicate, let url = indexed.url else { continue }
            keys.insert("url " + url)
            if !IndexedDefinition.isNoteLocal(indexed.id) { keys.insert("id " + indexed.key) }
        }
        return keys
    }

    /// The bytes to delete to remove a definition: its lines with their newline, and one
    /// blank line after it (before it when it ends the file, so no blank line ends the note).
    static func deletion(of range: SourceRange, in source: SourceText) -> Range<Int> {
        func isBlank(_ line: Int) -> Bool { source.lineString(line).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
        var line = range.start.line
        var lastLine = source.position(at: range.end.offset).line
        if lastLine < source.lineCount, isBlank(lastLine + 1) {
            lastLine += 1
        }
        let end = lastLine < source.lineCount ? source.lineStarts[lastLine] : source.bytes.count
        if end == source.bytes.count, line > 1, isBlank(line - 1) { line -= 1 }
        return source.lineStarts[line - 1]..<end
    }

    /// The findings of `rule` for the note's citation problems of its kind (detected once, in
    /// `NoteCitationScan`), with the fix `fix` computes for each.
    static func findings<R: CitationProblemRule>(_ rule: R, in context: NoteContext,
                                                 fix: (CitationProblem) -> Fix? = { _ in nil }) -> [Finding] {
        // Each problem's kind read in place in the array's buffer: only the rule's problems are
        // read whole (`compactMap` copied every problem, retaining its strings, for each rule).
        context.citations.problems.withUnsafeBufferPointer { problems in
            problems.indices.compactMap { problems[$0].kind == R.kind ? finding(rule, problems[$0], fix: fix(problems[$0])) : nil }
        }
    }

    /// The finding of `rule` for `problem`: the problem's severity when it sets one, else the rule's.
    static func finding<R: CitationProblemRule>(_ rule: R, _ problem: CitationProblem, fix: Fix? = nil) -> Finding {
        problem.finding(ruleID: R.description.id, defaultSeverity: R.description.severity, fix: fix)
    }

    /// The footnote definition a problem is about: the one whose label starts where the problem does.
    static func definition(at problem: CitationProblem, in note: Note) -> FootnoteDefinition? {
        // Compared in place: only the definition found is copied.
        note.footnoteDefinitions.withUnsafeBufferPointer { definitions in
            definitions.indices.first { definitions[$0].labelRange.start.offset == problem.range.start.offset }.map { definitions[$0] }
        }
    }

    /// True when another definition in the note, of any form, has `definition`'s label; `keys`
    /// are the keys of `note.footnoteDefinitions`, in order (made once for all of a note's problems).
    static func isDefinedElsewhere(_ definition: FootnoteDefinition, in note: Note, keys: [String]) -> Bool {
        let key = IndexedDefinition.key(definition.label)
        // The keys first: a definition is read (in place) only when its key is the same.
        return keys.indices.contains { keys[$0] == key && note.footnoteDefinitions[$0].range != definition.range }
    }

    /// The byte offset of `needle` within `range` of the note, if present.
    static func offset(of needle: String, in range: SourceRange, of source: SourceText) -> Int? {
        let pattern = Array(needle.utf8)
        let bytes = source.bytes
        guard range.end.offset - range.start.offset >= pattern.count else { return nil }
        for start in range.start.offset...(range.end.offset - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start
        }
        return nil
    }
}
