#ifndef NOTEKIT_CMARK_ARENA_H
#define NOTEKIT_CMARK_ARENA_H

#include <cmark-gfm.h>

/// The calling thread's bump allocator for one cmark-gfm parse. Everything a parser
/// created with it allocates stays valid until `notekit_arena_reset()` on the same
/// thread; `free` is a no-op.
cmark_mem *notekit_arena_allocator(void);

/// Releases all memory the calling thread's arena handed out, keeping one block (up to
/// 16 MB) for the next parse.
void notekit_arena_reset(void);

#endif
