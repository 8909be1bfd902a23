import NBDocument
import Testing
@testable import NBRender

/// One header writer for `nb render`'s page and a site's page.
@Suite struct PageHeaderTests {
    @Test func aTagIsShownOnceOnAPageAsOnASite() throws {
        let document = try DocumentParser.parse("---\ntitle: T\ndate: 2024-03-01\ntags: [Forward Mode, forward-mode, AD]\n---\n\nText.\n")
        let page = HTMLPage.header(document)
        #expect(page == """
            <header class="nb-header">
            <h1 class="nb-title">T</h1>
            <p class="nb-meta"><time datetime="2024-03-01">2024-03-01</time> · <span class="nb-tags">\
            <span class="nb-tag">Forward Mode</span> <span class="nb-tag">AD</span></span></p>
            </header>

            """)
        let site = PageHeader(title: "T", day: "2024-03-01", categories: [], tags: document.frontMatter.tags,
                              tagLink: { "../index.html#tag-" + $0 }).html
        #expect(site == page.replacingOccurrences(of: "<span class=\"nb-tag\">Forward Mode</span>",
                                                  with: "<a class=\"nb-tag\" href=\"../index.html#tag-forward-mode\">Forward Mode</a>")
            .replacingOccurrences(of: "<span class=\"nb-tag\">AD</span>", with: "<a class=\"nb-tag\" href=\"../index.html#tag-ad\">AD</a>"))
    }

    @Test func nothingToSayIsNoHeader() {
        #expect(PageHeader(title: nil, day: nil, categories: [], tags: []).html == "")
        #expect(PageHeader(title: nil, day: nil, categories: ["c"], tags: []).html
            == "<header class=\"nb-header\">\n<p class=\"nb-meta\"><span class=\"nb-category\">c</span></p>\n</header>\n")
    }
}
