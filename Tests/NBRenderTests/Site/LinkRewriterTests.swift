import Testing
@testable import NBRender

@Suite struct LinkRewriterTests {
    let rewriter = LinkRewriter(notebooks: ["index.md", "dl/autodiff.md", "dl/ssl.md", "math/矩阵.md"])

    @Test func rewritesRelativeNotebookLinks() {
        let block = HTMLBlock(html: """
        <p><a href="ssl.md">SSL</a> <a href="../math/%E7%9F%A9%E9%98%B5.md#sec-1">m</a> <a href="https://x.org/a.md">ext</a> \
        <a href="#top">top</a> <a href="data.csv">data</a> <a href="../index.md?x=1&amp;y=2">home</a></p>
        """, line: 7)
        let (html, diagnostics) = rewriter.rewrite(block, in: "dl/autodiff.md")
        #expect(html == """
        <p><a href="ssl.html">SSL</a> <a href="../math/%E7%9F%A9%E9%98%B5.html#sec-1">m</a> <a href="https://x.org/a.md">ext</a> \
        <a href="#top">top</a> <a href="data.csv">data</a> <a href="../index.html?x=1&amp;y=2">home</a></p>
        """)
        #expect(diagnostics.isEmpty)
    }

    @Test func brokenLinkWarnsWithItsLine() {
        let (html, diagnostics) = rewriter.rewrite(HTMLBlock(html: "<p><a href=\"missing.md\">x</a> <a href=\"../../up.md\">y</a></p>", line: 12),
                                                   in: "dl/autodiff.md")
        #expect(html == "<p><a href=\"missing.md\">x</a> <a href=\"../../up.md\">y</a></p>")
        #expect(diagnostics.map(\.description) == [
            "dl/autodiff.md:12:1: warning: broken link to missing.md: no such notebook in the site; fix the path or remove the link",
            "dl/autodiff.md:12:1: warning: broken link to ../../up.md: no such notebook in the site; fix the path or remove the link",
        ])
    }

    @Test func anyLetterCaseOfTheExtensionAndOtherLinksKeptByteForByte() {
        let html = "<p>自动 <a href=\"SSL.Md#a\">x</a> <a href=\"https://例子.org/?q=a&amp;b\">y</a> <img src=\"ssl.md\"> ε</p>"
        let rewriter = LinkRewriter(notebooks: ["dl/SSL.Md"])
        let (out, diagnostics) = rewriter.rewrite(HTMLBlock(html: html, line: 3), in: "dl/autodiff.md")
        #expect(out == "<p>自动 <a href=\"SSL.html#a\">x</a> <a href=\"https://例子.org/?q=a&amp;b\">y</a> <img src=\"ssl.md\"> ε</p>")
        #expect(diagnostics.isEmpty)
    }

    @Test func unterminatedAttributeIsLeftAlone() {
        let html = "<p><a href=\"ssl.md\">ok</a> <a href=\"ssl.md"
        let (out, _) = rewriter.rewrite(HTMLBlock(html: html, line: 1), in: "dl/autodiff.md")
        #expect(out == "<p><a href=\"ssl.html\">ok</a> <a href=\"ssl.md")
        let plain = HTMLBlock(html: "<p>no links, but README.md is named</p>", line: 1)
        #expect(rewriter.rewrite(plain, in: "dl/autodiff.md").html == plain.html)
    }
}
