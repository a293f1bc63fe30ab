// Scans of a text's bytes sixty-four at a time (a compare or a mask each sixteen, SSE2 being
// part of every x86-64), byte by byte for the rest: where its lines start, instead of a memchr
// call and an array append a line; where its ASCII runs end, for the UTF-8 check.
#include "cmark_support.h"

#include <stdio.h>
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static void out_of_memory(void) {
    fputs("notekit: out of memory while indexing lines\n", stderr);
    abort();
}

/// Appends `offset` to the growing list, doubling it when full.
static inline void add(intptr_t **starts, intptr_t *count, intptr_t *capacity, intptr_t offset) {
    if (__builtin_expect(*count == *capacity, 0)) {
        *capacity *= 2;
        intptr_t *grown = realloc(*starts, (size_t)*capacity * sizeof(intptr_t));
        if (!grown) out_of_memory();
        *starts = grown;
    }
    (*starts)[(*count)++] = offset;
}

intptr_t *notekit_line_starts(const uint8_t *bytes, intptr_t byte_count, intptr_t *line_count) {
    // Room for most texts at once (a line per 75 bytes in the corpus).
    intptr_t capacity = byte_count / 40 + 16, count = 0, offset = 0;
    intptr_t *starts = malloc((size_t)capacity * sizeof(intptr_t));
    if (!starts) out_of_memory();
    starts[count++] = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    for (; offset + 64 <= byte_count; offset += 64) {
        uint64_t mask = 0;
        for (int block = 0; block < 4; block++) {
            __m128i equal = _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + offset + 16 * block)), newline);
            mask |= (uint64_t)(unsigned)_mm_movemask_epi8(equal) << (16 * block);
        }
        for (; mask; mask &= mask - 1) add(&starts, &count, &capacity, offset + __builtin_ctzll(mask) + 1);
    }
#endif
    for (; offset < byte_count; offset++) {
        if (bytes[offset] == '\n') add(&starts, &count, &capacity, offset + 1);
    }
    *line_count = count;
    return starts;
}

intptr_t notekit_ascii_run_end(const uint8_t *bytes, intptr_t byte_count, intptr_t from) {
    intptr_t offset = from;
#if defined(__SSE2__)
    for (; offset + 64 <= byte_count; offset += 64) {
        __m128i a = _mm_loadu_si128((const __m128i *)(bytes + offset)), b = _mm_loadu_si128((const __m128i *)(bytes + offset + 16));
        __m128i c = _mm_loadu_si128((const __m128i *)(bytes + offset + 32)), d = _mm_loadu_si128((const __m128i *)(bytes + offset + 48));
        if (!_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) continue;
        uint64_t mask = (uint64_t)(unsigned)_mm_movemask_epi8(a) | (uint64_t)(unsigned)_mm_movemask_epi8(b) << 16
            | (uint64_t)(unsigned)_mm_movemask_epi8(c) << 32 | (uint64_t)(unsigned)_mm_movemask_epi8(d) << 48;
        return offset + __builtin_ctzll(mask);
    }
#endif
    while (offset < byte_count && bytes[offset] < 0x80) offset++;
    return offset;
}
