import Testing
@testable import NBDocument

@Suite struct CitationTests {
    let frontMatter = """
    title: x
    references:
      - id: baydin
        title: "Automatic Differentiation in Machine Learning: a Survey"
        url: https://arxiv.org/abs/1502.05767
        author: [A. G. Baydin, B. A. Pearlmutter]
        year: 2018
      - id: karpathy
        title: micrograd
        url: https://github.com/karpathy/micrograd
        author: Andrej Karpathy
      - id: same
        title: The survey again
        url: http://arxiv.org/abs/1502.05767/
      - title: no id
    bibliography: refs.bib
    """

    @Test func frontMatterReferences() {
        let parsed = FrontMatterReferences.parse(yaml: frontMatter, firstLine: 2)
        #expect(parsed.references.map(\.id) == ["baydin", "karpathy", "same"])
        #expect(parsed.references[0].authors == ["A. G. Baydin", "B. A. Pearlmutter"])
        #expect(parsed.references[0].year == "2018")
        #expect(parsed.references[0].line == 4)
        #expect(parsed.references[1].authors == ["Andrej Karpathy"])
        #expect(parsed.references[1].host == "github.com")
        #expect(parsed.bibliographyFiles == ["refs.bib"])
        #expect(parsed.diagnostics.count == 1 && parsed.diagnostics[0].line == 16)
    }

    @Test func duplicateURLsMergeWithAWarning() {
        let parsed = FrontMatterReferences.parse(yaml: frontMatter)
        let bibliography = PageBibliography(listed: parsed.references)
        #expect(bibliography.entries.map(\.id) == ["baydin", "karpathy"])
        #expect(bibliography.number(of: "same") == 1)
        #expect(bibliography.diagnostics.count == 1)
        #expect(bibliography.diagnostics[0].message.contains("same URL as 'baydin'"))
    }

    @Test func libraryEntriesAppearWhenCitedInCitationOrder() {
        let library = BibTeXParser.parse("""
        @misc{a, title = {A}, url = {https://a.example}}
        @misc{b, title = {B}, url = {https://b.example}}
        @misc{c, title = {C}, url = {https://c.example}}
        """).entries.map(\.bibliographyEntry)
        let listed = [BibliographyEntry(id: "x", title: "X", url: "https://x.example", origin: .frontMatter, line: 3)]
        let bibliography = PageBibliography(listed: listed, library: library, cited: ["c", "x", "a", "c"])
        #expect(bibliography.entries.map(\.id) == ["x", "c", "a"])
    }

    @Test func scannerFindsGroupsAndIgnoresOtherBrackets() {
        let matches = CitationScanner.scan("See [@baydin] and [@a; @b:c.d], not [a link], [@ space], [@x y] or email@x.org; [@end.]")
        #expect(matches.map(\.keys) == [["baydin"], ["a", "b:c.d"], ["end"]])
    }

    @Test func linkerRewritesProseOnly() {
        let bibliography = PageBibliography(listed: [
            BibliographyEntry(id: "baydin", title: "Survey", url: "https://arxiv.org/abs/1502.05767", origin: .frontMatter, line: 3),
            BibliographyEntry(id: "karpathy", title: "micrograd", url: "https://github.com/karpathy/micrograd", origin: .frontMatter, line: 7),
        ])
        let html = "<p>As shown [@karpathy; @baydin], see <code>[@baydin]</code> and <a href=\"x\">[@baydin]</a> but not [@nobody].</p>"
        let result = CitationLinker.link(html, line: 12, bibliography: bibliography)
        #expect(result.html == "<p>As shown <a class=\"nb-cite\" id=\"cite-karpathy-1\" href=\"#ref-karpathy\">[2]</a><a class=\"nb-cite\" id=\"cite-baydin-1\" href=\"#ref-baydin\">[1]</a>, see <code>[@baydin]</code> and <a href=\"x\">[@baydin]</a> but not <span class=\"nb-cite-missing\" title=\"unknown reference\">[@nobody?]</span>.</p>")
        #expect(result.cited == ["karpathy", "baydin", "nobody"])
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].line == 12)
        #expect(result.diagnostics[0].message.contains("[@nobody]"))
        #expect(CitationLinker.citedKeys(in: html) == ["karpathy", "baydin", "nobody"])
    }

    @Test func mergedDuplicateCitesTheKeptEntry() {
        let bibliography = PageBibliography(listed: [
            BibliographyEntry(id: "a", title: "A", url: "https://e.org/x", origin: .frontMatter, line: 3),
            BibliographyEntry(id: "b", title: "B", url: "https://E.org/x/", origin: .frontMatter, line: 6),
        ])
        let result = CitationLinker.link("<p>[@b]</p>", line: 1, bibliography: bibliography)
        #expect(result.html == "<p><a class=\"nb-cite\" id=\"cite-a-1\" href=\"#ref-a\">[1]</a></p>")
    }

    @Test func bibliographyHTMLShowsAuthorsTitleVenueOrHostYear() {
        let html = BibliographyHTML.list([
            BibliographyEntry(id: "k", title: "A <b> & c", url: "https://www.example.org/p", authors: ["X", "Y"], year: "2019", origin: .bibtex, line: 1),
            BibliographyEntry(id: "j", title: "Evil", url: "javascript:alert(1)", origin: .frontMatter, line: 2),
            BibliographyEntry(id: "v", title: "Why?", url: "https://doi.org/1", authors: ["A", "B", "C", "D", "E"], year: "2004",
                              venue: "Annals", origin: .bibtex, line: 3),
        ], citations: [1, 0, 3])
        #expect(html == """
        <ol class="nb-bibliography">
        <li id="ref-k"><span class="nb-ref-authors">X and Y</span>. <a class="nb-ref-title" href="https://www.example.org/p">A &lt;b&gt; &amp; c</a>. <span class="nb-ref-host">example.org</span>, <span class="nb-ref-year">2019</span>. <a class="nb-backref" href="#cite-k-1" aria-label="Back to the citation">↩</a></li>
        <li id="ref-j"><span class="nb-ref-title">Evil</span>.</li>
        <li id="ref-v"><span class="nb-ref-authors">A, B, C et al.</span> <a class="nb-ref-title" href="https://doi.org/1">Why?</a> <span class="nb-ref-venue">Annals</span>, <span class="nb-ref-year">2004</span>. <span class="nb-backrefs">↩ <a class="nb-backref" href="#cite-v-1" aria-label="Back to citation 1">a</a> <a class="nb-backref" href="#cite-v-2" aria-label="Back to citation 2">b</a> <a class="nb-backref" href="#cite-v-3" aria-label="Back to citation 3">c</a></span></li>
        </ol>

        """)
        #expect(BibliographyHTML.authorList(["A", "B", "C"]) == "A, B and C")
        #expect(BibliographyHTML.label(27) == "aa")
    }

    @Test func everyCitationHasAnAnchorItsEntryLinksBackTo() {
        let bibliography = PageBibliography(listed: [
            BibliographyEntry(id: "a", title: "A", url: "https://a.example", origin: .frontMatter, line: 3),
            BibliographyEntry(id: "b", title: "B", url: "https://b.example", origin: .frontMatter, line: 4),
        ])
        var occurrences: [String: Int] = [:]
        let first = CitationLinker.link("<p>[@a] and [@b; @a]</p>", line: 1, bibliography: bibliography, occurrences: &occurrences)
        let second = CitationLinker.link("<p>again [@a]</p>", line: 2, bibliography: bibliography, occurrences: &occurrences)
        let anchors = (first.html + second.html).components(separatedBy: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(anchors == ["cite-a-1", "cite-b-1", "cite-a-2", "cite-a-3"])
        let counts = bibliography.citationCounts(first.cited + second.cited)
        #expect(counts == ["a": 3, "b": 1])
        let list = BibliographyHTML.list(bibliography.entries, citations: bibliography.entries.map { counts[$0.id] ?? 0 })
        for anchor in anchors { #expect(list.contains("href=\"#\(anchor)\"")) }
    }

    @Test func aBibTeXEntryGivesAListedLinkItsKeyAndDetailsSilently() {
        let library = BibTeXParser.parse("""
        @article{beck2009, author = {Beck, Amir and Teboulle, Marc}, title = {FISTA}, journal = {SIAM J. Imaging Sciences},
                           year = 2009, doi = {10.1137/080716542}}
        @misc{unused, title = {U}, url = {https://u.example}}
        """).entries.map(\.bibliographyEntry)
        let listed = [BibliographyEntry(id: "1", title: "A fast algorithm", url: "https://doi.org/10.1137/080716542", origin: .linkList, line: 9),
                      BibliographyEntry(id: "2", title: "https://x.example", url: "https://x.example", origin: .linkList, line: 11)]
        let bibliography = PageBibliography(listed: listed, library: library, cited: ["beck2009"])
        #expect(bibliography.diagnostics.isEmpty)
        #expect(bibliography.entries.count == 2)
        #expect(bibliography.number(of: "beck2009") == 1)
        #expect(bibliography.entries[0].title == "A fast algorithm")
        #expect(bibliography.entries[0].authors == ["Amir Beck", "Marc Teboulle"])
        #expect(bibliography.entries[0].venue == "SIAM J. Imaging Sciences" && bibliography.entries[0].year == "2009")
        #expect(bibliography.number(of: "unused") == nil)
    }
}
