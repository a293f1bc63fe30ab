extension MarkdownNode {
    /// Calls `body` for this node and every descendant in document order (the tree is flat: a
    /// walk is a loop, whatever the depth; `parent` leads to the ancestors).
    public func forEach(_ body: (MarkdownNode) -> Void) {
        forEach(where: { _ in true }, body)
    }

    /// Calls `body` for this node and each descendant whose kind `selects` accepts, in document
    /// order. The kind is read from the flat tree first: the nodes passed over cost a test each.
    public func forEach(where selects: (Kind) -> Bool, _ body: (MarkdownNode) -> Void) {
        tree.entries.withUnsafeBufferPointer { entries in
            for position in index..<Int(entries[index].end) where selects(entries[position].kind) {
                body(MarkdownNode(tree: tree, index: position))
            }
        }
    }

    /// Whether this node or a descendant is of a kind `selects` accepts.
    public func contains(where selects: (Kind) -> Bool) -> Bool {
        tree.entries.withUnsafeBufferPointer { entries in
            entries[index..<Int(entries[index].end)].contains { selects($0.kind) }
        }
    }

    /// Calls `body` for this node and each descendant of `kind`, in document order:
    /// `forEach(where:_:)` with the kind compared in the loop, not by a closure call a node.
    public func forEach(_ kind: Kind, _ body: (MarkdownNode) -> Void) {
        tree.entries.withUnsafeBufferPointer { entries in
            for position in index..<Int(entries[index].end) where entries[position].kind == kind {
                body(MarkdownNode(tree: tree, index: position))
            }
        }
    }

    /// Whether this node or a descendant is of `kind` (`contains(where:)` without a closure call a node).
    public func contains(_ kind: Kind) -> Bool {
        tree.entries.withUnsafeBufferPointer { entries in
            entries[index..<Int(entries[index].end)].contains { $0.kind == kind }
        }
    }
}
