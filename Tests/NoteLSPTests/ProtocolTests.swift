import Foundation
import NoteLSP
import NoteParser
import Testing

/// The protocol layer: framing across reads, bad headers, JSON-RPC messages, positions.
@Suite struct ProtocolTests {
    static func body(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func framesSplitAcrossReadsComeOutWhole() throws {
        let first = Self.body(#"{"jsonrpc":"2.0","method":"a"}"#), second = Self.body(#"{"jsonrpc":"2.0","method":"é"}"#)
        let stream = MessageReader.frame(first) + MessageReader.frame(second)
        var reader = MessageReader()
        var bodies: [[UInt8]] = []
        for byte in stream {
            reader.append([byte])
            while let body = try reader.next() { bodies.append(body) }
        }
        #expect(bodies == [first, second])
        var whole = MessageReader()
        whole.append(stream)
        #expect(try whole.next() == first)
        #expect(try whole.next() == second)
        #expect(try whole.next() == nil)
    }

    @Test func otherHeadersAreAllowedAndBadHeadersAreSkipped() throws {
        let good = Self.body(#"{"jsonrpc":"2.0","method":"ok"}"#)
        var reader = MessageReader()
        reader.append(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: \(good.count)\r\n\r\n".utf8) + good)
        #expect(try reader.next() == good)
        reader.append(Array("Content-Length: many\r\n\r\n{}".utf8) + MessageReader.frame(good))
        #expect(throws: MessageReader.Failure.self) { try reader.next() }
        #expect(try reader.next() == good)
        reader.append(Array("X-Nothing: 1\r\n\r\n".utf8) + MessageReader.frame(good))
        #expect(throws: MessageReader.Failure.missingContentLength) { try reader.next() }
        #expect(try reader.next() == good)
        reader.append(Array("Content-Length: \(MessageReader.maxBody + 1)\r\n\r\n".utf8) + MessageReader.frame(good))
        #expect(throws: MessageReader.Failure.tooLarge(MessageReader.maxBody + 1)) { try reader.next() }
        #expect(try reader.next() == good)
    }

    @Test func messagesDecodeAndBadOnesAreRejectedWithTheirID() {
        #expect(Message.decode(Self.body(#"{"jsonrpc":"2.0","id":7,"method":"m","params":{"a":[1,2.5,null,true]}}"#))
                == .success(.request(id: .int(7), method: "m", params: .object(["a": .array([.int(1), .double(2.5), .null, .bool(true)])]))))
        #expect(Message.decode(Self.body(#"{"jsonrpc":"2.0","method":"n"}"#)) == .success(.notification(method: "n", params: nil)))
        #expect(Message.decode(Self.body(#"{"jsonrpc":"2.0","id":"x","result":null}"#)) == .success(.response(id: .string("x"), result: .null, error: nil)))
        guard case .failure(let parseError) = Message.decode(Self.body("{nope")) else {
            Issue.record("no parse error")
            return
        }
        #expect(parseError.id == .null && parseError.error.code == ResponseError.parseError)
        guard case .failure(let rejected) = Message.decode(Self.body(#"{"jsonrpc":"1.0","id":3,"method":"m"}"#)) else {
            Issue.record("a 1.0 message was accepted")
            return
        }
        #expect(rejected.id == .int(3) && rejected.error.code == ResponseError.invalidRequest)
        guard case .failure(let badID) = Message.decode(Self.body(#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#)) else {
            Issue.record("an object id was accepted")
            return
        }
        #expect(badID.id == .null && badID.error.code == ResponseError.invalidRequest)
    }

    @Test func positionsConvertInUTF16AndUTF8() {
        // "a😀é\nb": 😀 is 4 bytes and 2 UTF-16 units, é 2 bytes and 1 unit.
        let text = SourceText("a😀é\nb")
        let utf16 = PositionConverter(text, encoding: .utf16), utf8 = PositionConverter(text, encoding: .utf8)
        #expect(utf16.position(of: 5) == Position(line: 0, character: 3))
        #expect(utf8.position(of: 5) == Position(line: 0, character: 5))
        #expect(utf16.offset(of: Position(line: 0, character: 4)) == 7)
        #expect(utf8.offset(of: Position(line: 0, character: 7)) == 7)
        #expect(utf16.offset(of: Position(line: 1, character: 1)) == 9)
        // Clamped: past a line's end, past the last line.
        #expect(utf16.offset(of: Position(line: 0, character: 99)) == 7)
        #expect(utf8.offset(of: Position(line: 7, character: 0)) == 9)
        #expect(PositionEncoding.negotiate(["utf-32", "utf-8"]) == .utf8)
        #expect(PositionEncoding.negotiate(nil) == .utf16)
    }
}
