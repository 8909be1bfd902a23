import NBDocument
import NBLanguage
import NBRender
import Testing

@Suite struct HTMLPageTests {
    static let notebook = """
    ---
    title: "<script>alert('t')</script>"
    ---
    Text $x$.

    ```nb id=a
    1
    ```

    ```nb output=false
    2
    ```

    ```nb echo=false
    3
    ```

    """

    @Test func selfContainedPage() throws {
        let page = HTMLPage.render(try DocumentParser.parse(Self.notebook))
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(page.contains("<style>"))
        #expect(page.contains("prefers-color-scheme: dark"))
        #expect(page.contains("\"PingFang SC\"") && page.contains("\"Noto Sans CJK SC\"") && page.contains("\"Microsoft YaHei\""))
        #expect(!page.contains("<script"))
        #expect(page.contains("<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;</title>"))
    }

    @Test func cellHooksAndOptions() throws {
        let document = try DocumentParser.parse(Self.notebook)
        let outcomes: [CellOutcome?] = [
            CellOutcome(items: [.value("<b>1</b>")]),
            CellOutcome(items: [.value("2")]),
            CellOutcome(items: [.printed("three")], error: CellError(message: "boom & bust", location: TextLocation(line: 18, column: 1))),
        ]
        let body = HTMLPage.body(document, outcomes: outcomes)
        #expect(body.contains("<div class=\"nb-cell\" id=\"cell-a\" data-line=\"6\">\n<pre class=\"nb-source\"><code class=\"language-nb\"><span class=\"nb-tok-number\">1</span></code></pre>\n<div class=\"nb-output\">\n"))
        #expect(body.contains("&lt;b&gt;1&lt;/b&gt;"))
        #expect(!body.contains("<b>1</b>"))
        // output=false: source shown, output hidden.
        #expect(body.contains("<div class=\"nb-cell\" id=\"cell-2\" data-line=\"10\">\n<pre class=\"nb-source\"><code class=\"language-nb\"><span class=\"nb-tok-number\">2</span></code></pre>\n</div>"))
        // echo=false: no source; the error is shown, escaped.
        #expect(body.contains("<div class=\"nb-cell\" id=\"cell-3\" data-line=\"14\">\n<div class=\"nb-output\">"))
        #expect(!body.contains(">3</span></code>"))
        #expect(body.contains("<div class=\"nb-error\""))
        #expect(body.contains("boom &amp; bust"))
    }

    @Test func cellsWithoutOutcomesShowEmptyOutput() throws {
        let body = HTMLPage.body(try DocumentParser.parse("```nb\nx\n```\n"))
        #expect(body == "<div class=\"nb-cell\" id=\"cell-1\" data-line=\"1\">\n<pre class=\"nb-source\"><code class=\"language-nb\">x</code></pre>\n<div class=\"nb-output\"></div>\n</div>\n")
    }

    @Test func chineseDocumentsAreMarkedZh() throws {
        #expect(HTMLPage.render(try DocumentParser.parse("# 自动求导\n")).contains("<html lang=\"zh\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("---\nlang: ja\n---\n# x\n")).contains("<html lang=\"ja\">"))
    }

    @Test func bibliographyMarkup() throws {
        let body = HTMLPage.body(try DocumentParser.parse("https://mp.weixin.qq.com/s/abc\n\n自动微分 <技术>\n\nhttps://example.com/x\n"))
        #expect(body == """
        <ol class="nb-bibliography">
        <li id="ref-1"><a class="nb-ref-title" href="https://mp.weixin.qq.com/s/abc">自动微分 &lt;技术&gt;</a>. <span class="nb-ref-host">mp.weixin.qq.com</span>.</li>
        <li id="ref-2"><a class="nb-ref-title" href="https://example.com/x">https://example.com/x</a>.</li>
        </ol>

        """)
    }
}
