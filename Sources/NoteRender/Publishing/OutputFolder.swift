import Foundation

/// The folder rendered files go to. Names are slugs, and every path is checked to be a
/// direct child of the folder, so nothing is written outside it.
public struct OutputFolder: Sendable {
    public let url: URL

    public init(path: String) { url = URL(fileURLWithPath: path).standardizedFileURL }

    /// Writes `text` to `slug.ext` (atomically, replacing any symlink there); returns the file.
    public func write(_ text: String, slug: String, fileExtension: String) throws -> URL {
        let name = Slug.make(slug) + "." + fileExtension
        let file = url.appendingPathComponent(name).standardizedFileURL
        guard file.deletingLastPathComponent().path == url.path, file.lastPathComponent == name else {
            throw RenderError("\(name): refusing to write outside \(url.path)")
        }
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw RenderError("\(file.path): cannot write: \(error.localizedDescription)")
        }
        return file
    }
}
