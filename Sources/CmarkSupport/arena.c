// A per-thread bump allocator for cmark-gfm: a parse makes many small allocations that all
// die together with its tree, so handing out slices of a few large blocks and dropping them
// at once replaces most of malloc and free. Each allocation is preceded by its size, so
// that realloc can copy it, and grows in place when it is the block's last.
//
// The bump is inlined into calloc and realloc, a node's calloc (most of cmark's allocations)
// made with its size known; the rare new block, copy and other calloc sizes are out of line,
// so that the common paths save no registers.
#include "cmark_support.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm/node.h>

enum { ALIGNMENT = 16, HEADER = 16, FIRST_BLOCK = 1 << 20, KEPT_LIMIT = 16 << 20 };

typedef struct block {
    struct block *previous;
    size_t capacity;
    size_t used;
    size_t last; // offset of the last allocation's header
} block;

#define BLOCK_HEADER ((sizeof(block) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))
#define BLOCK_DATA(b) ((char *)(b) + BLOCK_HEADER)

// Initial-exec: read at a fixed offset from the thread pointer, not through `__tls_get_addr` (a call
// whose clobbered registers the inlined bump would have to save).
static _Thread_local block *current __attribute__((tls_model("initial-exec")));

static void out_of_memory(void) {
    fputs("notekit: out of memory while parsing Markdown\n", stderr);
    abort();
}

static size_t rounded(size_t size) {
    if (size > SIZE_MAX - HEADER - ALIGNMENT) out_of_memory();
    return HEADER + ((size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1));
}

static void add_block(size_t needed) {
    size_t capacity = current ? current->capacity * 2 : FIRST_BLOCK;
    if (capacity < needed) capacity = needed;
    if (capacity > SIZE_MAX - BLOCK_HEADER) out_of_memory();
    block *fresh = malloc(BLOCK_HEADER + capacity);
    if (!fresh) out_of_memory();
    fresh->previous = current;
    fresh->capacity = capacity;
    fresh->used = 0;
    fresh->last = 0;
    current = fresh;
}

/// `arena_alloc` when the current block has no room for `needed` bytes: a new block.
__attribute__((noinline)) static void *alloc_in_new_block(size_t size, size_t needed) {
    add_block(needed);
    char *header = BLOCK_DATA(current);
    *(size_t *)header = size;
    current->last = 0;
    current->used = needed;
    return header + HEADER;
}

static inline void *arena_alloc(size_t size) {
    size_t needed = rounded(size);
    block *b = current;
    if (__builtin_expect(!b || b->capacity - b->used < needed, 0)) return alloc_in_new_block(size, needed);
    char *header = BLOCK_DATA(b) + b->used;
    *(size_t *)header = size;
    b->last = b->used;
    b->used += needed;
    return header + HEADER;
}

/// `arena_calloc` for any size, and for a node when the current block has no room for it.
__attribute__((noinline)) static void *calloc_in_general(size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) out_of_memory();
    size_t total = count * size;
    void *memory = arena_alloc(total);
    memset(memory, 0, total);
    return memory;
}

enum { NODE_NEEDED = HEADER + ((sizeof(cmark_node) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1)) };

static void *arena_calloc(size_t count, size_t size) {
    // Most of cmark's allocations are single nodes (`calloc(1, sizeof(cmark_node))`): a size
    // known at compile time, so no overflow check or rounding, zeroed by the stores of a known
    // size, and no registers to save. Anything else, or a full block, takes the general way.
    block *b = current;
    if (__builtin_expect(count == 1 && size == sizeof(cmark_node) && b && b->capacity - b->used >= NODE_NEEDED, 1)) {
        char *header = BLOCK_DATA(b) + b->used;
        *(size_t *)header = sizeof(cmark_node);
        b->last = b->used;
        b->used += NODE_NEEDED;
        __builtin_memset_inline(header + HEADER, 0, sizeof(cmark_node));
        return header + HEADER;
    }
    return calloc_in_general(count, size);
}

/// `arena_realloc` of `memory` when it cannot grow in place: its bytes copied to a new allocation
/// (out of line, so that the common paths save no registers).
__attribute__((noinline)) static void *moved(void *memory, size_t size) {
    size_t old = *(size_t *)((char *)memory - HEADER);
    void *fresh = arena_alloc(size);
    memcpy(fresh, memory, old < size ? old : size);
    return fresh;
}

static void *arena_realloc(void *memory, size_t size) {
    if (!memory) return arena_alloc(size);
    char *header = (char *)memory - HEADER;
    if (header == BLOCK_DATA(current) + current->last) {
        size_t needed = rounded(size);
        if (current->capacity - current->last >= needed) {
            *(size_t *)header = size;
            current->used = current->last + needed;
            return memory;
        }
    }
    return moved(memory, size);
}

static void arena_free(void *memory) { (void)memory; }

static cmark_mem allocator = {arena_calloc, arena_realloc, arena_free};

cmark_mem *notekit_arena_allocator(void) { return &allocator; }

void notekit_arena_reset(void) {
    if (!current) return;
    size_t total = 0;
    while (current->previous) {
        block *previous = current->previous;
        total += current->capacity;
        free(current);
        current = previous;
    }
    total += current->capacity;
    if (total > current->capacity && total <= KEPT_LIMIT) {
        free(current);
        current = NULL;
        add_block(total);
    }
    current->used = 0;
    current->last = 0;
}
