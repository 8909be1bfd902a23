import ArgumentParser
import Foundation
import NBRender
import NBServe

/// `nb serve [DIR] [--port N]` (SPEC §2).
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild when a source changes.",
        discussion: """
        Listens on 127.0.0.1 only. Sources are polled for changes; a change rebuilds the site (cells \
        come from the cache unless they changed) and open pages reload. The reload uses a few lines \
        of script that the server adds to pages it serves; the files written to the site folder \
        contain no script. A notebook that fails shows its error page; the server keeps running. \
        Stop with Ctrl-C.
        """
    )

    @ArgumentParser.Argument(help: "The folder of notebooks.")
    var directory: String = "notebooks"

    @Option(name: .customLong("out"), help: "Where to write the site.")
    var output: String = "site"

    @Option(name: .shortAndLong, help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 8000

    @OptionGroup var terminal: TerminalOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let source = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            DiagnosticPrinter().report(error: "no such folder; pass the folder of notebooks (nb serve DIR)", about: directory)
            throw ExitCode(2)
        }
        let output = URL(fileURLWithPath: self.output)
        let directory = self.directory
        // Feed and sitemap links point at this server (a port picked by the system is not known yet).
        let baseURL = port == 0 ? nil : "http://127.0.0.1:\(port)/"
        let progress = terminal.progress()
        let server = try SiteServer(source: source, output: output, port: UInt16(port)) {
            do {
                let report = try SiteBuild.run(source: source, output: output, jobs: ProcessInfo.processInfo.activeProcessorCount,
                                               useCache: true, baseURL: baseURL,
                                               progress: progress)
                progress?.clearLine()
                let diagnostics = DiagnosticPrinter(progress: progress)
                for diagnostic in report.diagnostics { diagnostics.report(diagnostic, under: directory) }
                diagnostics.printCount()
                let problems = report.brokenNotebooks.count + report.failedNotebooks.count
                return "built \(report.pages.count) pages, \(report.written.count) files updated"
                    + (problems > 0 ? ", \(problems) with errors" : "")
            } catch {
                return "build failed: \(error.localizedDescription)"
            }
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = ServeFailure()
        Task {
            do { try await server.run() } catch { failure.set("\(error)") }
            finished.signal()
        }
        Task {
            try? await server.waitUntilListening()
            if let address = await server.boundAddress() {
                Terminal.error("nb serve: http://\(address.host):\(address.port)/ (Ctrl-C to stop)")
            }
        }
        finished.wait()
        if let message = failure.message {
            Terminal.error("nb serve: error: cannot serve on 127.0.0.1:\(port): \(message); try another --port")
            throw ExitCode(2)
        }
    }
}

/// The server's error, handed from its task to the command.
final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var text: String?
    func set(_ message: String) { lock.lock(); text = message; lock.unlock() }
    var message: String? { lock.lock(); defer { lock.unlock() }; return text }
}
