import CCmark
import Foundation
import NBDocument

/// `nb-bench math [MEGABYTES] [--convert-only]` (thread CPU time): the math protection pass and TeX → MathML conversion on a generated
/// math-heavy Markdown corpus, against plain libcmark (Markdown → HTML) on the same bytes.
enum MathBenchmark {
    static func run(_ arguments: [String]) throws {
        let megabytes = arguments.first.flatMap(Double.init) ?? 10
        let corpus = makeCorpus(bytes: Int(megabytes * 1_000_000))
        if arguments.contains("--convert-only") {
            // For profiling the converter alone.
            let spans = MathScanner.scan(corpus).spans
            let seconds = best(of: 5) { for span in spans { _ = MathML.render(span.tex, display: true) } }
            print(String(format: "convert %d formulas: %.3f s", spans.count, seconds))
            return
        }
        let size = Double(corpus.utf8.count) / 1_000_000

        let cmarkSeconds = best(of: 3) {
            corpus.withCString { pointer in
                if let html = cmark_markdown_to_html(pointer, strlen(pointer), CMARK_OPT_DEFAULT) { free(html) }
            }
        }
        var spanCount = 0
        let scanSeconds = best(of: 3) { spanCount = MathScanner.scan(corpus).spans.count }
        let spans = MathScanner.scan(corpus).spans
        var displayCount = 0
        let displaySeconds = best(of: 3) { displayCount = spans.filter { MathScanner.isDisplay($0, in: corpus) }.count }
        var outputBytes = 0
        let convertSeconds = best(of: 3) {
            outputBytes = 0
            for span in spans {
                outputBytes += MathML.render(span.tex, display: span.delimiter == .doubleDollar).mathML.utf8.count
            }
        }
        let texBytes = Double(spans.reduce(0) { $0 + $1.tex.utf8.count }) / 1_000_000
        func rate(_ seconds: Double) -> String { String(format: "%.1f MB/s", size / seconds) }
        print(String(format: "corpus: %.2f MB, %d formulas (%.2f MB of TeX), %.1f MB of MathML", size, spanCount, texBytes,
                     Double(outputBytes) / 1_000_000))
        print(String(format: "cmark (Markdown → HTML)     %7.3f s  %@", cmarkSeconds, rate(cmarkSeconds)))
        print(String(format: "math scan                   %7.3f s  %@", scanSeconds, rate(scanSeconds)))
        print(String(format: "display decisions (%d block) %7.3f s", displayCount, displaySeconds))
        print(String(format: "math convert (all spans)    %7.3f s  %@ of Markdown, %.1f MB/s of TeX", convertSeconds,
                     rate(convertSeconds), texBytes / convertSeconds))
        let total = scanSeconds + displaySeconds + convertSeconds + cmarkSeconds
        print(String(format: "cmark + scan + convert      %7.3f s  %@ = %.0f%% of plain cmark's rate", total, rate(total),
                     100 * cmarkSeconds / total))
    }

    /// The best of `runs` timings, in thread CPU seconds (the machine is shared; wall time is noisy).
    private static func best(of runs: Int, _ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = cpuSeconds()
            body()
            best = min(best, cpuSeconds() - start)
        }
        return best
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static let formulas = [
        "f'(x)=\\lim_{h\\to 0}{f(x+h)-f(x)\\over h}",
        "\\frac{\\partial \\mathcal{L}}{\\partial \\theta_i} = \\sum_{j=1}^{n} \\frac{\\partial \\mathcal{L}}{\\partial z_j}\\frac{\\partial z_j}{\\partial \\theta_i}",
        "\\hat{y} = \\sigma\\left(\\mathbf{W}^\\top \\mathbf{x} + b\\right)",
        "\\nabla_\\theta \\mathbb{E}_{x \\sim p}[\\ell(x;\\theta)] \\approx \\frac{1}{m}\\sum_{i=1}^m \\nabla_\\theta \\ell(x_i;\\theta)",
        "\\begin{aligned} (x + \\dot{x}d)(y + \\dot{y}d) &= xy + (\\dot{x}y + x\\dot{y})d \\\\ \\frac{1}{x + \\dot{x}d} &= \\frac{1}{x} - \\frac{\\dot{x}}{x^2}d \\end{aligned}",
        "\\operatorname{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}",
        "\\|x\\|_2 = \\sqrt{\\sum_i x_i^2}, \\quad |x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{otherwise} \\end{cases}",
    ]

    static let inline = ["x_i", "\\alpha", "f(x)", "\\theta^{(t+1)}", "O(n^2)", "\\dot{x}", "d^2 = 0", "\\mathbf{W}"]

    /// Paragraphs of prose with inline math, display formulas, a code block now and then.
    static func makeCorpus(bytes: Int) -> String {
        var corpus = "# Generated math-heavy notes\n\n"
        var index = 0
        while corpus.utf8.count < bytes {
            let a = inline[index % inline.count], b = inline[(index * 3 + 1) % inline.count]
            corpus += "The gradient of $\(a)$ with respect to $\(b)$ is computed by *reverse mode*; see \\(\(a)\\).\n"
            corpus += "Each step costs $5 and a little more than \\$\(index % 100) in compute.\n\n"
            corpus += "$$\n\(formulas[index % formulas.count])\n$$\n\n"
            if index % 10 == 0 { corpus += "```nb\nf(x) = x^3 + 2*x  # $not math$\n```\n\n" }
            index += 1
        }
        return corpus
    }
}
