// cmark's iterator's leaves, for the files that walk a tree as it does (node_walk.c,
// consolidate.c).
#ifndef NOTEKIT_ITERATOR_LEAF_H
#define NOTEKIT_ITERATOR_LEAF_H

#include <cmark-gfm/node.h>

/// Nodes cmark's iterator does not descend into (S_is_leaf in iterator.c).
static inline int is_leaf(const cmark_node *node) {
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

#endif
