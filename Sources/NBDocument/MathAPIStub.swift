// TEMPORARY: stands in for the math engineer's API (branch `math`, Sources/NBDocument/Math/)
// until it lands. Delete this file when merging `math`. Handles only `$$…$$` outside code.

public enum MathDelimiter: Sendable { case dollar, doubleDollar, parenthesis, bracket }

public struct MathSpan: Sendable, Equatable {
    public var range: Range<String.Index>
    public var tex: String
    public var delimiter: MathDelimiter
    public var line: Int, column: Int
}

public struct MathDiagnostic: Sendable, Equatable { public var message: String; public var line: Int; public var column: Int }

public enum MathScanner {
    public static func scan(_ markdown: String) -> (spans: [MathSpan], diagnostics: [MathDiagnostic]) {
        var spans: [MathSpan] = []
        var diagnostics: [MathDiagnostic] = []
        var index = markdown.startIndex
        var inFence = false
        var lineStart = true
        var line = 1
        while index < markdown.endIndex {
            let character = markdown[index]
            if lineStart && markdown[index...].hasPrefix("```") { inFence.toggle() }
            lineStart = character == "\n"
            if character == "\n" { line += 1 }
            if !inFence, markdown[index...].hasPrefix("$$") {
                let contentStart = markdown.index(index, offsetBy: 2)
                if let close = markdown[contentStart...].range(of: "$$") {
                    let tex = String(markdown[contentStart..<close.lowerBound])
                    spans.append(MathSpan(range: index..<close.upperBound, tex: tex, delimiter: .doubleDollar, line: line, column: 1))
                    line += tex.filter { $0 == "\n" }.count
                    index = close.upperBound
                    continue
                }
                diagnostics.append(MathDiagnostic(message: "unterminated $$", line: line, column: 1))
                index = contentStart
                continue
            }
            index = markdown.index(after: index)
        }
        return (spans, diagnostics)
    }

    public static func isStandalone(_ span: MathSpan, in markdown: String) -> Bool {
        let before = markdown[..<span.range.lowerBound].reversed().prefix { $0 != "\n" }
        let after = markdown[span.range.upperBound...].prefix { $0 != "\n" }
        return before.allSatisfy(\.isWhitespace) && after.allSatisfy(\.isWhitespace)
    }
}

public enum MathML {
    public static func render(_ tex: String, display: Bool) -> (mathML: String, diagnostics: [MathDiagnostic]) {
        let escaped = tex.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return ("<math display=\"\(display ? "block" : "inline")\"><semantics><mtext>\(escaped)</mtext><annotation encoding=\"application/x-tex\">\(escaped)</annotation></semantics></math>", [])
    }
}
