/// `nb-fuzz selftest`: the checks must catch what they are for, or a quiet fuzzing run means nothing.
enum SelfTest {
    static let hostile = [
        "<p>a <script>alert(1)</script></p>",
        "<pre>1 < 2</pre>",
        "<div>x <b onmouseover=alert(1)>y</b></div>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  JaVa&#x09;Script&colon;alert(1)\">x</a>",
        "<a href=\"&#106avascript:alert(1)\">x</a>",
        "<img src='data:text/html,x'>",
        "<svg><image xlink:href=\"vbscript:x\"/></svg>",
        "<style>p{}</style>",
    ]
    static let safe = [
        "<p>1 &lt; 2 &amp; <a href=\"https://example.org/?a=1&amp;b=2\">x</a></p>",
        "<math display=\"block\"><mfrac><mi>a</mi><mn>2</mn></mfrac></math>",
        "<!-- raw HTML omitted --><img src=\"data:image/png;base64,AA==\" alt=\"\">",
        "<svg class=\"nb-plot\"><path d=\"M0 0\"/><text x=\"1\">a &lt;b&gt;</text></svg>",
    ]

    /// Returns the problems found (empty when the checks behave).
    static func run() -> [String] {
        var problems: [String] = []
        for html in hostile where (try? HTMLInvariants.check(html, what: "selftest")) != nil {
            problems.append("not caught: \(html)")
        }
        for html in safe {
            do throws(Violation) { try HTMLInvariants.check(html, what: "selftest") } catch {
                problems.append("false alarm: \(error.message)")
            }
        }
        return problems
    }
}
