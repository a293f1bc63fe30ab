// The tree walked by its links and a node's fields read in place: the tree converter's walk
// made as cmark_iter_next and the cmark_node_get_* calls would make it, with two calls a node
// instead of about ten through the shared library's PLT. The layout comes from the internal
// headers of the same libcmark-gfm-dev package (as in node_text.c).
#include "cmark_support.h"

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

void notekit_node_read(cmark_node *node, notekit_node_info *info) {
    info->type = (cmark_node_type)node->type;
    info->start_line = node->start_line;
    info->start_column = node->start_column;
    info->end_line = node->end_line;
    info->end_column = node->end_column;
    info->heading_level = node->type == CMARK_NODE_HEADING ? node->as.heading.level : 0;
    info->has_children = node->first_child != NULL && !is_leaf(node);
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
