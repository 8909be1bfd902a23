import Foundation
import NBExecution
import NBLearning
import Synchronization

/// The progress line on a terminal's stderr, redrawn in place:
///
///     self-supervised.md: cell dae 3.2 s  simclr [######......] epoch 12/50  loss 0.412  ETA 4 s
///
/// It names the notebook and the running cell (its id, or its number and line) with its elapsed time (redrawn every 0.2 s by a
/// timer), and while a builtin's long loop reports through the cell's `Budget`, a bar with epoch k
/// of N, the loss and an estimate of the time left. A cell that took a second or more, or ran such
/// a loop, leaves one summary line (`self-supervised.md: cell dae 4.1 s`). Under `nb build` the
/// count of rendered pages leads the line (`[3/12]`).
///
/// Made only when stderr is a terminal and `--quiet` is not given; thread-safe (cells of several
/// notebooks run at once).
final class TerminalProgress: ExecutionProgress, @unchecked Sendable {
    private struct Running {
        var cell: RunningCell
        var started: UInt64
        var loop: LoopProgress?
        var loopStarted: UInt64 = 0
        var ranLoop = false
    }

    private struct State {
        var running: [Running] = []
        var pages: (done: Int, total: Int)?
        var lastDraw: UInt64 = 0
        var shown = false
    }

    private let state = Mutex(State())
    private let timer: DispatchSourceTimer
    private let directory = FileManager.default.currentDirectoryPath + "/"
    /// Cells at least this long leave a summary line.
    static let longCell = 1.0

    init() {
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "nb.progress"))
        timer.schedule(deadline: .now() + 0.2, repeating: 0.2)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    deinit { timer.cancel() }

    // MARK: ExecutionProgress

    func cellStarted(_ cell: RunningCell) -> (any ProgressSink)? {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            state.running.append(Running(cell: cell, started: now))
            draw(&state, now: now)
        }
        return LoopSink(progress: self, cell: cell)
    }

    func cellFinished(_ cell: RunningCell) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            guard let index = state.running.firstIndex(where: { $0.cell == cell }) else { return }
            let finished = state.running.remove(at: index)
            let seconds = Double(now - finished.started) / 1e9
            if seconds >= Self.longCell || finished.ranLoop {
                write("\r\u{1B}[2K\(name(cell.notebook)): \(Self.label(cell)) \(Self.seconds(seconds))\n")
                state.shown = false
            }
            draw(&state, now: now)
        }
    }

    /// A builtin's loop in `cell` reported.
    fileprivate func loop(_ progress: LoopProgress, in cell: RunningCell) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            guard let index = state.running.firstIndex(where: { $0.cell == cell }) else { return }
            if progress.step == 0 || state.running[index].loop == nil { state.running[index].loopStarted = now }
            state.running[index].loop = progress
            state.running[index].ranLoop = true
            // A new loop draws at once; later reports at most every 0.1 s.
            if progress.step == 0 || now - state.lastDraw >= 100_000_000 { draw(&state, now: now) }
        }
    }

    // MARK: Site builds

    /// `done` of `total` pages are rendered (`nb build`).
    func pages(_ done: Int, of total: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in
            state.pages = (done, total)
            draw(&state, now: now)
        }
    }

    /// A `(done, total)` callback for `SiteBuilder`.
    var pageCallback: @Sendable (Int, Int) -> Void {
        { [self] done, total in pages(done, of: total) }
    }

    /// Clears the line (before a diagnostic is printed, or at the end of the command).
    func clearLine() {
        state.withLock { state in
            if state.shown { write("\r\u{1B}[2K") }
            state.shown = false
        }
    }

    /// Ends a command's (or a `nb serve` rebuild's) progress: forgets the page count and clears the
    /// line. The timer redraws again only while a cell runs.
    func finish() {
        state.withLock { state in
            state.pages = nil
            if state.shown { write("\r\u{1B}[2K") }
            state.shown = false
        }
    }

    // MARK: Drawing

    private func tick() {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { state in if !state.running.isEmpty { draw(&state, now: now) } }
    }

    private func draw(_ state: inout State, now: UInt64) {
        state.lastDraw = now
        var parts: [String] = []
        if let pages = state.pages { parts.append("[\(pages.done)/\(pages.total)]") }
        if let latest = state.running.last {
            let cell = latest.cell
            var text = "\(name(cell.notebook)): \(Self.label(cell)) \(Self.seconds(Double(now - latest.started) / 1e9))"
            if state.running.count > 1 { text += " (+\(state.running.count - 1) running)" }
            parts.append(text)
            if let loop = latest.loop {
                let elapsed = Double(now - latest.loopStarted) / 1e9
                let full = Self.bar(loop, elapsed: elapsed)
                // Without the bar when the line would not fit: the numbers matter more.
                let used = parts.joined(separator: "  ").unicodeScalars.count + 2
                parts.append(used + full.unicodeScalars.count < Self.width() ? full : Self.bar(loop, elapsed: elapsed, drawn: false))
            }
        } else if state.pages != nil {
            parts.append("rendering")
        }
        guard !parts.isEmpty else {
            if state.shown { write("\r\u{1B}[2K") }
            state.shown = false
            return
        }
        let line = Self.fit(parts.joined(separator: "  "), width: Self.width())
        write("\r\u{1B}[2K" + line)
        state.shown = true
    }

    /// `cell dae` for a cell with an id, `cell 3 (line 40)` for one known by its number.
    static func label(_ cell: RunningCell) -> String {
        cell.id.allSatisfy(\.isNumber) ? "cell \(cell.id) (line \(cell.line))" : "cell \(cell.id)"
    }

    /// `train [######......] epoch 12/50  loss 0.412  ETA 4 s`.
    /// Without `drawn`, the same without the bar (`train epoch 12/50  loss 0.412  ETA 4 s`).
    static func bar(_ loop: LoopProgress, elapsed: Double, drawn: Bool = true) -> String {
        let total = max(loop.total, 1)
        let step = min(max(loop.step, 0), total)
        let filled = step * 12 / total
        let bar = drawn ? "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 12 - filled) + "] " : ""
        var text = (loop.task.map { $0 + " " } ?? "") + bar + "\(loop.unit) \(step)/\(loop.total)"
        if let loss = loop.loss, loss.isFinite { text += "  loss " + String(format: "%.3g", loss) }
        if step > 0, step < total {
            text += "  ETA " + seconds(elapsed / Double(step) * Double(total - step))
        }
        return text
    }

    /// `0.4 s`, `12 s`, `3 min 5 s`.
    static func seconds(_ value: Double) -> String {
        if value < 10 { return String(format: "%.1f s", value) }
        if value < 60 { return "\(Int(value.rounded())) s" }
        let whole = Int(value.rounded())
        return "\(whole / 60) min \(whole % 60) s"
    }

    /// The line cut to the terminal's width (a line that wraps cannot be redrawn in place).
    static func fit(_ line: String, width: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= width else { return line }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(max(0, width - 2)))
        return String(cut) + "…"
    }

    /// The terminal's width in columns (80 when it cannot be asked).
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The notebook's path relative to the current folder when it lies under it.
    private func name(_ path: String) -> String {
        path.hasPrefix(directory) ? String(path.dropFirst(directory.count)) : path
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The sink a cell's builtins report their loops to: forwards to the display with the cell.
private struct LoopSink: ProgressSink {
    let progress: TerminalProgress
    let cell: RunningCell
    func report(_ loop: LoopProgress) { progress.loop(loop, in: cell) }
}
