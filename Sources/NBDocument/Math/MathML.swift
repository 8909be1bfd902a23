/// TeX → MathML Core, server-side: the page needs no script and no CDN (SPEC §3).
public enum MathML {
    /// Converts a TeX formula to
    /// `<math display="block"|"inline"><semantics>…<annotation encoding="application/x-tex">TEX</annotation></semantics></math>`.
    ///
    /// Unknown commands and malformed input become a visible `<merror>` plus a warning (span and
    /// location relative to `tex`; ``render(_:in:)`` places them in the Markdown). Never throws, never crashes, never drops input
    /// silently; nesting deeper than 64 levels is shown unconverted. Output is deterministic.
    /// `\\` and `&` outside an environment lay the formula out as gathered/aligned rows.
    public static func render(_ tex: String, display: Bool) -> (mathML: String, diagnostics: [Diagnostic]) {
        let (mathML, diagnostics) = convert(tex, display: display)
        return (mathML, diagnostics.isEmpty ? [] : SourceText(tex).locate(diagnostics))
    }

    /// ``render(_:display:)`` with the diagnostics' spans in `tex` but not yet located.
    static func convert(_ tex: String, display: Bool) -> (mathML: String, diagnostics: [Diagnostic]) {
        var source = tex
        return source.withUTF8 { bytes in
            var parser = TeXParser(bytes: bytes, display: display)
            let tree = parser.parseFormula()
            // Typical MathML is about eleven times the TeX, plus the wrapper.
            var writer = MathMLWriter(capacity: bytes.count * 12 + 160, display: display)
            writer.raw(display ? "<math display=\"block\"><semantics>" : "<math display=\"inline\"><semantics>")
            writer.writeSingle(tree)
            writer.raw("<annotation encoding=\"application/x-tex\">")
            writer.escaped(tex)
            writer.raw("</annotation></semantics></math>")
            return (writer.output, parser.allDiagnostics)
        }
    }

    /// Converts a span found by ``MathScanner/scan(_:)``: display or inline by
    /// ``MathScanner/isDisplay(_:in:)``, diagnostics located in `markdown`.
    public static func render(_ span: MathSpan, in markdown: String) -> (mathML: String, diagnostics: [Diagnostic]) {
        let (mathML, diagnostics) = convert(span.tex, display: MathScanner.isDisplay(span, in: markdown))
        guard !diagnostics.isEmpty else { return (mathML, []) }
        return (mathML, SourceText(markdown).locate(diagnostics.map { $0.relocated(span.origin) }))
    }
}

extension Diagnostic {
    /// The diagnostic moved from a formula's TeX to the Markdown the TeX was cut from.
    func relocated(_ origin: TeXOrigin) -> Diagnostic {
        var moved = self
        moved.span = span.map { origin.offset(ofTeX: $0.lowerBound)..<origin.offset(ofTeX: $0.upperBound) }
        return moved
    }
}
