import NBDocument

/// A notebook found under the site's source folder.
public struct NotebookSource: Sendable, Equatable {
    /// Path relative to the site root, with `/` separators (`dl/autodiff.md`).
    public var relativePath: String
    /// The file's text.
    public var text: String
    public init(relativePath: String, text: String) { self.relativePath = relativePath; self.text = text }

    /// Output path of the rendered page (`dl/autodiff.html`).
    public var outputPath: String { SitePaths.htmlPath(for: relativePath) }
}

/// A piece of a page's article HTML with the source line it came from (for warnings about it).
public struct HTMLBlock: Sendable, Equatable, Codable {
    public var html: String
    public var line: Int
    public init(html: String, line: Int) { self.html = html; self.line = line }
}

/// A warning or error about a notebook, at `file:line:col`.
public struct SiteDiagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case warning, error }
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// What to do about it, if something useful can be said.
    public var hint: String?
    public init(file: String, line: Int, column: Int = 1, severity: Severity = .warning, message: String, hint: String? = nil) {
        self.file = file; self.line = line; self.column = column; self.severity = severity; self.message = message
        self.hint = hint
    }
    /// A document diagnostic (parsing, a cell, inline code) about `file`.
    public init(_ diagnostic: Diagnostic, file: String) {
        self.init(file: file, line: diagnostic.location.line, column: diagnostic.location.column,
                  severity: diagnostic.severity == .error ? .error : .warning, message: diagnostic.message, hint: diagnostic.hint)
    }
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// Everything the site needs from one rendered notebook.
public struct NotebookRender: Sendable, Equatable, Codable {
    public var title: String
    public var date: SiteDate?
    public var category: String?
    public var tags: [String]
    /// The article content in order (prose, cells, outputs, the page's own bibliography).
    public var blocks: [HTMLBlock]
    /// The page's bibliography entries (for the site-wide bibliography page).
    public var references: [BibliographyEntry]
    /// A short plain-text summary (feed, index, search).
    public var summary: String
    /// Plain text of the page for the search index.
    public var searchText: String
    /// Warnings and errors found while rendering.
    public var diagnostics: [SiteDiagnostic]
    /// True when a cell failed (the page is still written, the error shown in place).
    public var failed: Bool
    /// Per cell, whether it came from the cache or ran and why (`nb build --explain`).
    public var cacheExplanation: [String]
    /// The front matter exactly as written between its `---` lines ("" when there is none), for
    /// publishing into another site generator (`nb build --format jekyll`).
    public var frontMatter: String = ""
    /// The page's language (front matter `lang`, or guessed from its text), for `<html lang>`;
    /// nil: the site's language.
    public var language: String?

    public init(title: String, date: SiteDate? = nil, category: String? = nil, tags: [String] = [], blocks: [HTMLBlock],
                references: [BibliographyEntry] = [], summary: String = "", searchText: String = "",
                diagnostics: [SiteDiagnostic] = [], failed: Bool = false, cacheExplanation: [String] = []) {
        self.title = title; self.date = date; self.category = category; self.tags = tags; self.blocks = blocks
        self.references = references; self.summary = summary; self.searchText = searchText
        self.diagnostics = diagnostics; self.failed = failed; self.cacheExplanation = cacheExplanation
    }
}

/// Turns one notebook into its page content. The `nb` command wires the real pipeline (Markdown,
/// cells through the cache, display); tests and benchmarks may pass simpler ones.
public protocol NotebookRendering: Sendable {
    /// Renders `source`. Throwing means the notebook could not be rendered at all (unreadable
    /// front matter, …): the site shows an error page for it and goes on with the others.
    func render(_ source: NotebookSource) throws -> NotebookRender

    /// Called once per build, after every notebook was rendered, with the site's notebook paths
    /// (a renderer that keeps state between builds saves it here). Does nothing by default.
    func buildFinished(notebooks: [String])
}

extension NotebookRendering {
    public func buildFinished(notebooks: [String]) {}
}

/// An input error that names its position.
public struct NotebookRenderError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public init(line: Int, column: Int = 1, message: String) { self.line = line; self.column = column; self.message = message }
    public var description: String { "\(line):\(column): \(message)" }
}
