import CCmark

/// Parses the protected Markdown with cmark, one part at a time (`ChunkedParse`), and turns the
/// top-level nodes into `Block`s: prose HTML with math put back, headings with anchors, cells with
/// their positions and `output` blocks, bibliographies.
struct BlockBuilder {
    let source: SourceText
    let protection: MathProtection
    let unsafe: Bool
    /// The tree of the part being turned into blocks.
    private var tree: CmarkTree
    /// Lines of the protected text before that part (cmark numbers lines from the part's start).
    private var lineOffset = 0
    /// Macros in force before the first formula (site's, then front matter's); formulas add theirs.
    private var macros: MathPageContext
    private(set) var diagnostics: [Diagnostic] = []
    /// Inline expressions, checks and `\nb{…}` values, numbered as their placeholders are.
    private(set) var inlineCode: [InlineCode] = []
    /// Formulas with `\nb{…}` values, numbered as their placeholders are.
    private(set) var computedMath: [ComputedMath] = []

    /// Line starts of the text cmark parsed.
    private let transformedLineStarts: [Int]
    /// MathML of each protected span, rendered once; emptied once the blocks that use it are
    /// made, when `releasesMathML`.
    private var mathML: [String] = []
    /// Whether every U+E000 in the text cmark parses opens a placeholder of `protection` (the file
    /// has no U+E000…U+EFFF and no numeric character reference that could make one): then a
    /// formula appears only in the part its placeholder is in, and its MathML can go with that part.
    private let releasesMathML: Bool
    /// The first span whose MathML may still be used.
    private var nextSpan = 0
    /// The `\nb{…}` values of each math span that has some.
    private var mathValues: [Int: [InlineCodeScan.MathValue]] = [:]
    /// The macros in force before each such span.
    private var mathMacros: [Int: MathMacros] = [:]
    /// The `computedMath` index of each such span, once prose used it.
    private var computedIndex: [Int: Int] = [:]
    private var slugger = Slugger()
    private var blocks: [Block] = []
    private var cellCount = 0
    private var referenceCount = 0
    private var cellIDs: Set<String> = []
    /// The nearest heading so far names a references section.
    private var underReferencesHeading = false

    init(source: SourceText, protection: MathProtection, unsafe: Bool, macros: MathMacros = MathMacros()) {
        self.macros = MathPageContext(macros)
        self.macros.defersReferences = true
        self.source = source
        self.protection = protection
        self.tree = CmarkTree(unsafe: unsafe)
        self.unsafe = unsafe
        self.releasesMathML = !Placeholder.mayOccur(in: source.text) && !source.text.utf8Contains("&#")
        self.transformedLineStarts = SourceText.lineStarts(of: protection.text.utf8)
    }

    /// Makes the blocks, parsing parts of at least `partSize` bytes where a cut allows.
    mutating func build(partSize: Int = ChunkedParse.partSize, stageDone: ((String) -> Void)? = nil) -> [Block] {
        renderMath()
        stageDone?("MathML")
        // Inline code is numbered in text order, `{nb}` spans (found by `prepareTree`) before the
        // `\nb{…}` values of formulas (found as blocks are made): with such values, one part.
        var text = protection.text
        text.withUTF8 { bytes in
            ChunkedParse.parse(bytes, unsafe: unsafe, whole: !mathValues.isEmpty, partSize: partSize,
                               looksAhead: ReferenceDetector.looksAhead(from:)) { part in
                addBlocks(of: part.tree, firstLine: part.firstLine)
                if releasesMathML { releaseMathML(in: UnsafeBufferPointer(rebasing: bytes[part.bytes])) }
            }
        }
        stageDone?("cmark parse and blocks")
        return blocks
    }

    /// Adds the blocks of one part's tree, whose first line is line `firstLine` (0-based) of the text.
    private mutating func addBlocks(of part: CmarkTree, firstLine: Int) {
        tree = part
        lineOffset = firstLine
        prepareTree()
        var node = tree.root.firstChild
        while let current = node {
            node = addBlock(for: current).next
            // Blocks are made in order and keep no node: the ones done are freed as we go.
            tree.freeTopLevelNodes(before: node)
        }
    }

    /// Empties the MathML of the spans whose placeholders are in `part` (the bytes of a part whose
    /// blocks are made): no later block uses it.
    private mutating func releaseMathML(in part: UnsafeBufferPointer<UInt8>) {
        let end = min(nextSpan + Placeholder.math.openingCount(in: part), mathML.count)
        for index in nextSpan..<end { mathML[index] = "" }
        nextSpan = end
    }

    // MARK: Positions

    /// Byte offset in the file of a cmark (line, byte column) position.
    private func originalOffset(line: Int, column: Int) -> Int {
        let index = max(0, min(lineOffset + line - 1, transformedLineStarts.count - 1))
        let transformed = transformedLineStarts[index] + max(0, column - 1)
        return protection.map.originalOffset(transformed)
    }

    private func location(of node: CmarkNode) -> TextLocation {
        source.location(ofByte: originalOffset(line: node.startLine, column: node.startColumn))
    }

    // MARK: Math

    private mutating func renderMath() {
        mathML.reserveCapacity(protection.spans.count)
        for (index, span) in protection.spans.enumerated() {
            // Macros in force before this formula: a formula with `\nb{…}` values is converted again later with them.
            let macrosBefore = macros.macros
            let rendered = MathML.convert(span.tex, display: span.display, macros: &macros)
            mathML.append(rendered.mathML)
            let values = span.tex.utf8Contains("\\nb{") && span.tex.contains("\\nb{") ? InlineCodeScan.mathValues(in: span.tex) : []
            guard values.isEmpty else {
                // The formula is converted again once its values are known; check the rest now.
                mathValues[index] = values
                mathMacros[index] = macrosBefore
                var context = MathPageContext(macrosBefore)
                let checked = MathML.convert(InlineCodeScan.checkable(span.tex, values), display: span.display, macros: &context)
                diagnostics += checked.diagnostics.map { $0.relocated(span.origin) }
                continue
            }
            // Byte spans in the file; DocumentParser locates them with all the others.
            diagnostics += rendered.diagnostics.map { $0.relocated(span.origin) }
        }
        // `\eqref` may point forward: numbers are filled in once every label is known.
        for index in mathML.indices {
            var missing: [String] = []
            mathML[index] = macros.resolvingReferences(in: mathML[index], missing: &missing)
            let start = protection.spans[index].origin.offset(ofTeX: 0)
            for label in missing {
                diagnostics.append(Diagnostic(.warning, "\\eqref{\(label)}: no equation on this page has \\label{\(label)}; shown as (??)",
                                              span: start..<start))
            }
        }
        // Every formula is converted: the page's conversion cache is not needed any more (its
        // MathML would stay in memory through the parse).
        macros.conversions = MathConversionCache()
    }

    /// The placeholder of a formula with `\nb{…}` values, registering it and its values the first
    /// time prose uses it.
    private mutating func computedPlaceholder(span index: Int, values: [InlineCodeScan.MathValue]) -> String {
        if let known = computedIndex[index] { return Placeholder.computedMath.marker(known) }
        let span = protection.spans[index]
        let bytes = Array(span.tex.utf8)
        var tex = ""
        var copied = 0
        var codes: [Int] = []
        let wholeSpan = span.origin.offset(ofTeX: 0)..<span.origin.offset(ofTeX: bytes.count)
        for value in values {
            tex += String(decoding: bytes[copied..<value.whole.lowerBound], as: UTF8.self)
            let code = String(decoding: bytes[value.code], as: UTF8.self)
            let leading = code.utf8.prefix { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
            let offset = span.origin.offset(ofTeX: value.code.lowerBound + leading)
            codes.append(inlineCode.count)
            tex += Placeholder.inlineCode.marker(inlineCode.count)
            inlineCode.append(InlineCode(index: inlineCode.count, kind: .math, source: code.trimmingSpaces,
                                         location: source.location(ofByte: offset), offset: offset,
                                         sentence: Sentence.around(wholeSpan, in: source)))
            copied = value.whole.upperBound
        }
        tex += String(decoding: bytes[copied...], as: UTF8.self)
        computedIndex[index] = computedMath.count
        computedMath.append(ComputedMath(tex: tex, display: span.display, codes: codes, macros: mathMacros[index] ?? MathMacros()))
        return Placeholder.computedMath.marker(computedMath.count - 1)
    }

    /// One pass over the tree before blocks are made:
    /// - math is rendered only in text: in code, raw HTML, URLs and image descriptions the
    ///   placeholder goes back to the source as written;
    /// - cells run only at the top level (their byte ranges must be plain lines of the file); an
    ///   `nb` fence inside a list or quote is shown as code, with a warning.
    private mutating func prepareTree() {
        let hasMath = !protection.spans.isEmpty
        var imageDepth = 0
        var headingDepth = 0
        var nestedCells: [CmarkNode] = []
        var codeSpans: [(node: CmarkNode, inHeading: Bool)] = []
        tree.root.walk { node, entering in
            if node.type == CMARK_NODE_CODE, imageDepth == 0, node.literalHasPrefix("{nb}") {
                codeSpans.append((node, headingDepth > 0))
            }
            switch node.type {
            case CMARK_NODE_HEADING:
                headingDepth += entering ? 1 : -1
            case CMARK_NODE_IMAGE where hasMath:
                imageDepth += entering ? 1 : -1
                if entering { restoreAttributes(node) }
            case CMARK_NODE_LINK where hasMath:
                if entering { restoreAttributes(node) }
            case CMARK_NODE_CODE_BLOCK:
                if hasMath { restoreLiteral(node) }
                if let parent = node.parent, parent.type != CMARK_NODE_DOCUMENT, CellOptions.isCell(info: node.fenceInfo) {
                    nestedCells.append(node)
                }
            case CMARK_NODE_CODE where hasMath, CMARK_NODE_HTML_BLOCK where hasMath, CMARK_NODE_HTML_INLINE where hasMath:
                restoreLiteral(node)
            case CMARK_NODE_TEXT where imageDepth > 0:
                restoreLiteral(node)
            default:
                break
            }
        }
        for node in nestedCells {
            let offset = originalOffset(line: node.startLine, column: node.startColumn)
            diagnostics.append(Diagnostic(.warning, "an `nb` cell inside a list or quote is not run; move it to the top level",
                                          span: offset..<offset))
        }
        for (node, inHeading) in codeSpans { addInlineCode(node, inHeading: inHeading) }
    }

    /// Registers a `{nb}` code span and puts its placeholder in its place. In a heading it stays
    /// code (a heading's anchor must not change with results), with a warning.
    private mutating func addInlineCode(_ node: CmarkNode, inHeading: Bool) {
        guard let literal = node.literal, let found = InlineCodeScan.code(ofSpan: literal) else { return }
        // cmark places a code span at its text; find the marker there in the file.
        var start = originalOffset(line: node.startLine, column: node.startColumn)
        let window = source.slice(start..<min(source.text.utf8.count, start + 64))
        if let marker = window.range(of: InlineCodeScan.marker) {
            start += window.utf8.distance(from: window.startIndex, to: marker.lowerBound)
        }
        if inHeading {
            diagnostics.append(Diagnostic(.warning, "inline code in a heading is not run (a heading's anchor must not change with results); move it to the text below",
                                          span: start..<start))
            return
        }
        var offset = start + InlineCodeScan.marker.utf8.count
        let utf8 = source.text.utf8
        var position = source.utf8Index(offset)
        while position < utf8.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(utf8[position]) {
            offset += 1
            position = utf8.index(after: position)
        }
        let end = min(source.text.utf8.count, start + literal.utf8.count + 1)
        let index = inlineCode.count
        inlineCode.append(InlineCode(index: index, kind: found.kind, source: found.source,
                                     location: source.location(ofByte: offset), offset: offset,
                                     sentence: Sentence.around(max(0, start - 1)..<end, in: source)))
        node.replace(withText: Placeholder.inlineCode.marker(index))
    }

    private func restoreLiteral(_ node: CmarkNode) {
        if let literal = node.literal, MathProtection.mayContainPlaceholder(literal) {
            node.literal = protection.restoringSource(literal)
        }
    }

    private func restoreAttributes(_ node: CmarkNode) {
        if let url = node.url, MathProtection.mayContainPlaceholder(url) { node.url = protection.restoringSource(url) }
        if let title = node.title, MathProtection.mayContainPlaceholder(title) { node.title = protection.restoringSource(title) }
    }

    /// cmark's HTML for `node` with MathML in place of the placeholders.
    private func html(_ node: CmarkNode) -> String {
        let html = tree.html(node)
        return protection.spans.isEmpty ? html : protection.substitute(in: html) { mathML[$0] }
    }

    /// `html(node)` for prose: a formula with `\nb{…}` values becomes its computed placeholder.
    private mutating func proseHTML(_ node: CmarkNode) -> String {
        let html = tree.html(node)
        guard !protection.spans.isEmpty else { return html }
        guard !mathValues.isEmpty else { return protection.substitute(in: html) { mathML[$0] } }
        var computed: [Int: String] = [:]
        _ = protection.substitute(in: html) { index in
            if let values = mathValues[index], computed[index] == nil {
                computed[index] = computedPlaceholder(span: index, values: values)
            }
            return ""
        }
        return protection.substitute(in: html) { computed[$0] ?? mathML[$0] }
    }

    /// Plain text with math as TeX (for slugs and titles).
    private func plainText(_ node: CmarkNode) -> String {
        protection.restoringTeX(node.plainText())
    }

    // MARK: Blocks

    /// Adds the block(s) starting at `node`; returns the last node used.
    private mutating func addBlock(for node: CmarkNode) -> CmarkNode {
        switch node.type {
        case CMARK_NODE_HEADING:
            addHeading(node)
        case CMARK_NODE_CODE_BLOCK:
            addCodeBlock(node)
        case CMARK_NODE_PARAGRAPH:
            if let found = ReferenceDetector.entries(at: node, context: referenceContext, text: plainText) {
                addReferences(found.entries)
                return found.last
            }
            if let display = displayMath(node) {
                // A display formula that only defines macros shows nothing: no empty block.
                guard !display.hasPrefix("<math display=\"block\"><semantics><mrow></mrow><annotation") else { break }
                blocks.append(.prose(Prose(html: "<div class=\"nb-math\">\(display)</div>\n", location: location(of: node))))
            } else {
                addProse(node)
            }
        case CMARK_NODE_LIST:
            if let entries = ReferenceDetector.entries(inList: node, context: referenceContext, text: plainText) {
                addReferences(entries)
            } else {
                addProse(node)
            }
        default:
            addProse(node)
        }
        return node
    }

    /// Whether the next block continues a bibliography or stands under a references heading.
    private var referenceContext: ReferenceDetector.Context {
        var context = ReferenceDetector.Context(underReferencesHeading: underReferencesHeading)
        if case .bibliography? = blocks.last { context.continuesRun = true }
        return context
    }

    private mutating func addProse(_ node: CmarkNode) {
        blocks.append(.prose(Prose(html: proseHTML(node), location: location(of: node))))
    }

    /// The MathML of a paragraph that is exactly one display-math placeholder.
    private mutating func displayMath(_ paragraph: CmarkNode) -> String? {
        guard !protection.spans.isEmpty, let child = paragraph.firstChild, child.next == nil,
              child.type == CMARK_NODE_TEXT, let literal = child.literal,
              MathProtection.mayContainPlaceholder(literal) else { return nil }
        var index: Int?
        let rest = protection.substitute(in: literal) { found in
            index = found
            return ""
        }
        guard rest.isEmpty, let index, protection.spans[index].display else { return nil }
        if let values = mathValues[index] { return computedPlaceholder(span: index, values: values) }
        return mathML[index]
    }

    private mutating func addHeading(_ node: CmarkNode) {
        let text = plainText(node).trimmingSpaces
        let id = slugger.unique(text)
        if !mathValues.isEmpty {
            var computed = false
            _ = protection.substitute(in: tree.html(node)) { index in
                if mathValues[index] != nil { computed = true }
                return ""
            }
            if computed {
                let offset = originalOffset(line: node.startLine, column: node.startColumn)
                diagnostics.append(Diagnostic(.warning, "`\\nb{…}` in a heading is not computed (a heading's anchor must not change with results); move the formula to the text below",
                                              span: offset..<offset))
            }
        }
        underReferencesHeading = ReferenceDetector.isReferencesHeading(text)
        var inner = html(node)
        // cmark writes `<hN>…</hN>\n`; keep the inside.
        if let open = inner.firstIndex(of: ">"), let close = inner.range(of: "</h", options: .backwards) {
            inner = String(inner[inner.index(after: open)..<close.lowerBound])
        }
        blocks.append(.heading(Heading(level: node.headingLevel, text: text, id: id, html: inner, location: location(of: node))))
    }

    private mutating func addReferences(_ entries: [ReferenceDetector.Entry]) {
        var references: [Reference] = []
        for entry in entries {
            referenceCount += 1
            let url = LinkSafety.isAllowed(entry.url) ? entry.url : nil
            references.append(Reference(id: String(referenceCount), title: entry.title, url: url,
                                        location: location(of: entry.node)))
        }
        if case .bibliography(var bibliography)? = blocks.last {
            // Taken out of `blocks` first, so that the list grows in place instead of being copied
            // for every entry (a run of n entries would cost O(n²)).
            blocks.removeLast()
            bibliography.references += references
            blocks.append(.bibliography(bibliography))
        } else if let first = references.first {
            blocks.append(.bibliography(Bibliography(references: references, location: first.location)))
        }
    }

    // MARK: Code, cells, output

    private mutating func addCodeBlock(_ node: CmarkNode) {
        let info = node.fenceInfo
        let code = node.literal ?? ""
        let word = CellOptions.firstWord(info)
        if word == "nb" {
            addCell(node, info: info, code: code)
        } else if word == "output", case .cell(var cell)? = blocks.last, cell.expectedOutput == nil {
            let fence = fence(of: node)
            cell.expectedOutput = ExpectedOutput(text: code, location: fence.location, bodyRange: fence.body,
                                                 fenceRange: fence.whole, isClosed: fence.closed)
            blocks[blocks.count - 1] = .cell(cell)
        } else {
            blocks.append(.code(CodeBlock(language: word.isEmpty ? nil : String(word), code: code, location: location(of: node))))
        }
    }

    private mutating func addCell(_ node: CmarkNode, info: String, code: String) {
        let fence = fence(of: node)
        let parsed = CellOptions.parse(info: info, at: fence.location)
        diagnostics += parsed.diagnostics
        var id = parsed.options.id ?? String(cellCount + 1)
        if cellIDs.contains(id) {
            diagnostics.append(Diagnostic(.warning, "cell id `\(id)` is used twice; this one is renamed `\(id)-\(cellCount + 1)`",
                                          span: fence.whole))
            id = "\(id)-\(cellCount + 1)"
        }
        cellIDs.insert(id)
        slugger.reserve("cell-\(id)")
        let sourceLocation = TextLocation(line: fence.location.line + 1, column: fence.location.column)
        blocks.append(.cell(Cell(index: cellCount, id: id, options: parsed.options, source: code,
                                 sourceLocation: sourceLocation, location: fence.location, fenceRange: fence.whole)))
        cellCount += 1
    }

    private struct Fence {
        var location: TextLocation
        var whole: Range<Int>
        var body: Range<Int>
        var closed: Bool
    }

    /// Byte ranges of a fenced code block in the file.
    private func fence(of node: CmarkNode) -> Fence {
        let start = originalOffset(line: node.startLine, column: node.startColumn)
        let openingLine = source.lineIndex(ofByte: start)
        let utf8 = Array(source.slice(start..<source.lineContentEnd(ofLineIndex: openingLine)).utf8)
        let character = utf8.first ?? UInt8(ascii: "`")
        let length = utf8.prefix { $0 == character }.count
        let lastLine = source.lineIndex(ofByte: originalOffset(line: node.endLine, column: 1))
        let closed = lastLine > openingLine && isClosingFence(line: lastLine, character: character, length: length)
        let total = source.text.utf8.count
        let bodyStart = source.nextLineStart(afterLineIndex: openingLine)
        let bodyEnd = closed ? source.lineStarts[lastLine] : total
        let end = closed ? source.lineContentEnd(ofLineIndex: lastLine) : total
        return Fence(location: source.location(ofByte: start), whole: start..<max(start, end),
                     body: min(bodyStart, bodyEnd)..<bodyEnd, closed: closed)
    }

    private func isClosingFence(line: Int, character: UInt8, length: Int) -> Bool {
        let bytes = Array(source.slice(source.lineStarts[line]..<source.lineContentEnd(ofLineIndex: line)).utf8)
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == 0x20 { index += 1 }
        var run = 0
        while index < bytes.count, bytes[index] == character { run += 1; index += 1 }
        return run >= length && bytes[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
