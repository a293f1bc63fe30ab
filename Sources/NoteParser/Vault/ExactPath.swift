#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file path compared, hashed and ordered by its UTF-8 bytes, as the file system names
/// files. `String` equality is canonical: `"cafe\u{301}.md" == "caf\u{e9}.md"` is true, yet
/// they are two files; key dictionaries and sets of paths by `ExactPath`, never by `String`.
public struct ExactPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The path, read only by its bytes (held, not copied: a lint run keys thousands of paths).
    public let description: String

    public init(_ path: String) { description = path }

    /// The bytes hashed in one block (the synthesized hash feeds the hasher byte by byte).
    public func hash(into hasher: inout Hasher) {
        Self.bytes(of: description) { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public static func == (lhs: ExactPath, rhs: ExactPath) -> Bool { same(lhs.description, rhs.description) }

    /// Byte order, a shorter path before those it begins (`lexicographicallyPrecedes`, by `memcmp`).
    public static func < (lhs: ExactPath, rhs: ExactPath) -> Bool {
        bytes(of: lhs.description) { left in
            bytes(of: rhs.description) { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    /// `body` with the bytes of `path` in place: a native or small string's are contiguous (its
    /// `withUTF8` mutates a copy, retained and released for each comparison of a sort).
    private static func bytes<Result>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        path.utf8.withContiguousStorageIfAvailable(body) ?? Array(path.utf8).withUnsafeBufferPointer(body)
    }

    /// True when two paths are the same file name byte for byte, without building either key
    /// (a `memcmp`, not a generic walk: the linter compares each finding's path with the last).
    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        bytes(of: lhs) { left in bytes(of: rhs) { right in Byte.same(left, right) } }
    }

    /// A file name as it can be shown: valid UTF-8 as is, every byte of an invalid sequence
    /// as `\xNN`.
    public static func escaped(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for byte in bytes[offset..<offset + length] {
                    result += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
                offset += length
            case .emptyInput:
                return result
            }
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
