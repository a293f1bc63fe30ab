// cmark-gfm normalizes every link and footnote label it looks up or defines (a footnote
// reference is one lookup) with cmark_utf8proc_case_fold: a decode, a switch and a buffer
// append for each character, about 900 instructions for a six-letter label. This file
// defines that function itself: a label of ASCII bytes, folded by the library as A-Z to a-z
// and every other byte as it is, is appended in one piece; any other label goes to the
// library's definition. The library calls the function through its PLT, as it does
// cmark_manage_extensions_special_characters (inline_pass.c), so this definition is the one
// that runs; where it is not, the library's own runs, with the same result.
#include "cmark_support.h"
#include "library_definitions.h"

#include <cmark-gfm/buffer.h>
#include <cmark-gfm/utf8.h>

typedef void (*case_fold_function)(cmark_strbuf *, const uint8_t *, bufsize_t);
static void *_Atomic library_case_fold;

/// The library's definition, which folds every label.
static void fold_by_library(cmark_strbuf *dest, const uint8_t *str, bufsize_t len) {
    ((case_fold_function)notekit_library_definition("cmark_utf8proc_case_fold", &library_case_fold))(dest, str, len);
}

void cmark_utf8proc_case_fold(cmark_strbuf *dest, const uint8_t *str, bufsize_t len) {
    if (notekit_library_definitions_requested()) {
        fold_by_library(dest, str, len);
        return;
    }
    // Folded a piece at a time into `folded`; appended only once the whole label has shown
    // to be ASCII (a label over one piece is checked first).
    uint8_t folded[128];
    if (len > (bufsize_t)sizeof folded) {
        uint8_t any = 0;
        for (bufsize_t index = 0; index < len; index++) any |= str[index];
        if (any & 0x80) {
            fold_by_library(dest, str, len);
            return;
        }
    }
    while (len > 0) {
        bufsize_t count = len < (bufsize_t)sizeof folded ? len : (bufsize_t)sizeof folded;
        uint8_t any = 0;
        for (bufsize_t index = 0; index < count; index++) {
            uint8_t byte = str[index];
            any |= byte;
            folded[index] = (uint8_t)(byte - 'A') < 26 ? byte + ('a' - 'A') : byte;
        }
        if (any & 0x80) {
            fold_by_library(dest, str, len);
            return;
        }
        cmark_strbuf_put(dest, folded, count);
        str += count;
        len -= count;
    }
}
