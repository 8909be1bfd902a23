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
}
