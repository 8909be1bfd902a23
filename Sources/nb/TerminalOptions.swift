import ArgumentParser

/// Options every command that runs cells shares.
struct TerminalOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Show no progress on the terminal (diagnostics and results are still printed).")
    var quiet = false

    /// The progress display of this command: nil when `--quiet` or when stderr is not a terminal.
    func progress() -> TerminalProgress? {
        quiet || !Terminal.isInteractive ? nil : TerminalProgress()
    }
}

/// `--warnings-as-errors`, for the commands that read prose (render, build, test).
struct WarningOptions: ParsableArguments {
    @Flag(help: "Fail (exit status 1) when there is any warning: an unknown TeX command, an unresolved citation, a link that will be dropped…")
    var warningsAsErrors = false
}
