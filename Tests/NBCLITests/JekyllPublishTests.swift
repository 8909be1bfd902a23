import Foundation
import Testing

/// `nb build --format jekyll` into a real Jekyll site with the minima theme (issue 16, point 1):
/// the project's notebooks and a Chinese post in the style of the one this project grew from.
@Suite(.serialized, .enabled(if: JekyllTool.path != nil, "needs jekyll and jekyll-theme-minima (apt-get install jekyll jekyll-theme-minima)"))
struct JekyllPublishTests {

    /// A post as a Jekyll user writes it: `layout`, `categories`, a key nb does not know, kramdown's
    /// `$$` inline and on its own, a cell whose output looks like Liquid, a plot, a link list.
    static let post = """
    ---
    layout: post
    title: "中心差分与自动微分：一个小实验"
    date: 2019-05-01 10:00:00 +0800
    categories: 机器学习 微分
    tags: [autodiff, 数值方法]
    comments: true
    nb: {seed: 7}
    ---

    用中心差分 $$f'(x) \\approx \\frac{f(x+h)-f(x-h)}{2h}$$ 近似导数，误差是 $$O(h^2)$$ 量级。

    $$
    \\frac{\\partial L}{\\partial w} = \\sum_i x_i (w x_i - y_i)
    $$

    ```nb
    f(x) = x^3 + 2*x
    derivative(f)
    plot(f, linspace(-2, 2, 21), title: "立方函数")
    ```

    模板语言不能改动下面的输出：

    ```nb
    print("{{ site.title }} 与 {% if page %}模板{% endif %}")
    ```

    ## 参考

    - [Automatic differentiation in machine learning: a survey](https://arxiv.org/abs/1502.05767)
    - [Numerical Recipes](https://numerical.recipes/)
    """

    static let config = """
    title: A Jekyll site with nb
    theme: minima
    plugins: [jekyll-feed, jekyll-seo-tag]
    future: true
    defaults:
      - scope: {path: "", type: posts}
        values: {layout: post}
      - scope: {path: "", type: pages}
        values: {layout: page}

    """

    @Test func notebooksAndAChinesePostBuildInsideMinima() throws {
        let work = try NBProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let notebooks = work.appendingPathComponent("notebooks"), source = work.appendingPathComponent("jekyll")
        try FileManager.default.copyItem(at: NBProcess.repository.appendingPathComponent("notebooks"), to: notebooks)
        try? FileManager.default.removeItem(at: notebooks.appendingPathComponent(".nb-cache"))
        try FileManager.default.createDirectory(at: notebooks.appendingPathComponent("blog"), withIntermediateDirectories: true)
        try Data(Self.post.utf8).write(to: notebooks.appendingPathComponent("blog/2019-05-01-autodiff-experiment.md"))
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try Data(Self.config.utf8).write(to: source.appendingPathComponent("_config.yml"))

        let published = try NBProcess.run(["build", notebooks.path, "--format", "jekyll", "--out", source.path])
        // 1 would mean a cell of the project's notebooks failed (a timeout on a very busy machine):
        // `nb test notebooks/` is the check for that; here the pages must be published either way.
        #expect(published.status == 0 || published.status == 1, "\(published.stderr)")
        let postSource = source.appendingPathComponent("_posts/2019-05-01-blog-autodiff-experiment.html")
        let text = try String(contentsOf: postSource, encoding: .utf8)
        // The front matter exactly as written, unknown keys included.
        #expect(text.hasPrefix("---\nlayout: post\ntitle: \"中心差分与自动微分：一个小实验\"\ndate: 2019-05-01 10:00:00 +0800\n"))
        #expect(text.contains("\ncomments: true\n"))
        #expect(FileManager.default.fileExists(atPath: source.appendingPathComponent("assets/css/nb.css").path))
        // The project's notebooks have dates: they are posts too.
        #expect(FileManager.default.fileExists(atPath: source.appendingPathComponent("_posts/2026-11-29-autodiff.html").path))

        let site = work.appendingPathComponent("_site")
        let jekyll = try NBProcess.run(URL(fileURLWithPath: JekyllTool.path ?? "jekyll"),
                                       ["build", "--source", source.path, "--destination", site.path], in: work)
        #expect(jekyll.status == 0, "\(jekyll.stdout)\(jekyll.stderr)")

        let page = try String(contentsOf: site.appendingPathComponent("机器学习/微分/2019/05/01/blog-autodiff-experiment.html"), encoding: .utf8)
        // The theme's layout around nb's article.
        #expect(page.contains("class=\"site-header\""))
        #expect(page.contains("class=\"post-title p-name\""))
        #expect(page.contains("中心差分与自动微分：一个小实验"))
        #expect(page.contains("<div class=\"nb-article\">"))
        #expect(!page.contains("class=\"nb-error"))   // the post's own cells ran
        #expect(page.contains("assets/css/nb.css"))
        // Math as MathML (inline and display), a plot, the bibliography, the Liquid-looking output
        // exactly as the cell printed it (the braces as character references).
        #expect(page.contains("<math"))
        #expect(page.contains("display=\"block\""))
        #expect(page.contains("<svg"))
        #expect(page.contains("class=\"nb-bibliography\""))
        #expect(page.contains("arxiv.org/abs/1502.05767"))
        #expect(page.contains("&#123;{ site.title }} 与 &#123;% if page %}模板&#123;% endif %}"))
        #expect(!page.contains("A Jekyll site with nb 与"))

        // A project notebook as a post, inside the theme, with its math and plots (its URL is
        // Jekyll's: /CATEGORY/YYYY/MM/DD/autodiff.html).
        let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)
        var found: URL?
        while found == nil, let url = enumerator?.nextObject() as? URL {
            if url.lastPathComponent == "autodiff.html" { found = url }
        }
        let autodiff = try String(contentsOf: try #require(found), encoding: .utf8)
        #expect(autodiff.contains("class=\"site-header\""))
        #expect(autodiff.contains("<math"))
        #expect(autodiff.contains("<svg"))
    }
}

/// Where Debian (or a gem install) puts `jekyll`.
enum JekyllTool {
    static let path = ["/usr/bin/jekyll", "/usr/local/bin/jekyll"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
