import CCmark
import Foundation

/// Reads a notebook: front matter, math protection, cmark, then the document model.
public enum DocumentParser {
    /// At most this many invalid-UTF-8 warnings are listed one by one.
    static let maximumRepairWarnings = 5

    /// Reads and parses the file at `path`.
    /// - Throws: `DocumentError` when the file is missing, a directory or unreadable, or when its
    ///   front matter is unterminated or malformed.
    public static func parse(contentsOfFile path: String) throws(DocumentError) -> Document {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(.unreadable, "no such file", hint: "check the path; `nb render` takes a Markdown file")
        }
        guard !isDirectory.boolValue else {
            throw DocumentError(.unreadable, "is a directory, not a Markdown file",
                                hint: "give one .md file (`nb build DIR` renders a whole folder)")
        }
        guard let source = readSource(path) else {
            throw DocumentError(.unreadable, "cannot read the file", hint: "check its permissions")
        }
        return try parse(source)
    }

    /// The file's text, or nil when it cannot be read. The file's bytes are gone when this returns:
    /// only the text stays in memory while the document is parsed.
    private static func readSource(_ path: String) -> SourceText? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return SourceText(bytes: [UInt8](data))
    }

    /// Parses a notebook from its bytes (invalid UTF-8 is repaired with a warning).
    public static func parse(bytes: [UInt8]) throws(DocumentError) -> Document {
        try parse(SourceText(bytes: bytes))
    }

    /// Parses a notebook from text.
    public static func parse(_ text: String, macros: MathMacros = MathMacros()) throws(DocumentError) -> Document {
        try parse(SourceText(text), macros: macros)
    }

    /// Parses a notebook.
    /// - Parameter stageDone: called with a stage's name as each stage ends (for benchmarks).
    /// - Parameter macros: TeX macros in force on every page (`site.yml`'s `macros:`); the front
    ///   matter's `nb: macros:` override them.
    public static func parse(_ source: SourceText, macros: MathMacros = MathMacros(),
                             stageDone: ((String) -> Void)? = nil) throws(DocumentError) -> Document {
        try parse(source, macros: macros, partSize: ChunkedParse.partSize, stageDone: stageDone)
    }

    /// `parse(_:macros:stageDone:)` with cmark's parts at least `partSize` bytes where a cut
    /// allows (tests cut as often as they can; the document is the same).
    static func parse(_ source: SourceText, macros: MathMacros = MathMacros(), partSize: Int,
                      stageDone: ((String) -> Void)? = nil) throws(DocumentError) -> Document {
        var diagnostics = repairWarnings(source)
        let front = try FrontMatterParser.parse(source)
        diagnostics += front.diagnostics
        stageDone?("front matter")
        let protection = MathProtection(source: source, bodyStart: front.bodyStart)
        diagnostics += protection.diagnostics
        stageDone?("math scan")
        var builder = BlockBuilder(source: source, protection: protection, unsafe: front.frontMatter.options.unsafeHTML,
                                   macros: macros.overridden(by: front.frontMatter.options.macros))
        let blocks = builder.build(partSize: partSize, stageDone: stageDone)
        diagnostics += builder.diagnostics
        // Every diagnostic with a byte span gets its line and column here, in one pass.
        diagnostics = source.locate(diagnostics)
        diagnostics.sort { $0.location < $1.location }
        return Document(source: source, frontMatter: front.frontMatter, blocks: blocks, diagnostics: diagnostics,
                        inlineCode: builder.inlineCode, computedMath: builder.computedMath)
    }

    private static func repairWarnings(_ source: SourceText) -> [Diagnostic] {
        guard !source.repairs.isEmpty else { return [] }
        var warnings = source.repairs.prefix(maximumRepairWarnings).map {
            Diagnostic(.warning, "invalid UTF-8 replaced by U+FFFD; save the file as UTF-8", span: $0..<($0 + 3))
        }
        if source.repairs.count > maximumRepairWarnings, let last = source.repairs.last {
            warnings.append(Diagnostic(.warning, "\(source.repairs.count - maximumRepairWarnings) more invalid UTF-8 sequences replaced",
                                       span: last..<(last + 3)))
        }
        return warnings
    }
}
