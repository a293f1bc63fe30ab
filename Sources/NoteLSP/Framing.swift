import Foundation

/// The base protocol's framing: `Content-Length: N\r\n` (other headers allowed), a blank line,
/// then N bytes of JSON. Bytes arrive in arbitrary pieces; `next()` hands out whole bodies.
public struct MessageReader: Sendable {
    /// Why a header block was refused; the reader skips to the next `Content-Length` and goes on.
    public enum Failure: Error, Equatable, Sendable {
        case badHeader(String)
        case missingContentLength
        case tooLarge(Int)
    }

    /// The largest body accepted (64 MiB).
    public static let maxBody = 64 << 20
    /// The longest header block accepted before its blank line.
    public static let maxHeader = 8192
    private var buffer: [UInt8] = []
    private var start = 0

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole body, nil when more bytes are needed. A bad header block throws once and
    /// is skipped: the next call reads from the following `Content-Length` header.
    public mutating func next() throws(Failure) -> [UInt8]? {
        guard start < buffer.count else { return nil }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeader {
                resynchronize()
                throw .badHeader("no blank line after \(Self.maxHeader) bytes of headers")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                resynchronize()
                throw .badHeader(String(line.prefix(80)))
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name.caseInsensitiveCompare("Content-Length") == .orderedSame {
                guard let number = Int(value), number >= 0 else {
                    resynchronize()
                    throw .badHeader(String(line.prefix(80)))
                }
                length = number
            }
        }
        guard let length else {
            resynchronize()
            throw .missingContentLength
        }
        guard length <= Self.maxBody else {
            resynchronize()
            throw .tooLarge(length)
        }
        let bodyStart = end + 4
        guard buffer.count - bodyStart >= length else { return nil }
        start = bodyStart + length
        return Array(buffer[bodyStart..<start])
    }

    /// The offset of the `\r\n\r\n` ending the header block at `start`.
    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 13, buffer[index + 1] == 10, buffer[index + 2] == 13, buffer[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// Drops bytes up to the next `Content-Length` header after the current one (all of them when there is none).
    private mutating func resynchronize() {
        let marker = Array("Content-Length".utf8)
        var index = start + 1
        while index + marker.count <= buffer.count {
            if buffer[index..<index + marker.count].elementsEqual(marker) {
                start = index
                return
            }
            index += 1
        }
        start = buffer.count
    }

    /// `body` framed for sending.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
