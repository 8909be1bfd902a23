import NBRender
import Testing

/// `nb build --format jekyll|hugo`: file names, front matter kept, nothing a template engine reads.
@Suite struct GeneratorPageTests {
    func render(date: String?, frontMatter: String) -> NotebookRender {
        var render = NotebookRender(title: "T \"q\"", date: date.flatMap(SiteDate.init), blocks: [])
        render.frontMatter = frontMatter
        return render
    }

    @Test func datedNotebooksArePostsWithJekyllsFileNames() {
        let dated = render(date: "2019-05-01 10:00:00 +0800", frontMatter: "date: 2019-05-01 10:00:00 +0800\n")
        #expect(GeneratorPage.path(for: NotebookSource(relativePath: "blog/intro.md", text: ""), render: dated, format: .jekyll)
                == "_posts/2019-05-01-blog-intro.html")
        #expect(GeneratorPage.path(for: NotebookSource(relativePath: "2019-05-01-intro.md", text: ""), render: dated, format: .jekyll)
                == "_posts/2019-05-01-intro.html")
        #expect(GeneratorPage.path(for: NotebookSource(relativePath: "blog/2019-05-01-intro.md", text: ""), render: dated, format: .jekyll)
                == "_posts/2019-05-01-blog-intro.html")
        let undated = render(date: nil, frontMatter: "")
        #expect(GeneratorPage.path(for: NotebookSource(relativePath: "a/b.md", text: ""), render: undated, format: .jekyll) == "a/b.html")
        #expect(GeneratorPage.path(for: NotebookSource(relativePath: "a/b.md", text: ""), render: dated, format: .hugo) == "content/a/b.html")
    }

    @Test func frontMatterIsKeptAsWrittenAndATitleAddedWhenThereIsNone() {
        let kept = GeneratorPage.file(render: render(date: nil, frontMatter: "layout: post\nx: [1, 2]\n"), content: "<p>a</p>\n", format: .jekyll)
        #expect(kept.hasPrefix("---\nlayout: post\nx: [1, 2]\n---\n<link rel=\"stylesheet\""))
        #expect(kept.hasSuffix("<div class=\"nb-article\">\n<p>a</p>\n</div>\n"))
        let added = GeneratorPage.file(render: render(date: nil, frontMatter: ""), content: "", format: .hugo)
        #expect(added.hasPrefix("---\ntitle: \"T \\\"q\\\"\"\n---\n"))
    }

    @Test func templateTagsCannotOpenInTheBody() {
        #expect(GeneratorPage.escapingTemplateTags("{{ a }} {% b %} {{< c >}} {x} {{{") == "&#123;{ a }} &#123;% b %} &#123;{< c >}} {x} &#123;&#123;{")
        #expect(GeneratorPage.escapingTemplateTags("{") == "{")
        let body = GeneratorPage.file(render: render(date: nil, frontMatter: "a: 1\n"), content: "<p>{{x}}{%y%}</p>", format: .jekyll)
        let article = body.components(separatedBy: "<div class=\"nb-article\">").last ?? ""
        #expect(!article.contains("{{") && !article.contains("{%"))
    }
}
