import Foundation
import NBDocument

/// `nb-bench math-scaling [N-SCALE] [--only TEXT]` (thread CPU time): hostile math inputs through the whole
/// document pipeline (math scan, cmark, TeX → MathML, diagnostics) at size n and 10n. Linear code
/// takes about ten times as long at 10n; a row fails when the ratio is above 12, and the command
/// exits with status 1 if any row fails. Quadratic code shows ratios of 20 to 100; on a loaded
/// machine linear rows wander between 8 and 14, hence the re-measurement below.
enum MathScalingBenchmark {
    /// One input family: the Markdown for size `n`, and the `n` to start from.
    struct Case: Sendable {
        var name: String
        var n: Int
        var markdown: @Sendable (Int) -> String
    }

    static let limit = 12.0

    static let cases: [Case] = [
        Case(name: "inline $x$ on one line", n: 4_000) { n in
            String(repeating: "$x$ ", count: n) + "\n"
        },
        Case(name: "inline $x$ on separate lines", n: 8_000) { n in
            String(repeating: "$x$\n", count: n)
        },
        Case(name: "\\operatorname{…} of n letters", n: 100_000) { n in
            "$\\operatorname{" + String(repeating: "a", count: n) + "}$\n"
        },
        Case(name: "\\mathrm{…} of n letters", n: 100_000) { n in
            "$$\\mathrm{" + String(repeating: "b", count: n) + "}$$\n"
        },
        Case(name: "n nested braces", n: 100_000) { n in
            "$$" + String(repeating: "{", count: n) + "x" + String(repeating: "}", count: n) + "$$\n"
        },
        Case(name: "n unmatched closing braces", n: 30_000) { n in
            "$$x" + String(repeating: "}", count: n) + "$$\n"
        },
        Case(name: "\\frac chain of n", n: 2_000) { n in
            "$$" + String(repeating: "\\frac{a}{b}+", count: n) + "1$$\n"
        },
        Case(name: "\\frac nested n deep", n: 100_000) { n in
            "$$" + String(repeating: "\\frac1", count: n) + "2$$\n"
        },
        Case(name: "\\left( without \\right, n times", n: 30_000) { n in
            "$$" + String(repeating: "\\left( x ", count: n) + "$$\n"
        },
        Case(name: "array with n \\\\ rows", n: 5_000) { n in
            "$$\\begin{array}{cc}" + String(repeating: "a & b \\\\ ", count: n) + "\\end{array}$$\n"
        },
        Case(name: "\\sqrt[ without ], n times", n: 5_000) { n in
            "$$" + String(repeating: "\\sqrt[x ", count: n) + "$$\n"
        },
        Case(name: "\\not chain of n", n: 100_000) { n in
            "$$" + String(repeating: "\\not", count: n) + "=$$\n"
        },
        Case(name: "\\color switches, n in a row", n: 100_000) { n in
            "$$" + String(repeating: "\\color{red}x", count: n) + "$$\n"
        },
        Case(name: "n unknown commands on a CJK line", n: 2_000) { n in
            String(repeating: "中文$\\foo$ ", count: n) + "\n"
        },
        // Small link counts are dominated by libcmark's own cache effects (its ratio is 12 from 2,000 to 20,000).
        Case(name: "n links with \\( in the destination", n: 20_000) { n in
            String(repeating: "[x](https://e.org/F_\\(b\\)) ", count: n) + "\n"
        },
        Case(name: "n [a](b() with no space or )", n: 20_000) { n in
            String(repeating: "[a](b()", count: n) + "\n"
        },
        Case(name: "n [a](b \"title without closing quote", n: 20_000) { n in
            String(repeating: "[a](b \"t ", count: n) + "\n"
        },
        Case(name: "unknown command of n letters", n: 300_000) { n in
            "$\\" + String(repeating: "q", count: n) + "$\n"
        },
        Case(name: "\\text{…} of n characters", n: 100_000) { n in
            "$\\text{" + String(repeating: "a \\, ", count: n / 5) + "}$\n"
        },
        Case(name: "n CJK characters in a formula", n: 50_000) { n in
            "$$" + String(repeating: "中", count: n) + "$$\n"
        },
        Case(name: "n primes", n: 100_000) { n in
            "$f" + String(repeating: "'", count: n) + "$\n"
        },
        Case(name: "display math of n lines with % comments", n: 5_000) { n in
            "$$\n" + String(repeating: "x + 1 % note\n", count: n) + "$$\n"
        },
        Case(name: "heading with n formulas", n: 20_000) { n in
            "# " + String(repeating: "$x$ ", count: n) + "\n"
        },
        Case(name: "n $ openers without closer", n: 100_000) { n in
            String(repeating: "$a ", count: n) + "\n"
        },
        Case(name: "n \\( openers without closer", n: 50_000) { n in
            String(repeating: "\\(a ", count: n) + "\n"
        },
    ]

    static func run(_ arguments: [String]) throws {
        let scale = arguments.first.flatMap(Double.init) ?? 1
        // `--only TEXT`: just the cases whose name contains TEXT.
        let only = arguments.firstIndex(of: "--only").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        var failures: [String] = []
        FileHandle.standardOutput.write(Data("case                                           n       t(n)       t(10n)  ratio\n".utf8))
        for item in cases where only.map({ item.name.contains($0) }) ?? true {
            let n = max(1, Int(Double(item.n) * scale))
            let small = item.markdown(n)
            let large = item.markdown(10 * n)
            // Sizes are chosen so that t(n) is a few milliseconds at least: shorter runs are noise.
            // The two sizes alternate, so that both see the same load on a shared machine, and a
            // row above the limit is measured again (up to three times in all) before it fails:
            // quadratic code stays far above 12 every time, load spikes do not.
            var smallSeconds = Double.infinity
            var largeSeconds = Double.infinity
            var ratio = Double.infinity
            for _ in 0..<3 where ratio > limit {
                smallSeconds = .infinity
                largeSeconds = .infinity
                for _ in 0..<5 {
                    smallSeconds = min(smallSeconds, seconds { parse(small) })
                    largeSeconds = min(largeSeconds, seconds { parse(large) })
                }
                ratio = largeSeconds / max(smallSeconds, 1e-6)
            }
            let verdict = ratio <= limit ? "ok" : "FAIL"
            if ratio > limit { failures.append(item.name) }
            // Written at once, so a row survives a later case that crashes.
            let row = item.name.padding(toLength: 40, withPad: " ", startingAt: 0)
                + String(format: " %7d %8.4f s %8.4f s %6.1f  %@\n", n, smallSeconds, largeSeconds, ratio, verdict)
            FileHandle.standardOutput.write(Data(row.utf8))
        }
        guard failures.isEmpty else {
            print("ratio above \(Int(limit)) (superlinear): \(failures.joined(separator: ", "))")
            exit(1)
        }
    }

    private static func parse(_ markdown: String) {
        _ = try? DocumentParser.parse(markdown)
    }

    /// Thread CPU seconds taken by `body` (the machine is shared; wall time is noisy).
    private static func seconds(_ body: () -> Void) -> Double {
        let start = cpuSeconds()
        body()
        return cpuSeconds() - start
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
