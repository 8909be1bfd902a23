import Foundation
import NBDocument

/// Seeds for the whole-notebook targets: the repository's notebooks with every cell's code
/// replaced by a cheap cell from `cheapCells` (the real cells train networks for seconds, which
/// would drown the fuzzer), keeping the prose, math, front matter and `output` blocks.
enum NotebookSeeds {
    /// Cells that run in milliseconds and stress transcripts: fences and backticks in output,
    /// markup, errors, CR, CJK, plots, tables, checks.
    static let cheapCells: [String] = [
        "print(\"```\")",
        "print(\"~~~\\n```nb\\nx\\n```\")",
        "print(\"  ````output\")",
        "\"<script>alert(1)</script>\"",
        "print(\"<b>bold</b> & <i>\", \"a<b\")",
        "print(\"line1\\r\\nline2\\rline3\")",
        "print(\"自动求导 $x$ \\\\(y\\\\) [@key]\")",
        "1 / 0",
        "undefined_name + 1",
        "f(x) = x^3 + 2*x\nf(2)",
        "g(x) = exp(x)\ngrad(g, [1])",
        "zeros(2, 3)",
        "randn(2, 2, seed: 1)",
        "table([\"a\", \"<b>\"], [[\"```\", 0.5], [\"x\", 1]], caption: \"</table>\")",
        "plot([1, 2, 3], [1, 4, 9], title: \"<t> & ```\")",
        "assert 1 == 2, \"one is not two\"",
        "assert close(0.1 + 0.2, 0.3)",
        "print(\"\")",
        "x = 3",
        "print(\"\\u{0}\\u{1b}[31mred\")",
        "numgrad(g, [1], scheme: \"complex\", h: 1e-20)",
    ]

    /// `notebook` with every cell's code swapped for a cheap cell (chosen by position).
    static func cheapened(_ notebook: NotebookSeed, offset: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        var cursor = 0
        for cell in notebook.document.cells {
            guard cell.fenceRange.lowerBound >= cursor, cell.fenceRange.upperBound <= notebook.bytes.count else { continue }
            out += notebook.bytes[cursor..<cell.fenceRange.lowerBound]
            var info = "```nb id=\(cell.id)"
            if cell.options.error { info += " error=true" }
            let code = cheapCells[(cell.index + offset) % cheapCells.count]
            out += Array("\(info)\n\(code)\n```".utf8)
            cursor = cell.fenceRange.upperBound
        }
        out += notebook.bytes[cursor...]
        return out
    }
}
