import NBDocument

/// The BibTeX parser and the bibliography HTML made from its entries.
struct BibTeXTarget: FuzzTarget {
    let name = "bibtex"
    let hangSeconds = 5.0
    let tokens = [
        "@article{", "@book{", "@inproceedings{", "@misc{", "@string{", "@preamble{", "@comment{", "@", "{", "}",
        "\"", ",", "=", " # ", "author = ", "title = ", "year = ", "url = ", "doi = ", "journal = ", "editor = ",
        " and ", "others", "{\\\"o}", "\\'e", "{\\ss}", "\\&", "$x^2$", "--", "~", "\\url{", "javascript:alert(1)",
        "von ", "Jr, ", "{{", "}}", "%", "\n",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] { [] }

    func run(_ input: [UInt8]) throws(Violation) {
        let (entries, _) = BibTeXParser.parse(String(decoding: input, as: UTF8.self))
        let html = BibliographyHTML.list(entries.map(\.bibliographyEntry))
        try HTMLInvariants.check(html, what: "bibliography HTML")
    }
}
