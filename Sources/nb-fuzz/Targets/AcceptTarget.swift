import Foundation
import NBCheck
import NBDocument

/// `nb test --accept` on a whole notebook (written to a scratch file), with its contract:
///
/// 1. Idempotent: accepting the accepted file changes no byte.
/// 2. Only output blocks change: removing every `output` block, fences included (and every
///    block accept inserted, with the line ending it adds before a block at the very end of the
///    file), from the file before and after leaves the same bytes; the cells keep their code and
///    options.
/// 3. `nb test` then passes, except cells that failed for another reason during the accept run
///    itself (an unexpected error, `error=true` without an error, a failed check): the cells
///    failing afterwards are a subset of those.
/// 4. A file accept must not rewrite (unparseable, not UTF-8) keeps every byte.
struct AcceptTarget: FuzzTarget {
    let name = "accept"
    let hangSeconds = 30.0
    /// A scratch folder of this process's own.
    var folder: URL

    let tokens = [
        "```nb\n", "```nb error=true\n", "```nb id=x\n", "```output\n", "````output\n", "~~~output\n", "```\n",
        "````\n", "\n```output\n```\n", "```output\n", "print(\"```\")\n", "print(\"````\")\n", "print(\"~~~\")\n",
        "print(\"  ```\")\n", "print(\"\\n\")\n", "print(\"\")\n", "print(\"\\r\")\n", "1/0\n", "x\n", "assert false\n",
        "zeros(2)\n", "plot([1], [2])\n", "\r\n", "\n\n", "> ", "- ", "    ",
    ]

    func seeds(from notebooks: [NotebookSeed]) -> [[UInt8]] {
        notebooks.flatMap { notebook -> [[UInt8]] in
            let cheap = NotebookSeeds.cheapened(notebook, offset: 3)
            var crlf: [UInt8] = []
            for byte in cheap { if byte == 10 { crlf.append(13) }; crlf.append(byte) }
            return [cheap, crlf]
        }
    }

    func run(_ input: [UInt8]) throws(Violation) {
        let file = folder.appendingPathComponent("accept.md")
        try write(input, to: file)
        let accepting = NotebookTest(file: file.path, options: .init(accept: true))
        let first = accepting.run()
        let once = try read(file)
        guard let before = try? DocumentParser.parse(bytes: input), first.inputError == nil, before.source.isLossless else {
            if once != input { throw Violation("accept rewrote a file it could not parse or that is not valid UTF-8") }
            return
        }
        _ = accepting.run()
        let twice = try read(file)
        if twice != once { throw Violation("accept is not idempotent: a second --accept changed \(difference(once, twice))") }

        guard let after = try? DocumentParser.parse(bytes: once) else { throw Violation("the accepted file no longer parses") }
        guard after.cells.count == before.cells.count else {
            throw Violation("accept changed the number of cells from \(before.cells.count) to \(after.cells.count)")
        }
        for (old, new) in zip(before.cells, after.cells) where old.source != new.source || old.options != new.options {
            throw Violation("accept changed cell \(old.index + 1) (line \(old.location.line)): its code or options differ")
        }
        let kept = skeleton(input, before: before, after: nil)
        let keptAfter = skeleton(once, before: before, after: after)
        if kept != keptAfter {
            throw Violation("accept changed bytes outside output blocks: \(difference(kept, keptAfter))")
        }

        // Inline code is named by its position, which moves when accept rewrites a block above
        // it: inline failures are compared by number, cells by id.
        func isInline(_ result: CellTestResult) -> Bool { result.cellID.hasPrefix("inline-") }
        let failedDuringAccept = Set(first.results.filter { $0.failed && !isInline($0) }.map(\.cellID))
        let test = NotebookTest(file: file.path).run()
        let newlyFailing = test.results.filter { $0.failed && !isInline($0) && !failedDuringAccept.contains($0.cellID) }
        if let cell = newlyFailing.first {
            throw Violation("nb test fails after accept on cell \(cell.cellID) (line \(cell.line)): \(test.failures.first ?? "")")
        }
        let inlineFailures = (first.results.filter { $0.failed && isInline($0) }.count,
                              test.results.filter { $0.failed && isInline($0) }.count)
        if inlineFailures.1 > inlineFailures.0 {
            throw Violation("nb test fails after accept on \(inlineFailures.1 - inlineFailures.0) more inline checks than during it")
        }
    }

    /// The file without its output blocks; for the accepted file (`after`), also without the
    /// blocks accept inserted.
    private func skeleton(_ bytes: [UInt8], before: Document, after: Document?) -> [UInt8] {
        var removed: [Range<Int>] = []
        let cells = after?.cells ?? before.cells
        for (index, cell) in cells.enumerated() {
            guard let output = cell.expectedOutput else { continue }
            if after != nil, before.cells[index].expectedOutput == nil {
                var end = output.fenceRange.upperBound
                if end < bytes.count, bytes[end] == 13 { end += 1 }
                if end < bytes.count, bytes[end] == 10 { end += 1 }
                // A cell fence that ended the file gets a line ending before the new block.
                let start = before.cells[index].fenceRange.upperBound == before.source.text.utf8.count
                    ? cell.fenceRange.upperBound : output.fenceRange.lowerBound
                removed.append(min(start, end)..<end)
            } else {
                // The whole block, fences included: accept may lengthen a fence so that the
                // new body cannot close the block early.
                removed.append(output.fenceRange)
            }
        }
        var out: [UInt8] = []
        var cursor = 0
        for range in removed.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            out += bytes[cursor..<range.lowerBound]
            cursor = range.upperBound
        }
        out += bytes[min(cursor, bytes.count)...]
        return out
    }

    private func write(_ bytes: [UInt8], to file: URL) throws(Violation) {
        do { try Data(bytes).write(to: file) } catch { throw Violation("fuzzer: cannot write \(file.path): \(error)") }
    }

    private func read(_ file: URL) throws(Violation) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: file.path) else { throw Violation("the notebook file disappeared") }
        return Array(data)
    }

    /// Where two byte strings first differ, with a little context.
    private func difference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let common = zip(a, b).prefix { $0 == $1 }.count
        func around(_ x: [UInt8]) -> String {
            String(decoding: x[max(0, common - 20)..<min(x.count, common + 30)], as: UTF8.self).debugDescription
        }
        return "byte \(common): \(around(a)) became \(around(b))"
    }
}
