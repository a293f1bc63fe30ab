// Shared by the files that define cmark-gfm functions themselves (consolidate.c,
// case_fold.c): the library's own definitions, and whether the calling thread asked for them.
#ifndef NOTEKIT_LIBRARY_DEFINITIONS_H
#define NOTEKIT_LIBRARY_DEFINITIONS_H

/// Whether the calling thread runs the library's definitions (`notekit_use_library_definitions`).
int notekit_library_definitions_requested(void);

/// The library's definition of `name` (dlsym with RTLD_NEXT), looked up once into `found`;
/// aborts when there is none.
void *notekit_library_definition(const char *name, void *_Atomic *found);

#endif
