import NoteParser

/// One edit a step wants, with what it does.
struct StepEdit {
    let edit: Edit
    let summary: String
}

/// Turns one step into byte edits of the note it is given (the note as earlier steps leave it).
/// Every changed entry is emitted alone by `FrontMatterEmitter` (which proves the text reads
/// back as intended); `reorder` moves entries' lines as written.
struct StepPlanner {
    let note: Note
    /// The value of a template placeholder for this note; nil when it has none.
    let placeholder: (String) -> String?

    /// The edits, and why some wanted changes were not made.
    func plan(_ action: MigrationStep.Action) -> (edits: [StepEdit], notices: [String]) {
        switch action {
        case .rename(let from, let to, let overwrite): return rename(from, to, overwrite: overwrite)
        case .delete(let keys):
            return (keys.flatMap { key in note.entries(key).map { StepEdit(edit: note.deleting($0), summary: "delete \(key)") } }, [])
        case .set(let key, let template): return set(key, template)
        case .map(let key, let values, let caseInsensitive): return map(key, values, caseInsensitive: caseInsensitive)
        case .convert(let style, let keys): return convert(style, keys: keys)
        case .reorder(let keys): return (reorder(keys).map { [$0] } ?? [], [])
        }
    }

    private func rename(_ from: String, _ to: String, overwrite: Bool) -> ([StepEdit], [String]) {
        let sources = note.entries(from), targets = note.entries(to)
        guard from != to, !sources.isEmpty else { return ([], []) }
        guard sources.count == 1 else { return ([], ["rename \(from) → \(to): '\(from)' is written \(sources.count) times"]) }
        guard targets.isEmpty || overwrite else { return ([], ["rename \(from) → \(to): '\(to)' exists (overwrite: true replaces it)"]) }
        guard let keyText = FrontMatterEmitter.key(to) else { return ([], ["rename \(from) → \(to): '\(to)' cannot be written as a key"]) }
        let summary = "rename \(from) → \(to)"
        return ([StepEdit(edit: Edit(range: sources[0].keyRange.bytes, replacement: keyText), summary: summary)]
                + targets.map { StepEdit(edit: note.deleting($0), summary: summary + " (replacing '\(to)')") }, [])
    }

    private func set(_ key: String, _ template: ValueTemplate) -> ([StepEdit], [String]) {
        let existing = note.entries(key)
        guard existing.allSatisfy({ $0.value?.isEmpty == true }) else { return ([], []) }
        var unknown: [String] = []
        let text = template.render { name in placeholder(name) ?? { unknown.append("{{\(name)}}"); return "" }() }
        guard unknown.isEmpty else { return ([], ["set \(key): no value for \(unknown.joined(separator: ", "))"]) }
        // A date is written as one when the template means it (`{{today}}`, a literal day) or the
        // key is one lint reads as a date (`date…`); other text stays a string, quoted if need be.
        let isDate = DateText.isCalendarDate(text) && (template.hasOnlyDatePlaceholders || DateText.isDateKey(key))
        let value: FrontMatterEmitter.Value = isDate ? .timestamp(text) : .string(text)
        guard let entry = FrontMatterEmitter.entry(key, value) else { return ([], ["set \(key): '\(text)' cannot be written as YAML"]) }
        let summary = "set \(key)"
        if let empty = existing.last {
            return ([StepEdit(edit: note.replacingLines(of: empty, with: entry), summary: summary)], [])
        }
        guard let edit = note.appendingEntry(entry) else { return ([], ["set \(key): the front matter is never closed"]) }
        return ([StepEdit(edit: edit, summary: summary)], [])
    }

    private func map(_ key: String, _ values: [String: String], caseInsensitive: Bool) -> ([StepEdit], [String]) {
        var edits: [StepEdit] = []
        var notices: [String] = []
        for entry in note.entries(key) {
            guard case .string(let text)? = entry.value, let canonical = values[caseInsensitive ? text.lowercased() : text],
                  canonical != text else { continue }
            guard let written = note.scalarValueBytes(entry), let scalar = FrontMatterEmitter.scalar(.string(canonical), key: key) else {
                notices.append("map \(key) \(text) → \(canonical): " + (note.scalarValueBytes(entry) == nil ? "its lines hold a comment" : "cannot be written as YAML"))
                continue
            }
            edits.append(StepEdit(edit: Edit(range: written, replacement: scalar), summary: "map \(key) \(text) → \(canonical)"))
        }
        return (edits, notices)
    }

    private func convert(_ style: MigrationStep.ConvertStyle, keys: [String]?) -> ([StepEdit], [String]) {
        let entries = (note.closedFrontMatter?.entries ?? []).filter { keys?.contains($0.key) ?? (style != .tags || $0.key == "tags") }
        var edits: [StepEdit] = []
        var notices: [String] = []
        for entry in entries {
            guard let value = entry.value else { continue }
            switch (style, value) {
            case (.tags, .list) where entry.style == .flow && !value.isEmpty, (.tags, .string) where !value.isEmpty:
                guard !note.hasComment(entry) else {
                    notices.append("convert tags: \(entry.key) has a comment, which a block list would lose")
                    continue
                }
                guard let tags = value.scalarText.map({ [$0] }) ?? items(of: value), let text = FrontMatterEmitter.entry(entry.key, .list(tags)) else {
                    notices.append("convert tags: \(entry.key) cannot be written as a block list")
                    continue
                }
                edits.append(StepEdit(edit: note.replacingLines(of: entry, with: text), summary: "write \(entry.key) as a block list"))
            case (.dates, .string(let text)) where entry.isQuoted && DateText.isCalendarDate(text):
                guard let written = note.scalarValueBytes(entry), let scalar = FrontMatterEmitter.scalar(.timestamp(text), key: entry.key) else {
                    notices.append("convert dates: \(entry.key) cannot be written unquoted")
                    continue
                }
                edits.append(StepEdit(edit: Edit(range: written, replacement: scalar), summary: "unquote the date \(entry.key)"))
            case (.quotes, .string(let text)) where entry.isQuoted && !DateText.isCalendarDate(text):
                guard let written = note.scalarValueBytes(entry), let scalar = FrontMatterEmitter.scalar(.string(text), key: entry.key) else {
                    notices.append("convert quotes: \(entry.key) " + (note.scalarValueBytes(entry) == nil ? "has a comment among its lines" : "cannot be written as YAML"))
                    continue
                }
                guard scalar != note.source.string(written) else { continue }
                edits.append(StepEdit(edit: Edit(range: written, replacement: scalar), summary: "write \(entry.key) " + (scalar.first == "'" ? "in single quotes" : scalar.first == "\"" ? "in double quotes" : "without quotes")))
            default:
                continue
            }
        }
        return (edits, notices)
    }

    /// The texts of a list of scalars; nil when an item is not a scalar.
    private func items(of value: YAMLValue) -> [String]? {
        guard case .list(let items) = value else { return nil }
        let texts = items.compactMap(\.scalarText)
        return texts.count == items.count ? texts : nil
    }

    /// One edit from the first moved entry to the last, entries' lines moved as written;
    /// blank and comment lines between entries stay where they are.
    private func reorder(_ keys: [String]) -> StepEdit? {
        guard let entries = note.closedFrontMatter?.entries else { return nil }
        let rank = { (entry: FrontMatterEntry) in keys.firstIndex(of: entry.key) ?? keys.count }
        let order = entries.indices.sorted { (rank(entries[$0]), $0) < (rank(entries[$1]), $1) }
        guard let first = order.indices.first(where: { order[$0] != $0 }),
              let last = order.indices.last(where: { order[$0] != $0 }) else { return nil }
        var text = ""
        for slot in first...last {
            text += entries[order[slot]].raw
            if slot < last { text += note.source.string(entries[slot].range.end.offset..<entries[slot + 1].range.start.offset) }
        }
        return StepEdit(edit: Edit(range: entries[first].range.start.offset..<entries[last].range.end.offset, replacement: text),
                        summary: "reorder keys")
    }
}

extension FrontMatterEntry {
    var isQuoted: Bool { style == .singleQuoted || style == .doubleQuoted }
}
