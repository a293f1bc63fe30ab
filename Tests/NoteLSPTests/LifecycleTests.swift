import Foundation
import NoteLSP
import Testing

/// The lifecycle: initialize first, unknown methods, bad messages, shutdown and exit codes.
@Suite struct LifecycleTests {
    final class Outbox { var bodies: [JSON] = [] }

    static func server() -> (LanguageServer, Outbox) {
        let outbox = Outbox()
        let server = LanguageServer(documentationURL: nil) { outbox.bodies.append(try! JSONDecoder().decode(JSON.self, from: Data($0))) }
        return (server, outbox)
    }

    static func request(_ id: Int, _ method: String, _ params: String = "{}") -> [UInt8] {
        Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#.utf8)
    }

    @Test func requestsBeforeInitializeAreRefusedAndNotificationsIgnored() throws {
        let (server, outbox) = Self.server()
        server.handle(Self.request(1, "textDocument/hover"))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.serverNotInitialized))
        server.handle(Array(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{}}"#.utf8))
        #expect(outbox.bodies.count == 1)
    }

    @Test func unknownMethodsBadMessagesAndBadParamsGetErrorsAndTheServerGoesOn() throws {
        let root = try temporaryVault([("a.md", "# A\n")])
        let (server, outbox) = Self.server()
        server.handle(Self.request(1, "initialize", #"{"rootUri":"\#(URL(fileURLWithPath: root).absoluteString)","capabilities":{}}"#))
        #expect(outbox.bodies.last?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
        server.handle(Self.request(2, "initialize"))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.invalidRequest))
        server.handle(Self.request(3, "textDocument/semanticTokens/full"))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.methodNotFound))
        server.handle(Self.request(4, "textDocument/hover", #"{"textDocument":42}"#))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.invalidParams))
        server.handle(Array("[1,2".utf8))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.parseError))
        server.handle(Array(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":1}}"#.utf8))
        #expect(outbox.bodies.last?["method"] == .string("window/logMessage"))
        server.handle(Self.request(5, "shutdown"))
        #expect(outbox.bodies.last?["id"] == .int(5) && outbox.bodies.last?["result"] == .null)
        server.handle(Self.request(6, "textDocument/hover"))
        #expect(outbox.bodies.last?["error"]?["code"] == .int(ResponseError.invalidRequest))
        #expect(server.exitCode == nil)
        server.handle(Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8))
        #expect(server.exitCode == 0)
    }

    @Test func exitWithoutShutdownIsCodeOne() {
        let (server, _) = Self.server()
        server.handle(Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8))
        #expect(server.exitCode == 1)
    }

    @Test func utf8IsNegotiatedWhenOffered() throws {
        let client = try Client(root: try temporaryVault([("a.md", "x\n")]), utf8: true)
        #expect(client.received.first?["result"]?["capabilities"]?["positionEncoding"] == .string("utf-8"))
    }
}
