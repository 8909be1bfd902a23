import Foundation
import NBDocument
import NBLanguage
@testable import NBRender
import Testing

/// Contents, title, language, highlighted cells, math bound to its punctuation, the one stylesheet.
@Suite struct PageTypographyTests {
    static let threeSections = """
    ---
    title: Gradients
    ---
    # Gradients

    Intro.

    ## Forward mode

    ### Dual numbers

    ## Reverse mode

    ## 符号微分

    """

    @Test func contentsForThreeOrMoreSections() throws {
        let body = HTMLPage.body(try DocumentParser.parse(Self.threeSections))
        #expect(body.hasPrefix("<details class=\"nb-toc nb-toc-inline\"><summary>On this page</summary>"))
        #expect(body.contains("<nav class=\"nb-toc nb-toc-side\" aria-label=\"On this page\">"))
        #expect(body.contains("<li><a href=\"#forward-mode\">Forward mode</a><ol><li><a href=\"#dual-numbers\">Dual numbers</a></li></ol></li><li><a href=\"#reverse-mode\">"))
        #expect(!body.contains("<script"))
        let math = HTMLPage.body(try DocumentParser.parse("## The gradient $\\nabla f$\n\n## [Two](https://x.org)\n\n## Three\n"))
        #expect(math.contains("<li><a href=\"#the-gradient-nabla-f\">The gradient <math display=\"inline\">"))
        #expect(math.contains("\">Two</a></li>"))
        let two = HTMLPage.body(try DocumentParser.parse("## One\n\n## Two\n"))
        #expect(!two.contains("nb-toc"))
    }

    @Test func contentsListNests() {
        let list = PageContents.list([.init(level: 3, id: "a", html: "A"), .init(level: 2, id: "b", html: "B"),
                                      .init(level: 3, id: "c", html: "C"), .init(level: 3, id: "d\"", html: "&lt;D&gt;")])
        #expect(list == "<ol><li><a href=\"#a\">A</a></li><li><a href=\"#b\">B</a><ol><li><a href=\"#c\">C</a></li><li><a href=\"#d&quot;\">&lt;D&gt;</a></li></ol></li></ol>\n")
        // Math stays math; a heading's own link is unwrapped.
        #expect(PageContents.unlinked("see <a href=\"x\">the <em>paper</em></a> <abbr>AD</abbr>") == "see the <em>paper</em> <abbr>AD</abbr>")
    }

    @Test func leadingTitleHeadingShownOnce() throws {
        let page = HTMLPage.render(try DocumentParser.parse(Self.threeSections))
        #expect(page.components(separatedBy: ">Gradients<").count == 3)  // <title> and the header's <h1>
        #expect(!page.contains("<h1 id=\"gradients\">"))
        // A different first heading stays.
        let other = HTMLPage.render(try DocumentParser.parse("---\ntitle: A\n---\n# B\n"))
        #expect(other.contains("<h1 id=\"b\">"))
        // Without front matter the first heading is the title, shown in the header only.
        let untitled = HTMLPage.render(try DocumentParser.parse("# Only\n\ntext\n"))
        #expect(untitled.contains("<h1 class=\"nb-title\">Only</h1>") && !untitled.contains("<h1 id=\"only\">"))
    }

    @Test func languageFromFrontMatterElseMajorityScript() throws {
        #expect(HTMLPage.render(try DocumentParser.parse("---\nlang: zh\n---\nEnglish words here\n")).contains("<html lang=\"zh\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("# 自动求导与反向传播\n")).contains("<html lang=\"zh\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("# Automatic differentiation, four ways · 自动求导\n\nEvery framework has to differentiate programs.\n")).contains("<html lang=\"en\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("# 自动求导 AD\n\n深度学习框架都要对程序求导 (CNN, RNN)。\n")).contains("<html lang=\"zh\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("---\nlang: \"x\\\" onload\"\n---\nx\n")).contains("<html lang=\"en\">"))
    }

    @Test func inlineMathKeepsItsPunctuation() throws {
        let body = HTMLPage.body(try DocumentParser.parse("Take $x$, then $y$. And $z$ alone, $$w$$\n\n以 $a$。\n"))
        #expect(body.contains("<span class=\"nb-nowrap\"><math display=\"inline\">"))
        #expect(body.contains("</math>,</span> then"))
        #expect(body.contains("</math>.</span> And"))
        #expect(body.contains("</math>。</span>"))
        #expect(!body.contains("<span class=\"nb-nowrap\"><math display=\"block\""))
        #expect(ProseTypography.bindingPunctuation("<p>no math, here.</p>") == "<p>no math, here.</p>")
        #expect(ProseTypography.bindingPunctuation("<math>x</math> y") == "<math>x</math> y")
        // An opening bracket stays with the formula after it.
        #expect(ProseTypography.bindingPunctuation("noisy (<math>s</math> copies") == "noisy <span class=\"nb-nowrap\">(<math>s</math></span> copies")
        #expect(ProseTypography.bindingPunctuation("a (<math>s</math>) b") == "a <span class=\"nb-nowrap\">(<math>s</math>)</span> b")
        // As before the byte scan: a `</math>` only inside a character (a combining mark after it)
        // is not found, so the block is left as it is.
        #expect(ProseTypography.bindingPunctuation("a (<math>s</math>\u{301}) b") == "a (<math>s</math>\u{301}) b")
        #expect(ProseTypography.bindingPunctuation("(<math>s</math>\u{301} (<math>t</math>)")
                == "<span class=\"nb-nowrap\">(<math>s</math></span>\u{301} <span class=\"nb-nowrap\">(<math>t</math>)</span>")
    }

    @Test func languageCountsHanCharactersAndLatinWordsByBytes() throws {
        // U+4DC0 (a hexagram, between the two Han ranges) is not Han; U+3400 and U+9FFF are.
        #expect(HTMLPage.render(try DocumentParser.parse("\u{3400}\u{9FFF} one\n")).contains("<html lang=\"zh\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("\u{4DC0}\u{4DC1} one\n")).contains("<html lang=\"en\">"))
        #expect(HTMLPage.render(try DocumentParser.parse("\u{4E00}\u{4E01} one two\n")).contains("<html lang=\"en\">"))
    }

    @Test func cellsAreHighlighted() throws {
        let body = HTMLPage.body(try DocumentParser.parse("```nb\nfor i in 0..<3 { print(exp(1)) }  # loop\n```\n"))
        #expect(body.contains("<code class=\"language-nb\"><span class=\"nb-tok-keyword\">for</span>"))
        #expect(body.contains("<span class=\"nb-tok-builtin\">exp</span>"))
        #expect(body.contains("<span class=\"nb-tok-comment\"># loop</span>"))
        #expect(body.contains("<span class=\"nb-tok-operator\">..&lt;</span>"))
    }

    @Test func tokenColoursMeetAAInBothSchemes() {
        for colour in CodeStyle.colours {
            #expect(Contrast.ratio(colour.light, CodeStyle.background.light) >= 4.5, "\(colour.kind) light")
            #expect(Contrast.ratio(colour.dark, CodeStyle.background.dark) >= 4.5, "\(colour.kind) dark")
            #expect(PageStyle.css.contains(".nb-tok-\(colour.kind) { color: \(colour.light); }"))
        }
        #expect(Set(CodeStyle.colours.map(\.kind)) == Set(SyntaxHighlighter.Kind.allCases.map(\.rawValue)))
    }

    @Test func oneStylesheetForRenderAndBuild() throws {
        let css = PageStyle.css
        // The site chrome is part of it, so a rendered page styles the site's bibliography classes too.
        #expect(css.contains(".nb-ref-host"))
        #expect(HTMLPage.render(try DocumentParser.parse("x\n")).contains(".nb-ref-host"))
        // No piece sets the body font or colours a second time.
        #expect(css.components(separatedBy: "font-family: var(--nb-font)").count == 2)
        #expect(!css.contains("--nb-site-bg: #"))
        #expect(css.components(separatedBy: "body { margin: 0").count == 2)
        // Latin fonts come before CJK ones, so Latin text and digits never take a CJK font's glyphs.
        let stack = try #require(css.range(of: "--nb-font:")).upperBound
        let fonts = String(css[stack...].prefix { $0 != ";" })
        let latin = try #require(fonts.range(of: "Arial")).lowerBound, cjk = try #require(fonts.range(of: "Noto Sans CJK SC")).lowerBound
        #expect(latin < cjk)
        #expect(css.contains(".nb-nowrap { white-space: nowrap; }"))
        #expect(css.contains("word-break: keep-all"))
    }
}

/// WCAG 2 contrast ratio of two `#rrggbb` colours.
enum Contrast {
    static func ratio(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ k: Int) -> Double {
            let value = Double(Int(String(digits[2 * k...2 * k + 1]), radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }
}
