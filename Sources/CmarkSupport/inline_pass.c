// cmark-gfm's inline pass adds the special characters of the parser's inline extensions
// (`~`, `w`, `:`) to a global table, calling cmark_manage_extensions_special_characters
// (parser, 1), and removes them when done (parser, 0): two passes at once lose autolinks
// and strikethrough (github/cmark-gfm#176). notekit attaches the same extensions to every
// parser, so this file defines that function itself: the first call adds the characters
// for good through the library's definition, and every other call does nothing. The
// library calls the function through its PLT, so the executable's definition is the one
// that runs; should it not be (another linker or platform), passes take a lock instead.
//
// The definition is process-wide: it changes cmark-gfm for every user of it in the process
// that links NoteParser, not only for notekit. For them, once anything has parsed, `~`, `w`
// and `:` stay special characters, also for parsers without the strikethrough or autolink
// extension. Their output is identical (the inline pass turns a special character that
// starts nothing back into text), but a text node may be split in two at such a character.
//
// Opt-out: with NOTEKIT_CMARK_LOCKED=1 in the environment at the first call (the first
// parse), the definition forwards every call unchanged to the library's function, and
// notekit runs its inline passes one at a time under a lock (the LOCKED mode below).
#define _GNU_SOURCE
#include "cmark_support.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*manage_characters)(cmark_parser *, int);

/// The library's own definition, looked up once.
static manage_characters library_definition(void) {
    static _Atomic(manage_characters) found;
    manage_characters library = atomic_load(&found);
    if (library) return library;
    library = (manage_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (!library) {
        fputs("notekit: cmark-gfm's cmark_manage_extensions_special_characters not found\n", stderr);
        abort();
    }
    atomic_store(&found, library);
    return library;
}

enum { UNREAD, NOT_SET, SET };
static atomic_int locked_by_environment = UNREAD;

/// Whether NOTEKIT_CMARK_LOCKED=1 was in the environment when first asked.
static int locked_requested(void) {
    int state = atomic_load(&locked_by_environment);
    if (state == UNREAD) {
        const char *value = getenv("NOTEKIT_CMARK_LOCKED");
        state = value && strcmp(value, "1") == 0 ? SET : NOT_SET;
        atomic_store(&locked_by_environment, state);
    }
    return state == SET;
}

static atomic_int interposed;
static atomic_int added;
static pthread_mutex_t adding = PTHREAD_MUTEX_INITIALIZER;

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    if (locked_requested()) {
        library_definition()(parser, add);
        return;
    }
    atomic_store(&interposed, 1);
    if (!add || atomic_load(&added)) return;
    pthread_mutex_lock(&adding);
    if (!atomic_load(&added)) {
        library_definition()(parser, 1);
        atomic_store(&added, 1);
    }
    pthread_mutex_unlock(&adding);
}

enum { UNKNOWN, PARALLEL, LOCKED };
static atomic_int mode = UNKNOWN;
static pthread_mutex_t pass = PTHREAD_MUTEX_INITIALIZER;

cmark_node *notekit_parser_finish(cmark_parser *parser) {
    if (atomic_load(&mode) == PARALLEL) return cmark_parser_finish(parser);
    // The first pass, or all of them when the definition above is not the one called or
    // NOTEKIT_CMARK_LOCKED=1 asked for the library's own.
    pthread_mutex_lock(&pass);
    cmark_node *document = cmark_parser_finish(parser);
    if (atomic_load(&mode) == UNKNOWN)
        atomic_store(&mode, atomic_load(&interposed) && !locked_requested() ? PARALLEL : LOCKED);
    pthread_mutex_unlock(&pass);
    return document;
}

int notekit_inline_passes_run_in_parallel(void) { return atomic_load(&mode) == PARALLEL; }
