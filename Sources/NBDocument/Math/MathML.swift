/// TeX → MathML Core, server-side: the page needs no script and no CDN (SPEC §3).
public enum MathML {
    /// Converts a TeX formula to
    /// `<math display="block"|"inline"><semantics>…<annotation encoding="application/x-tex">TEX</annotation></semantics></math>`.
    ///
    /// Unknown commands and malformed input become a visible `<merror>` plus a warning (span and
    /// location relative to `tex`; ``render(_:in:)`` places them in the Markdown). Never throws, never crashes, never drops input
    /// silently; nesting deeper than 64 levels is shown unconverted. Output is deterministic.
    /// `\\` and `&` outside an environment lay the formula out as gathered/aligned rows.
    public static func render(_ tex: String, display: Bool, macros: MathMacros = MathMacros()) -> (mathML: String, diagnostics: [Diagnostic]) {
        var context = MathPageContext(macros)
        let (mathML, diagnostics) = convert(tex, display: display, macros: &context)
        return (mathML, diagnostics.isEmpty ? [] : SourceText(tex).locate(diagnostics))
    }

    /// ``render(_:display:)`` with the diagnostics' spans in `tex` but not yet located.
    static func convert(_ tex: String, display: Bool) -> (mathML: String, diagnostics: [Diagnostic]) {
        var context = MathPageContext()
        return convert(tex, display: display, macros: &context)
    }

    /// Converts with the macros of `macros` in force; definitions in `tex` are added to it (a
    /// page's formulas are converted in document order through one context). A formula converted
    /// before on the page is taken from the context's ``MathConversionCache`` when nothing the
    /// page did since could change it.
    static func convert(_ tex: String, display: Bool, macros: inout MathPageContext) -> (mathML: String, diagnostics: [Diagnostic]) {
        // Only a page's context (one that defers references) caches: a one-off conversion would
        // pay for storing what nothing reads again. Only short formulas are worth it: they are the
        // ones written again (`$x$`, `$\theta_i$`); long ones rarely repeat and cost more to hash.
        let caches = macros.defersReferences && tex.utf8.count <= MathConversionCache.maximumTeXBytes
        let key = MathConversionCache.Key(tex: tex, display: display)
        if caches, let cached = macros.conversions.entry(for: key, under: macros.macros) {
            return (cached.mathML, cached.diagnostics)
        }
        var source = tex
        return source.withUTF8 { bytes in
            guard let expansion = MacroExpander.expand(bytes, context: &macros) else {
                let converted = convert(bytes, annotation: tex, display: display, failure: nil, context: &macros)
                if caches && converted.dependsOnTeXAlone {
                    macros.conversions.store(.init(mathML: converted.mathML, diagnostics: converted.diagnostics), for: key,
                                             under: macros.macros)
                }
                return (converted.mathML, converted.diagnostics)
            }
            // Expansion spends the page's budget and may define macros: not cached.
            let (mathML, diagnostics, _) = expansion.tex.withUnsafeBufferPointer { expanded in
                convert(expanded, annotation: tex, display: display, failure: expansion.failure, context: &macros)
            }
            let moved = diagnostics.map { diagnostic -> Diagnostic in
                var moved = diagnostic
                moved.span = diagnostic.span.map { expansion.sourceRange($0) }
                return moved
            }
            return (mathML, (expansion.diagnostics + moved).sorted { ($0.span?.lowerBound ?? 0) < ($1.span?.lowerBound ?? 0) })
        }
    }

    /// The conversion of expanded TeX; `dependsOnTeXAlone` when it neither read nor changed the
    /// page's equation numbers or labels (see ``MathConversionCache``).
    private static func convert(_ bytes: UnsafeBufferPointer<UInt8>, annotation tex: String, display: Bool,
                                failure: String?, context: inout MathPageContext)
        -> (mathML: String, diagnostics: [Diagnostic], dependsOnTeXAlone: Bool) {
        var parser = TeXParser(bytes: bytes, display: display)
        parser.expansionFailure = failure
        parser.equationNumber = context.equationNumber
        let tree = parser.parseFormula()
        let numbered = context.equationNumber != parser.equationNumber || !parser.newLabels.isEmpty
        context.equationNumber = parser.equationNumber
        var diagnostics = parser.allDiagnostics
        for label in parser.newLabels {
            if context.labels[label.anchor] != nil {
                diagnostics.append(Diagnostic(.warning, "\\label{\(label.anchor)} is used twice on this page; \\eqref links to the first",
                                              span: label.offset..<label.offset))
            } else {
                context.labels[label.anchor] = label.number
            }
        }
        // Typical MathML is about eleven times the TeX, plus the wrapper.
        var writer = MathMLWriter(capacity: bytes.count * 12 + 160, display: display)
        writer.raw(display ? "<math display=\"block\"><semantics>" : "<math display=\"inline\"><semantics>")
        writer.writeSingle(tree)
        writer.raw("<annotation encoding=\"application/x-tex\">")
        writer.escaped(tex)
        writer.raw("</annotation></semantics></math>")
        let mathML = context.defersReferences ? writer.output : context.resolvingReferences(in: writer.output)
        return (mathML, diagnostics, !numbered)
    }

    /// Converts a span found by ``MathScanner/scan(_:)``: display or inline by
    /// ``MathScanner/isDisplay(_:in:)``, diagnostics located in `markdown`.
    public static func render(_ span: MathSpan, in markdown: String) -> (mathML: String, diagnostics: [Diagnostic]) {
        let (mathML, diagnostics) = convert(span.tex, display: MathScanner.isDisplay(span, in: markdown))
        guard !diagnostics.isEmpty else { return (mathML, []) }
        let moved = diagnostics.map { $0.relocated(span.origin) }
        if let located = locate(moved, from: span, in: markdown) { return (mathML, located) }
        return (mathML, SourceText(markdown).locate(moved))
    }

    /// Locates diagnostics inside `span` by counting from the span's own line and column, so that
    /// converting every span of a long text one by one stays linear; nil when the span carries no
    /// location or a diagnostic lies outside it.
    private static func locate(_ diagnostics: [Diagnostic], from span: MathSpan, in markdown: String) -> [Diagnostic]? {
        let start = span.offsets.lowerBound
        let utf8 = markdown.utf8
        guard span.line > 0, span.column > 0, start >= 0, span.offsets.upperBound <= utf8.count,
              diagnostics.allSatisfy({ ($0.span?.lowerBound ?? -1) >= start && ($0.span?.lowerBound ?? .max) <= span.offsets.upperBound })
        else { return nil }
        var located = diagnostics
        var line = span.line, column = span.column
        var position = start
        var index = utf8.index(utf8.startIndex, offsetBy: start)
        for (number, diagnostic) in diagnostics.enumerated().sorted(by: { $0.element.span!.lowerBound < $1.element.span!.lowerBound }) {
            let target = diagnostic.span!.lowerBound
            while position < target {
                let byte = utf8[index]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                position += 1
                index = utf8.index(after: index)
            }
            located[number].location = TextLocation(line: line, column: column)
        }
        return located
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
