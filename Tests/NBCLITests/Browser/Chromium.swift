import Foundation

/// Headless Chromium as the browser tests drive it: a page is loaded inside an iframe of a given
/// width (headless windows are at least 500 px wide) in the light or dark scheme; a script added
/// to a test copy of the page posts what it measured to the wrapper, which writes it into its DOM,
/// and `--dump-dom` prints that. No DevTools protocol, no network: file URLs only.
enum Chromium {
    /// The browser, when installed (`apt-get install chromium`).
    static let executable: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static var available: Bool { executable != nil }

    enum Scheme: String, Sendable { case light, dark }

    /// Loads `page` (a file in `folder`) at `width` CSS pixels in `scheme` and returns the JSON the
    /// measuring script produced (JSON text), or nil and what went wrong.
    static func measure(_ page: String, in folder: URL, width: Int, scheme: Scheme) throws -> (json: String?, log: String) {
        guard let executable else { return (nil, "chromium is not installed") }
        let stem = page.replacingOccurrences(of: "/", with: "_")
        let inner = "\(stem).measure-\(scheme.rawValue)-\(width).html"
        let wrapper = "measure-\(stem)-\(scheme.rawValue)-\(width).html"
        let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        guard let body = html.range(of: "</body>", options: .backwards) else { return (nil, "\(page) has no </body>") }
        let script = "<script>\n" + MeasureScript.source + "\n</script>\n"
        try Data(html.replacingCharacters(in: body, with: script + "</body>").utf8).write(to: folder.appendingPathComponent(inner))
        try Data("""
        <!DOCTYPE html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark"></head>
        <body style="margin:0"><iframe src="\(inner)" width="\(width)" height="900" style="border:0;display:block"></iframe>
        <script>addEventListener('message', function (e) { var p = document.createElement('pre');
        p.id = 'nb-measure'; p.textContent = e.data; document.body.appendChild(p); });</script></body></html>
        """.utf8).write(to: folder.appendingPathComponent(wrapper))
        defer {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(inner))
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(wrapper))
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("nb-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try NBProcess.run(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--window-size=\(max(width, 500) + 40),940", "--virtual-time-budget=8000", "--run-all-compositor-stages-before-draw",
            "--blink-settings=preferredColorScheme=\(scheme == .dark ? 0 : 1)",
            "--dump-dom", folder.appendingPathComponent(wrapper).absoluteString,
        ])
        guard let start = result.stdout.range(of: "<pre id=\"nb-measure\">"),
              let end = result.stdout.range(of: "</pre>", range: start.upperBound..<result.stdout.endIndex) else {
            return (nil, "no measurement from \(page) (status \(result.status)): " + String(result.stderr.suffix(600)))
        }
        let text = String(result.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return (text, result.stderr)
    }
}
