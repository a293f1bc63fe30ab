import Foundation
import NoteLSP
import NoteParser

/// An editor in the test: drives a `LanguageServer` in process with framed messages and keeps
/// what it sends back.
final class Client {
    let root: String
    private(set) var server: LanguageServer!
    private(set) var received: [JSON] = []
    private var reader = MessageReader()
    private var nextID = 1
    /// The text of the documents opened, as the editor has it.
    private(set) var texts: [String: String] = [:]
    private var versions: [String: Int] = [:]
    let encoding: PositionEncoding

    init(root: String, utf8: Bool = false, resolve: Bool = false, renamesFiles: Bool = false, documentationURL: String? = "https://example.org/rules.md") throws {
        self.root = root
        encoding = utf8 ? .utf8 : .utf16
        server = LanguageServer(documentationURL: documentationURL) { [unowned self] body in
            // Through the framing both ways, as over a pipe.
            self.reader.append(MessageReader.frame(body))
            while let message = try? self.reader.next() {
                self.received.append(try! JSONDecoder().decode(JSON.self, from: Data(message)))
            }
        }
        var capabilities: [String: JSON] = [:]
        if utf8 { capabilities["general"] = .object(["positionEncodings": .array([.string("utf-8"), .string("utf-16")])]) }
        if resolve {
            capabilities["textDocument"] = .object(["codeAction": .object(["resolveSupport": .object(["properties": .array([.string("edit")])])])])
        }
        if renamesFiles {
            capabilities["workspace"] = .object(["workspaceEdit": .object(["documentChanges": .bool(true), "resourceOperations": .array([.string("rename")])])])
        }
        let result = try request("initialize", ["rootUri": .string(URL(fileURLWithPath: root).absoluteString), "capabilities": .object(capabilities)])
        precondition(result["capabilities"] != nil)
        notify("initialized", [:])
    }

    func uri(_ path: String) -> String { URL(fileURLWithPath: root + "/" + path).absoluteString }

    /// Sends a request and returns its result; throws its error.
    @discardableResult
    func request(_ method: String, _ params: [String: JSON?]) throws -> JSON {
        let id = nextID
        nextID += 1
        send(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method), "params": .object(params.compactMapValues { $0 })])
        guard let response = received.last(where: { $0["id"] == .int(id) && $0["method"] == nil }) else { throw ResponseError(code: 0, message: "no response") }
        if let error = response["error"] { throw try error.decode(ResponseError.self) }
        return response["result"] ?? .null
    }

    func notify(_ method: String, _ params: [String: JSON]) {
        send(["jsonrpc": .string("2.0"), "method": .string(method), "params": .object(params)])
    }

    func send(_ message: [String: JSON]) {
        server.handle(JSON.object(message).encoded())
    }

    /// The notifications `method` received since `start`.
    func notifications(_ method: String, since start: Int = 0) -> [JSON] {
        received[start...].filter { $0["method"]?.string == method && $0["id"] == nil }
    }

    /// The last diagnostics published for `path`.
    func diagnostics(_ path: String) -> [JSON] {
        notifications("textDocument/publishDiagnostics").last { $0["params"]?["uri"]?.string == uri(path) }?["params"]?["diagnostics"]?.array ?? []
    }

    func open(_ path: String) throws {
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        texts[path] = text
        versions[path] = 1
        notify("textDocument/didOpen", ["textDocument": .object(["uri": .string(uri(path)), "languageId": .string("markdown"),
                                                                 "version": .int(1), "text": .string(text)])])
    }

    /// Replaces the bytes `range` of an open document, sent as an incremental change.
    func change(_ path: String, replacing range: Range<Int>, with newText: String) throws {
        let old = SourceText(texts[path]!)
        let lspRange = PositionConverter(old, encoding: encoding).range(of: range)
        var bytes = old.bytes
        bytes.replaceSubrange(range, with: Array(newText.utf8))
        texts[path] = String(decoding: bytes, as: UTF8.self)
        versions[path, default: 1] += 1
        notify("textDocument/didChange", ["textDocument": .object(["uri": .string(uri(path)), "version": .int(versions[path]!)]),
                                          "contentChanges": .array([.object(["range": try JSON(lspRange), "text": .string(newText)])])])
    }

    /// Applies a workspace edit's changes to `path` (the editor's text when open, else the file).
    func applied(_ edit: JSON, to path: String) throws -> String {
        let text = try texts[path] ?? String(contentsOfFile: root + "/" + path, encoding: .utf8)
        let source = SourceText(text)
        let converter = PositionConverter(source, encoding: encoding)
        let edits = try (edit["changes"]?[uri(path)]?.array ?? []).map { edit in
            Edit(range: converter.bytes(of: try edit["range"]!.decode(LSPRange.self)), replacement: edit["newText"]!.string!)
        }
        return String(decoding: try EditApplier.apply(edits, to: source.bytes), as: UTF8.self)
    }

    /// Positions in the editor's text of `path`: the byte offset of `needle`'s first occurrence (plus `delta`).
    func position(_ path: String, of needle: String, delta: Int = 0) -> JSON {
        try! JSON(PositionConverter(SourceText(texts[path]!), encoding: encoding).position(of: offset(path, of: needle) + delta))
    }

    func offset(_ path: String, of needle: String) -> Int {
        let text = texts[path]!
        return text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: needle)!.lowerBound)
    }
}

/// A fresh vault (marked by `.obsidian/`) holding `notes`.
func temporaryVault(_ notes: [(String, String)]) throws -> String {
    let root = NSTemporaryDirectory() + "notekit-lsp-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: root + "/.obsidian", withIntermediateDirectories: true)
    for (path, text) in notes {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return root
}
