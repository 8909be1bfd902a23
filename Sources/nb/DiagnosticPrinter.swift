import ArgumentParser
import Foundation
import NBDocument
import NBRender

/// Prints every warning and error of a command through the one `DiagnosticFormatter` (source line,
/// caret, hint; colours on a terminal), counts them, and closes with the count (`2 warnings`).
/// With `--warnings-as-errors` a warning fails the command.
final class DiagnosticPrinter {
    private let formatter = DiagnosticFormatter(colours: Terminal.usesColours)
    private var sources: [String: String?] = [:]
    private(set) var warnings = 0
    private(set) var errors = 0
    let warningsAsErrors: Bool
    /// Cleared before a diagnostic is printed, so it never lands in the middle of a progress line.
    let progress: TerminalProgress?

    init(warningsAsErrors: Bool = false, progress: TerminalProgress? = nil) {
        self.warningsAsErrors = warningsAsErrors
        self.progress = progress
    }

    /// Prints `diagnostic` about `file`, quoting the line it points at from `source` (or from the
    /// file, read once, when `source` is nil).
    func report(_ diagnostic: Diagnostic, file: String, source: String? = nil) {
        report(diagnostic, file: file, lines: (source ?? self.source(of: file)).map(DiagnosticFormatter.Lines.init))
    }

    func report(_ diagnostics: [Diagnostic], file: String, source: String? = nil) {
        guard !diagnostics.isEmpty else { return }
        let lines = (source ?? self.source(of: file)).map(DiagnosticFormatter.Lines.init)
        for diagnostic in diagnostics { report(diagnostic, file: file, lines: lines) }
    }

    /// Prints `diagnostic`, quoting its line from `lines`.
    private func report(_ diagnostic: Diagnostic, file: String, lines: DiagnosticFormatter.Lines?) {
        switch diagnostic.severity {
        case .warning: warnings += 1
        case .error: errors += 1
        }
        let line = diagnostic.location.line > 0 ? lines?.line(diagnostic.location.line) : nil
        progress?.clearLine()
        Terminal.error(formatter.format(diagnostic, file: file, sourceLine: line))
    }

    /// A site diagnostic, its file relative to `directory`.
    func report(_ diagnostic: SiteDiagnostic, under directory: String) {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        report(diagnostic.diagnostic, file: prefix + diagnostic.file)
    }

    /// What rendering `file` reported: diagnostics about the notebook itself (named by
    /// `relativePath`) quote `source`; others (a .bib file) are named from the notebook's folder.
    func report(rendered diagnostics: [SiteDiagnostic], file: String, relativePath: String, source: String) {
        let folder = (file as NSString).deletingLastPathComponent
        let lines = diagnostics.contains { $0.file == relativePath } ? DiagnosticFormatter.Lines(source) : nil
        for diagnostic in diagnostics {
            if diagnostic.file == relativePath {
                report(diagnostic.diagnostic, file: file, lines: lines)
            } else {
                report(diagnostic, under: folder.isEmpty ? "." : folder)
            }
        }
    }

    /// A problem that has no position (a folder that does not exist, a file that cannot be written).
    func report(error message: String, about subject: String) {
        report(Diagnostic(.error, message, at: TextLocation(line: 0, column: 0)), file: subject)
    }

    /// Prints `N warnings` / `N errors, N warnings` on stderr when there were any.
    func printCount() {
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        guard !parts.isEmpty else { return }
        progress?.clearLine()
        Terminal.error(parts.joined(separator: ", ") + (warningsAsErrors && warnings > 0 ? " (--warnings-as-errors: failing)" : ""))
    }

    /// Prints the count; with `--warnings-as-errors` and any warning, ends the command with status 1.
    func finish() throws {
        printCount()
        if warningsAsErrors, warnings > 0 { throw ExitCode(1) }
    }

    private func source(of file: String) -> String? {
        if let cached = sources[file] { return cached }
        let text = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) }
        sources[file] = text
        return text
    }
}

extension SiteDiagnostic {
    /// The same warning or error as the diagnostic type the formatter prints (its file aside).
    var diagnostic: Diagnostic {
        Diagnostic(severity == .error ? .error : .warning, message, at: TextLocation(line: line, column: column), hint: hint)
    }
}
