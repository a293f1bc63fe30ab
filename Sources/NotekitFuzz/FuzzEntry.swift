/// The pipeline, set up once per process.
private let pipeline: FuzzPipeline = {
    do { return try FuzzPipeline() } catch { fatalError("cannot load templates: \(error)") }
}()

/// libFuzzer's entry point: one input through the whole pipeline.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    pipeline.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if NOTEKIT_FUZZ
/// libFuzzer's driver (its `main` does nothing else). Declared without a C header: its
/// arguments are pointers, passed alike by the Swift and C conventions on Linux x86_64 and arm64.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` to `<module>_main`; here it starts libFuzzer.
@_cdecl("NotekitFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { fuzz($0, $1) }
}
#else
import Foundation

/// Without the fuzzer (`swift run NotekitFuzz FILE...`): replays inputs, such as crashes the
/// fuzzer saved, through the same pipeline.
@main
enum FuzzReplay {
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let outcome = pipeline.run(bytes)
            print("\(path): \(outcome.map { "\($0.findings.count) findings" } ?? "not a note")")
        }
    }
}
#endif
