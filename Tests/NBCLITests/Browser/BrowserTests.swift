import Foundation
import Synchronization
import Testing

/// Layout facts a reader sees, checked in real headless Chromium on pages `nb build` makes from
/// the project's notebooks (plus one fixture page of formulas): no sideways scrolling at phone
/// width, every text colour readable (WCAG AA, 4.5:1) in both schemes, aligned equations lined
/// up, the math font loaded, the contents sidebar on wide screens. Runs only where chromium is
/// installed (`.ci/run` installs it). Each measurement is one chromium launch, shared by the
/// tests that need it.
@Suite(.serialized, .enabled(if: Chromium.available, "chromium is not installed"))
struct BrowserTests {
    /// The built site (one `nb build` per test run).
    static let site = BrowserSite.build()

    /// The notebook pages and the site's own pages.
    static let pages = ["autodiff.html", "proximal.html", "self-supervised.html", "learning.html", "index.html",
                        "bibliography.html", BrowserSite.fixturePage]

    static let phone = 400, desktop = 1100

    /// Measurements as JSON text, by page, width and scheme.
    private static let cache = Mutex<[String: String]>([:])

    /// The measurement of `page` at `width` in `scheme` (measured once).
    static func measurement(_ page: String, width: Int, scheme: Chromium.Scheme) throws -> [String: Any] {
        let folder = try site.get().appendingPathComponent(page == BrowserSite.fixturePage ? "fixture-site" : "site")
        let key = "\(page) \(width) \(scheme)"
        let text: String
        if let cached = cache.withLock({ $0[key] }) { text = cached } else {
            let (json, log) = try Chromium.measure(page, in: folder, width: width, scheme: scheme)
            text = try #require(json, Comment(rawValue: log))
            cache.withLock { $0[key] = text }
        }
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: pages) func noSidewaysScrollingAtPhoneWidth(page: String) throws {
        let m = try Self.measurement(page, width: Self.phone, scheme: .light)
        #expect(m["width"] as? Int == Self.phone)
        let scrollWidth = try #require(m["scrollWidth"] as? Int)
        #expect(scrollWidth <= Self.phone, "\(page) is \(scrollWidth) px wide at \(Self.phone) px")
    }

    @Test(arguments: pages) func everyTextColourIsReadableInTheLightScheme(page: String) throws {
        try expectReadable(Self.measurement(page, width: Self.phone, scheme: .light), page: page, dark: false)
    }

    @Test(arguments: pages) func everyTextColourIsReadableInTheDarkScheme(page: String) throws {
        try expectReadable(Self.measurement(page, width: Self.desktop, scheme: .dark), page: page, dark: true)
    }

    func expectReadable(_ m: [String: Any], page: String, dark: Bool) throws {
        #expect(m["dark"] as? Bool == dark)
        #expect((m["checked"] as? Int ?? 0) > 5, "\(page): too little text checked")
        let failures = m["failures"] as? [[String: Any]] ?? []
        #expect(failures.isEmpty, "\(page), \(dark ? "dark" : "light"): \(m["failureCount"] ?? 0) text colours below 4.5:1, e.g. \(failures.prefix(8))")
    }

    /// The columns of `aligned` are set with what Chromium's MathML Core renders.
    @Test func alignedEquationsLineUpAsTeXAlignsThem() throws {
        let m = try Self.measurement(BrowserSite.fixturePage, width: Self.desktop, scheme: .dark)
        let aligned = try #require(m["aligned"] as? [[String: Any]])
        #expect(!aligned.isEmpty)
        for environment in aligned {
            // The = signs start the right-hand column at one x; the left-hand sides end at one x.
            let equals = try #require(environment["spread"] as? Double), left = try #require(environment["leftSpread"] as? Double)
            #expect(equals <= 1, "the = signs of \(environment["tex"] ?? "") are \(equals) px apart")
            #expect(left <= 1, "the left-hand sides of \(environment["tex"] ?? "") end \(left) px apart")
        }
    }

    /// The math font that ships with the site is loaded.
    @Test func theMathFontLoaded() throws {
        let m = try Self.measurement(BrowserSite.fixturePage, width: Self.desktop, scheme: .dark)
        let faces = m["mathFaces"] as? [[String: Any]] ?? []
        #expect(faces.contains { $0["status"] as? String == "loaded" }, "math font faces: \(faces)")
    }

    /// The "On this page" contents sit beside the text on a wide screen.
    @Test func longPagesHaveAContentsSidebar() throws {
        let m = try Self.measurement("autodiff.html", width: Self.desktop, scheme: .dark)
        #expect(m["toc"] as? Bool == true)
        #expect(m["sidebar"] as? Bool == true)
    }
}

/// The sites the browser tests look at, built by the real `nb build` into a temporary folder:
/// `site/` from the project's notebooks (in place, with their cell cache, as `nb build` is run
/// there, so a second run recomputes nothing) and `fixture-site/` from one page of formulas.
enum BrowserSite {
    static let fixturePage = "browser-fixture.html"

    static let fixture = #"""
    ---
    title: Formulas for the browser tests
    date: 2026-01-01
    category: Tests
    description: Aligned equations, an unknown command and a missing citation, measured in Chromium.
    ---

    Aligned equations, as TeX aligns them at the ampersands:

    $$\begin{aligned} f(x) &= x^3 + 2x \\ f'(x) &= 3x^2 + 2 \\ \nabla_w L(w) &= \frac{1}{n} X^\top (Xw - y) \end{aligned}$$

    An unknown command renders as an error, $\nosuchcommand{x} + 1$, and [@nobody] is a missing citation.
    """#

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func build() -> Result<URL, Failure> {
        do {
            let work = try NBProcess.temporaryFolder()
            let fixtures = work.appendingPathComponent("fixture")
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try Data(fixture.utf8).write(to: fixtures.appendingPathComponent("browser-fixture.md"))
            for (source, output) in [("notebooks", "site"), (fixtures.path, "fixture-site")] {
                let result = try NBProcess.run(["build", source, "--out", work.appendingPathComponent(output).path,
                                                "--base-url", "https://example.org/notes/"])
                // 1: a cell failed (the page still shows it); `nb test notebooks/` is the check for that.
                guard result.status == 0 || result.status == 1 else {
                    return .failure(Failure(description: "nb build \(source) failed (\(result.status)): \(result.stderr.suffix(2000))"))
                }
            }
            return .success(work)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }
}
