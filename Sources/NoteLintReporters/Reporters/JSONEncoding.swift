import Foundation

/// Pretty, key-sorted JSON with slashes unescaped: stable output for machines and diffs.
enum JSONText {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }
}
