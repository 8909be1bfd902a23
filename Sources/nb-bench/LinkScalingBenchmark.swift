import Foundation
import NBDocument
import NBRender

/// `nb-bench links [N] [CASE]`: reference and link handling must be linear. Each case renders a
/// generated notebook (parse + page bibliography + HTML, no cells) at size n and 10n and prints
/// the time ratio; a ratio above 12 is marked SLOW and makes the run exit 1. CASE (part of a case's
/// name) runs only the matching cases, for profiling.
enum LinkScalingBenchmark {
    /// One generated input, as a function of its size.
    struct Case: Sendable {
        var name: String
        var make: @Sendable (Int) -> String
    }

    static let cases: [Case] = [
        Case(name: "URL + title paragraphs") { n in
            (0..<n).map { "https://example.com/post/\($0)\n\nTitle of post \($0)\n" }.joined(separator: "\n")
        },
        Case(name: "bare URLs under References") { n in
            "## References\n\n" + (0..<n).map { "https://example.org/\($0)\n" }.joined(separator: "\n")
        },
        Case(name: "same URL, bare CR lines") { n in
            String(repeating: "https://example.com/same\r", count: n)
        },
        Case(name: "link list under References") { n in
            "## References\n\n" + (0..<n).map { "- [Paper \($0)](https://example.net/p/\($0))\n" }.joined()
        },
        Case(name: "front matter references") { n in
            "---\nreferences:\n" + (0..<n).map { "  - {id: r\($0), title: T\($0), url: \"https://example.edu/\($0)\"}\n" }.joined()
                + "---\nText [@r0].\n"
        },
    ]

    static let maximumRatio = 12.0

    static func run(_ arguments: [String]) throws {
        let n = arguments.first.flatMap(Int.init) ?? 1_000
        let renderer = NotebookPageRenderer(root: URL(fileURLWithPath: NSTemporaryDirectory()), cache: nil,
                                            engineVersion: "bench", runsCells: false)
        print("case                          n=\(n)      n=\(10 * n)    ratio (≤ \(Int(maximumRatio)))")
        var slow = false
        let only = arguments.dropFirst().first
        for item in cases where only.map({ item.name.contains($0) }) ?? true {
            var seconds: [Double] = []
            for size in [n, 10 * n] {
                let text = item.make(size)
                seconds.append(try BenchClock.bestCPU(of: 3) {
                    let document = try DocumentParser.parse(text)
                    _ = renderer.render(document, source: NotebookSource(relativePath: "bench.md", text: text))
                })
            }
            let ratio = seconds[1] / max(seconds[0], 1e-9)
            slow = slow || ratio > maximumRatio
            print(item.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                  + String(format: "%8.3f s  %8.3f s  %6.1f", seconds[0], seconds[1], ratio) + (ratio > maximumRatio ? "  SLOW" : ""))
        }
        if slow { exit(1) }
    }
}
