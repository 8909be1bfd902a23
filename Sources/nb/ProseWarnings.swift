import Foundation
import NBDocument
import NBExecution
import NBRender

/// The warnings a page render adds to a document's own — references, `[@id]` citations, BibTeX,
/// links that will be dropped — found through the page pipeline without running a cell, so that
/// `nb test --warnings-as-errors` catches what `nb render` and `nb build` would warn about.
enum ProseWarnings {
    static func of(_ document: Document, file: String) -> [SiteDiagnostic] {
        let url = URL(fileURLWithPath: file)
        let renderer = NotebookPageRenderer(root: url.deletingLastPathComponent(), cache: nil,
                                            engineVersion: NotebookExecution.engineVersion, runsCells: false)
        let source = NotebookSource(relativePath: url.lastPathComponent, text: document.source.text)
        // The document's own diagnostics come first; `nb test` reports those already.
        return Array(renderer.render(document, source: source).diagnostics.dropFirst(document.diagnostics.count))
    }
}
