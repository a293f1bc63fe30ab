extension String {
    /// `prefix`, `text` and `suffix` in one string, their bytes copied once into storage of their
    /// size: what a message such as `"definition [^\(label)] is not cited"` holds, without the
    /// interpolation's appends (hundreds of instructions a part, and a regrowth of the storage).
    package init(concatenating prefix: StaticString, _ text: String, _ suffix: StaticString) {
        var text = text
        self = text.withUTF8 { text in
            let count = prefix.withUTF8Buffer(\.count) + text.count + suffix.withUTF8Buffer(\.count)
            return String(unsafeUninitializedCapacity: count) { buffer in
                var offset = 0
                func put(_ part: UnsafeBufferPointer<UInt8>) {
                    if let start = part.baseAddress, !part.isEmpty { (buffer.baseAddress! + offset).initialize(from: start, count: part.count) }
                    offset += part.count
                }
                prefix.withUTF8Buffer(put)
                put(text)
                suffix.withUTF8Buffer(put)
                return offset
            }
        }
    }
}
