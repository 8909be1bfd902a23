import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CodeBlock {
    /// libcmark's HTML for the block, exactly as a code block in prose renders:
    /// `<pre><code class="language-…">…</code></pre>`.
    public var html: String {
        guard let node = cmark_node_new(CMARK_NODE_CODE_BLOCK) else { return "" }
        defer { cmark_node_free(node) }
        _ = cmark_node_set_literal(node, code)
        _ = cmark_node_set_fence_info(node, language ?? "")
        guard let rendered = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
