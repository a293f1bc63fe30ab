import NoteLint

extension Edit {
    /// The one edit that turns `old` into `new`: the bytes between their common prefix and
    /// suffix (widened to whole UTF-8 characters); nil when they are equal.
    static func between(_ old: [UInt8], _ new: [UInt8]) -> Edit? {
        guard old != new else { return nil }
        let isContinuation = { (byte: UInt8) in byte & 0xC0 == 0x80 }
        var prefix = zip(old, new).prefix { $0 == $1 }.count
        while prefix > 0, (prefix < old.count && isContinuation(old[prefix])) || (prefix < new.count && isContinuation(new[prefix])) { prefix -= 1 }
        let room = min(old.count, new.count) - prefix
        var suffix = zip(old.reversed(), new.reversed()).prefix(room).prefix { $0 == $1 }.count
        while suffix > 0, isContinuation(old[old.count - suffix]) || isContinuation(new[new.count - suffix]) { suffix -= 1 }
        return Edit(range: prefix..<(old.count - suffix), replacement: String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self))
    }
}
