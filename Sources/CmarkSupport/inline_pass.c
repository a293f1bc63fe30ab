// cmark-gfm's inline pass adds the special characters of the parser's inline extensions
// (`~`, `w`, `:`) to a global table, calling cmark_manage_extensions_special_characters
// (parser, 1), and removes them when done (parser, 0): two passes at once lose autolinks
// and strikethrough (github/cmark-gfm#176). notekit attaches the same extensions to every
// parser, so this file defines that function itself: the first call adds the characters
// for good through the library's definition, and every other call does nothing. The
// library calls the function through its PLT, so the executable's definition is the one
// that runs; should it not be (another linker or platform), passes take a lock instead.
#define _GNU_SOURCE
#include "cmark_support.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static atomic_int interposed;
static atomic_int added;
static pthread_mutex_t adding = PTHREAD_MUTEX_INITIALIZER;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_store(&interposed, 1);
    if (!add || atomic_load(&added)) return;
    pthread_mutex_lock(&adding);
    if (!atomic_load(&added)) {
        void (*library)(cmark_parser *, int) =
            (void (*)(cmark_parser *, int))dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (!library) {
            fputs("notekit: cmark-gfm's cmark_manage_extensions_special_characters not found\n", stderr);
            abort();
        }
        library(parser, 1);
        atomic_store(&added, 1);
    }
    pthread_mutex_unlock(&adding);
}

enum { UNKNOWN, PARALLEL, LOCKED };
static atomic_int mode = UNKNOWN;
static pthread_mutex_t pass = PTHREAD_MUTEX_INITIALIZER;

cmark_node *notekit_parser_finish(cmark_parser *parser) {
    if (atomic_load(&mode) == PARALLEL) return cmark_parser_finish(parser);
    // The first pass, or all of them when the definition above is not the one called.
    pthread_mutex_lock(&pass);
    cmark_node *document = cmark_parser_finish(parser);
    if (atomic_load(&mode) == UNKNOWN) atomic_store(&mode, atomic_load(&interposed) ? PARALLEL : LOCKED);
    pthread_mutex_unlock(&pass);
    return document;
}

int notekit_inline_passes_run_in_parallel(void) { return atomic_load(&mode) == PARALLEL; }
