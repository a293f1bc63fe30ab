// The library's own definitions of the cmark-gfm functions CmarkSupport defines itself, and
// the per-thread switch to them that tests compare with.
#define _GNU_SOURCE
#include "cmark_support.h"
#include "library_definitions.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static _Thread_local int requested;

void notekit_use_library_definitions(int on) { requested = on; }

int notekit_library_definitions_requested(void) { return requested; }

void *notekit_library_definition(const char *name, void *_Atomic *found) {
    void *definition = atomic_load(found);
    if (definition) return definition;
    definition = dlsym(RTLD_NEXT, name);
    if (!definition) {
        fprintf(stderr, "notekit: cmark-gfm's %s not found\n", name);
        abort();
    }
    atomic_store(found, definition);
    return definition;
}
