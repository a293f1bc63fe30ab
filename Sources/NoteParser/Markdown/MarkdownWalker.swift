/// Visits a `MarkdownNode` and its descendants in document order.
///
/// Return `false` from `visit` to skip a node's children. The tree is flat, so a walk is a
/// loop, whatever the depth; `MarkdownNode.parent` leads to the ancestors.
public protocol MarkdownWalker {
    mutating func visit(_ node: MarkdownNode) -> Bool
}

extension MarkdownWalker {
    /// Walks `root` and all its descendants in document order.
    public mutating func walk(_ root: MarkdownNode) {
        let entries = root.tree.entries
        var position = root.index
        let end = Int(entries[root.index].end)
        while position < end {
            position = visit(MarkdownNode(tree: root.tree, index: position)) ? position + 1 : Int(entries[position].end)
        }
    }
}

/// A walker made of a closure.
public struct ClosureWalker: MarkdownWalker {
    let body: (MarkdownNode) -> Bool
    public init(_ body: @escaping (MarkdownNode) -> Bool) { self.body = body }
    public mutating func visit(_ node: MarkdownNode) -> Bool { body(node) }
}

extension MarkdownNode {
    /// Calls `body` for this node and every descendant in document order.
    public func forEach(_ body: (MarkdownNode) -> Void) {
        withoutActuallyEscaping(body) { body in
            var walker = ClosureWalker { body($0); return true }
            walker.walk(self)
        }
    }
}
