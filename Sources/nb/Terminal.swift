import ArgumentParser
import Foundation
import NBDocument

/// Writing diagnostics to stderr in `file:line:col: severity: message` form.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic], file: String) {
        for diagnostic in diagnostics {
            error(diagnostic.formatted(file: file))
        }
    }

    /// Parses a notebook; an unreadable or malformed one is reported (`file:line:col: error: …`)
    /// and ends the command with exit status 2.
    static func parse(_ file: String) throws -> Document {
        do {
            return try DocumentParser.parse(contentsOfFile: file)
        } catch {
            self.error(error.formatted(file: file))
            throw ExitCode(2)
        }
    }
}
