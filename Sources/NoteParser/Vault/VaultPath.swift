import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths inside a vault.
public enum VaultPath {
    /// An absolute path without `.` and `..` components (symbolic links are not resolved).
    public static func absolute(_ path: String) -> String {
        var relative = Substring(path)
        while relative.utf8.starts(with: "./".utf8) { relative = relative.dropFirst(2) }
        let full = path.hasPrefix("/") ? path : workingDirectory() + "/" + relative
        if isNormalized(full) { return full }
        var parts: [Substring] = []
        for part in full.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The working directory, from `getcwd` (FileManager's costs more per call).
    private static func workingDirectory() -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(PATH_MAX) + 1) { buffer in
            guard let path = getcwd(buffer.baseAddress, buffer.count) else { return FileManager.default.currentDirectoryPath }
            return String(cString: path)
        }
    }

    /// True for `/` and for absolute paths without empty, `.` or `..` components.
    private static func isNormalized(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            bytes.first == UInt8(ascii: "/") && (bytes.count == 1 || hasPlainComponents(UnsafeBufferPointer(rebasing: bytes.dropFirst())))
        }
    }

    /// True when `bytes` are `/`-separated components, none of them empty, `.` or `..`: found
    /// from `/` to `/` (`memchr`), each component judged by its length and first two bytes.
    static func hasPlainComponents(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }  // one empty component
        let dot = UInt8(ascii: ".")
        var start = 0
        while true {
            let end = memchr(base + start, Int32(UInt8(ascii: "/")), bytes.count - start)
                .map { $0.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base) } ?? bytes.count
            let length = end - start
            if length == 0 || length <= 2 && base[start] == dot && (length == 1 || base[start + 1] == dot) { return false }
            if end == bytes.count { return true }
            start = end + 1
        }
    }

    /// `path` relative to `root`, with `/` separators, when it lies inside it; else `path` unchanged.
    public static func relative(_ path: String, to root: String) -> String {
        // The fast paths read both strings' contiguous bytes (a lint run asks for every note's).
        var (pathText, rootText) = (path, root)
        let plain = pathText.withUTF8 { pathBytes in
            rootText.withUTF8 { rootBytes -> String? in
                // `path` spells out `root/` and then plain components.
                let prefix = rootBytes.last == UInt8(ascii: "/") ? rootBytes.dropLast() : rootBytes[...]
                if !prefix.isEmpty, pathBytes.count > prefix.count,
                   Byte.same(UnsafeBufferPointer(rebasing: pathBytes[..<prefix.count]), UnsafeBufferPointer(rebasing: prefix)),
                   pathBytes[prefix.count] == UInt8(ascii: "/") {
                    let rest = pathBytes[(prefix.count + 1)...]
                    if hasPlainComponents(UnsafeBufferPointer(rebasing: rest)) { return String(decoding: rest, as: UTF8.self) }
                }
                // Under `.`, a relative path of plain components is its own answer: the whole way
                // (with `getcwd`) finds it inside and returns it, or, in `/`, returns it unchanged.
                return prefix.count == 1 && prefix.first == UInt8(ascii: ".") && hasPlainComponents(pathBytes) ? path : nil
            }
        }
        if let plain { return plain }
        let full = absolute(path), base = absolute(root)
        let inside = full.utf8.count > base.utf8.count && full.utf8.starts(with: base.utf8)
            && full.utf8.dropFirst(base.utf8.count).first == UInt8(ascii: "/")
        return inside ? String(Substring(full.utf8.dropFirst(base.utf8.count + 1))) : path
    }

    /// True when `relative(path, to: root)` is `file` byte for byte, told from the bytes where
    /// `path` spells `root/file` (or, under `.`, `file`) and `file` is plain components, without
    /// making the relative path; otherwise by `relative`.
    public static func relative(_ path: String, to root: String, is file: String) -> Bool {
        var (pathText, rootText, fileText) = (path, root, file)
        let spelled = pathText.withUTF8 { pathBytes in
            rootText.withUTF8 { rootBytes in
                fileText.withUTF8 { fileBytes -> Bool in
                    let prefix = rootBytes.last == UInt8(ascii: "/") ? rootBytes.dropLast() : rootBytes[...]
                    guard hasPlainComponents(fileBytes) else { return false }
                    if prefix.count == 1 && prefix.first == UInt8(ascii: ".") && Byte.same(pathBytes, fileBytes) { return true }
                    return !prefix.isEmpty && pathBytes.count == prefix.count + 1 + fileBytes.count
                        && Byte.same(UnsafeBufferPointer(rebasing: pathBytes[..<prefix.count]), UnsafeBufferPointer(rebasing: prefix))
                        && pathBytes[prefix.count] == UInt8(ascii: "/") && Byte.same(UnsafeBufferPointer(rebasing: pathBytes[(prefix.count + 1)...]), fileBytes)
                }
            }
        }
        return spelled || ExactPath.same(relative(path, to: root), file)
    }

    /// True when `path` lies inside `directory`.
    public static func isInside(_ path: String, directory: String) -> Bool {
        absolute(path).hasPrefix(absolute(directory) + "/")
    }
}
