/// A parsed notebook: front matter and its blocks in order, each with its position in the file.
public struct Document: Sendable {
    /// The file's text (kept so `nb test --accept` can rewrite byte ranges of it).
    public var source: SourceText
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    /// Warnings found while reading (math, cell options, invalid UTF-8, …), in file order.
    public var diagnostics: [Diagnostic]
    /// Inline expressions, inline checks and `\nb{…}` values in the prose; prose HTML refers to
    /// them by `Placeholder.inlineCode` markers.
    public var inlineCode: [InlineCode]
    /// Formulas holding `\nb{…}` values; prose HTML refers to them by `Placeholder.computedMath`
    /// markers.
    public var computedMath: [ComputedMath]

    public init(source: SourceText, frontMatter: FrontMatter, blocks: [Block], diagnostics: [Diagnostic],
                inlineCode: [InlineCode] = [], computedMath: [ComputedMath] = []) {
        self.source = source
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.diagnostics = diagnostics
        self.inlineCode = inlineCode
        self.computedMath = computedMath
    }

    /// The cells, in order.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
    }

    /// Every reference entry of every bibliography, in order.
    public var references: [Reference] {
        blocks.flatMap { block -> [Reference] in
            if case .bibliography(let bibliography) = block { bibliography.references } else { [] }
        }
    }

    /// The title: front matter `title`, else the text of the first level-1 heading.
    public var title: String? {
        if let title = frontMatter.title, !title.isEmpty { return title }
        for case .heading(let heading) in blocks where heading.level == 1 { return heading.text }
        return nil
    }
}
