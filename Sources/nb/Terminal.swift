import ArgumentParser
import Foundation
import NBDocument

/// What stderr is: a terminal (progress and colours) or not (plain text only).
enum Terminal {
    /// Whether stderr is a terminal.
    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    /// Colours on stderr: a terminal whose user did not set `NO_COLOR` (no-color.org) or `TERM=dumb`.
    static var usesColours: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isInteractive
    }

    /// Writes `text` and a newline to stderr.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Parses a notebook; an unreadable or malformed one is reported through `diagnostics` and ends
    /// the command with exit status 2.
    static func parse(_ file: String, diagnostics: DiagnosticPrinter) throws -> Document {
        do {
            return try DocumentParser.parse(contentsOfFile: file)
        } catch {
            diagnostics.report(error.diagnostic, file: file)
            diagnostics.printCount()
            throw ExitCode(2)
        }
    }
}
