#if canImport(Glibc)
import Glibc
#endif

/// Settings of the C allocator for a short run that parses many notes at once.
enum MemoryTuning {
    /// Keeps freed memory for reuse instead of handing it back to the kernel at once, so
    /// the next note's buffers do not fault in fresh pages (about a tenth of a vault lint).
    static func apply() {
        #if canImport(Glibc)
        // glibc's mallopt, from <malloc.h>, which the Glibc module does not export.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(mmapThreshold, 256 << 20)
        _ = mallopt(trimThreshold, 1 << 30)
        _ = mallopt(topPad, 64 << 20)
        #endif
    }
}
