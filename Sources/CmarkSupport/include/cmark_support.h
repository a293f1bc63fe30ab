#ifndef NOTEKIT_CMARK_SUPPORT_H
#define NOTEKIT_CMARK_SUPPORT_H

#include <cmark-gfm.h>
#include <stdint.h>

/// The calling thread's bump allocator for one cmark-gfm parse. Everything a parser
/// created with it allocates stays valid until `notekit_arena_reset()` on the same
/// thread; `free` is a no-op.
cmark_mem *notekit_arena_allocator(void);

/// Releases all memory the calling thread's arena handed out, keeping one block (up to
/// 16 MB) for the next parse.
void notekit_arena_reset(void);

/// `cmark_parser_finish`, safe to call from several threads at once. cmark-gfm's inline
/// pass fills and empties a global table of special characters (github/cmark-gfm#176);
/// inline_pass.c keeps the table filled instead, or, when it cannot or NOTEKIT_CMARK_LOCKED=1
/// is set at the first parse, runs one pass at a time.
cmark_node *notekit_parser_finish(cmark_parser *parser);

/// True once a pass has shown that inline passes run in parallel (false in the locked mode).
int notekit_inline_passes_run_in_parallel(void);

/// The bytes of a node's literal (text, code, HTML, code block), the info string of a code
/// block, or the destination of a link or image, in place, with their length; NULL (length 0)
/// when the node has none. Valid until the tree is freed.
const unsigned char *notekit_node_literal(cmark_node *node, int32_t *length);
const unsigned char *notekit_node_fence_info(cmark_node *node, int32_t *length);
const unsigned char *notekit_node_url(cmark_node *node, int32_t *length);

/// The kinds of `MarkdownNode.Kind` the tree converter gives nodes, as `notekit_tree_flatten`
/// writes them (NoteParser maps each constant to its case by name, not by order).
typedef enum {
    NOTEKIT_KIND_DOCUMENT, NOTEKIT_KIND_BLOCK_QUOTE, NOTEKIT_KIND_LIST, NOTEKIT_KIND_ITEM,
    NOTEKIT_KIND_CODE_BLOCK, NOTEKIT_KIND_HTML_BLOCK, NOTEKIT_KIND_CUSTOM_BLOCK, NOTEKIT_KIND_PARAGRAPH,
    NOTEKIT_KIND_HEADING, NOTEKIT_KIND_THEMATIC_BREAK, NOTEKIT_KIND_FOOTNOTE_DEFINITION, NOTEKIT_KIND_TABLE,
    NOTEKIT_KIND_TABLE_ROW, NOTEKIT_KIND_TABLE_CELL, NOTEKIT_KIND_TEXT, NOTEKIT_KIND_SOFT_BREAK,
    NOTEKIT_KIND_LINE_BREAK, NOTEKIT_KIND_CODE, NOTEKIT_KIND_HTML_INLINE, NOTEKIT_KIND_CUSTOM_INLINE,
    NOTEKIT_KIND_EMPHASIS, NOTEKIT_KIND_STRONG, NOTEKIT_KIND_LINK, NOTEKIT_KIND_IMAGE,
    NOTEKIT_KIND_FOOTNOTE_REFERENCE, NOTEKIT_KIND_STRIKETHROUGH, NOTEKIT_KIND_UNKNOWN, NOTEKIT_KIND_COUNT
} notekit_kind;

/// The offsets at which the lines of `bytes` start (the first 0, split on `\n`), `*line_count`
/// of them, in memory the caller frees with `free`.
intptr_t *notekit_line_starts(const uint8_t *bytes, intptr_t byte_count, intptr_t *line_count);

/// The offset of the first byte of `bytes` from `from` on with its high bit set (not ASCII),
/// `byte_count` when there is none.
intptr_t notekit_ascii_run_end(const uint8_t *bytes, intptr_t byte_count, intptr_t from);

/// The line index of the text a tree was parsed from: `line_count` offsets at which its lines
/// start (the first 0, split on `\n`), and its length in bytes.
typedef struct {
    const intptr_t *line_starts;
    intptr_t line_count;
    intptr_t byte_count;
} notekit_lines;

/// A node's source range as `MarkdownTree.Entry` stores it: line, column and offset of its
/// start and end, line 0 (all 0) when cmark-gfm reports no position. cmark's lines and columns
/// are placed on `lines` as `SourceText.offset(line:column:)` and `position(at:onLine:)` do,
/// the end column inclusive (0 for the end of the previous line) made exclusive.
void notekit_node_span(cmark_node *node, const notekit_lines *lines, uint32_t span[6]);

/// One node of a flattened tree, the fields of `MarkdownTree.Entry`.
typedef struct {
    uint8_t kind; // a notekit_kind
    uint8_t heading_level;
    int32_t parent;
    uint32_t end;
    uint32_t span[6];
    uint32_t literal_start, literal_end, extra_start, extra_end;
} notekit_tree_entry;

/// A tree flattened by `notekit_tree_flatten`, its arrays in the calling thread's arena.
typedef struct {
    notekit_tree_entry *entries;
    intptr_t count;
    unsigned char *text;
    intptr_t text_count;
    /// The index of the first container kept without its children for being too deep; -1 for none.
    intptr_t truncated;
} notekit_flat_tree;

/// `document`'s tree in document order (each node followed by its descendants, as cmark's
/// iterator enters them), with the literals of text, code, code blocks and HTML, the info
/// strings of code blocks and the destinations of links and images copied one after another
/// into `text` (`UINT32_MAX` for none); with `literals` 0, only the literals of the text and
/// code under headings (their plain text). A container with `max_depth` open ones around it is
/// kept without its children. The arrays are allocated from the calling thread's arena.
void notekit_tree_flatten(cmark_node *document, const notekit_lines *lines, int32_t max_depth, int32_t literals,
                          notekit_flat_tree *tree);

/// The node after `node` in document order within `root`'s tree (as cmark's iterator enters
/// them), or NULL after the last; `node`'s descendants are passed over when `skip_children`
/// is 1. `*closed` is the number of `node`'s ancestors, up to `root`, whose subtrees end with
/// `node` (or with its skipped descendants).
cmark_node *notekit_node_next(cmark_node *node, cmark_node *root, int32_t skip_children, int32_t *closed);

/// The next code span, code block or HTML block after `node` in document order within `root`'s
/// tree, or NULL after the last, walked as the tree converter walks it: `*depth` is the number
/// of open containers (0 before `root`), and a container with `max_depth` open ones is not entered.
cmark_node *notekit_next_code_node(cmark_node *node, cmark_node *root, int32_t max_depth, int32_t *depth);

/// With `on` nonzero, the calling thread runs cmark-gfm's own definitions of the functions
/// CmarkSupport defines itself (cmark_consolidate_text_nodes, cmark_utf8proc_case_fold), for
/// tests to compare with: both give the same results.
void notekit_use_library_definitions(int on);

#endif
