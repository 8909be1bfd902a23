import ArgumentParser
import Foundation
import NBDocument
import enum NBLanguage.LanguageReference

/// `nb docs language [FILE] [--check]`: the builtins' part of the language reference, written
/// from the builtins' declarations (`LanguageReference`).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write the reference generated from nb's own declarations.",
        subcommands: [LanguageDocsCommand.self]
    )
}

struct LanguageDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "The builtins' reference of the cell language, from the builtins' declarations.",
        discussion: """
        Without FILE, prints the generated reference (every constant and builtin, by section, with \
        usage, parameters, defaults and examples as nb cells). With FILE (docs/language.md), replaces \
        the part between its generated-part markers and keeps the hand-written prose around it; \
        with --check, writes nothing and exits with 1 when FILE is out of date.
        """
    )

    @Argument(help: "A reference to update in place (docs/language.md).")
    var file: String?

    @Flag(help: "Only check that FILE is up to date; exit 1 when it is not.")
    var check = false

    func run() throws {
        guard let file else {
            if check { throw ValidationError("--check needs a FILE") }
            print(LanguageReference.builtins())
            return
        }
        let url = URL(fileURLWithPath: file)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            Terminal.error("\(file): error: cannot read the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        let updated: String
        do { updated = try LanguageReference.updating(text) } catch {
            Terminal.error("\(file):1:1: error: \(error)")
            throw ExitCode(2)
        }
        if check {
            guard updated == text else {
                Terminal.error("\(file): error: out of date with the builtins' declarations; run `nb docs language \(file)`")
                throw ExitCode(1)
            }
            return
        }
        do { _ = try AtomicFile.writeIfChanged(Data(updated.utf8), to: url) } catch {
            Terminal.error("\(file): error: cannot write the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }
}
