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

/// What the tree converter reads of every node, read in one call instead of one call each.
typedef struct {
    cmark_node_type type;
    int32_t start_line, start_column, end_line, end_column;
    /// A heading's level, 0 for other nodes.
    int32_t heading_level;
    /// 1 when the node has children cmark's iterator enters (a leaf type's never are).
    int32_t has_children;
} notekit_node_info;

void notekit_node_read(cmark_node *node, notekit_node_info *info);

/// The node after `node` in document order within `root`'s tree (as cmark's iterator enters
/// them), or NULL after the last; `node`'s descendants are passed over when `skip_children`
/// is 1. `*closed` is the number of `node`'s ancestors, up to `root`, whose subtrees end with
/// `node` (or with its skipped descendants).
cmark_node *notekit_node_next(cmark_node *node, cmark_node *root, int32_t skip_children, int32_t *closed);

/// The next code span, code block or HTML block after `node` in document order within `root`'s
/// tree, or NULL after the last, walked as the tree converter walks it: `*depth` is the number
/// of open containers (0 before `root`), and a container with `max_depth` open ones is not entered.
cmark_node *notekit_next_code_node(cmark_node *node, cmark_node *root, int32_t max_depth, int32_t *depth);

#endif
