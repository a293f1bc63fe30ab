// cmark-gfm merges adjacent text nodes after its inline pass (in cmark_parser_finish, and again
// in the autolink extension's postprocess) with cmark_consolidate_text_nodes, which walks the
// tree with an iterator call per event and grows a buffer piece by piece for each run of text
// nodes: about 5% of a lint's instructions. This file defines that function itself, with the
// same result: the nodes the iterator enters, in its order, walked by their links; each run's
// literal measured first and copied once into one allocation from the tree's allocator, and
// the merged nodes freed as cmark_node_free frees a text node. The library
// calls the function through its PLT, as it does cmark_manage_extensions_special_characters
// (inline_pass.c), so this definition is the one that runs; where it is not, the library's
// own runs, with the same tree.
//
// Process-wide, like inline_pass.c: every user of cmark-gfm in a process that links
// NoteParser gets this definition (notekit_use_library_definitions switches a thread back).
#include "cmark_support.h"
#include "iterator_leaf.h"
#include "library_definitions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmark-gfm/chunk.h>
#include <cmark-gfm/node.h>
#include <cmark-gfm/syntax_extension.h>

typedef void (*consolidate_function)(cmark_node *);
static void *_Atomic library_consolidate;

/// cmark_node_free for a text node (S_node_unlink and S_free_nodes in node.c), without the
/// calls; one with children, which the parser never makes, goes to the library's.
static void free_text_node(cmark_node *node) {
    if (node->last_child) {
        cmark_node_free(node);
        return;
    }
    if (node->prev) node->prev->next = node->next;
    if (node->next) node->next->prev = node->prev;
    cmark_node *parent = node->parent;
    if (parent) {
        if (parent->first_child == node) parent->first_child = node->next;
        if (parent->last_child == node) parent->last_child = node->prev;
    }
    cmark_strbuf_free(&node->content);
    cmark_mem *mem = node->content.mem;
    if (node->user_data && node->user_data_free_func) node->user_data_free_func(mem, node->user_data);
    if (node->as.opaque && node->extension && node->extension->opaque_free_func)
        node->extension->opaque_free_func(node->extension, mem, node);
    cmark_chunk_free(mem, &node->as.literal);
    mem->free(node);
}

/// The largest buffer cmark_strbuf grows (it aborts past it). A run's text is never longer
/// than its paragraph's content, itself such a buffer, so no run reaches the limit.
enum { BUFFER_LIMIT = INT32_MAX / 2 };

/// Merges the text nodes after `first` into it, as the library's loop does: one literal, the
/// last one's end column, the others freed.
static void merge_run(cmark_node *first, cmark_mem *mem) {
    size_t total = (size_t)first->as.literal.len;
    for (cmark_node *node = first->next; node && node->type == CMARK_NODE_TEXT; node = node->next)
        total += (size_t)node->as.literal.len;
    if (total > BUFFER_LIMIT) {
        fputs("notekit: cmark-gfm text run over its buffer limit\n", stderr);
        abort();
    }
    // cmark_strbuf_detach: an empty buffer is a fresh 1-byte allocation, a grown one is
    // NUL-terminated.
    unsigned char *data = total ? mem->realloc(NULL, total + 1) : mem->calloc(1, 1);
    size_t used = 0;
    if (first->as.literal.len > 0) {
        memcpy(data, first->as.literal.data, (size_t)first->as.literal.len);
        used = (size_t)first->as.literal.len;
    }
    cmark_node *node = first->next;
    while (node && node->type == CMARK_NODE_TEXT) {
        if (node->as.literal.len > 0) {
            memcpy(data + used, node->as.literal.data, (size_t)node->as.literal.len);
            used += (size_t)node->as.literal.len;
        }
        first->end_column = node->end_column;
        cmark_node *following = node->next;
        free_text_node(node);
        node = following;
    }
    if (total) data[total] = 0;
    cmark_chunk_free(mem, &first->as.literal);
    first->as.literal.data = data;
    first->as.literal.len = (bufsize_t)total;
    first->as.literal.alloc = 1;
}

/// Whether the walk merges the text nodes after `node` into it.
static inline int starts_run(const cmark_node *node) {
    return node->type == CMARK_NODE_TEXT && node->next && node->next->type == CMARK_NODE_TEXT;
}

void cmark_consolidate_text_nodes(cmark_node *root) {
    if (root == NULL) return;
    if (notekit_library_definitions_requested()) {
        ((consolidate_function)notekit_library_definition("cmark_consolidate_text_nodes", &library_consolidate))(root);
        return;
    }
    // cmark_iter_new's allocator, which the library's buffer uses.
    cmark_mem *mem = root->content.mem;
    // The iterator's walk: the nodes it enters, in its order. From the root it goes on to the
    // root's next siblings only when the root starts a run (they are merged into it).
    if (starts_run(root)) merge_run(root, mem);
    if (is_leaf(root)) return;
    cmark_node *node = root->first_child;
    while (node) {
        if (starts_run(node)) merge_run(node, mem);
        if (node->first_child && !is_leaf(node)) {
            node = node->first_child;
            continue;
        }
        while (node != root && !node->next) {
            node = node->parent;
            if (!node) return; // (the iterator's end at a node without parent)
        }
        if (node == root) return;
        node = node->next;
    }
}
