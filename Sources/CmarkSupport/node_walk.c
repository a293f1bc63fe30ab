// The tree walked by its links and a node's fields read in place: the tree converter's walk
// made as cmark_iter_next and the cmark_node_get_* calls would make it, and the flat entries
// built in the same pass, instead of two calls a node from Swift and its copies of every
// literal through Swift arrays. The layout comes from the internal headers of the same
// libcmark-gfm-dev package (as in node_text.c).
#include "cmark_support.h"
#include "iterator_leaf.h"

#include <string.h>
#include <cmark-gfm/node.h>

cmark_node *notekit_node_next(cmark_node *node, cmark_node *root, int32_t skip_children, int32_t *closed) {
    *closed = 0;
    if (!skip_children && node->first_child && !is_leaf(node)) return node->first_child;
    while (node != root && node->parent) {
        if (node->next) return node->next;
        node = node->parent;
        *closed += 1;
    }
    return NULL;
}

cmark_node *notekit_next_code_node(cmark_node *node, cmark_node *root, int32_t max_depth, int32_t *depth) {
    for (;;) {
        // The tree converter's walk: a container at `max_depth` open ones is not entered.
        int32_t skip_children = 1, closed = 0;
        if (node->first_child && !is_leaf(node) && *depth < max_depth) {
            skip_children = 0;
            *depth += 1;
        }
        node = notekit_node_next(node, root, skip_children, &closed);
        *depth = *depth > closed ? *depth - closed : 0;
        if (node == NULL) return NULL;
        switch (node->type) {
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
            return node;
        default:
            break;
        }
    }
}

static intptr_t min(intptr_t a, intptr_t b) { return a < b ? a : b; }
static intptr_t max(intptr_t a, intptr_t b) { return a > b ? a : b; }

/// The end of `line` (its newline's offset), or the text's end for its last line.
static intptr_t line_end(const notekit_lines *lines, intptr_t line) {
    return line < lines->line_count ? lines->line_starts[line] - 1 : lines->byte_count;
}

/// `SourceText.position(at:onLine:)`: the position of `offset`, found by a search when it is
/// not on `line`.
static void position(const notekit_lines *lines, intptr_t offset, intptr_t line, uint32_t *out) {
    const intptr_t *starts = lines->line_starts;
    if (!(line <= lines->line_count && offset >= starts[line - 1] && offset <= line_end(lines, line))) {
        offset = min(max(offset, 0), lines->byte_count);
        intptr_t low = 0, high = lines->line_count - 1;
        while (low < high) {
            intptr_t mid = (low + high + 1) / 2;
            if (starts[mid] <= offset) low = mid; else high = mid - 1;
        }
        line = low + 1;
    }
    out[0] = (uint32_t)line;
    out[1] = (uint32_t)(offset - starts[line - 1] + 1);
    out[2] = (uint32_t)offset;
}

// Inlined into the flattening loop (a call a node cost more than its work in the common case).
__attribute__((always_inline)) static inline void span_of(cmark_node *node, const notekit_lines *lines, uint32_t span[6]) {
    intptr_t start_line = node->start_line, end_line = node->end_line;
    if (start_line <= 0 || end_line < start_line) {
        memset(span, 0, 6 * sizeof(uint32_t));
        return;
    }
    const intptr_t *starts = lines->line_starts;
    intptr_t line_count = lines->line_count, start_column = node->start_column, end_column = node->end_column;
    intptr_t start, end;
    if (end_line < line_count) {
        // Both lines end at a newline (the common case): what the general way below computes,
        // each position on its own line, without its bounds. The start is column - 1 bytes into
        // its line, at most at its newline; the end (exclusive) column bytes in (0: its start),
        // at most at its newline.
        intptr_t start_line_start = starts[start_line - 1], end_line_start = starts[end_line - 1];
        intptr_t start_in_line = min(max(start_column - 1, 0), starts[start_line] - 1 - start_line_start);
        intptr_t end_in_line = end_column == 0 ? 0 : min(max(end_column, 1), starts[end_line] - 1 - end_line_start);
        start = start_line_start + start_in_line;
        end = end_line_start + end_in_line;
        span[0] = (uint32_t)start_line;
        span[1] = (uint32_t)(start_in_line + 1);
        span[2] = (uint32_t)start;
        if (end > start) {
            span[3] = (uint32_t)end_line;
            span[4] = (uint32_t)(end_in_line + 1);
            span[5] = (uint32_t)end;
        } else {
            memcpy(span + 3, span, 3 * sizeof(uint32_t));
        }
        return;
    }
    // SourceText.offset(line:column:) (cmark gives lines past the last for a last line without newline).
    start = start_line <= line_count ? min(starts[start_line - 1] + max(start_column - 1, 0), line_end(lines, start_line))
        : lines->byte_count;
    if (end_column == 0) {
        end = starts[min(end_line, line_count) - 1];
    } else {
        intptr_t offset = end_line <= line_count ? min(starts[end_line - 1] + max(end_column - 1, 0), line_end(lines, end_line))
            : lines->byte_count;
        end = min(offset + 1, line_end(lines, end_line));
    }
    position(lines, start, start_line, span);
    if (end > start) position(lines, end, min(end_line, line_count), span + 3);
    else memcpy(span + 3, span, 3 * sizeof(uint32_t));
}

void notekit_node_span(cmark_node *node, const notekit_lines *lines, uint32_t span[6]) { span_of(node, lines, span); }

/// The kinds of the extension node types met so far in a tree (their names looked up once).
typedef struct {
    int count;
    cmark_node_type types[8];
    uint8_t kinds[8];
} extension_kinds;

enum { NOT_CORE = NOTEKIT_KIND_COUNT };

/// The kinds of cmark's own node types by their value, the block types' then the inline ones';
/// `NOT_CORE` for the values left to extensions.
static const uint8_t core_kinds[2][16] = {
    {NOT_CORE, NOTEKIT_KIND_DOCUMENT, NOTEKIT_KIND_BLOCK_QUOTE, NOTEKIT_KIND_LIST, NOTEKIT_KIND_ITEM, NOTEKIT_KIND_CODE_BLOCK,
     NOTEKIT_KIND_HTML_BLOCK, NOTEKIT_KIND_CUSTOM_BLOCK, NOTEKIT_KIND_PARAGRAPH, NOTEKIT_KIND_HEADING, NOTEKIT_KIND_THEMATIC_BREAK,
     NOTEKIT_KIND_FOOTNOTE_DEFINITION, NOT_CORE, NOT_CORE, NOT_CORE, NOT_CORE},
    {NOT_CORE, NOTEKIT_KIND_TEXT, NOTEKIT_KIND_SOFT_BREAK, NOTEKIT_KIND_LINE_BREAK, NOTEKIT_KIND_CODE, NOTEKIT_KIND_HTML_INLINE,
     NOTEKIT_KIND_CUSTOM_INLINE, NOTEKIT_KIND_EMPHASIS, NOTEKIT_KIND_STRONG, NOTEKIT_KIND_LINK, NOTEKIT_KIND_IMAGE,
     NOTEKIT_KIND_FOOTNOTE_REFERENCE, NOT_CORE, NOT_CORE, NOT_CORE, NOT_CORE},
};

/// The kinds of the nodes `is_leaf` tells, as bits (the other kinds' nodes may have children).
static const uint32_t leaf_kinds = 1u << NOTEKIT_KIND_HTML_BLOCK | 1u << NOTEKIT_KIND_THEMATIC_BREAK | 1u << NOTEKIT_KIND_CODE_BLOCK
    | 1u << NOTEKIT_KIND_TEXT | 1u << NOTEKIT_KIND_SOFT_BREAK | 1u << NOTEKIT_KIND_LINE_BREAK | 1u << NOTEKIT_KIND_CODE
    | 1u << NOTEKIT_KIND_HTML_INLINE;

/// The kinds whose nodes have strings to copy (literals, fence infos, destinations), and those
/// of a heading's plain text.
static const uint32_t string_kinds = 1u << NOTEKIT_KIND_TEXT | 1u << NOTEKIT_KIND_CODE | 1u << NOTEKIT_KIND_HTML_BLOCK
    | 1u << NOTEKIT_KIND_HTML_INLINE | 1u << NOTEKIT_KIND_CODE_BLOCK | 1u << NOTEKIT_KIND_LINK | 1u << NOTEKIT_KIND_IMAGE;
static const uint32_t text_kinds = 1u << NOTEKIT_KIND_TEXT | 1u << NOTEKIT_KIND_CODE;

static uint8_t extension_kind(cmark_node *node, extension_kinds *known);

/// A node's kind: a core type's from the table, an extension's by its name.
static inline uint8_t kind_of(cmark_node *node, extension_kinds *known) {
    unsigned type = node->type;
    // A block or inline type with a value under 16.
    if ((type & ~(0x4000u | 15u)) == CMARK_NODE_TYPE_PRESENT) {
        uint8_t kind = core_kinds[(type >> 14) & 1][type & 15];
        if (kind != NOT_CORE) return kind;
    }
    return extension_kind(node, known);
}

/// The kind of an extension's node type, by its name (looked up once a tree, then remembered in `known`).
__attribute__((noinline)) static uint8_t extension_kind(cmark_node *node, extension_kinds *known) {
    // Extension node types are not exported by Debian's headers; their names are (a table
    // row's name says whether it is the header: the kind is the same).
    cmark_node_type type = (cmark_node_type)node->type;
    for (int i = 0; i < known->count; i++) {
        if (known->types[i] == type) return known->kinds[i];
    }
    const char *name = cmark_node_get_type_string(node);
    if (!name) name = "";
    uint8_t kind = NOTEKIT_KIND_UNKNOWN;
    if (strcmp(name, "table") == 0) kind = NOTEKIT_KIND_TABLE;
    else if (strcmp(name, "table_row") == 0 || strcmp(name, "table_header") == 0) kind = NOTEKIT_KIND_TABLE_ROW;
    else if (strcmp(name, "table_cell") == 0) kind = NOTEKIT_KIND_TABLE_CELL;
    else if (strcmp(name, "strikethrough") == 0) kind = NOTEKIT_KIND_STRIKETHROUGH;
    if (known->count < 8) {
        known->types[known->count] = type;
        known->kinds[known->count] = kind;
        known->count += 1;
    }
    return kind;
}

/// A tree's text while it is flattened, grown in the arena by doubling.
typedef struct {
    unsigned char *bytes;
    intptr_t count, capacity;
    cmark_mem *memory;
} text_builder;

/// Appends a string of a node (an empty one has no bytes) to the text; its (start, end) there.
__attribute__((always_inline)) static inline void append(text_builder *text, const unsigned char *bytes, int32_t length,
                                                         uint32_t *start, uint32_t *end) {
    *start = (uint32_t)text->count;
    if (bytes && length > 0) {
        if (text->count + length > text->capacity) {
            text->capacity = max(text->capacity * 2, text->count + length);
            text->bytes = text->memory->realloc(text->bytes, (size_t)text->capacity);
        }
        memcpy(text->bytes + text->count, bytes, (size_t)length);
        text->count += length;
    }
    *end = (uint32_t)text->count;
}

void notekit_tree_flatten(cmark_node *document, const notekit_lines *lines, int32_t max_depth, int32_t literals,
                          notekit_flat_tree *tree) {
    cmark_mem *memory = notekit_arena_allocator();
    // A copy the entries' stores cannot alias, kept in registers.
    const notekit_lines text_lines = *lines;
    lines = &text_lines;
    // Room for most notes at once (a node per 36 bytes in the corpus, some notes a node per
    // 20, and fewer text bytes than the source's).
    intptr_t capacity = lines->byte_count / 16 + 16, count = 0, truncated = -1;
    notekit_tree_entry *entries = memory->realloc(NULL, (size_t)capacity * sizeof(notekit_tree_entry));
    text_builder text = {NULL, 0, lines->byte_count + 16, memory};
    text.bytes = memory->realloc(NULL, (size_t)text.capacity);
    extension_kinds known = {0};
    // The innermost open container and how many are open; the open heading, -1 for none.
    intptr_t parent = -1, heading = -1;
    // The kinds whose strings are copied: all of them with `literals`; else only the text and
    // code under a heading (its plain text).
    const uint32_t all_strings = literals ? string_kinds : 0, heading_strings = all_strings | text_kinds;
    uint32_t copied = all_strings;
    int32_t depth = 0;
    cmark_node *node = document;
    while (node) {
        if (count == capacity) {
            capacity *= 2;
            entries = memory->realloc(entries, (size_t)capacity * sizeof(notekit_tree_entry));
        }
        intptr_t index = count++;
        notekit_tree_entry *entry = entries + index;
        uint8_t kind = kind_of(node, &known);
        entry->kind = kind;
        entry->heading_level = kind == NOTEKIT_KIND_HEADING ? (uint8_t)node->as.heading.level : 0;
        entry->parent = (int32_t)parent;
        entry->end = (uint32_t)(index + 1);
        span_of(node, lines, entry->span);
        entry->literal_start = entry->literal_end = entry->extra_start = entry->extra_end = UINT32_MAX;
        if (copied >> kind & 1) {
            int32_t length;
            const unsigned char *bytes;
            if (kind == NOTEKIT_KIND_LINK || kind == NOTEKIT_KIND_IMAGE) {
                bytes = notekit_node_url(node, &length);
                append(&text, bytes, length, &entry->extra_start, &entry->extra_end);
            } else {
                bytes = notekit_node_literal(node, &length);
                append(&text, bytes, length, &entry->literal_start, &entry->literal_end);
                if (kind == NOTEKIT_KIND_CODE_BLOCK) {
                    bytes = notekit_node_fence_info(node, &length);
                    append(&text, bytes, length, &entry->extra_start, &entry->extra_end);
                }
            }
        }
        if (node->first_child && !(leaf_kinds >> kind & 1)) {
            if (depth < max_depth) {
                parent = index;
                depth += 1;
                if (kind == NOTEKIT_KIND_HEADING) {
                    heading = index;
                    copied = heading_strings;
                }
                node = node->first_child;
                continue;
            }
            // Too deep: kept as a node without children.
            if (truncated < 0) truncated = index;
        }
        // The next sibling of the node or of its nearest ancestor that has one, the open
        // containers left on the way closed (`notekit_node_next` with its children skipped).
        for (;;) {
            if (node == document || !node->parent) {
                node = NULL;
                break;
            }
            if (node->next) {
                node = node->next;
                break;
            }
            node = node->parent;
            if (parent >= 0) {
                if (parent == heading) {
                    heading = -1;
                    copied = all_strings;
                }
                entries[parent].end = (uint32_t)count;
                parent = entries[parent].parent;
                depth -= 1;
            }
        }
    }
    tree->entries = entries;
    tree->count = count;
    tree->text = text.bytes;
    tree->text_count = text.count;
    tree->truncated = truncated;
}
