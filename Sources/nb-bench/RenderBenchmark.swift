import CCmark
import Foundation
import NBDocument
import NBRender

/// `nb-bench render [--mb N] [--seed S] [--repeat R] [--process-mb M] [--only NAME] [--keep DIR]`:
/// throughput of the Markdown → HTML pipeline against plain `cmark_markdown_to_html` on the same
/// generated text, math-free and math-heavy; then `nb render` against the `cmark` CLI as whole
/// processes on an M MB (default 5) mixed corpus (`RenderProcessBenchmark`).
///
/// Reported per corpus: MB/s of cmark alone, of the full pipeline (`DocumentParser.parse` +
/// `HTMLPage.render`) and the ratio; plus the time of the pipeline's stages. `--only math-free`,
/// `math-heavy` or `process` runs one row (for `perf record`); `--keep DIR` leaves the corpora
/// (and the process row's pages) in DIR.
enum RenderBenchmark {
    static func run(_ arguments: [String]) throws {
        let megabytes = Double(value(of: "--mb", in: arguments) ?? "10") ?? 10
        let seed = UInt64(value(of: "--seed", in: arguments) ?? "1") ?? 1
        let repeats = Int(value(of: "--repeat", in: arguments) ?? "3") ?? 3
        let only = value(of: "--only", in: arguments)
        print("render benchmark: \(megabytes) MB corpus, seed \(seed), best of \(repeats)")
        for (name, mathHeavy) in [("math-free", false), ("math-heavy", true)] where only == nil || only == name {
            var generator = CorpusGenerator(seed: seed, mathHeavy: mathHeavy)
            let corpus = generator.corpus(bytes: Int(megabytes * 1_000_000))
            let size = Double(corpus.utf8.count) / 1_000_000
            if let keep = value(of: "--keep", in: arguments) {
                try FileManager.default.createDirectory(atPath: keep, withIntermediateDirectories: true)
                try corpus.write(toFile: keep + "/\(name).md", atomically: false, encoding: .utf8)
            }
            let cmark = best(of: repeats) { _ = plainCmark(corpus) }
            var pageBytes = 0
            let pipeline = best(of: repeats) {
                let document = try? DocumentParser.parse(corpus)
                pageBytes = document.map { HTMLPage.render($0).utf8.count } ?? 0
            }
            print(String(format: "%@: %.1f MB in, %.1f MB out | cmark %.1f MB/s | nb %.1f MB/s = %.0f%% of cmark",
                         name, size, Double(pageBytes) / 1_000_000, size / cmark, size / pipeline,
                         100 * cmark / pipeline))
            print("  stages (s): " + stages(corpus).map { String(format: "%@ %.3f", $0.0, $0.1) }.joined(separator: ", "))
        }
        if only == nil || only == "process" {
            try RenderProcessBenchmark.run(megabytes: Double(value(of: "--process-mb", in: arguments) ?? "5") ?? 5, seed: seed,
                                           repeats: repeats, keep: value(of: "--keep", in: arguments))
        }
    }

    private static func value(of option: String, in arguments: [String]) -> String? {
        BenchArguments.value(of: option, in: arguments)
    }

    /// CPU seconds of this thread (robust on a machine shared with other builds).
    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// CPU seconds of the fastest of `count` runs.
    private static func best(of count: Int, _ body: () -> Void) -> Double {
        var fastest = Double.infinity
        for _ in 0..<max(1, count) {
            let start = cpuSeconds()
            body()
            fastest = min(fastest, cpuSeconds() - start)
        }
        return fastest
    }

    /// CPU seconds of each pipeline stage, in order.
    private static func stages(_ corpus: String) -> [(String, Double)] {
        var result: [(String, Double)] = []
        var last = cpuSeconds()
        let mark: (String) -> Void = { name in
            let now = cpuSeconds()
            result.append((name, now - last))
            last = now
        }
        let source = SourceText(corpus)
        mark("decode")
        guard let document = try? DocumentParser.parse(source, stageDone: mark) else { return result }
        _ = HTMLPage.body(document)
        mark("page body")
        _ = HTMLPage.body(document)
        mark("page body again")
        _ = HTMLPage.render(document)
        mark("page")
        return result
    }

    private static func plainCmark(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else { return 0 }
                defer { free(html) }
                return strlen(html)
            }
        }
    }
}

/// A seeded generator of Markdown: headings, prose in English and Chinese, emphasis, code spans,
/// links, lists, code fences, bare-URL references, and (math-heavy) inline and display formulas;
/// a mixed corpus draws each block math-heavy or math-free at random.
struct CorpusGenerator {
    private var state: UInt64
    private(set) var mathHeavy: Bool
    let mixed: Bool

    init(seed: UInt64, mathHeavy: Bool, mixed: Bool = false) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        self.mathHeavy = mathHeavy
        self.mixed = mixed
    }

    private mutating func next() -> UInt64 {
        // splitmix64
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

    static let english = ["gradient", "the", "chain", "rule", "applies", "to", "every", "node", "of", "graph",
                          "reverse", "mode", "computes", "adjoints", "forward", "dual", "numbers", "carry", "a",
                          "tangent", "with", "each", "value", "loss", "parameters", "update", "step", "learning"]
    static let chinese = ["自动求导", "反向传播", "计算图", "梯度", "链式法则", "对偶数", "前向模式", "损失函数",
                          "参数", "半监督学习", "自监督", "特征", "优化", "数值微分", "符号微分"]
    /// Formula templates: `{v}` becomes a variable and `{n}` a number drawn at random, so that
    /// formulas vary as they do in real notes (a page converts a formula it has seen before from a
    /// cache, and a corpus of a few formulas repeated would measure the cache, not the converter).
    static let inlineMath = ["${v}^{{n}} + y^2$", "$\\frac{\\partial L}{\\partial w_{{n}}}$", "$f'({v}_{{n}})$",
                             "$\\sum_{i=1}^{{n}} {v}_i$", "$\\alpha_{{n}} \\cdot \\nabla f({v})$", "$${v} + \\dot{{v}}d_{{n}}$$",
                             "\\(e^{i\\pi {n}}\\)", "$\\sqrt{{n}{v}}$"]
    static let displayMath = ["$$f'({v})=\\lim_{h\\to 0}{f({v}+{n}h)-f({v})\\over h}$$",
                              "$$({v} + \\dot{{v}}d)(y + \\dot{y}d) = {v}y + (\\dot{{v}}y + {v}\\dot{y})d_{{n}}$$",
                              "\\[\\frac{{n}}{{v} + \\dot{{v}}d} = \\frac{{n}}{{v}} - \\frac{\\dot{{v}}}{{v}^2}d\\]",
                              "$$\\mathbf{W}^{(t+{n})} = \\mathbf{W}^{(t)} - \\eta \\nabla_{\\mathbf{W}} L({v})$$"]
    static let variables = ["x", "y", "z", "t", "u", "a", "b", "\\theta", "\\lambda", "\\mu", "w_2", "x_{i}"]

    /// A formula from `templates` with its variable and number drawn.
    private mutating func formula(_ templates: [String]) -> String {
        let variable = pick(Self.variables), number = String(next() % 1000)
        // The variable goes in braces, so that a subscript or a letter after it stays valid TeX
        // (`{x_{i}}_i`, `{\\mu}y`).
        return pick(templates).replacingOccurrences(of: "{v}", with: "{\(variable)}").replacingOccurrences(of: "{n}", with: number)
    }

    private mutating func sentence() -> String {
        var words: [String] = []
        for index in 0..<(8 + Int(next() % 12)) {
            let roll = next() % 100
            var word: String
            if roll < 30 { word = pick(Self.chinese) }
            else if mathHeavy && roll < 45 { word = formula(Self.inlineMath) }
            else if roll < 50 { word = "*\(pick(Self.english))*" }
            else if roll < 53 { word = "`\(pick(Self.english))()`" }
            else if roll < 56 { word = "[\(pick(Self.english))](https://example.com/\(next() % 1000))" }
            else { word = pick(Self.english) }
            if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            words.append(word)
        }
        return words.joined(separator: " ") + "."
    }

    private mutating func block() -> String {
        if mixed { mathHeavy = next() % 2 == 0 }
        let roll = next() % 100
        switch roll {
        case 0..<5: return "## \(pick(Self.english)) \(pick(Self.chinese))\n\n"
        case 5..<12: return (0..<3).map { _ in "- " + sentence() }.joined(separator: "\n") + "\n\n"
        case 12..<16: return "```swift\nlet x = \(next() % 100)\nprint(x * 2)\n```\n\n"
        case 16..<19: return "https://mp.example.com/s/\(next() % 100_000)\n\n\(pick(Self.chinese))\(pick(Self.chinese))\n\n"
        case 19..<(mathHeavy ? 35 : 19): return formula(Self.displayMath) + "\n\n"
        default: return (0..<(1 + Int(next() % 3))).map { _ in sentence() }.joined(separator: " ") + "\n\n"
        }
    }

    /// About `bytes` bytes of Markdown.
    mutating func corpus(bytes: Int) -> String {
        var text = "---\ntitle: Generated corpus\n---\n\n"
        text.reserveCapacity(bytes + 1024)
        while text.utf8.count < bytes { text += block() }
        return text
    }
}
