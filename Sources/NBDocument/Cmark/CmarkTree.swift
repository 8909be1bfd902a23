import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed CommonMark tree, owned: the C nodes are freed when the tree goes away.
///
/// A class only because it owns a C allocation; it never leaves the pipeline.
final class CmarkTree {
    let root: CmarkNode
    /// Options used for parsing, reused for rendering.
    let options: Int32

    /// Parses `markdown` with libcmark. `unsafe` keeps raw HTML and dangerous link schemes.
    convenience init(markdown: String, unsafe: Bool) {
        var text = markdown
        let options = CmarkTree.options(unsafe: unsafe)
        self.init(root: text.withUTF8 { CmarkTree.parse($0, options: options) }, options: options)
    }

    /// Parses the UTF-8 Markdown in `bytes` (read during the call only).
    convenience init(_ bytes: UnsafeBufferPointer<UInt8>, unsafe: Bool) {
        let options = CmarkTree.options(unsafe: unsafe)
        self.init(root: CmarkTree.parse(bytes, options: options), options: options)
    }

    /// An empty document.
    convenience init(unsafe: Bool) {
        self.init(root: nil, options: CmarkTree.options(unsafe: unsafe))
    }

    private init(root pointer: OpaquePointer?, options: Int32) {
        self.options = options
        // cmark only returns NULL when out of memory; an empty document keeps the tree well-formed.
        self.root = CmarkNode(pointer: pointer ?? cmark_node_new(CMARK_NODE_DOCUMENT))
    }

    private static func options(unsafe: Bool) -> Int32 {
        unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, options: Int32) -> OpaquePointer? {
        bytes.withMemoryRebound(to: CChar.self) { chars in
            cmark_parse_document(chars.baseAddress, chars.count, options)
        }
    }

    deinit {
        cmark_node_free(root.pointer)
    }

    /// Frees the document's top-level nodes before `node` (all of them when `node` is nil), so that
    /// the memory of blocks already turned into HTML is reused for the next ones. Call it only for
    /// nodes nothing refers to any more.
    func freeTopLevelNodes(before node: CmarkNode?) {
        while let first = cmark_node_first_child(root.pointer), first != node?.pointer {
            cmark_node_free(first)
        }
    }

    /// Frees the top-level nodes that start on `line` (1-based) or later; `false` (and nothing
    /// freed) when no top-level node starts exactly on `line`.
    func freeTopLevelNodes(startingAt line: Int) -> Bool {
        var node = cmark_node_last_child(root.pointer)
        var found = false
        while let current = node, cmark_node_get_start_line(current) >= line {
            if cmark_node_get_start_line(current) == line { found = true }
            node = cmark_node_previous(current)
        }
        guard found else { return false }
        while let last = cmark_node_last_child(root.pointer), last != node {
            cmark_node_free(last)
        }
        return true
    }

    /// The last top-level node.
    var lastTopLevelNode: CmarkNode? { cmark_node_last_child(root.pointer).map(CmarkNode.init) }

    /// cmark's HTML for one node and its descendants.
    func html(_ node: CmarkNode) -> String {
        guard let rendered = cmark_render_html(node.pointer, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

/// A borrowed reference to a node of a `CmarkTree`; valid while the tree lives.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    var next: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }
    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }

    /// The node's children, in order.
    var children: [CmarkNode] {
        var result: [CmarkNode] = []
        var child = firstChild
        while let node = child {
            result.append(node)
            child = node.next
        }
        return result
    }

    var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }
    /// `true` when the literal starts with `prefix` (ASCII), without copying the literal.
    func literalHasPrefix(_ prefix: StaticString) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return strncmp(literal, UnsafeRawPointer(prefix.utf8Start).assumingMemoryBound(to: CChar.self), prefix.utf8CodeUnitCount) == 0
    }

    var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }
    var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_title(pointer, newValue) }
    }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var endColumn: Int { Int(cmark_node_get_end_column(pointer)) }

    /// Puts a text node holding `text` in this node's place and frees this node (and its
    /// children). Call it only after any walk over the tree has finished.
    func replace(withText text: String) {
        guard let replacement = cmark_node_new(CMARK_NODE_TEXT) else { return }
        _ = cmark_node_set_literal(replacement, text)
        _ = cmark_node_insert_before(pointer, replacement)
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }

    /// Visits this node and every descendant in document order, without recursion
    /// (deeply nested input must not overflow the stack). `entering` is false on the way out of
    /// a node that has children.
    func walk(_ visit: (CmarkNode, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(CmarkNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }
}
