/// A note's bytes with the values of its front-matter `date…` keys left out: two versions that
/// are equal this way differ in dates only.
///
/// Reads the text, not YAML: a front matter is the lines between a first line `---` and the
/// next `---` or `...`; a line whose key (at the start of the line, unquoted) begins with
/// `date` keeps its key and loses the rest.
public enum DateBlindText {
    public static func of(_ bytes: [UInt8]) -> [UInt8] {
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, trimmed(first).elementsEqual("---".utf8) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var inFrontMatter = true
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append(UInt8(ascii: "\n")) }
            if index > 0, inFrontMatter, trimmed(line).elementsEqual("---".utf8) || trimmed(line).elementsEqual("...".utf8) {
                inFrontMatter = false
            } else if index > 0, inFrontMatter, line.starts(with: "date".utf8), let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                result.append(contentsOf: line[line.startIndex...colon])
                continue
            }
            result.append(contentsOf: line)
        }
        return result
    }

    /// True when `a` and `b` differ only in the values of front-matter dates (or not at all).
    public static func sameButDates(_ a: [UInt8], _ b: [UInt8]) -> Bool { a == b || of(a) == of(b) }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line.removeLast() }
        return line
    }
}
