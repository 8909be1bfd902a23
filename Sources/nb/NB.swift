import ArgumentParser
import Foundation

/// The root command.
struct NB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nb",
        abstract: "Executable Markdown notebooks for differentiable programming.",
        discussion: "Runs the code cells of Markdown notebooks and publishes static, JavaScript-free HTML.",
        version: NBVersion.string,
        // Add a subcommand: one line here, its type in its own file.
        subcommands: [
            RenderCommand.self,
            RunCommand.self,
            TestCommand.self,
            BuildCommand.self,
            ServeCommand.self,
            DocsCommand.self,
            NewCommand.self,
        ]
    )

    /// Parses the arguments, runs the command and exits with SPEC §2's codes: usage errors exit
    /// with 2 (not ArgumentParser's 64).
    static func runAndExit() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            self.exit()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                self.exit(withError: ExitCode(2))
            }
            self.exit(withError: error)
        }
    }
}
