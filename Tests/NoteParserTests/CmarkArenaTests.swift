import CmarkSupport
import Testing

/// The bump allocator cmark-gfm parses with: zeroed, aligned memory that keeps its bytes
/// when grown, in place or moved, across block boundaries and resets.
@Suite struct CmarkArenaTests {
    let mem = notekit_arena_allocator()!.pointee

    @Test func callocZeroesAndAligns() {
        defer { notekit_arena_reset() }
        for size in [1, 7, 16, 100, 3000] {
            let memory = mem.calloc(1, size)!
            #expect(Int(bitPattern: memory) % 16 == 0)
            #expect(UnsafeRawBufferPointer(start: memory, count: size).allSatisfy { $0 == 0 })
            memory.initializeMemory(as: UInt8.self, repeating: 0xAB, count: size)
        }
        // Reused memory is zeroed again.
        notekit_arena_reset()
        let again = mem.calloc(100, 30)!
        #expect(UnsafeRawBufferPointer(start: again, count: 3000).allSatisfy { $0 == 0 })
    }

    /// Every size up to 400 bytes (a cmark node's, zeroed by inline stores, among them) and
    /// counts times sizes that make it, on memory dirtied by the round before.
    @Test func callocZeroesEverySmallSizeOnReusedMemory() {
        defer { notekit_arena_reset() }
        for round in 0..<3 {
            for size in 0...400 {
                let (count, each) = round == 1 && size % 2 == 0 ? (2, size / 2) : (1, size)
                let memory = mem.calloc(count, each)!
                #expect(UnsafeRawBufferPointer(start: memory, count: size).allSatisfy { $0 == 0 }, "size \(size), round \(round)")
                memory.initializeMemory(as: UInt8.self, repeating: 0xCD, count: size)
            }
            notekit_arena_reset()
        }
    }

    /// Node-sized callocs (`calloc(1, sizeof(cmark_node))`, 168 bytes in libcmark-gfm 0.29, made
    /// inline) among callocs of other sizes and reallocs of earlier allocations, over many blocks
    /// and a reset: each zeroed and aligned, and every allocation keeps the bytes written to it
    /// (none overlaps another), as a plain model of them (pointer, size, fill byte) expects.
    @Test func nodeSizedCallocsAmongOtherAllocations() {
        defer { notekit_arena_reset() }
        var generator = SplitMix64(seed: 7)
        for round in 0..<2 {
            var live: [(pointer: UnsafeMutableRawPointer, size: Int, fill: UInt8)] = []
            for step in 0..<20_000 {
                let fill = UInt8(truncatingIfNeeded: step % 255 + 1)
                let choice = Int.random(in: 0..<10, using: &generator)
                if choice >= 8, !live.isEmpty {
                    // Grown in place when it is the block's last, else moved: its bytes kept. One of
                    // the last three made (a node may have come after it) or any.
                    let recent = max(0, live.count - 3)..<live.count
                    let old = live.remove(at: Int.random(in: choice == 8 ? recent : live.indices, using: &generator))
                    let size = old.size + Int.random(in: 0...300, using: &generator)
                    let memory = mem.realloc(old.pointer, size)!
                    #expect(UnsafeRawBufferPointer(start: memory, count: old.size).allSatisfy { $0 == old.fill }, "round \(round), step \(step)")
                    memory.advanced(by: old.size).initializeMemory(as: UInt8.self, repeating: old.fill, count: size - old.size)
                    live.append((memory, size, old.fill))
                    continue
                }
                let (count, each) = choice < 6 ? (1, Int.random(in: 160...176, using: &generator))
                    : choice == 6 ? (1, Int.random(in: 0...600, using: &generator)) : (2, Int.random(in: 0...300, using: &generator))
                let memory = mem.calloc(count, each)!
                #expect(Int(bitPattern: memory) % 16 == 0)
                #expect(UnsafeRawBufferPointer(start: memory, count: count * each).allSatisfy { $0 == 0 }, "round \(round), step \(step)")
                memory.initializeMemory(as: UInt8.self, repeating: fill, count: count * each)
                live.append((memory, count * each, fill))
            }
            #expect(live.allSatisfy { entry in UnsafeRawBufferPointer(start: entry.pointer, count: entry.size).allSatisfy { $0 == entry.fill } })
            notekit_arena_reset()
        }
    }

    @Test func reallocKeepsBytesInPlaceAndWhenMoved() {
        defer { notekit_arena_reset() }
        var buffer = mem.realloc(nil, 10)!
        for index in 0..<10 { buffer.storeBytes(of: UInt8(index), toByteOffset: index, as: UInt8.self) }
        let grown = mem.realloc(buffer, 40)!
        #expect(grown == buffer) // the last allocation grows in place
        let other = mem.calloc(1, 8)!
        buffer = mem.realloc(grown, 3 << 20)! // moved, into a new block larger than the first
        #expect(buffer != grown && other != buffer)
        #expect((0..<10).allSatisfy { buffer.load(fromByteOffset: $0, as: UInt8.self) == UInt8($0) })
        let shrunk = mem.realloc(buffer, 4)!
        #expect((0..<4).allSatisfy { shrunk.load(fromByteOffset: $0, as: UInt8.self) == UInt8($0) })
        mem.free(shrunk)
    }

    @Test func manyAllocationsAcrossBlocksStayIntact() {
        defer { notekit_arena_reset() }
        let pointers = (0..<5000).map { index -> UnsafeMutableRawPointer in
            let memory = mem.calloc(1, 1000)!
            memory.storeBytes(of: UInt32(index), as: UInt32.self)
            return memory
        }
        #expect(pointers.enumerated().allSatisfy { $1.load(as: UInt32.self) == UInt32($0) })
    }
}
