// The tree walked by its links and a node's fields read in place: the tree converter's walk
// made as cmark_iter_next and the cmark_node_get_* calls would make it, and the flat entries
// built in the same pass, instead of two calls a node from Swift and its copies of every
// literal through Swift arrays. The layout comes from the internal headers of the same
// libcmark-gfm-dev package (as in node_text.c).
#include "cmark_support.h"

#include <string.h>
#include <cmark-gfm/node.h>

// Nodes cmark's iterator does not descend into (S_is_leaf in iterator.c).
static int is_leaf(cmark_node *node) {
    switch (node->type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
        return 1;
    default:
        return 0;
    }
}

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
        // each position on its own line, without its bounds.
        intptr_t start_line_start = starts[start_line - 1], start_line_end = starts[start_line] - 1;
        intptr_t end_line_start = starts[end_line - 1], end_line_end = starts[end_line] - 1;
        start = min(start_line_start + max(start_column - 1, 0), start_line_end);
        end = end_column == 0 ? end_line_start : min(min(end_line_start + max(end_column - 1, 0), end_line_end) + 1, end_line_end);
        span[0] = (uint32_t)start_line;
        span[1] = (uint32_t)(start - start_line_start + 1);
        span[2] = (uint32_t)start;
        if (end > start) {
            span[3] = (uint32_t)end_line;
            span[4] = (uint32_t)(end - end_line_start + 1);
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

static uint8_t kind_of(cmark_node *node, extension_kinds *known) {
    switch ((cmark_node_type)node->type) {
    case CMARK_NODE_DOCUMENT: return NOTEKIT_KIND_DOCUMENT;
    case CMARK_NODE_BLOCK_QUOTE: return NOTEKIT_KIND_BLOCK_QUOTE;
    case CMARK_NODE_LIST: return NOTEKIT_KIND_LIST;
    case CMARK_NODE_ITEM: return NOTEKIT_KIND_ITEM;
    case CMARK_NODE_CODE_BLOCK: return NOTEKIT_KIND_CODE_BLOCK;
    case CMARK_NODE_HTML_BLOCK: return NOTEKIT_KIND_HTML_BLOCK;
    case CMARK_NODE_CUSTOM_BLOCK: return NOTEKIT_KIND_CUSTOM_BLOCK;
    case CMARK_NODE_PARAGRAPH: return NOTEKIT_KIND_PARAGRAPH;
    case CMARK_NODE_HEADING: return NOTEKIT_KIND_HEADING;
    case CMARK_NODE_THEMATIC_BREAK: return NOTEKIT_KIND_THEMATIC_BREAK;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return NOTEKIT_KIND_FOOTNOTE_DEFINITION;
    case CMARK_NODE_TEXT: return NOTEKIT_KIND_TEXT;
    case CMARK_NODE_SOFTBREAK: return NOTEKIT_KIND_SOFT_BREAK;
    case CMARK_NODE_LINEBREAK: return NOTEKIT_KIND_LINE_BREAK;
    case CMARK_NODE_CODE: return NOTEKIT_KIND_CODE;
    case CMARK_NODE_HTML_INLINE: return NOTEKIT_KIND_HTML_INLINE;
    case CMARK_NODE_CUSTOM_INLINE: return NOTEKIT_KIND_CUSTOM_INLINE;
    case CMARK_NODE_EMPH: return NOTEKIT_KIND_EMPHASIS;
    case CMARK_NODE_STRONG: return NOTEKIT_KIND_STRONG;
    case CMARK_NODE_LINK: return NOTEKIT_KIND_LINK;
    case CMARK_NODE_IMAGE: return NOTEKIT_KIND_IMAGE;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return NOTEKIT_KIND_FOOTNOTE_REFERENCE;
    default:
        break;
    }
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

/// A tree's arrays while it is flattened, grown in the arena by doubling.
typedef struct {
    notekit_flat_tree *tree;
    intptr_t capacity, text_capacity;
    cmark_mem *memory;
} builder;

/// Appends a string of a node (an empty one has no bytes) to the text; its (start, end) there.
static void append(builder *b, const unsigned char *bytes, int32_t length, uint32_t *start, uint32_t *end) {
    notekit_flat_tree *tree = b->tree;
    *start = (uint32_t)tree->text_count;
    if (bytes && length > 0) {
        if (tree->text_count + length > b->text_capacity) {
            b->text_capacity = max(b->text_capacity * 2, tree->text_count + length);
            tree->text = b->memory->realloc(tree->text, (size_t)b->text_capacity);
        }
        memcpy(tree->text + tree->text_count, bytes, (size_t)length);
        tree->text_count += length;
    }
    *end = (uint32_t)tree->text_count;
}

void notekit_tree_flatten(cmark_node *document, const notekit_lines *lines, int32_t max_depth, int32_t literals,
                          notekit_flat_tree *tree) {
    // Room for most notes at once (a node per 36 bytes in the corpus, some notes a node per
    // 20, and fewer text bytes than the source's).
    builder b = {tree, lines->byte_count / 16 + 16, lines->byte_count + 16, notekit_arena_allocator()};
    tree->entries = b.memory->realloc(NULL, (size_t)b.capacity * sizeof(notekit_tree_entry));
    tree->text = b.memory->realloc(NULL, (size_t)b.text_capacity);
    tree->count = 0;
    tree->text_count = 0;
    tree->truncated = -1;
    extension_kinds known = {0};
    // The innermost open container and how many are open; the open heading, -1 for none.
    intptr_t parent = -1, heading = -1;
    int32_t depth = 0;
    cmark_node *node = document;
    while (node) {
        if (tree->count == b.capacity) {
            b.capacity *= 2;
            tree->entries = b.memory->realloc(tree->entries, (size_t)b.capacity * sizeof(notekit_tree_entry));
        }
        intptr_t index = tree->count++;
        notekit_tree_entry *entry = tree->entries + index;
        uint8_t kind = kind_of(node, &known);
        entry->kind = kind;
        entry->heading_level = kind == NOTEKIT_KIND_HEADING ? (uint8_t)node->as.heading.level : 0;
        entry->parent = (int32_t)parent;
        entry->end = (uint32_t)(index + 1);
        span_of(node, lines, entry->span);
        entry->literal_start = entry->literal_end = entry->extra_start = entry->extra_end = UINT32_MAX;
        int32_t length;
        const unsigned char *bytes;
        switch (kind) {
        case NOTEKIT_KIND_TEXT:
        case NOTEKIT_KIND_CODE:
        case NOTEKIT_KIND_HTML_BLOCK:
        case NOTEKIT_KIND_HTML_INLINE:
            // Without `literals`, only the text and code under a heading (its plain text).
            if (!literals && (heading < 0 || kind == NOTEKIT_KIND_HTML_BLOCK || kind == NOTEKIT_KIND_HTML_INLINE)) break;
            bytes = notekit_node_literal(node, &length);
            append(&b, bytes, length, &entry->literal_start, &entry->literal_end);
            break;
        case NOTEKIT_KIND_CODE_BLOCK:
            if (!literals) break;
            bytes = notekit_node_literal(node, &length);
            append(&b, bytes, length, &entry->literal_start, &entry->literal_end);
            bytes = notekit_node_fence_info(node, &length);
            append(&b, bytes, length, &entry->extra_start, &entry->extra_end);
            break;
        case NOTEKIT_KIND_LINK:
        case NOTEKIT_KIND_IMAGE:
            if (!literals) break;
            bytes = notekit_node_url(node, &length);
            append(&b, bytes, length, &entry->extra_start, &entry->extra_end);
            break;
        default:
            break;
        }
        int32_t skip_children = !(node->first_child && !is_leaf(node));
        if (!skip_children) {
            if (depth >= max_depth) {
                // Too deep: kept as a node without children.
                if (tree->truncated < 0) tree->truncated = index;
                skip_children = 1;
            } else {
                parent = index;
                depth += 1;
                if (kind == NOTEKIT_KIND_HEADING) heading = index;
            }
        }
        int32_t closed;
        node = notekit_node_next(node, document, skip_children, &closed);
        for (; closed > 0 && parent >= 0; closed--) {
            if (parent == heading) heading = -1;
            tree->entries[parent].end = (uint32_t)tree->count;
            parent = tree->entries[parent].parent;
            depth -= 1;
        }
    }
}
