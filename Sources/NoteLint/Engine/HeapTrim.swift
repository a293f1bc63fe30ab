#if canImport(Glibc)
import Glibc
#endif

/// Gives the heap's free pages back to the system. glibc keeps what a run frees in its arenas
/// for reuse, so resident memory stays at its high-water mark after most of what a phase held is
/// freed, and the next phase's large arrays take new pages on top of it; `malloc_trim` returns
/// the free pages. It is looked up when called (a C library may lack it): elsewhere nothing is done.
enum HeapTrim {
    static func release() {
#if canImport(Glibc)
        // A null handle is RTLD_DEFAULT: the symbol wherever the process has it.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
#endif
    }
}
