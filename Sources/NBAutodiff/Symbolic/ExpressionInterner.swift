import Foundation

/// Hash-consing table: structurally equal nodes built through the same interner are one
/// object. Created per symbolic computation (never global); thread-safe.
final class ExpressionInterner: @unchecked Sendable {
    private struct Key: Hashable {
        let operation: ExpressionOperation
        let children: [ObjectIdentifier]
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var table: [Key: ExpressionNode] = [:]

    /// The canonical node for `operation(children)`; `children` must be canonical themselves.
    func node(_ operation: ExpressionOperation, _ children: [ExpressionNode]) -> ExpressionNode {
        let key = Key(operation: operation, children: children.map(ObjectIdentifier.init))
        lock.lock()
        defer { lock.unlock() }
        if let existing = table[key] { return existing }
        let node = ExpressionNode(operation, children)
        table[key] = node
        return node
    }

    /// The number of distinct nodes created so far.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return table.count
    }
}
