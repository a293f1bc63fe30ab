import Foundation
import Testing

/// `notekit lsp` through the built binary over pipes: framed answers on standard output, exit 0
/// after shutdown and exit, 1 when standard input ends without them.
@Suite(.enabled(if: LintOutputTests.enabled, "the notekit binary is not built"))
struct LSPCommandTests {
    static func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n" + json }

    /// Runs `notekit lsp` in `folder` with `input` on standard input; returns exit code and the bodies it wrote.
    static func lsp(_ input: String, in folder: String) throws -> (status: Int32, bodies: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DemoVaultTests.binary)
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let bodies = output.components(separatedBy: "Content-Length: ").dropFirst().compactMap { $0.components(separatedBy: "\r\n\r\n").last }
        return (process.terminationStatus, bodies)
    }

    @Test func aSessionOverPipes() throws {
        let folder = try LintOutputTests.vault()
        let uri = URL(fileURLWithPath: folder + "/error.md").absoluteString
        let text = try String(contentsOfFile: folder + "/error.md", encoding: .utf8)
        let open = #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"markdown","version":1,"text":\#(String(decoding: try JSONEncoder().encode(text), as: UTF8.self))}}}"#
        let input = [#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
                     #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#, open,
                     #"{"jsonrpc":"2.0","id":2,"method":"no/such"}"#,
                     #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#].map(Self.frame).joined()
        let (status, bodies) = try Self.lsp(input, in: folder)
        #expect(status == 0)
        #expect(bodies.first?.contains(#""positionEncoding":"utf-16""#) == true)
        #expect(bodies.contains { $0.contains("publishDiagnostics") && $0.contains(#""code":"citation/undefined""#) })
        #expect(bodies.contains { $0.contains(#""id":2"#) && $0.contains("-32601") })
        #expect(bodies.last?.contains(#""id":3"#) == true)
    }

    @Test func endOfInputWithoutShutdownIsExitOne() throws {
        let folder = try LintOutputTests.vault()
        let (status, bodies) = try Self.lsp(Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#) + "garbage", in: folder)
        #expect(status == 1)
        #expect(bodies.first?.contains("-32002") == true)  // shutdown before initialize
        #expect(try Self.lsp("", in: folder).status == 1)
    }
}
