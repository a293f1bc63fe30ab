import Foundation
import NoteLint
import NoteParser
import NoteWorkspace

/// `notekit lsp`: a Language Server Protocol server over a `Workspace`. Each call of `handle`
/// takes one message body and sends what it answers through `send` (bodies, unframed). One
/// caller at a time. No message makes it fail: a bad request gets an error response, a bad
/// notification is logged to the client, and the server goes on.
public final class LanguageServer {
    /// Sends one message body to the client.
    public typealias Send = ([UInt8]) -> Void

    enum State { case uninitialized, running, shuttingDown }

    let send: Send
    /// The absolute URL of the published docs/rules.md (`NOTEKIT_DOCS_URL`), for `codeDescription`.
    let documentationURL: String?
    var state = State.uninitialized
    /// Set by `exit`: 0 after `shutdown`, else 1.
    public private(set) var exitCode: Int32?
    var encoding = PositionEncoding.utf16
    /// The folder the client opened, absolute.
    var folder = FileManager.default.currentDirectoryPath
    /// The vault, nil before `initialize` or while `.notekit.yml` does not load.
    var vault: Vault?
    /// Open documents by URI.
    var documents: [String: OpenDocument] = [:]
    /// Client capabilities that change what the server sends.
    var clientSupportsResolve = false
    var clientRegistersWatchers = false
    /// The client applies `documentChanges` with `rename` resource operations.
    var clientRenamesFiles = false
    /// The client shows Markdown in completion documentation (else it gets plain text).
    var clientCompletionMarkdown = false
    var nextRequestID = 1
    /// `initialize` came; the vault is loaded by the first message that needs it.
    var vaultPending = false

    public init(documentationURL: String? = ProcessInfo.processInfo.environment["NOTEKIT_DOCS_URL"].flatMap { $0.isEmpty ? nil : $0 },
                send: @escaping Send) {
        self.documentationURL = documentationURL
        self.send = send
    }

    /// Handles one message body.
    public func handle(_ body: [UInt8]) {
        switch Message.decode(body) {
        case .failure(let failure):
            send(Message.response(id: failure.id, error: failure.error))
        case .success(.request(let id, let method, let params)):
            switch respond(method, params) {
            case .success(let result): send(Message.response(id: id, result: result))
            case .failure(let error): send(Message.response(id: id, error: error))
            }
        case .success(.notification(let method, let params)):
            notify(method, params)
        case .success(.response):
            break  // answers to registerCapability: nothing to do
        }
    }

    /// The result of request `method`.
    private func respond(_ method: String, _ params: JSON?) -> Result<JSON, ResponseError> {
        if method == "initialize" {
            guard state == .uninitialized else { return .failure(ResponseError(code: ResponseError.invalidRequest, message: "initialize was sent twice")) }
        } else if state == .uninitialized {
            return .failure(ResponseError(code: ResponseError.serverNotInitialized, message: "\(method) before initialize"))
        } else if state == .shuttingDown {
            return .failure(ResponseError(code: ResponseError.invalidRequest, message: "\(method) after shutdown"))
        }
        guard let handler = requests[method] else {
            return .failure(ResponseError(code: ResponseError.methodNotFound, message: "notekit does not handle \(method)"))
        }
        if method != "initialize", method != "shutdown" { ensureVault() }
        do {
            return .success(try handler(self)(params ?? .null))
        } catch let error as ResponseError {
            return .failure(error)
        } catch {
            return .failure(ResponseError(code: ResponseError.requestFailed, message: "\(error)"))
        }
    }

    /// Handles notification `method` (ignored before `initialize`, except `exit`).
    private func notify(_ method: String, _ params: JSON?) {
        if method == "exit" {
            exitCode = state == .shuttingDown ? 0 : 1
            return
        }
        guard state == .running, let handler = notifications[method] else { return }
        if method != "initialized", method != "textDocument/didOpen" { ensureVault() }
        do {
            try handler(self)(params ?? .null)
        } catch {
            log("notekit: \(method): \(error)", type: 1)
        }
    }

    private var requests: [String: (LanguageServer) -> (JSON) throws -> JSON] {
        [
            "initialize": { $0.initialize },
            "shutdown": { $0.shutdown },
            "textDocument/codeAction": { $0.codeActions },
            "codeAction/resolve": { $0.resolveCodeAction },
            "textDocument/completion": { $0.completion },
            "textDocument/hover": { $0.hover },
            "textDocument/definition": { $0.definition },
            "textDocument/references": { $0.references },
            "textDocument/documentSymbol": { $0.documentSymbols },
            "textDocument/rename": { $0.rename },
            "textDocument/prepareRename": { $0.prepareRename },
            "textDocument/diagnostic": { $0.documentDiagnostic },
            "workspace/diagnostic": { $0.workspaceDiagnostic },
            "workspace/willRenameFiles": { $0.willRenameFiles },
        ]
    }

    private var notifications: [String: (LanguageServer) -> (JSON) throws -> Void] {
        [
            "initialized": { $0.initialized },
            "textDocument/didOpen": { $0.didOpen },
            "textDocument/didChange": { $0.didChange },
            "textDocument/didSave": { $0.didSave },
            "textDocument/didClose": { $0.didClose },
            "workspace/didChangeWatchedFiles": { $0.didChangeWatchedFiles },
            "workspace/didRenameFiles": { $0.didRenameFiles },
        ]
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: some Encodable) {
        guard let json = try? JSON(params) else { return }
        send(Message.outgoing(method: method, params: json))
    }

    /// Sends a request whose answer is not awaited.
    func request(_ method: String, _ params: JSON) {
        send(Message.outgoing(method: method, params: params, id: .string("notekit-\(nextRequestID)")))
        nextRequestID += 1
    }

    /// `window/logMessage` (type 1 error, 2 warning, 3 info).
    func log(_ message: String, type: Int = 3) {
        send(Message.outgoing(method: "window/logMessage", params: .object(["type": .int(type), "message": .string(message)])))
    }

    /// Decodes `params` as `T`, an invalid-params error when they are not one.
    func decode<T: Decodable>(_ params: JSON, as type: T.Type) throws -> T {
        do { return try params.decode(type) } catch { throw ResponseError.invalidParams(error) }
    }

    /// Serves stdin and stdout until `exit` or the end of input; returns the exit code
    /// (0 after shutdown and exit, 1 otherwise).
    public static func serveStandardIO() -> Int32 {
        let output = FileHandle.standardOutput
        let server = LanguageServer { body in
            output.write(Data(MessageReader.frame(body)))
        }
        var reader = MessageReader()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while server.exitCode == nil {
            let count = read(0, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            reader.append(chunk[0..<count])
            while server.exitCode == nil {
                do {
                    guard let body = try reader.next() else { break }
                    server.handle(body)
                } catch {
                    server.log("notekit: dropped a message with a bad header: \(error)", type: 1)
                }
            }
        }
        return server.exitCode ?? (server.state == .shuttingDown ? 0 : 1)
    }
}
