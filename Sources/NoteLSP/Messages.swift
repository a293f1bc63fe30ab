import Foundation

/// A JSON-RPC 2.0 error object; `code` is one of the codes below or the protocol's own.
public struct ResponseError: Error, Codable, Equatable, Sendable {
    public let code: Int
    public let message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    /// LSP: a request other than `initialize` before it.
    public static let serverNotInitialized = -32002
    /// LSP: a request that is valid but failed.
    public static let requestFailed = -32803

    static func invalidParams(_ error: any Error) -> ResponseError {
        ResponseError(code: invalidParams, message: "invalid params: \(error)")
    }
}

/// A message that is none: the error response it gets, with its id when one could be read.
public struct Rejected: Error, Equatable, Sendable {
    public let id: JSON
    public let error: ResponseError
}

/// One incoming JSON-RPC message.
public enum Message: Equatable, Sendable {
    /// A request: the client waits for a response with its `id`.
    case request(id: JSON, method: String, params: JSON?)
    /// A notification: no response.
    case notification(method: String, params: JSON?)
    /// A response to a request the server sent.
    case response(id: JSON, result: JSON?, error: ResponseError?)

    /// Reads a message body. A body that is no JSON is a parse error, JSON that is no message an
    /// invalid request (with the id when one could be read).
    public static func decode(_ body: [UInt8]) -> Result<Message, Rejected> {
        guard let json = try? JSONDecoder().decode(JSON.self, from: Data(body)) else {
            return .failure(Rejected(id: .null, error: ResponseError(code: ResponseError.parseError, message: "the message is no JSON")))
        }
        let id = json["id"]
        let validID: Bool = switch id { case .int?, .string?: true; default: false }
        guard case .object = json, json["jsonrpc"]?.string == "2.0" else {
            return .failure(Rejected(id: validID ? id! : .null, error: ResponseError(code: ResponseError.invalidRequest, message: "not a JSON-RPC 2.0 message")))
        }
        let params = json["params"]
        if let method = json["method"]?.string {
            if let id { return validID ? .success(.request(id: id, method: method, params: params))
                : .failure(Rejected(id: .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a request id is a number or a string"))) }
            return .success(.notification(method: method, params: params))
        }
        if validID, let id, json["result"] != nil || json["error"] != nil {
            return .success(.response(id: id, result: json["result"], error: try? json["error"]?.decode(ResponseError.self)))
        }
        return .failure(Rejected(id: validID ? id! : .null, error: ResponseError(code: ResponseError.invalidRequest, message: "a message needs a method, or a result or error")))
    }

    /// The body of a response to request `id`.
    public static func response(id: JSON, result: JSON) -> [UInt8] {
        JSON.object(["jsonrpc": .string("2.0"), "id": id, "result": result]).encoded()
    }

    /// The body of an error response to request `id`.
    public static func response(id: JSON, error: ResponseError) -> [UInt8] {
        JSON.object(["jsonrpc": .string("2.0"), "id": id,
                     "error": .object(["code": .int(error.code), "message": .string(error.message)])]).encoded()
    }

    /// The body of a notification (or of a request when `id` is given) the server sends.
    public static func outgoing(method: String, params: JSON, id: JSON? = nil) -> [UInt8] {
        var members: [String: JSON] = ["jsonrpc": .string("2.0"), "method": .string(method), "params": params]
        if let id { members["id"] = id }
        return JSON.object(members).encoded()
    }
}
