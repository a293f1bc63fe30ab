// A node's strings read in place. cmark_node_get_literal and its siblings copy a literal
// into a NUL-terminated string the first time they are asked (and the caller then measures
// it); the tree converter only needs the bytes. The layout comes from the internal headers
// of the same libcmark-gfm-dev package, shipped for extension authors.
#include "cmark_support.h"

#include <cmark-gfm/node.h>

static const unsigned char *chunk(cmark_chunk *chunk, int32_t *length) {
    *length = chunk->len;
    return chunk->data;
}

const unsigned char *notekit_node_literal(cmark_node *node, int32_t *length) {
    switch (node->type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CODE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
        return chunk(&node->as.literal, length);
    case CMARK_NODE_CODE_BLOCK:
        return chunk(&node->as.code.literal, length);
    default:
        *length = 0;
        return NULL;
    }
}

const unsigned char *notekit_node_fence_info(cmark_node *node, int32_t *length) {
    if (node->type == CMARK_NODE_CODE_BLOCK) return chunk(&node->as.code.info, length);
    *length = 0;
    return NULL;
}

const unsigned char *notekit_node_url(cmark_node *node, int32_t *length) {
    if (node->type == CMARK_NODE_LINK || node->type == CMARK_NODE_IMAGE) return chunk(&node->as.link.url, length);
    *length = 0;
    return NULL;
}
