import Foundation
import Testing
@testable import NBDocument

private func fixture(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

@Suite struct BibTeXParserTests {
    @Test func readsTheTrickyFixture() throws {
        let (entries, diagnostics) = BibTeXParser.parse(try fixture("tricky.bib"))
        #expect(entries.map(\.key) == ["baydin2018", "griewank2008", "paszke2017", "accents", "web2020", "after_broken"])
        #expect(entries.map(\.type) == ["article", "book", "inproceedings", "misc", "online", "misc"])
        let byKey = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
        #expect(byKey["baydin2018"]?.fields["journal"] == "Journal of Machine Learning Research")
        #expect(byKey["baydin2018"]?.fields["volume"] == "18")
        #expect(byKey["baydin2018"]?.line == 8)
        #expect(byKey["griewank2008"]?.fields["title"] == "Evaluating Derivatives: Principles and Techniques of {A}lgorithmic Differentiation")
        #expect(byKey["griewank2008"]?.fields["month"] == "November")
        #expect(byKey["paszke2017"]?.fields["note"] == "quote \" inside braces is fine")
        // The unterminated entry is reported at its own line and does not swallow the next one.
        #expect(diagnostics.contains { $0.line == 50 && $0.message.contains("unterminated") })
        #expect(byKey["after_broken"]?.fields["title"] == "Still read")
    }

    @Test func convertsToBibliographyEntries() throws {
        let entries = BibTeXParser.parse(try fixture("tricky.bib")).entries.map(\.bibliographyEntry)
        let byID = Dictionary(uniqueKeysWithValues: entries.map { ($0.id, $0) })
        let baydin = try #require(byID["baydin2018"])
        #expect(baydin.authors == ["Atılım Güneş Baydin", "Barak A. Pearlmutter", "Alexey Andreyevich Radul", "Jeffrey Mark Siskind"])
        #expect(baydin.year == "2018")
        #expect(baydin.host == "jmlr.org")
        let griewank = try #require(byID["griewank2008"])
        #expect(griewank.title == "Evaluating Derivatives: Principles and Techniques of Algorithmic Differentiation")
        #expect(griewank.url == "https://doi.org/10.1137/1.9780898717761")
        #expect(griewank.authors == ["Andreas Griewank", "Andrea Walther"])
        let paszke = try #require(byID["paszke2017"])
        #expect(paszke.title == "Automatic differentiation in PyTorch")
        #expect(paszke.authors == ["Adam Paszke", "Sam Gross", "et al."])
        #expect(paszke.url == nil && paszke.host == "NIPS 2017 Autodiff Workshop")
        let accents = try #require(byID["accents"])
        #expect(accents.title == "Café, naïve, Škoda, Ångström, ß, Erdős, François, ø, à la, île — 1–2")
        #expect(accents.authors == ["Jörg Müller"])
        #expect(accents.url == "https://arxiv.org/abs/1502.05767")
        let web = try #require(byID["web2020"])
        #expect(web.title == "100% of the tricky cases & more")
        #expect(web.url == "https://example.org/a_b?x=1")
        #expect(web.year == "2020")
    }

    @Test func concatenationAndMacros() {
        let (entries, diagnostics) = BibTeXParser.parse("""
        @string{ first = "Auto" }
        @misc{k, title = first # "matic " # {Differentiation} # 2, author = nobody}
        """)
        #expect(entries.first?.fields["title"] == "Automatic Differentiation2")
        #expect(entries.first?.fields["author"] == "nobody")
        #expect(diagnostics.map(\.message) == ["unknown @string macro 'nobody'"])
        #expect(diagnostics.first?.line == 2)
    }

    @Test func latexAccentForms() {
        #expect(LaTeXText.unicode(#"{\"u}ber \"Uber \'{e}t\'e \`{a} \~n \^{o} \=a \.z \u{g} \r{u} \k{a} \v{c}"#)
                == "über Über été à ñ ô ā ż ğ ů ą č")
        // Control words swallow the space after them, as in TeX.
        #expect(LaTeXText.unicode(##"\'{\i}\"\i \ae\oe{}\AE \l\L \&\%\$\#\_ a~b"##) == "íïæœÆłŁ&%$#_ a\u{00A0}b")
        #expect(LaTeXText.unicode("  {Deep}   {L}earning\n and {BERT} ") == "Deep Learning and BERT")
        #expect(LaTeXText.unicode(#"\unknown{kept} $x$"#) == "kept x")
    }

    @Test func hostileInputNeverCrashes() {
        let nested = String(repeating: "{", count: 10_000) + "x"
        #expect(LaTeXText.unicode(nested).count <= 1)
        let inputs = ["@", "@{", "@misc", "@misc{", "@misc{k", "@misc{k,", "@misc{k, t", "@misc{k, t =", "@misc{k, t = {",
                      "@misc{k, t = \"a", "@misc(k, t = 1", "@string{", "@string{x = }", "@misc{k, t = {a}} }",
                      "@misc{" + nested, "\\", "@misc{k, t = {\\}"]
        for input in inputs {
            let result = BibTeXParser.parse(input)
            #expect(result.entries.count + result.diagnostics.count >= 0)
        }
        #expect(BibTeXParser.parse("@misc{k,").diagnostics.count == 1)
        #expect(BibTeXParser.parse("@misc(k, t = 1)").entries.first?.fields["t"] == "1")
    }

    @Test func duplicateFieldWarns() {
        let (entries, diagnostics) = BibTeXParser.parse("@misc{k,\n title = {A},\n title = {B}}")
        #expect(entries.first?.fields["title"] == "A")
        #expect(diagnostics.first?.line == 3)
    }
}
