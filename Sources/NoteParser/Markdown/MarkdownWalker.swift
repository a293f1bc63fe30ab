/// Visits a `MarkdownNode` tree depth-first, with the chain of ancestors at each node.
///
/// Return `false` from `visit` to skip a node's children. Trees are at most
/// `NoteParser.Limits.maxMarkdownDepth` deep, so recursion is bounded.
public protocol MarkdownWalker {
    mutating func visit(_ node: MarkdownNode, ancestors: [MarkdownNode]) -> Bool
}

extension MarkdownWalker {
    /// Walks `root` and all its descendants in document order.
    public mutating func walk(_ root: MarkdownNode) {
        var ancestors: [MarkdownNode] = []
        walk(root, ancestors: &ancestors)
    }

    private mutating func walk(_ node: MarkdownNode, ancestors: inout [MarkdownNode]) {
        guard visit(node, ancestors: ancestors), !node.children.isEmpty else { return }
        ancestors.append(node)
        for child in node.children { walk(child, ancestors: &ancestors) }
        ancestors.removeLast()
    }
}

/// A walker made of a closure.
public struct ClosureWalker: MarkdownWalker {
    let body: (MarkdownNode, [MarkdownNode]) -> Bool
    public init(_ body: @escaping (MarkdownNode, [MarkdownNode]) -> Bool) { self.body = body }
    public mutating func visit(_ node: MarkdownNode, ancestors: [MarkdownNode]) -> Bool { body(node, ancestors) }
}

extension MarkdownNode {
    /// Calls `body` for every node in document order with its ancestors.
    public func forEach(_ body: (MarkdownNode, [MarkdownNode]) -> Void) {
        withoutActuallyEscaping(body) { body in
            var walker = ClosureWalker { body($0, $1); return true }
            walker.walk(self)
        }
    }
}
