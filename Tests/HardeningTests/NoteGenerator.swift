/// Random notes, deterministic for a seed, built from the constructs real vaults hold: front
/// matter in its shapes, callouts and query callouts, every citation form, tables, code and
/// wikilinks.
struct NoteGenerator {
    /// SplitMix64: small, fast and the same on every platform.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// Citation labels in use: hex ids, numbers, words.
    private var labels: [String] = []

    mutating func note() -> String {
        labels = (0..<int(1...4)).map { _ in pick(["a1b2c3", "x6ezn4", "q1w2e3", "1", "2", "note-3", "Ünï"]) }
        var parts: [String] = []
        if chance(80) { parts.append(frontMatter()) }
        for _ in 0..<int(1...8) { parts.append(block()) }
        if chance(70) { parts.append(definitions()) }
        return parts.joined(separator: pick(["\n\n", "\n", "\r\n\r\n", "\n\n\n"])) + (chance(80) ? "\n" : "")
    }

    mutating func frontMatter() -> String {
        var lines = ["---"]
        lines.append("title: " + pick(["Tidal Storage", "'Quoted: title'", "\"Escaped \\\" title\"", "", "Ünïcødé — notes",
                                      "{{title}}", "../../etc/passwd"]))
        if chance(60) { lines.append("date_created: " + pick(["2024-01-02", "2024-13-40", "'2025-06-18'", "2025-06-18T10:00:00Z", "yesterday"])) }
        if chance(40) { lines.append("date_modified: " + pick(["2023-01-01", "2026-02-03T04:05:06.789Z"])) }
        switch int(0...4) {
        case 0: lines.append("tags: [energy, Tidal-Power, \"quoted tag\"]")
        case 1: lines += ["tags:", "  - energy", "  - tidal_power", "  - Energy"]
        case 2: lines.append("tags: energy")
        case 3: lines.append("tags:")
        default: break
        }
        if chance(30) { lines.append("site_uuid: " + pick(["123e4567-e89b-12d3-a456-426614174000", "not-a-uuid"])) }
        if chance(20) { lines.append("banner_image: " + pick(["https://example.com/a.png", "a.png"])) }
        if chance(15) { lines.append(lines[1]) }
        if chance(15) { lines.append("lede: |\n  A literal block\n  over two lines.") }
        if chance(10) { lines.append("bad: [unclosed") }
        if !chance(8) { lines.append("---") }
        return lines.joined(separator: "\n")
    }

    mutating func citation() -> String {
        let label = pick(labels)
        switch int(0...5) {
        case 0, 1, 2: return "[^\(label)]"
        case 3: return "[\(int(1...4))]"
        case 4: return "[\(int(1...3)), \(int(4...6))]"
        default: return "[^\(label)]\(label.dropFirst(2))]"
        }
    }

    mutating func sentence() -> String {
        var text = pick(["Tides store energy", "Ünïcødé claim — with dashes", "Storage is cheap", "A *strong* claim", "See ==this=="])
        if chance(60) { text += pick(["", " ", "."]) + citation() }
        if chance(30) { text += " and " + pick(["[[Slack Water]]", "[[Tidal Range|range]]", "[[#Heading]]", "![[chart.png]]",
                                                 "[[Missing Note]]", "`[^a1b2c3]`", "`[1]`", "https://example.com/x?utm_source=y",
                                                 "[link](https://example.com)", "[bad](javascript:alert(1))", "%% comment [^1] %%",
                                                 "<script>x</script>", "{{mustache}}"]) }
        return text + pick([".", "", "!", ","]) + (chance(30) ? citation() : "")
    }

    mutating func block() -> String {
        switch int(0...9) {
        case 0, 1, 2: return (0..<int(1...3)).map { _ in sentence() }.joined(separator: " ")
        case 3: return pick(["# ", "## ", "### "]) + pick(["Heading", "Sources", "Citations", "Ünïcødé heading", "References"])
        case 4:
            return "> [!" + pick(["note", "tip", "warning", "Perplexity Query", "unknown-type"]) + "]" + pick(["", "-", "+"])
                + " " + pick(["Title", ""]) + "\n> " + sentence() + (chance(30) ? "\nlazy continuation" : "")
        case 5:
            let stamp = pick([" (2025-09-23T12:09:00.241Z)", " (2025-08-17)", ""])
            return "> [!info] **Perplexity Query**\(stamp)\n> **Question:**\n> Why \(citation())?\n>\n"
                + (chance(70) ? "> **Model:** sonar-pro\n" : "") + "\n" + sentence()
        case 6: return "| Claim | Source |\n| --- | --- |\n| " + sentence() + " | " + citation() + " |"
        case 7:
            let fence = pick(["```", "~~~", "````"])
            return fence + pick(["", "swift", "markdown"]) + "\n[^a1b2c3]: not a definition\nvalue[1] \(citation())\n" + fence
        case 8: return pick(["---", "***", "- - -"])
        default: return "- " + sentence() + "\n- " + pick(["nested", "  - deeper " + citation()])
        }
    }

    mutating func definition(_ label: String) -> String {
        let source = pick(["[Source](https://example.com/a)", "2025, Jul 17. [Title](https://example.org/b). Published: 2025-06-18",
                           "A conversation with the author.", "Example report https://example.com/report.pdf",
                           "[Same](https://EXAMPLE.com/a/#frag)"])
        switch int(0...5) {
        case 0, 1, 2: return "[^\(label)]: \(source)"
        case 3: return "[^\(label)] \(source)"
        case 4: return "[^\(label)]\(label.dropFirst(2))]: \(source)"
        default: return "[\(int(1...4))]: \(source)"
        }
    }

    mutating func definitions() -> String {
        let heading = chance(60) ? pick(["## Sources", "# Citations", "### References", "**Sources:**"]) + "\n\n" : ""
        let labels = self.labels + (chance(30) ? ["unused"] : [])
        var lines: [String] = []
        for label in labels { lines.append(definition(label)) }
        if chance(20), let first = labels.first { lines.append(definition(first)) }
        return heading + lines.joined(separator: pick(["\n", "\n\n"]))
    }
}
